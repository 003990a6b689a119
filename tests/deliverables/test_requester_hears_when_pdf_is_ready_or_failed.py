"""The person who clicked "Generate PDF" finds the outcome in their inbox (and, for a failure, in their mail)."""

import dataclasses

import pytest
from django.core import mail

from deliverables import registry, services
from mentoring.models import Role
from notifications.models import Notification
from tests.factories import PairingFactory, person

pytestmark = pytest.mark.django_db


def generate(capture, subject, by):
    with capture(execute=True):
        deliverable = services.request_render(subject=subject, kind="infographic", by=by)
    deliverable.refresh_from_db()
    return deliverable


def test_the_requester_finds_the_ready_pdf_in_the_inbox(django_capture_on_commit_callbacks):
    pairing = PairingFactory()
    officer = person(Role.CITY_OFFICER, city=pairing.implementing_city)
    colleague = person(Role.CITY_OFFICER, city=pairing.implementing_city)

    deliverable = generate(django_capture_on_commit_callbacks, pairing, officer)

    assert deliverable.status == "ready"
    [notification] = Notification.objects.filter(recipient=officer)
    assert notification.event == "deliverable.ready"
    assert notification.title.startswith("Infographic ready")
    assert notification.target_url == pairing.get_absolute_url()
    assert not Notification.objects.filter(recipient=colleague).exists()
    assert mail.outbox == []  # ready PDFs are announced in the inbox only, by default


def test_the_requester_is_mailed_why_a_pdf_failed(django_capture_on_commit_callbacks, monkeypatch):
    kind = registry.get_kind("infographic")
    monkeypatch.setitem(
        registry._registry.kinds, "infographic", dataclasses.replace(kind, template="deliverables/pdf/missing.html")
    )
    pairing = PairingFactory()
    officer = person(Role.CITY_OFFICER, city=pairing.implementing_city)

    deliverable = generate(django_capture_on_commit_callbacks, pairing, officer)

    assert deliverable.status == "failed"
    [notification] = Notification.objects.filter(recipient=officer, event="deliverable.failed")
    assert "TemplateDoesNotExist" in notification.summary
    [message] = mail.outbox
    assert message.to == [officer.email]
    assert "failed" in message.subject.lower()
