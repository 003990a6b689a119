"""EUROCITIES staff read the programme dashboard in French; an expert partner reads theirs in German.

Each person switches language in the page footer; the choice is kept on their account, so
it is still theirs after signing out and in again. axe checks every page (including that the
page declares the language it is written in)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.factories import enable_totp
from toolkits.demo import load_demo_toolkits

from .support import assert_accessible, fresh_totp_code, sign_in

pytestmark = pytest.mark.browser


def choose_language(page, name):
    page.get_by_role("contentinfo").get_by_role("button", name=name).click()
    page.wait_for_load_state("load")
    assert_accessible(page)


def test_the_coordinator_reads_the_programme_dashboard_in_french(page, demo):
    load_demo_toolkits()
    coordinator = User.objects.get(email="coordinator@eurocities.example")
    secret = enable_totp(coordinator)
    sign_in(page, coordinator.email)
    expect(page).to_have_url("/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url("/")
    assert_accessible(page)

    choose_language(page, "Français")

    expect(page).to_have_url("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("navigation", name="Principal").get_by_role("link", name="Mon travail")).to_be_visible()
    page.get_by_role("link", name="Tableau de bord du programme").click()
    expect(page).to_have_url("/staff/dashboard/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord du programme")
    pairs = page.locator("#pairs-table")
    expect(pairs.get_by_role("row", name=re.compile("Munich → Athens"))).to_contain_text("67 %")
    expect(page.get_by_text("Programme dashboard")).to_have_count(0)

    page.get_by_label("Volet", exact=True).select_option(value="D")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url("/staff/dashboard/?scheme=D")
    assert_accessible(page)
    expect(pairs.get_by_role("row")).to_have_count(3)  # the header and the two pairs of scheme D

    coordinator.refresh_from_db()
    assert coordinator.language == "fr"


def test_an_expert_partner_reads_their_schemes_in_german_on_every_visit(page, demo):
    expert = User.objects.get(email="expert@migrationwork.example")
    sign_in(page, expert.email)
    expect(page).to_have_url("/")
    assert_accessible(page)

    choose_language(page, "Deutsch")
    page.get_by_role("link", name="Meine Themenbereiche").click()
    expect(page).to_have_url("/dashboard/expert/")
    assert_accessible(page)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Themenbereiche")
    expect(page.get_by_role("link", name="Als CSV exportieren").first).to_be_visible()

    page.get_by_role("navigation", name="Hauptmenü").get_by_role("button", name=expert.name).click()
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.context.clear_cookies()  # another day, another browser (English): only the account remembers

    sign_in(page, expert.email)
    expect(page).to_have_url("/")
    assert_accessible(page)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("link", name="Meine Themenbereiche")).to_be_visible()
