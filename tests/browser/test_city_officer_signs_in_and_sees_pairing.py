import pytest
from playwright.sync_api import expect

from .support import assert_accessible, sign_in, visit

pytestmark = pytest.mark.browser


def test_athens_officer_signs_in_sees_the_pairing_with_munich_and_nothing_else(page, demo):
    athens_munich = demo.get(implementing_city__slug="athens")
    nantes_dresden = demo.get(mentor_city__slug="nantes", implementing_city__slug="dresden")

    sign_in(page, "officer@athens.example")

    expect(page).to_have_url("/")
    assert_accessible(page)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("My work")
    expect(main).to_contain_text("You are city officer for Athens.")
    pairing = main.get_by_role("region", name="Athens, mentored by Munich")
    expect(pairing).to_contain_text("Scheme B: Engaging businesses, local job agencies and educational institutions")
    expect(pairing).to_contain_text("facilitated by MigrationWork CIC")
    for heading, names in [
        ("People of Athens (implementing city)", ["Eleni Papadaki", "Nikos Georgiou", "Maria Konstantinou"]),
        ("People of Munich (mentor city)", ["Lukas Huber", "Anna Wagner", "Stefan Bauer"]),
        ("MigrationWork CIC (expert partner)", ["Richard Ellis"]),
    ]:
        expect(pairing.get_by_role("heading", name=heading)).to_be_visible()
        people = pairing.get_by_role("heading", name=heading).locator("xpath=following-sibling::ul[1]")
        for name in names:
            expect(people).to_contain_text(name)
    # Nobody from another pairing appears among the people.
    expect(main).not_to_contain_text("Camille Leroy")
    expect(main).not_to_contain_text("Katrin Vogel")

    pairing.get_by_role("link", name="Open the pairing").click()

    expect(page).to_have_url(f"/pairings/{athens_munich.pk}/")
    assert_accessible(page)
    expect(page).to_have_title("Munich → Athens · CITIES-GROW")
    expect(page.get_by_role("heading", level=1)).to_have_accessible_name("Munich (München) mentors Athens (Αθήνα)")
    expect(page.get_by_role("main")).to_contain_text("Lukas Huber")

    response = visit(page, f"/pairings/{nantes_dresden.pk}/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("main")).not_to_contain_text("Dresden")
    expect(page.get_by_role("main")).not_to_contain_text("Katrin Vogel")
