from urllib.parse import quote

import pytest
from allauth.mfa.models import Authenticator

from tests.factories import PASSWORD, enable_totp, totp_code

ACTIVATE = "/accounts/2fa/totp/activate/"
STAFF_PAGES = ["/staff/invitations/", "/admin/", "/admin/mentoring/pairing/", "/admin/accounts/user/"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_coordinator_without_an_authenticator_app_is_sent_to_set_one_up(client, network, path):
    client.force_login(network["coordinator"])

    response = client.get(path, follow=True)

    assert response.redirect_chain[0] == (ACTIVATE, 302)
    assert "Coordinator staff must turn on two-factor authentication before using staff pages." in (
        response.content.decode()
    )


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_coordinator_with_an_authenticator_app_reaches_staff_pages(client, network, path):
    enable_totp(network["coordinator"])
    client.force_login(network["coordinator"])

    assert client.get(path).status_code == 200


def test_a_coordinator_without_an_authenticator_app_cannot_invite_by_post(client, network):
    client.force_login(network["coordinator"])

    response = client.post("/staff/invitations/", {"email": "x@y.example", "role": "city_officer"})

    assert response.status_code == 302 and response["Location"] == ACTIVATE


def test_other_pages_do_not_ask_for_the_authenticator_app(client, network):
    client.force_login(network["coordinator"])

    assert client.get("/").status_code == 200
    assert client.get(network.pairing.get_absolute_url()).status_code == 200


def test_people_who_are_not_staff_are_not_sent_to_set_up_an_app(client, network):
    client.force_login(network["officer"])

    assert client.get("/staff/invitations/").status_code == 403
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] != ACTIVATE


def test_the_admin_sign_in_page_hands_over_to_the_platform_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={quote('/admin/', safe='')}"
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_admin_sign_in_page_does_not_accept_a_password(client, network):
    coordinator = network["coordinator"]

    response = client.post("/admin/login/", {"username": coordinator.email, "password": PASSWORD})

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_a_coordinator_turns_on_an_authenticator_app_and_then_reaches_staff_pages(client, network):
    coordinator = network["coordinator"]
    assert client.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD}).status_code == 302

    response = client.get("/staff/invitations/", follow=True)
    # allauth asks for the password again before a second factor is added.
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == ACTIVATE
    secret = client.session["mfa.totp.secret"]
    assert secret in response.content.decode()

    response = client.post(ACTIVATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert client.get("/staff/invitations/").status_code == 200


def test_a_coordinator_with_an_app_signs_in_with_the_code_and_reaches_staff_pages(client, network):
    coordinator = network["coordinator"]
    secret = enable_totp(coordinator)

    response = client.post(
        "/accounts/login/?next=/staff/invitations/",
        {"login": coordinator.email, "password": PASSWORD, "next": "/staff/invitations/"},
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/staff/invitations/")["Location"].startswith("/accounts/login/")

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert response["Location"] == "/staff/invitations/"
    assert client.get("/staff/invitations/").status_code == 200
