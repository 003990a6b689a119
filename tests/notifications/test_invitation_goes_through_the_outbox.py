import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Invitation
from accounts.services import invite_person, resend_invitation
from mentoring.models import Role
from notifications.models import OutboundEmail, Preference
from notifications.services import set_preferences


def invite(network):
    return invite_person(
        email="new@city.example",
        role=Role.CITY_OFFICER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )


def test_the_invitation_and_its_mail_are_written_together(network):
    with pytest.raises(RuntimeError), transaction.atomic():
        invite(network)
        assert OutboundEmail.objects.filter(event="account.invitation").count() == 1
        raise RuntimeError("something else in the request fails")

    assert not Invitation.objects.exists() and not OutboundEmail.objects.exists()


def test_the_sent_mail_is_recorded_on_the_invitation(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network)

    email = OutboundEmail.objects.get()
    assert (email.event, email.target, email.status) == ("account.invitation", invitation, "sent")
    assert Invitation.objects.get().sent_at == email.sent_at
    [message] = mail.outbox
    assert message.subject == "[CITIES-GROW] You are invited to the CITIES-GROW platform"
    assert f"/invitations/{invitation.key}/" in message.body


def test_sending_again_writes_a_new_mail(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network)
    with django_capture_on_commit_callbacks(execute=True):
        resend_invitation(invitation=invitation, by=invitation.invited_by)

    assert OutboundEmail.objects.filter(status="sent").count() == 2 and len(mail.outbox) == 2
    assert Invitation.objects.get().sent_at is not None


def test_nobody_can_turn_the_invitation_mail_off(network):
    with pytest.raises(ValidationError):
        set_preferences(user=network["officer"], choices={"account.invitation": "inbox"})

    assert not Preference.objects.exists()
