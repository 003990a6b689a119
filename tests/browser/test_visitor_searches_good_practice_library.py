"""A visitor searches the good-practice library, filters it and opens a practice; an officer opens their
city's Charter self-assessment. axe-core checks every page; serious or critical violations fail."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from mentoring.demo import load_demo_network
from mentoring.demo_network import DEMO_PASSWORD
from toolkits.demo import load_demo_toolkits

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_site(live_server, transactional_db):
    load_demo_network()
    load_demo_toolkits()
    return live_server


@pytest.fixture
def page(browser):
    """A page of the shared browser (tests/browser/conftest.py) that also fails on console errors."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    # CSP violations show as console errors; a missing favicon is the browser's own guess, not ours.
    page.on(
        "console",
        lambda m: m.type == "error" and not m.text.startswith("Failed to load resource") and errors.append(m.text),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico") and errors.append(f"{r.status} {r.url}"),
    )
    yield page
    context.close()
    assert not errors, f"Console errors or failed requests: {errors}"


def assert_accessible(page):
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, results.generate_report()


def test_visitor_searches_filters_and_opens_a_practice(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Library").first.click()
    expect(page.get_by_role("heading", name="Good-practice library")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Search the practices").fill('"social value" OR tenders')
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2, name='for “"social value" OR tenders”')).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("group", name="Country").get_by_label("United Kingdom").check()
    page.get_by_role("button", name="Apply the filters").click()
    results = page.get_by_role("list").filter(has=page.locator(".card"))
    expect(results.get_by_role("heading", level=3)).to_have_count(2)  # Brighton & Hove, Birmingham
    expect(page.get_by_role("link", name="Social value charter for city contracts")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Social value charter for city contracts").click()
    expect(page.get_by_role("heading", level=1, name="Social value charter for city contracts")).to_be_visible()
    expect(page.get_by_text("fictional demo content")).to_be_visible()
    expect(page.get_by_role("link", name="Social return clause in tenders")).to_be_visible()  # adapted by Utrecht
    assert_accessible(page)

    page.get_by_role("link", name="Social return clause in tenders").click()
    expect(page.get_by_text("Adapted from Social value charter for city contracts")).to_be_visible()


def test_visitor_reads_the_frames_and_a_published_toolkit(demo_site, page):
    page.goto(demo_site.url + "/charter/")
    expect(page.get_by_role("heading", name="The city as buyer of goods and services")).to_be_visible()
    assert_accessible(page)
    page.goto(demo_site.url + "/european-modules/")
    expect(page.get_by_text("The lists below are incomplete")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Toolkits").first.click()
    page.get_by_role("link", name="Anti-discrimination strategies for the local job market").click()
    expect(page.get_by_role("heading", name="Key factors for success")).to_be_visible()
    assert_accessible(page)


def test_officer_opens_the_self_assessment_beside_the_mentor_city(demo_site, page):
    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("Email").fill("officer@athens.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(demo_site.url + "/cities/athens/self-assessment/")

    expect(page.get_by_role("img", name="Athens's maturity on the Charter commitments")).to_be_visible()
    expect(page.get_by_role("heading", name="Munich, mentor city")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Rate the end of the programme").click()
    page.get_by_label("P1: Communicate publicly").select_option("4")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The self-assessment was saved.")).to_be_visible()
