import pytest

from tests.factories import PASSWORD, enable_totp, totp_code

LOGIN = "/accounts/login/"
WRONG_LOGIN = "The email address and/or password you specified are not correct."
TOO_MANY = "Too many failed login attempts. Try again later."


def sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_sign_in_page_asks_for_email_and_password_and_mentions_invitations(client, db):
    page = client.get(LOGIN).content.decode()

    assert 'type="email"' in page and 'type="password"' in page
    assert "by invitation" in page
    assert "sign up" not in page.lower()


def test_a_person_signs_in_with_their_email_address(client, network):
    officer = network["officer"]

    response = sign_in(client, officer.email.upper())

    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/").content.decode()
    assert f"Welcome, {officer.get_short_name()}." in home
    assert f"city officer for {network.implementing_city.name}" in home


def test_a_wrong_password_is_refused(client, network):
    response = sign_in(client, network["officer"].email, "not-my-password")

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert not signed_in(client)


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, network):
    response = sign_in(client, "nobody@nowhere.example")

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()


def test_after_five_failures_even_the_right_password_is_refused(client, network):
    officer = network["officer"]
    for _ in range(5):
        assert WRONG_LOGIN in sign_in(client, officer.email, "guess-again").content.decode()

    response = sign_in(client, officer.email)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert not signed_in(client)


def test_the_lock_holds_for_that_account_only(client, network):
    for _ in range(5):
        sign_in(client, network["officer"].email, "guess-again")

    response = sign_in(client, network["mentor_officer"].email)

    assert response.status_code == 302
    assert signed_in(client)


def test_four_failures_still_let_the_right_password_in(client, network):
    for _ in range(4):
        sign_in(client, network["officer"].email, "guess-again")

    assert sign_in(client, network["officer"].email).status_code == 302
    assert signed_in(client)


@pytest.fixture
def secret(network):
    return enable_totp(network["officer"])


def test_a_person_with_an_authenticator_app_must_enter_its_code(client, network, secret):
    response = sign_in(client, network["officer"].email)

    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    assert "My work" not in client.get("/").content.decode()

    page = client.get("/accounts/2fa/authenticate/").content.decode()
    assert "authenticator code" in page

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in(client)
    assert "My work" in client.get("/").content.decode()


def test_a_wrong_code_keeps_the_person_out(client, network, secret):
    sign_in(client, network["officer"].email)
    wrong = "000000" if totp_code(secret) != "000000" else "111111"

    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not signed_in(client)
    assert client.get(network.pairing.get_absolute_url())["Location"].startswith(LOGIN)


def test_a_code_is_good_only_once(client, network, secret):
    code = totp_code(secret)
    sign_in(client, network["officer"].email)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    client.logout()
    sign_in(client, network["officer"].email)

    response = client.post("/accounts/2fa/authenticate/", {"code": code})

    assert "Incorrect code." in response.content.decode()
    assert not signed_in(client)
