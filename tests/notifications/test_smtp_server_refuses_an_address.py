import pytest

from notifications.models import OutboundEmail
from notifications.services import notify
from tests.worker import wait_for

pytestmark = pytest.mark.worker


def test_the_refused_mail_is_marked_failed_with_the_reason_and_the_others_go_out(celery_worker, pairing, people):
    refused = people[1]
    celery_worker.smtp.refuse = {refused.email}

    notify(recipients=people, event="visit.cancelled", target=pairing)

    wait_for(
        lambda: OutboundEmail.objects.filter(status__in=["sent", "failed"]).count() == 3,
        message="every mail to be sent or failed",
    )
    failed = OutboundEmail.objects.get(status="failed")
    assert failed.to_email == refused.email
    assert "550" in failed.last_error and "No such mailbox" in failed.last_error
    assert failed.attempts == 1  # a permanent refusal is not retried
    assert sorted(m.rcpt_tos[0] for m in celery_worker.smtp.messages) == sorted(p.email for p in people if p != refused)
