import pytest

from accounts.models import Invitation
from accounts.services import accept_invitation, invite_person
from mentoring.models import Membership, Role


@pytest.fixture
def invitation(network):
    return invite_person(
        email="wrong.person@city.example",
        role=Role.CITY_OFFICER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )


def revoke(client, invitation):
    return client.post(f"/staff/invitations/{invitation.pk}/revoke/", follow=True)


def test_staff_withdraw_an_invitation_and_its_link_stops_working(client, staff_client, invitation):
    response = revoke(staff_client, invitation)

    assert response.redirect_chain == [("/staff/invitations/", 302)]
    page = response.content.decode()
    assert "The invitation to wrong.person@city.example was withdrawn; its link no longer works." in page
    assert "Revoked" in page
    staff_client.logout()
    link = client.get(f"/invitations/{invitation.key}/")
    assert link.status_code == 410
    assert "This invitation was withdrawn." in link.content.decode()


def test_a_withdrawn_invitation_cannot_be_sent_again(staff_client, invitation, django_capture_on_commit_callbacks):
    revoke(staff_client, invitation)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/staff/invitations/{invitation.pk}/resend/", follow=True)

    assert "Only an invitation that was not accepted or revoked can be sent again." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "revoked"


def test_an_accepted_invitation_cannot_be_withdrawn(staff_client, invitation):
    user = accept_invitation(invitation=invitation, name="Right Person", password="A-long-enough-password-1")

    response = revoke(staff_client, invitation)

    assert "This invitation was already accepted." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert Membership.objects.filter(user=user, role=Role.CITY_OFFICER).exists()


def test_withdrawing_needs_a_post(staff_client, invitation):
    assert staff_client.get(f"/staff/invitations/{invitation.pk}/revoke/").status_code == 405
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


@pytest.mark.parametrize("role", ["officer", "expert"])
def test_only_coordinator_staff_may_withdraw(client, network, invitation, role):
    client.force_login(network[role])

    assert revoke(client, invitation).status_code == 403
    assert Invitation.objects.get().status == "pending"
