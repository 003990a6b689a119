"""Invitations sent, sent again, withdrawn and accepted; two-factor authentication turned on and off; refused
passwords and codes, sign-ins with a recovery code and replaced recovery codes."""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from accounts.models import Invitation
from audit.models import Action
from mentoring.models import Role
from tests.factories import PASSWORD, enable_totp, totp_code

from .conftest import recorded, target_of


def invite(client, network, **data):
    fields = {"email": "newcomer@city.example", "role": Role.CITY_OFFICER, "city": network.implementing_city.pk}
    return client.post("/staff/invitations/", {**fields, **data})


def test_staff_send_an_invitation(staff_client, network):
    with recorded() as entries:
        assert invite(staff_client, network).status_code == 302

    [entry] = entries
    invitation = Invitation.objects.get()
    assert (entry.action, entry.actor, target_of(entry)) == (Action.INVITATION_SENT, network["coordinator"], invitation)
    assert entry.details == {
        "email": "newcomer@city.example",
        "role": "city_officer",
        "scope": str(network.implementing_city),
    }


def test_staff_send_an_invitation_again_and_withdraw_it(staff_client, network):
    invite(staff_client, network)
    invitation = Invitation.objects.get()

    with recorded() as resent:
        staff_client.post(f"/staff/invitations/{invitation.pk}/resend/")
    with recorded() as revoked:
        staff_client.post(f"/staff/invitations/{invitation.pk}/revoke/")
    with recorded() as revoked_twice:
        staff_client.post(f"/staff/invitations/{invitation.pk}/revoke/")

    assert [(e.action, e.actor, target_of(e)) for e in resent + revoked] == [
        (Action.INVITATION_RESENT, network["coordinator"], invitation),
        (Action.INVITATION_REVOKED, network["coordinator"], invitation),
    ]
    assert revoked_twice == []


def test_an_invitee_accepts_and_their_new_role_is_recorded(client, staff_client, network):
    invite(staff_client, network)
    invitation = Invitation.objects.get()
    staff_client.logout()

    with recorded() as entries:
        response = client.post(
            f"/invitations/{invitation.key}/",
            {"name": "Nia Newcomer", "password1": "A-long-enough-password-1", "password2": "A-long-enough-password-1"},
        )

    assert response.status_code == 302
    [entry] = entries
    newcomer = Invitation.objects.get().accepted_by
    assert (entry.action, entry.actor, entry.actor_email, target_of(entry)) == (
        Action.MEMBERSHIP_CREATED,
        newcomer,
        "newcomer@city.example",
        newcomer,
    )
    assert entry.details == {
        "role": "city_officer",
        "city": str(network.implementing_city),
        "organisation": None,
        "invitation": invitation.pk,
        "invited_by": network["coordinator"].email,
    }


def test_accepting_a_coordinator_invitation_records_the_role_and_the_staff_access(client, staff_client, network):
    invite(staff_client, network, role=Role.COORDINATOR, city="", organisation=network.coordinator_org.pk)
    invitation = Invitation.objects.get()
    staff_client.logout()

    with recorded() as entries:
        client.post(
            f"/invitations/{invitation.key}/",
            {"name": "Sam Staff", "password1": "A-long-enough-password-1", "password2": "A-long-enough-password-1"},
        )

    newcomer = Invitation.objects.get().accepted_by
    assert [(e.action, e.actor, target_of(e)) for e in entries] == [
        (Action.MEMBERSHIP_CREATED, newcomer, newcomer),
        (Action.STAFF_GRANTED, newcomer, newcomer),
    ]
    assert entries[1].details == {
        "is_staff": [False, True],
        "is_superuser": [False, True],
        "invitation": invitation.pk,
        "invited_by": network["coordinator"].email,
    }


def test_a_person_turns_two_factor_authentication_on_and_off(client, network):
    officer = network["officer"]
    client.force_login(officer)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    # allauth asks for the password again before a second factor is added or removed.
    client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    secret = client.session["mfa.totp.secret"]

    with recorded() as turned_on:
        assert client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}).status_code == 302
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()
    with recorded() as turned_off:
        assert client.post(reverse("mfa_deactivate_totp")).status_code == 302
    assert not Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()

    assert [(e.action, e.actor, target_of(e), e.ip_address) for e in turned_on + turned_off] == [
        (Action.MFA_ENABLED, officer, officer, "127.0.0.1"),
        (Action.MFA_DISABLED, officer, officer, "127.0.0.1"),
    ]


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_a_refused_password_is_recorded_with_the_address_tried(client, network):
    officer = network["officer"]

    with recorded() as wrong_password:
        sign_in(client, officer.email.upper(), password="not-the-password")
    with recorded() as unknown_address:
        sign_in(client, "nobody@city.example")
    with recorded() as right_password:
        sign_in(client, officer.email)

    assert [(e.action, e.actor, e.target_type, e.details, e.ip_address) for e in unknown_address] == [
        (Action.SIGN_IN_REFUSED, None, None, {"email": "nobody@city.example"}, "127.0.0.1")
    ]
    [entry] = wrong_password
    assert (entry.action, entry.actor, target_of(entry), entry.ip_address) == (
        Action.SIGN_IN_REFUSED,
        None,
        officer,
        "127.0.0.1",
    )
    assert "not-the-password" not in str(entry.details)
    assert right_password == []


def test_a_throttled_sign_in_writes_nothing(client, network):
    officer = network["officer"]
    with recorded() as failures:
        for _ in range(5):
            sign_in(client, officer.email, password="not-the-password")

    with recorded() as throttled:
        response = sign_in(client, officer.email, password="not-the-password")

    assert "Too many failed login attempts" in response.content.decode()
    assert [e.action for e in failures] == [Action.SIGN_IN_REFUSED] * 5
    assert throttled == []


def test_a_refused_second_factor_code_is_recorded(client, network):
    officer = network["officer"]
    secret = enable_totp(officer)
    sign_in(client, officer.email)
    wrong = "000000" if totp_code(secret) != "000000" else "111111"

    with recorded() as entries:
        response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert "Incorrect code." in response.content.decode()
    assert [(e.action, e.actor, target_of(e), e.details) for e in entries] == [
        (Action.MFA_CODE_REFUSED, None, officer, {"reauthentication": False})
    ]


def test_signing_in_with_a_recovery_code_is_recorded_with_the_codes_left(client, network):
    officer = network["officer"]
    enable_totp(officer)
    codes = RecoveryCodes.activate(officer).get_unused_codes()
    sign_in(client, officer.email)

    with recorded() as entries:
        response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})

    assert response.status_code == 302 and response["Location"] == "/"
    assert [(e.action, e.actor, target_of(e), e.details) for e in entries] == [
        (Action.RECOVERY_CODE_USED, officer, officer, {"codes_left": len(codes) - 1})
    ]


def test_a_wrong_password_when_asked_again_is_recorded_as_the_signed_in_person(client, network):
    officer = network["officer"]
    client.force_login(officer)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    reauthenticate = response.redirect_chain[-1][0]

    with recorded() as entries:
        client.post(reauthenticate, {"password": "not-the-password"})

    assert [(e.action, e.actor, target_of(e)) for e in entries] == [(Action.SIGN_IN_REFUSED, officer, officer)]


def test_replacing_the_recovery_codes_is_recorded(client, network, django_capture_on_commit_callbacks):
    officer = network["officer"]
    enable_totp(officer)
    RecoveryCodes.activate(officer)
    client.force_login(officer)
    response = client.get(reverse("mfa_generate_recovery_codes"), follow=True)
    # allauth asks for the password again before new codes are made.
    client.post(response.redirect_chain[-1][0], {"password": PASSWORD})

    with recorded() as entries, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_generate_recovery_codes"))

    assert response.status_code == 302 and response["Location"] == reverse("mfa_view_recovery_codes")
    assert [(e.action, e.actor, target_of(e)) for e in entries] == [(Action.RECOVERY_CODES_REPLACED, officer, officer)]
