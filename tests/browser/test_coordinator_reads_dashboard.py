import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.factories import enable_totp
from toolkits.demo import load_demo_toolkits

from .support import assert_accessible, fresh_totp_code, sign_in, visit

pytestmark = pytest.mark.browser


def test_coordinator_reads_the_programme_dashboard_filters_it_and_exports_it(page, demo):
    load_demo_toolkits()
    secret = enable_totp(User.objects.get(email="coordinator@eurocities.example"))
    csp_errors = []
    page.on(
        "console",
        lambda message: csp_errors.append(message.text) if "Content Security Policy" in message.text else None,
    )

    sign_in(page, "coordinator@eurocities.example")
    expect(page).to_have_url("/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.get_by_label("Code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url("/")
    assert_accessible(page)

    page.get_by_role("link", name="Programme dashboard").click()
    expect(page).to_have_url("/staff/dashboard/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme dashboard")
    pairs = page.locator("#pairs-table")
    lisbon = pairs.get_by_role("row", name=re.compile("Birmingham → Lisbon"))
    expect(lisbon).to_have_class("row-at-risk")
    expect(lisbon).to_contain_text("brief overdue, report overdue")
    expect(pairs.get_by_role("row", name=re.compile("Munich → Athens"))).to_contain_text("67 %")
    expect(page.get_by_role("img", name="Visits held and planned per pair")).to_be_visible()

    page.get_by_label("Scheme", exact=True).select_option(label="D: Anti-discrimination on the local job market")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url("/staff/dashboard/?scheme=D")
    assert_accessible(page)
    expect(pairs.get_by_role("row")).to_have_count(3)  # the header and the two pairs of scheme D

    with page.expect_download() as download:
        page.get_by_role("link", name="Export as CSV").click()
    assert re.fullmatch(r"programme-dashboard-\d{4}-\d\d-\d\d\.csv", download.value.suggested_filename)
    content = open(download.value.path(), encoding="utf-8-sig").read()
    assert "Nantes,Dresden" in content and "Athens" not in content

    visit(page, "/api/docs/")
    expect(page.get_by_text("CITIES-GROW open data API").first).to_be_visible()
    expect(page.get_by_text("/api/visits/").first).to_be_visible()
    assert not csp_errors, csp_errors
