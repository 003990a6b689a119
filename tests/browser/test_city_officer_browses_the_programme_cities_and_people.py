import re

import pytest
from playwright.sync_api import expect

from .support import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_athens_officer_browses_the_network_and_opens_only_what_athens_works_with(page, demo):
    sign_in(page, "officer@athens.example")
    expect(page).to_have_url("/")
    assert_accessible(page)
    nav = page.get_by_role("navigation", name="Main")

    nav.get_by_role("link", name="Programme", exact=True).click()

    expect(page).to_have_url("/programmes/cities-grow/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("CITIES-GROW")
    # Who mentors whom is public in the programme; only Athens's own pairing opens.
    nantes_dresden = page.get_by_role("main").get_by_role("listitem").filter(has_text=re.compile("Nantes.*Dresden"))
    expect(nantes_dresden).to_be_visible()
    expect(nantes_dresden.get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("link", name="Munich mentors Athens")).to_be_visible()

    page.get_by_role("link", name="Scheme B", exact=True).click()

    expect(page).to_have_url("/programmes/cities-grow/schemes/B/")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Scheme B: Job-skills match for youth with a migrant background"
    )
    expect(page.get_by_role("row", name="Rotterdam")).to_contain_text("illustrative")

    nav.get_by_role("link", name="Cities", exact=True).click()

    expect(page).to_have_url("/cities/")
    assert_accessible(page)
    expect(page.get_by_role("row")).to_have_count(17)
    expect(page.get_by_role("link", name="Munich (München)")).to_be_visible()
    expect(page.get_by_role("link", name="Nantes")).to_have_count(0)

    page.get_by_role("link", name="Munich (München)").click()

    expect(page).to_have_url("/cities/munich/")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text("Mentor city of Athens in scheme B")
    expect(page.get_by_role("main")).to_contain_text("Lukas Huber")

    nav.get_by_role("link", name="People", exact=True).click()

    expect(page).to_have_url("/people/")
    assert_accessible(page)
    groups = page.get_by_role("main").get_by_role("heading", level=2)
    expect(groups).to_have_text(["Athens", "Munich", "EUROCITIES", "MigrationWork CIC"])
