"""The people list, 100 people a page, grouped by city and organisation on each page."""

import pytest

from citiesgrow.pagination import LIGHT_PAGE_SIZE
from mentoring.models import City, Membership, Role
from tests.paging import add_people, pager

from .conftest import page_text, queries

OTHER_PAIRINGS = ["officer@dresden.example", "officer@nantes.example", "expert@mpg.example", "officer@riga.example"]


@pytest.fixture
def athens_grows(demo):
    """105 more officers in Athens: with Munich, EUROCITIES and MigrationWork, an Athens officer works with
    114 people, more than a page."""
    add_people(Role.CITY_OFFICER, "Athens officer", 105, city=City.objects.get(slug="athens"))
    assert LIGHT_PAGE_SIZE == 100


def emails(response):
    return [membership.user.email for _, memberships in response.context["groups"] for membership in memberships]


def test_the_first_page_shows_the_first_hundred_people_and_leads_to_the_second(sign_in, athens_grows):
    response = sign_in("officer@athens.example").get("/people/")

    assert len(emails(response)) == 100
    assert [str(scope) for scope, _ in response.context["groups"]] == ["Athens"]
    assert emails(response)[:2] == ["athens-officer001@paging.example", "athens-officer002@paging.example"]
    assert emails(response)[-1] == "athens-officer100@paging.example"
    assert pager(response).current == "Page 1 of 2" and pager(response).next == "?page=2"


def test_the_second_page_shows_the_rest_under_their_city_or_organisation(sign_in, athens_grows):
    response = sign_in("officer@athens.example").get("/people/?page=2")
    text = page_text(response)

    assert [str(scope) for scope, _ in response.context["groups"]] == [
        "Athens",
        "Munich",
        "EUROCITIES",
        "MigrationWork CIC",
    ]
    assert emails(response)[0] == "athens-officer101@paging.example"
    for email in ("officer@athens.example", "officer@munich.example", "expert@migrationwork.example"):
        assert email in text
    assert pager(response).current == "Page 2 of 2" and pager(response).previous == "/people/"


def test_each_person_is_on_exactly_one_page_and_nobody_of_another_pairing_on_any(sign_in, athens_grows):
    client = sign_in("officer@athens.example")

    first, second = emails(client.get("/people/")), emails(client.get("/people/?page=2"))

    assert len(first) + len(second) == len(set(first) | set(second)) == 114
    for page in (client.get("/people/"), client.get("/people/?page=2")):
        assert not any(email in page_text(page) for email in OTHER_PAIRINGS)


def test_the_coordinator_pages_through_everybody(sign_in, athens_grows):
    client = sign_in("coordinator@eurocities.example")

    shown = emails(client.get("/people/")) + emails(client.get("/people/?page=2"))

    assert sorted(shown) == sorted(Membership.objects.values_list("user__email", flat=True))


@pytest.mark.parametrize(("asked", "shown"), [("3", "Page 2 of 2"), ("two", "Page 1 of 2"), ("", "Page 1 of 2")])
def test_a_page_past_the_end_is_the_last_and_a_garbled_one_the_first(sign_in, athens_grows, asked, shown):
    response = sign_in("officer@athens.example").get(f"/people/?page={asked}")

    assert response.status_code == 200 and pager(response).current == shown


def test_every_page_costs_the_same_queries(sign_in, athens_grows):
    client = sign_in("officer@athens.example")

    assert queries(client, "/people/") == queries(client, "/people/?page=2")
