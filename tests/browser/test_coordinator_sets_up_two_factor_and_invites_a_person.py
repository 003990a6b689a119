import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from mentoring.demo_network import DEMO_PASSWORD

from .support import assert_accessible, fresh_totp_code, sign_in, sign_out, totp_code

pytestmark = pytest.mark.browser


def test_coordinator_must_turn_on_two_factor_before_inviting_and_then_signs_in_with_it(page, demo):
    sign_in(page, "coordinator@eurocities.example")
    expect(page).to_have_url("/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("You are coordinator staff for EUROCITIES.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Invitations").click()

    # Staff pages wait until the second factor is on; allauth first asks for the password again.
    expect(page).to_have_url("/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F")
    assert_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("must turn on two-factor authentication")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Access")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url("/accounts/2fa/totp/activate/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Activate Authenticator App")
    secret = page.get_by_label("Authenticator secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.get_by_label("Authenticator code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Activate").click()

    expect(page).to_have_url("/accounts/2fa/recovery-codes/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery Codes")
    expect(page.get_by_label("Unused codes")).to_have_value(re.compile(r"^(\w{8}\n){9}\w{8}$"))

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Invitations").click()

    expect(page).to_have_url("/staff/invitations/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitations")
    expect(page.get_by_role("table")).to_contain_text("No invitations yet.")
    page.get_by_label("E-mail address").fill("Officer.Two@Tampere.example")
    page.get_by_label("Role").select_option(label="City officer")
    page.get_by_role("button", name="Send the invitation").click()

    assert_accessible(page)
    expect(page.get_by_label("City", exact=True)).to_have_accessible_description(re.compile("A city role needs a city"))
    page.get_by_label("City", exact=True).select_option(label="Tampere")
    page.get_by_role("button", name="Send the invitation").click()

    expect(page).to_have_url("/staff/invitations/")
    assert_accessible(page)
    expect(page.get_by_role("status")).to_have_text("Invitation sent to officer.two@tampere.example as City officer.")
    row = page.get_by_role("row", name=re.compile("officer.two@tampere.example"))
    expect(row).to_contain_text("City officer, Tampere")
    expect(row).to_contain_text("Pending until")
    expect(row.get_by_role("button", name="Withdraw the invitation to officer.two@tampere.example")).to_be_visible()
    assert [message.to for message in mail.outbox] == [["officer.two@tampere.example"]]

    sign_out(page, "Chiara Rossi")

    expect(page).to_have_url("/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("CITIES-GROW")

    sign_in(page, "coordinator@eurocities.example")

    # The password alone no longer lets a coordinator in.
    expect(page).to_have_url("/accounts/2fa/authenticate/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-Factor Authentication")
    page.get_by_label("Code").fill(f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}")  # a wrong code
    page.get_by_role("button", name="Sign In").click()

    assert_accessible(page)
    expect(page.get_by_label("Code")).to_have_accessible_description(re.compile("Incorrect code."))
    page.get_by_label("Code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Sign In").click()

    expect(page).to_have_url("/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_role("main")).to_contain_text("You are coordinator staff for EUROCITIES.")
