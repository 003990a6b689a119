"""A scheme's page lists its pairings 50 a page; the uptake of the whole scheme stays under the table."""

import pytest

from citiesgrow.pagination import PAGE_SIZE
from mentoring.models import Scheme
from tests.paging import add_pairings, pager

from .conftest import links, page_text, queries

SCHEME_B = "/programmes/cities-grow/schemes/B/"


@pytest.fixture
def scheme_b_grows(demo):
    """55 more pairings in scheme B, their implementing cities "Paging city 001"… between Athens and Tampere."""
    add_pairings(Scheme.objects.get(code="B"), "Paging city", 55)
    assert PAGE_SIZE == 50


def implementing_cities(response):
    return [pairing.implementing_city.name for pairing in response.context["page"]]


def test_the_scheme_page_shows_fifty_pairings_then_the_rest(sign_in, scheme_b_grows):
    client = sign_in("officer@athens.example")

    first, second = client.get(SCHEME_B), client.get(f"{SCHEME_B}?page=2")

    assert implementing_cities(first)[:2] == ["Athens", "Paging city 001"] and len(implementing_cities(first)) == 50
    assert implementing_cities(second) == [*(f"Paging city {n:03}" for n in range(50, 56)), "Tampere"]
    assert "57 pairings" in page_text(first)
    assert (pager(first).current, pager(first).next) == ("Page 1 of 2", "?page=2")
    assert (pager(second).current, pager(second).previous) == ("Page 2 of 2", SCHEME_B)


def test_only_the_pairings_a_person_works_in_open_on_any_page(sign_in, demo, scheme_b_grows):
    athens = demo.get(implementing_city__slug="athens")
    pages = [SCHEME_B, f"{SCHEME_B}?page=2"]

    officer = sign_in("officer@athens.example")
    assert [links(officer.get(url), "/pairings/") for url in pages] == [{f"/pairings/{athens.pk}/"}, set()]

    expert = sign_in("expert@migrationwork.example")
    assert sum(len(links(expert.get(url), "/pairings/")) for url in pages) == 57

    dresden = sign_in("officer@dresden.example")
    assert all(links(dresden.get(url), "/pairings/") == set() for url in pages)


def test_the_uptake_of_the_scheme_counts_every_pairing_on_every_page(sign_in, scheme_b_grows):
    client = sign_in("officer@athens.example")

    for url in (SCHEME_B, f"{SCHEME_B}?page=2"):  # Munich → Athens, with all of B's recommendations, is on page 1
        uptake = client.get(url).context["scheme_uptake"]
        assert (uptake.taken_up, uptake.total) == (4, 6)


def test_a_page_past_the_end_is_the_last(sign_in, scheme_b_grows):
    response = sign_in("officer@athens.example").get(f"{SCHEME_B}?page=3")

    assert response.status_code == 200 and implementing_cities(response)[-1] == "Tampere"


def test_every_page_costs_the_same_queries(sign_in, scheme_b_grows):
    client = sign_in("expert@migrationwork.example")

    assert queries(client, SCHEME_B) == queries(client, f"{SCHEME_B}?page=2")
