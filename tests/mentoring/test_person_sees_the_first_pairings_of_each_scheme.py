"""The programme page and the home page name the first ten pairings of a scheme and link to the scheme's page
for the others; the programme page names the first 48 cities and links to the city list for the others."""

import re

import pytest

from citiesgrow.pagination import PREVIEW_SIZE
from mentoring.models import Scheme
from mentoring.views import CITY_PREVIEW_SIZE
from tests.paging import add_cities, add_pairings

from .conftest import links, page_text

PROGRAMME = "/programmes/cities-grow/"
SCHEME_B = "/programmes/cities-grow/schemes/B/"
MORE_IN_B = f'and 4 more pairings — <a href="{SCHEME_B}">see all pairings of scheme B</a>'


@pytest.fixture
def scheme_b_grows(demo):
    """Scheme B has 14 pairings: Munich → Athens, Rotterdam → Tampere and 12 between "Paging city 001"…"""
    add_pairings(Scheme.objects.get(code="B"), "Paging city", 12)
    assert PREVIEW_SIZE == 10


def card_of_scheme_b(response):
    html = response.content.decode()
    return re.search(r"Scheme B</a>: Engaging businesses.*?</div></div></div>", html, re.S).group(0)


def test_the_programme_page_names_ten_pairings_of_a_scheme_and_links_to_the_others(sign_in, demo, scheme_b_grows):
    response = sign_in("officer@athens.example").get(PROGRAMME)
    card = card_of_scheme_b(response)

    assert card.count("<li>") == 10
    assert "Munich <span" in card and "Paging city 009" in card
    assert "Paging city 010" not in card and "Tampere" not in card
    assert MORE_IN_B in card
    # The officer still opens only their own pairing.
    assert links(response, "/pairings/") == {f"/pairings/{demo.get(implementing_city__slug='athens').pk}/"}


def test_a_scheme_within_ten_pairings_shows_them_all_without_a_link(sign_in, scheme_b_grows):
    text = page_text(sign_in("officer@athens.example").get(PROGRAMME))

    assert "Nantes → mentors Dresden" in text and "Ghent → mentors Riga" in text
    assert text.count("more pairings") == 1


def test_the_programme_page_names_48_cities_and_links_to_the_list_of_all(sign_in, scheme_b_grows):
    add_cities("Zz city", 30)  # 16 + 24 + 30 cities; these last by name
    assert CITY_PREVIEW_SIZE == 48

    response = sign_in("officer@athens.example").get(PROGRAMME)
    text = page_text(response)

    assert "Utrecht" in text and "Zz city 008" in text and "Zz city 009" not in text
    assert 'and 22 more cities — <a href="/cities/">see all cities</a>' in response.content.decode()
    assert links(response, "/cities/") == {"/cities/", "/cities/athens/", "/cities/munich/"}


def test_the_coordinators_home_names_ten_pairings_of_each_scheme(sign_in, scheme_b_grows):
    html = sign_in("coordinator@eurocities.example").get("/").content.decode()
    row = re.search(rf'<tr><th scope="row"><a href="{SCHEME_B}">.*?</tr>', html, re.S).group(0)

    assert row.count("<li>") == 10 and MORE_IN_B in row


def test_the_experts_home_names_ten_pairings_of_their_scheme(sign_in, scheme_b_grows):
    html = sign_in("expert@migrationwork.example").get("/").content.decode()
    section = re.search(r'id="expert-title".*?</section>', html, re.S).group(0)

    assert section.count("<li>") == 10 and MORE_IN_B in section
