"""The journey of a pairing through a visit, in a real browser, with axe-core on every page:
the implementing city plans a study visit and writes its brief, the visit is held, the mentor
city writes the report with three recommendations, the implementing city answers them and
sees the uptake rate."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def signed_in(browser, live_server):
    """A browser page signed in as the given person (their session cookie, as after signing in)."""
    contexts = []

    def open_as(user):
        client = Client()
        client.force_login(user)
        context = browser.new_context(base_url=live_server.url)
        context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


AXE = Axe()


def check_accessibility(page):
    """Fail on serious or critical axe-core violations of the page as it is now."""
    results = AXE.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    details = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in blocking
    )
    assert not blocking, f"Accessibility violations on {page.url}:\n{details}"


def go(page, url):
    page.goto(url)
    check_accessibility(page)


def click_and_check(page, locator):
    locator.click()
    page.wait_for_load_state()
    check_accessibility(page)


def test_pairing_plans_visit_and_answers_recommendations(transactional_db, network, signed_in):
    pairing = network.pairing
    implementing, mentor = network.implementing_city, network.mentor_city

    # The implementing city plans its study visit to the mentor city.
    athens = signed_in(network["officer"])
    go(athens, pairing.get_absolute_url())
    click_and_check(athens, athens.get_by_role("link", name="Plan a visit"))
    athens.get_by_label("Kind").select_option("study_visit")
    athens.get_by_label("Host city").select_option("mentor")
    athens.get_by_label("First day").fill("2017-10-23")
    athens.get_by_label("Last day").fill("2017-10-25")
    athens.get_by_label("Topics").fill("Partnerships for young newcomers' first jobs")
    click_and_check(athens, athens.get_by_role("button", name="Plan the visit"))
    expect(athens.get_by_role("heading", level=1)).to_contain_text(f"Study visit to {mentor}")
    visit_url = athens.url

    # …writes its learning-needs brief and submits it.
    click_and_check(athens, athens.get_by_role("link", name="write the brief"))
    athens.get_by_label("What we want to learn").fill("How the job centre, chambers and schools work as one.")
    athens.get_by_label("Our questions").fill("Who pays for the coordinators?")
    athens.get_by_label("S1 · Equal access to services").check()
    click_and_check(athens, athens.get_by_role("button", name="Submit the brief"))
    expect(athens.get_by_text("The brief was submitted.")).to_be_visible()

    # The visit is confirmed, then held.
    click_and_check(athens, athens.get_by_role("button", name="Mark as confirmed"))
    click_and_check(athens, athens.get_by_role("button", name="Mark as held"))
    expect(athens.get_by_role("heading", level=1)).to_contain_text("Held")

    # The mentor city writes the report with three recommendations and submits it.
    munich = signed_in(network["mentor_officer"])
    go(munich, visit_url)
    click_and_check(munich, munich.get_by_role("link", name="Write the report"))
    munich.get_by_label("Summary").fill("Athens met the partners of the city's route into work.")
    click_and_check(munich, munich.get_by_role("button", name="Save the draft report"))
    recommendations = [
        ("mentor_city", "Name one coordinator who convenes the partners."),
        ("expert_partner", "Start with one district and a few employers."),
        ("eurocities", "Share the first year's lessons with the scheme."),
    ]
    for author, text in recommendations:
        munich.get_by_label("Recommended by").select_option(author)
        munich.get_by_label("Recommendation", exact=True).fill(text)
        click_and_check(munich, munich.get_by_role("button", name="Add the recommendation"))
    expect(munich.get_by_role("heading", name="Add recommendation 4")).to_be_visible()
    click_and_check(munich, munich.get_by_role("button", name="Submit the report"))
    expect(munich.get_by_text(f"{implementing} can answer it now")).to_be_visible()

    # The implementing city answers each recommendation: adopt, adapt, decline.
    report_url = munich.url
    go(athens, report_url)
    for number, (answer, reason) in enumerate(
        [
            ("Adopt", "The deputy mayor's office hosts the coordinator."),
            ("Adapt", "Two neighbourhoods, not one."),
            ("Decline", "Our scheme meetings are full this year."),
        ],
        start=1,
    ):
        click_and_check(athens, athens.get_by_role("link", name=f"Answer to recommendation {number}"))
        athens.get_by_label(answer).check()
        athens.get_by_label("Reason").fill(reason)
        click_and_check(athens, athens.get_by_role("button", name="Save our answer"))
    athens.get_by_label("Follow-up of recommendation 1").select_option("in_progress")
    click_and_check(athens, athens.get_by_role("button", name="Save the follow-up of recommendation 1"))

    # The pairing page shows the register and the uptake: 2 of 3 taken up.
    go(athens, pairing.get_absolute_url())
    register = athens.get_by_role("region", name="Recommendation register")
    expect(register).to_contain_text("67% taken up")
    expect(register).to_contain_text("1 adopted + 1 adapted of 3")
    expect(register.get_by_role("row", name=re.compile("Name one coordinator"))).to_contain_text("In progress")

    # The scheme page rolls it up, and the calendar lists the visit and its deadlines.
    go(athens, pairing.scheme.get_absolute_url())
    expect(athens.get_by_text("67% taken up").first).to_be_visible()
    click_and_check(athens, athens.get_by_role("link", name="Calendar"))
    expect(athens.get_by_role("table")).to_contain_text("Learning-needs brief due")
    expect(athens.get_by_role("table")).to_contain_text("Visit report due")
