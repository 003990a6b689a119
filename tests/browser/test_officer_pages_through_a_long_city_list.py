import pytest
from playwright.sync_api import expect

from tests.paging import add_cities

from .support import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_athens_officer_pages_through_the_cities_and_back(page, demo):
    add_cities("Bench city", 60)  # 76 cities: Athens on page 1, Munich on page 2
    sign_in(page, "officer@athens.example")
    assert_accessible(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cities", exact=True).click()

    pages = page.get_by_role("navigation", name="Pages of cities")
    expect(pages).to_contain_text("Page 1 of 2")
    expect(page.get_by_role("row")).to_have_count(51)
    expect(page.get_by_role("link", name="Athens (Αθήνα)")).to_be_visible()
    assert_accessible(page)

    pages.get_by_role("link", name="Next").click()

    expect(page).to_have_url("/cities/?page=2")
    expect(pages).to_contain_text("Page 2 of 2")
    expect(page.get_by_role("row")).to_have_count(27)
    expect(page.get_by_role("link", name="Munich (München)")).to_be_visible()
    expect(page.get_by_role("link", name="Nantes")).to_have_count(0)
    assert_accessible(page)

    pages.get_by_role("link", name="Previous").click()

    expect(page).to_have_url("/cities/")
    expect(pages).to_contain_text("Page 1 of 2")
    assert_accessible(page)
