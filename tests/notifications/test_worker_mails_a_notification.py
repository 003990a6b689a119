import pytest
from django.db import transaction

from notifications.models import Notification, OutboundEmail
from notifications.services import notify
from tests.worker import wait_for

from .conftest import outbox

pytestmark = pytest.mark.worker


def test_the_worker_mails_what_notify_wrote_in_the_callers_transaction(celery_worker, pairing, people):
    with transaction.atomic():
        notify(
            recipients=people,
            event="plan.recommended",
            target=pairing,
            context={
                "title": "Action plan recommended with conditions",
                "summary": ["MigrationWork recommends the plan.", "Two conditions apply."],
                "items": ["Add a baseline to indicator 2", "Name the lead department for action 3"],
            },
        )
        assert not OutboundEmail.objects.exclude(status="pending").exists()

    wait_for(lambda: OutboundEmail.objects.filter(status="sent").count() == 3, message="three mails sent")
    assert sorted(m.rcpt_tos[0] for m in celery_worker.smtp.messages) == sorted(p.email for p in people)
    body = celery_worker.smtp.messages[0].content.decode()
    assert "Subject: [CITIES-GROW] Action plan recommended with conditions" in body
    assert "Add a baseline to indicator 2" in body
    assert f"http://testserver/pairings/{pairing.pk}/" in body
    assert "text/html" in body and "text/plain" in body
    for email in outbox():
        assert email.sent_at and email.attempts == 1 and email.claimed_at
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 3


def test_a_delivery_queued_twice_sends_one_mail(celery_worker, pairing, people):
    from notifications.tasks import deliver_email

    [notification] = notify(recipients=people[:1], event="visit.planned", target=pairing)
    deliver_email.delay(notification.email_id)
    deliver_email.delay(notification.email_id)

    wait_for(lambda: celery_worker.log.read_text().count("succeeded") >= 3, message="all three tasks to finish")
    assert len(celery_worker.smtp.messages) == 1
    assert OutboundEmail.objects.get().status == "sent"
