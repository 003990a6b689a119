"""A rendering that cannot succeed ends "failed" with a reason a person can read, never stuck at
"rendering"; "try again" then renders it."""

import dataclasses
import datetime

import pytest
from django.utils import timezone

from deliverables import registry, services
from deliverables.models import Deliverable
from tests.factories import PairingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generate(django_capture_on_commit_callbacks):
    def generate(subject, kind="infographic"):
        with django_capture_on_commit_callbacks(execute=True):
            deliverable = services.request_render(subject=subject, kind=kind, by=None)
        deliverable.refresh_from_db()
        return deliverable

    return generate


@pytest.fixture
def broken_template(monkeypatch):
    kind = registry.get_kind("infographic")
    monkeypatch.setitem(
        registry._registry.kinds, "infographic", dataclasses.replace(kind, template="deliverables/pdf/missing.html")
    )


def page_with(body):
    return lambda snapshot, **kwargs: f'<!DOCTYPE html><html lang="en"><title>Test</title><body>{body}</body></html>'


def test_a_template_error_fails_the_rendering_and_try_again_succeeds_once_fixed(generate, broken_template, monkeypatch):
    pairing = PairingFactory()

    failed = generate(pairing)

    assert failed.status == Deliverable.Status.FAILED
    assert failed.error == "TemplateDoesNotExist: deliverables/pdf/missing.html"
    assert not failed.file
    monkeypatch.undo()
    assert generate(pairing).status == Deliverable.Status.READY


@pytest.mark.parametrize(
    "image, reason",
    [
        ("/static/deliverables/no-such-image.png", "No static file deliverables/no-such-image.png"),
        ("https://example.com/logo.png", "Deliverables load only this site's static files"),
        ("/static/deliverables/document.css", "Failed to load image"),  # loads, but is no image
    ],
)
def test_an_image_that_cannot_load_fails_the_rendering(generate, monkeypatch, image, reason):
    monkeypatch.setattr(services, "render_html", page_with(f'<img src="{image}" alt="A logo">'))

    deliverable = generate(PairingFactory())

    assert deliverable.status == Deliverable.Status.FAILED
    assert reason in deliverable.error


def test_a_failing_disk_is_retried_and_then_recorded(monkeypatch):
    pairing = PairingFactory()
    deliverable = Deliverable.objects.create(kind="infographic", content_type_id=_pairing_type(), object_id=pairing.pk)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(deliverable.file.storage), "save", full_disk)
    with pytest.raises(OSError):
        services.render_deliverable(deliverable_id=deliverable.pk, final_attempt=False)
    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.RENDERING  # the task retries it

    services.render_deliverable(deliverable_id=deliverable.pk, final_attempt=True)

    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.FAILED
    assert "No space left on device" in deliverable.error


def test_the_sweep_queues_again_a_rendering_whose_worker_died(django_capture_on_commit_callbacks, settings):
    pairing = PairingFactory()
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.DELIVERABLES_HARD_TIME_LIMIT + 5)
    stuck = Deliverable.objects.create(
        kind="infographic",
        content_type_id=_pairing_type(),
        object_id=pairing.pk,
        status=Deliverable.Status.RENDERING,
        attempts=1,
        started_at=long_ago,
    )
    recent = Deliverable.objects.create(
        kind="infographic",
        content_type_id=_pairing_type(),
        object_id=PairingFactory().pk,
        status=Deliverable.Status.RENDERING,
        attempts=1,
        started_at=timezone.now(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stale() == 1

    stuck.refresh_from_db()
    recent.refresh_from_db()
    assert (stuck.status, stuck.attempts) == (Deliverable.Status.READY, 2)
    assert recent.status == Deliverable.Status.RENDERING


def test_a_rendering_interrupted_too_often_is_marked_failed(settings):
    pairing = PairingFactory()
    deliverable = Deliverable.objects.create(
        kind="infographic",
        content_type_id=_pairing_type(),
        object_id=pairing.pk,
        status=Deliverable.Status.RENDERING,
        attempts=settings.DELIVERABLES_MAX_ATTEMPTS,
    )

    services.render_deliverable(deliverable_id=deliverable.pk)

    deliverable.refresh_from_db()
    assert deliverable.status == Deliverable.Status.FAILED
    assert deliverable.error.startswith("The rendering was interrupted 3 times")


def _pairing_type():
    from django.contrib.contenttypes.models import ContentType

    from mentoring.models import Pairing

    return ContentType.objects.get_for_model(Pairing).pk
