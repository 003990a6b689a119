import pytest
from playwright.sync_api import expect

from .support import assert_accessible, visit

pytestmark = pytest.mark.browser


def test_visitor_reads_about_the_programme_and_finds_the_sign_in_form(page, demo):
    visit(page, "/")

    expect(page).to_have_title("Welcome · CITIES-GROW")
    expect(page.get_by_role("heading", level=1)).to_have_text("CITIES-GROW")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Integration of migrants through economic activity in cities — 2017–2019")
    expect(main).to_contain_text("People join by invitation.")
    # Nothing of the network's private side shows to a visitor.
    expect(page.get_by_role("link", name="My work")).to_have_count(0)
    expect(main).not_to_contain_text("Eleni Papadaki")

    main.get_by_role("link", name="Sign in").click()

    expect(page).to_have_url("/accounts/login/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign In")
    expect(page.get_by_role("textbox", name="Email")).to_be_editable()
    expect(page.get_by_label("Password")).to_be_editable()
    expect(page.get_by_role("button", name="Sign In")).to_be_enabled()


def test_a_private_page_sends_the_visitor_to_sign_in(page, demo):
    munich_athens = demo.get(implementing_city__slug="athens")

    visit(page, f"/pairings/{munich_athens.pk}/")

    expect(page).to_have_url(f"/accounts/login/?next=/pairings/{munich_athens.pk}/")
    expect(page.get_by_role("main")).not_to_contain_text("Munich")
