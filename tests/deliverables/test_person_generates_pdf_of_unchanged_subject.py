"""Generating the PDF of a subject that has not changed since its last rendering renders nothing."""

import pytest

from deliverables import services
from deliverables.models import Deliverable, PairingProfile
from tests.factories import PairingFactory, VisitFactory

pytestmark = pytest.mark.django_db


def request(pairing, capture, force=False):
    with capture(execute=True) as callbacks:
        deliverable = services.request_render(subject=pairing, kind="infographic", by=None, force=force)
    deliverable.refresh_from_db()
    return deliverable, callbacks


def test_an_unchanged_pairing_is_not_rendered_again(django_capture_on_commit_callbacks, settings):
    pairing = PairingFactory()
    first, _ = request(pairing, django_capture_on_commit_callbacks)

    again, callbacks = request(pairing, django_capture_on_commit_callbacks)

    assert callbacks == []  # no task queued
    assert (again.pk, again.status, again.rendered_at, again.attempts) == (first.pk, "ready", first.rendered_at, 1)
    assert again.source_version == first.source_version


def test_a_changed_pairing_is_rendered_again_into_the_same_row_and_file(django_capture_on_commit_callbacks, settings):
    pairing = PairingFactory()
    first, _ = request(pairing, django_capture_on_commit_callbacks)

    PairingProfile.objects.create(pairing=pairing, mentor_strengths="Strong partnerships with employers")
    VisitFactory(pairing=pairing)
    second, callbacks = request(pairing, django_capture_on_commit_callbacks)

    assert len(callbacks) == 1
    assert second.pk == first.pk and second.status == "ready"
    assert second.source_version != first.source_version
    assert second.checksum != first.checksum
    assert second.file.name == first.file.name
    folder = settings.MEDIA_ROOT / "deliverables" / "infographic"
    assert [path.name for path in folder.iterdir()] == [f"infographic-{pairing.pk}-en.pdf"]
    assert Deliverable.objects.count() == 1


def test_generating_again_on_purpose_renders_even_an_unchanged_pairing(django_capture_on_commit_callbacks):
    pairing = PairingFactory()
    first, _ = request(pairing, django_capture_on_commit_callbacks)

    again, callbacks = request(pairing, django_capture_on_commit_callbacks, force=True)

    assert len(callbacks) == 1 and again.rendered_at > first.rendered_at


def test_a_pdf_whose_file_went_missing_is_rendered_again(django_capture_on_commit_callbacks):
    pairing = PairingFactory()
    first, _ = request(pairing, django_capture_on_commit_callbacks)
    first.file.storage.delete(first.file.name)

    again, callbacks = request(pairing, django_capture_on_commit_callbacks)

    assert len(callbacks) == 1 and again.status == "ready" and again.file.storage.exists(again.file.name)
