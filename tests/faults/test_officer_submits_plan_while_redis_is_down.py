"""Redis is unreachable while an officer submits the plan through the page: the submission succeeds
and says so, the mails wait in the outbox, and once Redis is back the sweep hands them to a real
worker, which mails the expert partner once.

"Unreachable" is the web process's broker pointed at a port where nothing listens (as in
tests/notifications), so the Redis other tests share keeps running."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionPlan, PlanState
from notifications import services as notifications
from notifications.models import OutboundEmail
from tests.actionplans.plans import plan_in_state
from tests.notifications.conftest import BrokerUnreachable
from tests.worker import wait_for

pytestmark = pytest.mark.worker


@pytest.fixture
def broker_down(monkeypatch):
    notifications._broker_failed_at = None
    broker = BrokerUnreachable(monkeypatch)
    broker.start()
    yield broker
    broker.restore()
    notifications._broker_failed_at = None


def test_the_submission_succeeds_and_the_expert_is_mailed_once_redis_is_back(
    client, network, celery_worker, broker_down, caplog
):
    plan = plan_in_state(network, PlanState.DRAFT)
    client.force_login(network["officer"])

    response = client.post(reverse("actionplans:submit", args=[plan.pk]), {"note": "Ready for review"}, follow=True)

    assert response.status_code == 200
    assert "The plan is submitted to the expert partner; this version is frozen." in response.content.decode()
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.SUBMITTED
    waiting = OutboundEmail.objects.filter(to_email=network["expert"].email)
    assert [email.status for email in waiting] == ["pending"]
    assert "Could not queue outbound e-mail" in caplog.text  # it did try, and Redis did not answer

    broker_down.restore()
    notifications.sweep_outbox(now=timezone.now() + timedelta(minutes=2))
    wait_for(lambda: not OutboundEmail.objects.exclude(status="sent").exists(), message="every mail to be sent")

    mails = [message for message in celery_worker.smtp.messages if network["expert"].email in message.rcpt_tos]
    assert len(mails) == 1
    assert "submitted" in mails[0].content.decode().lower()
