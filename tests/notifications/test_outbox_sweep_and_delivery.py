"""Delivery and the sweep, in-process (the worker tests run the same code in a real worker)."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from notifications.models import OutboundEmail
from notifications.services import (
    MAX_ATTEMPTS,
    TransientDeliveryError,
    deliver_email,
    notify,
    sweep_outbox,
)


class DownBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def email(pairing, people):
    [notification] = notify(recipients=people[:1], event="visit.planned", target=pairing)
    return OutboundEmail.objects.get(pk=notification.email_id)


def later(seconds):
    return timezone.now() + timedelta(seconds=seconds)


def test_a_row_is_sent_once_however_often_it_is_delivered(email):
    assert deliver_email(email_id=email.pk) == "sent"
    assert deliver_email(email_id=email.pk) is None
    assert len(mail.outbox) == 1


def test_the_sweep_leaves_fresh_rows_to_their_task(email, settings):
    assert sweep_outbox(now=later(settings.NOTIFICATIONS_PENDING_GRACE - 5)) == []


def test_the_sweep_sends_a_row_left_pending(email, settings):
    assert sweep_outbox(now=later(settings.NOTIFICATIONS_PENDING_GRACE + 1)) == [email.pk]
    assert OutboundEmail.objects.get().status == "sent" and len(mail.outbox) == 1


def test_a_row_sending_for_too_long_is_abandoned_and_sent_again(email, settings):
    OutboundEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now(), attempts=1)

    assert sweep_outbox(now=later(settings.NOTIFICATIONS_SENDING_TIMEOUT - 5)) == []
    assert sweep_outbox(now=later(settings.NOTIFICATIONS_SENDING_TIMEOUT + 1)) == [email.pk]

    row = OutboundEmail.objects.get()
    assert (row.status, row.attempts, len(mail.outbox)) == ("sent", 2, 1)


def test_a_row_that_keeps_being_abandoned_fails_in_the_end(email, settings):
    OutboundEmail.objects.filter(pk=email.pk).update(status="sending", claimed_at=timezone.now(), attempts=MAX_ATTEMPTS)

    sweep_outbox(now=later(settings.NOTIFICATIONS_SENDING_TIMEOUT + 1))

    assert OutboundEmail.objects.get().status == "failed" and not mail.outbox


def test_an_unreachable_smtp_server_leaves_the_row_pending_with_the_reason(email, settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"

    with pytest.raises(TransientDeliveryError):
        deliver_email(email_id=email.pk)

    row = OutboundEmail.objects.get()
    assert row.status == "pending" and row.attempts == 1
    assert "Connection refused" in row.last_error


def test_after_the_last_attempt_the_row_fails(email, settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    OutboundEmail.objects.filter(pk=email.pk).update(attempts=MAX_ATTEMPTS - 1)

    assert deliver_email(email_id=email.pk) == "failed"


def test_a_refused_address_fails_at_once(email, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({email.to_email: (550, b"5.1.1 No such mailbox")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    assert deliver_email(email_id=email.pk) == "failed"
    assert OutboundEmail.objects.get().last_error == f"{email.to_email} refused: 550 5.1.1 No such mailbox"


def test_after_a_failed_publish_a_request_does_not_wait_for_the_broker_again(
    pairing, people, monkeypatch, django_capture_on_commit_callbacks
):
    attempts = []

    def broker_down(*args, **kwargs):
        attempts.append(args)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("notifications.tasks.deliver_email.apply_async", broker_down)

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=people, event="visit.planned", target=pairing)

    assert len(attempts) == 1
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"pending"}


def test_the_sweep_stops_at_the_first_row_it_cannot_queue(pairing, people, settings, monkeypatch):
    notify(recipients=people, event="visit.planned", target=pairing)
    attempts = []

    def broker_down(*args, **kwargs):
        attempts.append(args)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("notifications.tasks.deliver_email.apply_async", broker_down)

    assert sweep_outbox(now=later(settings.NOTIFICATIONS_PENDING_GRACE + 1)) == []
    assert len(attempts) == 1
