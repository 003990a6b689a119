from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Invitation
from accounts.services import accept_invitation, invite_person
from mentoring.models import Role


@pytest.fixture
def invitation(network):
    return invite_person(
        email="slow.reader@city.example",
        role=Role.ADMINISTRATIVE_APPROVER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )


def resend(client, invitation, capture):
    with capture(execute=True):
        return client.post(f"/staff/invitations/{invitation.pk}/resend/", follow=True)


def test_staff_send_a_pending_invitation_again(staff_client, invitation, django_capture_on_commit_callbacks):
    response = resend(staff_client, invitation, django_capture_on_commit_callbacks)

    assert response.redirect_chain == [("/staff/invitations/", 302)]
    assert "The invitation to slow.reader@city.example was sent again." in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["slow.reader@city.example"]
    assert f"/invitations/{invitation.key}/" in message.body
    assert Invitation.objects.count() == 1


def test_an_expired_invitation_sent_again_works_for_another_period(
    client, staff_client, invitation, django_capture_on_commit_callbacks
):
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=30), expires_at=timezone.now() - timedelta(days=1)
    )
    assert "Expired" in staff_client.get("/staff/invitations/").content.decode()

    response = resend(staff_client, invitation, django_capture_on_commit_callbacks)

    assert "Pending until" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert len(mail.outbox) == 1
    staff_client.logout()
    assert staff_client.get(f"/invitations/{invitation.key}/").status_code == 200


def test_an_accepted_invitation_is_not_sent_again(staff_client, invitation, django_capture_on_commit_callbacks):
    accept_invitation(invitation=invitation, name="Slow Reader", password="A-long-enough-password-1")

    response = resend(staff_client, invitation, django_capture_on_commit_callbacks)

    assert "Only an invitation that was not accepted or revoked can be sent again." in response.content.decode()
    assert mail.outbox == []


def test_resending_needs_a_post(staff_client, invitation):
    assert staff_client.get(f"/staff/invitations/{invitation.pk}/resend/").status_code == 405
    assert mail.outbox == []


def test_an_unknown_invitation_is_not_found(staff_client, invitation):
    assert staff_client.post(f"/staff/invitations/{invitation.pk + 1000}/resend/").status_code == 404


def test_only_coordinator_staff_may_send_again(client, network, invitation, django_capture_on_commit_callbacks):
    client.force_login(network["officer"])

    response = resend(client, invitation, django_capture_on_commit_callbacks)

    assert response.status_code == 403
    assert mail.outbox == []
