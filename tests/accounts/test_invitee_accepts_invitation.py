from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import Invitation, User
from accounts.services import InvitationUnusable, accept_invitation, invite_person
from mentoring.models import Membership, Role
from tests.factories import PASSWORD, person

NEW_PASSWORD = "Mentoring-in-Athens-2017"


@pytest.fixture
def invitation(network):
    return invite_person(
        email="newcomer@city.example",
        role=Role.CITY_OFFICER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )


def link(invitation):
    return f"/invitations/{invitation.key}/"


def accept(client, invitation, **data):
    return client.post(
        link(invitation),
        {"name": "Nia Newcomer", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **data},
        follow=True,
    )


def test_the_link_shows_the_role_the_city_and_the_address(client, invitation, network):
    page = client.get(link(invitation)).content.decode()

    assert "city officer" in page
    assert network.implementing_city.name in page
    assert "newcomer@city.example" in page
    assert "Create my account" in page


def test_newcomer_sets_a_password_and_is_signed_in_with_the_role(client, invitation, network):
    response = accept(client, invitation)

    assert response.redirect_chain == [("/", 302)]
    page = response.content.decode()
    assert f"Welcome! You are now city officer for {network.implementing_city.name}." in page
    assert "My work" in page and "Welcome, Nia." in page
    user = User.objects.get(email="newcomer@city.example")
    assert user.name == "Nia Newcomer"
    assert user.check_password(NEW_PASSWORD)
    assert not user.is_staff
    assert EmailAddress.objects.filter(user=user, email=user.email, verified=True, primary=True).exists()
    assert list(Membership.objects.filter(user=user).values_list("role", "city")) == [
        (Role.CITY_OFFICER, network.implementing_city.pk)
    ]
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    # The pairing's people now include the newcomer.
    assert "newcomer@city.example" in client.get(network.pairing.get_absolute_url()).content.decode()


def test_the_newcomer_signs_in_later_with_the_chosen_password(client, invitation):
    accept(client, invitation)
    client.logout()

    response = client.post("/accounts/login/", {"login": "newcomer@city.example", "password": NEW_PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/"
    assert "Welcome, Nia." in client.get("/").content.decode()


def test_an_invited_coordinator_becomes_staff(client, network):
    invitation = invite_person(
        email="new.staff@eurocities.example",
        role=Role.COORDINATOR,
        organisation=network.coordinator_org,
        invited_by=network["coordinator"],
    )

    accept(client, invitation)

    user = User.objects.get(email="new.staff@eurocities.example")
    assert user.is_staff and user.is_superuser


def test_a_used_link_is_gone(client, invitation):
    accept(client, invitation)
    client.logout()

    response = client.get(link(invitation))

    assert response.status_code == 410
    assert "This invitation has already been used." in response.content.decode()
    second = client.post(link(invitation), {"name": "Someone Else", "password1": "x" * 12, "password2": "x" * 12})
    assert second.status_code == 410
    assert User.objects.filter(email="newcomer@city.example").count() == 1


def test_an_expired_link_is_gone(client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=30), expires_at=timezone.now() - timedelta(minutes=1)
    )

    response = accept(client, invitation)

    assert response.status_code == 410
    assert "This invitation has expired." in response.content.decode()
    assert not User.objects.filter(email="newcomer@city.example").exists()


def test_a_withdrawn_link_says_so(client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())

    response = accept(client, invitation)

    assert response.status_code == 410
    assert "This invitation was withdrawn. Ask the EUROCITIES team for a new one." in response.content.decode()
    assert not User.objects.filter(email="newcomer@city.example").exists()


def test_an_unknown_link_is_not_found(client, invitation):
    assert client.get("/invitations/not-a-real-key/").status_code == 404


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"password2": "Something-else-entirely"}, "password2", "The two passwords differ."),
        ({"password1": "short", "password2": "short"}, "password1", "This password is too short."),
        ({"password1": "password123", "password2": "password123"}, "password1", "This password is too common."),
        ({"password1": "newcomercity", "password2": "newcomercity"}, "password1", "too similar to the"),
        ({"name": ""}, "name", "This field is required."),
    ],
    ids=["passwords differ", "too short", "too common", "like the address", "no name"],
)
def test_a_bad_password_or_name_is_explained_and_creates_nothing(client, invitation, data, field, message):
    response = accept(client, invitation, **data)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not User.objects.filter(email="newcomer@city.example").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert "_auth_user_id" not in client.session


def test_a_person_with_an_account_signs_in_first_then_gains_the_role(client, network):
    officer = network["officer"]
    invitation = invite_person(
        email=officer.email.upper(),
        role=Role.POLITICAL_APPROVER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )

    response = client.get(link(invitation), follow=True)

    assert response.redirect_chain == [(f"/accounts/login/?next={link(invitation)}", 302)]
    assert "You already have an account: sign in to accept the invitation." in response.content.decode()

    signed_in = client.post(
        f"/accounts/login/?next={link(invitation)}",
        {"login": officer.email, "password": PASSWORD, "next": link(invitation)},
        follow=True,
    )
    assert signed_in.redirect_chain[-1] == (link(invitation), 302)
    page = signed_in.content.decode()
    assert "Accept the role" in page and "Create my account" not in page

    accepted = client.post(link(invitation), follow=True)

    assert accepted.redirect_chain == [("/", 302)]
    assert "Welcome! You are now city political approver" in accepted.content.decode()
    assert set(Membership.objects.filter(user=officer).values_list("role", flat=True)) == {
        Role.CITY_OFFICER,
        Role.POLITICAL_APPROVER,
    }
    assert User.objects.filter(email__iexact=officer.email).count() == 1


def test_someone_else_signed_in_cannot_use_the_link(client, invitation, network):
    client.force_login(network["mentor_officer"])

    response = client.post(link(invitation))

    assert response.status_code == 403
    assert "This invitation is for newcomer@city.example. Sign out first" in response.content.decode()
    assert not Membership.objects.filter(user=network["mentor_officer"], city=network.implementing_city).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_account_created_in_between_is_not_taken_over(client, invitation):
    """The newcomer opened the form; meanwhile an account for the address appeared."""
    page = client.get(link(invitation))
    assert "Create my account" in page.content.decode()
    existing = person(Role.CITY_OFFICER, city=invitation.city, email="newcomer@city.example")

    response = accept(client, invitation)

    assert "You already have an account: sign in to accept the invitation." in response.content.decode()
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert "_auth_user_id" not in client.session


def test_the_service_refuses_a_second_acceptance(invitation):
    accept_invitation(invitation=invitation, name="Nia Newcomer", password=NEW_PASSWORD)

    with pytest.raises(InvitationUnusable, match="already been used"):
        accept_invitation(invitation=invitation, name="Nia Again", password=NEW_PASSWORD)
