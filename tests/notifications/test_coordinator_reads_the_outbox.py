import pytest
from django.core import mail

from notifications.models import OutboundEmail
from notifications.services import notify
from tests.factories import enable_totp


@pytest.fixture
def staff_client(client, network):
    enable_totp(network["coordinator"])
    client.force_login(network["coordinator"])
    return client


@pytest.fixture
def failed(network):
    [notification] = notify(recipients=[network["officer"]], event="visit.planned", target=network.pairing)
    OutboundEmail.objects.filter(pk=notification.email_id).update(
        status="failed", attempts=1, last_error="550 5.1.1 No such mailbox here"
    )
    return OutboundEmail.objects.get(pk=notification.email_id)


def test_the_outbox_shows_what_failed_and_why(staff_client, failed):
    page = staff_client.get("/staff/outbox/?status=failed").content.decode()

    assert failed.to_email in page and "550 5.1.1 No such mailbox here" in page
    assert "Failed (1)" in page


def test_the_coordinator_sends_a_failed_mail_again(staff_client, failed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/staff/outbox/{failed.pk}/resend/", follow=True)

    assert f"The e-mail to {failed.to_email} is queued again." in response.content.decode()
    assert OutboundEmail.objects.get(pk=failed.pk).status == "sent"
    assert [m.to for m in mail.outbox] == [[failed.to_email]]


def test_a_sent_mail_is_not_sent_again(staff_client, failed, django_capture_on_commit_callbacks):
    OutboundEmail.objects.filter(pk=failed.pk).update(status="sent", sent_at=failed.created_at)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/staff/outbox/{failed.pk}/resend/", follow=True)

    assert "Only a failed e-mail can be sent again." in response.content.decode()
    assert not mail.outbox


def test_the_outbox_needs_the_second_factor(client, network):
    client.force_login(network["coordinator"])

    assert client.get("/staff/outbox/")["Location"] == "/accounts/2fa/totp/activate/"


def test_the_outbox_is_in_the_admin(staff_client, failed):
    assert failed.to_email in staff_client.get("/admin/notifications/outboundemail/").content.decode()
    assert staff_client.get(f"/admin/notifications/outboundemail/{failed.pk}/change/").status_code == 200


def test_a_coordinator_by_role_who_is_not_a_superuser_reads_the_outbox(client, network):
    from mentoring.models import Membership, Role
    from tests.factories import UserFactory

    staff = UserFactory()
    Membership.objects.create(user=staff, role=Role.COORDINATOR, organisation=network.coordinator_org)
    enable_totp(staff)
    client.force_login(staff)

    assert client.get("/staff/outbox/").status_code == 200
