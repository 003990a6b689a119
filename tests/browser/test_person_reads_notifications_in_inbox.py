"""A city officer finds three notifications behind the bell, reads them, and
chooses the daily digest — with axe-core checking every page on the way."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from mentoring.models import Role
from notifications.models import Notification, Preference
from notifications.services import notify
from tests.factories import PASSWORD, PairingFactory, person

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def tab(browser, live_server):
    """A page of the shared browser (tests/browser/conftest.py)."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def assert_accessible(page):
    page.wait_for_load_state("load")
    violations = Axe().run(page).response["violations"]
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes'][:5]]}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert not blocking, f"axe-core finds accessibility problems on {page.url}: {blocking}"


@pytest.fixture
def officer(transactional_db):
    pairing = PairingFactory()
    officer = person(Role.CITY_OFFICER, city=pairing.implementing_city, name="Athina Officer")
    notify(recipients=[officer], event="visit.planned", target=pairing, context={"summary": "Study visit in May."})
    notify(
        recipients=[officer],
        event="plan.recommended",
        target=pairing,
        context={"items": ["Add a baseline to indicator 2", "Name a lead department"]},
    )
    report = PairingFactory()
    notify(recipients=[officer], event="deliverable.ready", target=report, context={"title": "PDF ready"})
    officer.pairing, officer.newest = pairing, report
    return officer


def test_person_reads_notifications_in_inbox(tab, officer):
    tab.goto("/accounts/login/")
    tab.get_by_label("Email").fill(officer.email)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()

    bell = tab.get_by_role("link", name=re.compile(r"^Notifications 3 unread$"))
    expect(bell).to_be_visible()
    assert_accessible(tab)

    bell.click()
    expect(tab.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    assert_accessible(tab)
    groups = tab.get_by_role("heading", level=2)
    expect(groups).to_have_count(2)
    expect(groups).to_have_text([str(officer.newest), str(officer.pairing)])  # grouped by target, newest first
    expect(tab.get_by_text("Add a baseline to indicator 2")).to_be_visible()

    # One read in place (htmx): the item loses its button, the bell counts down, no reload.
    tab.get_by_role("button", name=re.compile(r"^Mark as read\W+Action plan recommended")).click()
    expect(tab.get_by_role("link", name="Notifications 2 unread")).to_be_visible()
    expect(tab.get_by_role("button", name=re.compile("^Mark as read"))).to_have_count(2)
    assert Notification.objects.filter(read_at__isnull=False).count() == 1
    assert_accessible(tab)

    tab.get_by_role("button", name="Mark all as read").click()
    expect(tab.get_by_text("2 notifications marked as read.")).to_be_visible()
    expect(tab.get_by_role("link", name="Notifications none unread")).to_be_visible()
    assert_accessible(tab)

    tab.get_by_role("link", name="Notification settings").click()
    expect(tab.get_by_role("heading", name="Notification settings", level=1)).to_be_visible()
    assert_accessible(tab)
    tab.get_by_role("group", name="Action plan submitted").get_by_label("Daily digest").check()
    tab.get_by_role("button", name="Save").click()
    expect(tab.get_by_text("Your notification settings are saved.")).to_be_visible()
    assert_accessible(tab)
    assert Preference.objects.get(user=officer, event="plan.submitted").delivery == "digest"
