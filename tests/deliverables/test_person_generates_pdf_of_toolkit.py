"""The toolkit as a PDF (the kind registered by toolkits through deliverables.registry)."""

import io

import pytest
from django.core.management import call_command

from deliverables import services
from deliverables.models import Deliverable
from toolkits.models import Toolkit

from .support import pdf_text
from .test_person_generates_pdf_of_each_kind import assert_common_parts, assert_tagged_with_embedded_european_fonts


@pytest.fixture
def demo_library(db):
    call_command("load_demo", stdout=io.StringIO())


def render(capture, toolkit):
    with capture(execute=True):
        deliverable = services.request_render(subject=toolkit, kind="toolkit", by=None)
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.READY, deliverable.error
    return deliverable


def test_coordinator_generates_a_toolkit_with_benchmark_key_factors_practices_and_recommendations(
    demo_library, django_capture_on_commit_callbacks
):
    toolkit = Toolkit.objects.filter(scheme__isnull=False, state="published").order_by("slug").first()
    factor = toolkit.key_factors.order_by("position").first()
    practice = factor.practices.filter(state="published").first()
    recommendation = toolkit.recommendations.prefetch_related("commitments").order_by("position").first()

    deliverable = render(django_capture_on_commit_callbacks, toolkit)

    text = assert_common_parts(deliverable)
    flat = " ".join(text.split())
    for expected in [
        toolkit.title,
        "Table of contents",
        "Benchmark",
        "Key factors for success",
        "Questions to ask yourself",
        "Recommendations",
        "demo content",
        factor.title,
        factor.questions.first().text,
        practice.title,
        practice.city_name,
        recommendation.text,
        *[commitment.code for commitment in recommendation.commitments.all()],
    ]:
        assert " ".join(expected.split()) in flat, expected
    assert_tagged_with_embedded_european_fonts(deliverable)


def test_an_earlier_toolkit_without_a_scheme_renders_too(demo_library, django_capture_on_commit_callbacks):
    toolkit = Toolkit.objects.filter(scheme__isnull=True).first()

    text = pdf_text(render(django_capture_on_commit_callbacks, toolkit))

    assert toolkit.title.split()[0] in text and "Page 1 of" in text


def test_a_changed_toolkit_is_rendered_again(demo_library, django_capture_on_commit_callbacks):
    toolkit = Toolkit.objects.filter(scheme__isnull=False).first()
    first = render(django_capture_on_commit_callbacks, toolkit)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.request_render(subject=toolkit, kind="toolkit", by=None)
    assert callbacks == []

    factor = toolkit.key_factors.first()
    factor.questions.create(position=99, text="Who in München and Αθήνα answers this question?")
    again = render(django_capture_on_commit_callbacks, toolkit)

    assert again.source_version != first.source_version
    assert "Who in München and Αθήνα answers this question?" in " ".join(pdf_text(again).split())
