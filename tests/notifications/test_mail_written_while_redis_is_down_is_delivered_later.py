"""Redis is unreachable while something happens: the change and its outbox row
commit all the same; the mail goes out once the broker is back and the sweep runs."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from accounts.models import Invitation
from mentoring.models import Pairing, Role
from notifications.models import OutboundEmail
from notifications.services import notify, sweep_outbox
from tests.factories import OrganisationFactory, enable_totp, person
from tests.worker import wait_for

pytestmark = pytest.mark.worker

LATER = timedelta(minutes=2)


def test_notify_succeeds_and_the_sweep_delivers_once_redis_is_back(celery_worker, broker_down, pairing, people, caplog):
    with transaction.atomic():
        Pairing.objects.filter(pk=pairing.pk).update(note="Visit dates agreed")
        notify(recipients=people[:1], event="visit.planned", target=pairing)

    assert Pairing.objects.get(pk=pairing.pk).note == "Visit dates agreed"
    email = OutboundEmail.objects.get()
    assert email.status == "pending"
    assert "Could not queue outbound e-mail" in caplog.text

    # While Redis is still down, the sweep cannot queue it either, and loses nothing.
    sweep_outbox(now=timezone.now() + LATER)
    assert OutboundEmail.objects.get().status == "pending"

    broker_down.restore()
    assert sweep_outbox(now=timezone.now() + LATER) == [email.pk]

    wait_for(lambda: OutboundEmail.objects.get().status == "sent", message="the mail to be sent")
    sweep_outbox(now=timezone.now() + LATER)  # nothing left to do
    wait_for(lambda: "succeeded" in celery_worker.log.read_text(), message="the task")
    assert [m.rcpt_tos for m in celery_worker.smtp.messages] == [[people[0].email]]


def test_staff_invite_while_redis_is_down_and_the_invitation_still_arrives(client, celery_worker, broker_down):
    coordinator = person(Role.COORDINATOR, organisation=OrganisationFactory(kind="coordinator"))
    expert_org = OrganisationFactory()
    enable_totp(coordinator)
    client.force_login(coordinator)

    response = client.post(
        "/staff/invitations/", {"email": "new@expert.example", "role": "expert_partner", "organisation": expert_org.pk}
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert OutboundEmail.objects.get().status == "pending" and invitation.sent_at is None

    broker_down.restore()
    sweep_outbox(now=timezone.now() + LATER)
    wait_for(lambda: Invitation.objects.get().sent_at is not None, message="the invitation to be sent")
    [message] = celery_worker.smtp.messages
    assert message.rcpt_tos == ["new@expert.example"]
    assert f"/invitations/{invitation.key}/" in message.content.decode()
