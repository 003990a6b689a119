"""The city list, 50 cities a page, once the network outgrows the demo's 16."""

import csv
import io

import pytest

from citiesgrow.pagination import PAGE_SIZE
from mentoring.models import City
from tests.paging import add_cities, pager

from .conftest import links, page_text, queries


@pytest.fixture
def long_list(demo):
    """The demo's 16 cities and 60 more, "Bench city 001"…: between Barcelona and Birmingham by name, so that
    Athens is on the first page and Munich on the second."""
    add_cities("Bench city", 60)
    assert PAGE_SIZE == 50 and City.objects.count() == 76


def city_names(response):
    return [row["city"].name for row in response.context["rows"]]


def city_links(response):
    return links(response, "/cities/") - {"/cities/"}


def test_the_first_page_shows_the_first_fifty_cities_and_leads_to_the_second(sign_in, long_list):
    response = sign_in("officer@athens.example").get("/cities/")

    assert city_names(response)[:4] == ["Athens", "Barcelona", "Bench city 001", "Bench city 002"]
    assert len(city_names(response)) == 50 and city_names(response)[-1] == "Bench city 048"
    assert pager(response).current == "Page 1 of 2"
    assert pager(response).label == "Pages of cities"
    assert pager(response).next == "?page=2" and pager(response).previous is None
    assert "76 cities" in page_text(response)


def test_the_second_page_shows_the_rest_with_their_roles_and_leads_back(sign_in, long_list):
    response = sign_in("officer@athens.example").get("/cities/?page=2")
    text = page_text(response)

    assert city_names(response)[:3] == ["Bench city 049", "Bench city 050", "Bench city 051"]
    assert len(city_names(response)) == 26 and city_names(response)[-1] == "Utrecht"
    assert "Munich (München) Germany (DE) Mentor city Scheme B: Munich → mentors Athens" in text
    assert "Athens (Αθήνα)" not in text
    assert pager(response).current == "Page 2 of 2"
    assert pager(response).previous == "/cities/" and pager(response).next is None


def test_every_page_links_only_to_the_cities_the_person_may_open(sign_in, long_list):
    client = sign_in("officer@athens.example")

    assert city_links(client.get("/cities/")) == {"/cities/athens/"}
    assert city_links(client.get("/cities/?page=2")) == {"/cities/munich/"}


def test_the_coordinator_may_open_every_city_of_every_page(sign_in, long_list):
    client = sign_in("coordinator@eurocities.example")

    first, second = city_links(client.get("/cities/")), city_links(client.get("/cities/?page=2"))

    assert len(first) == 50 and len(second) == 26 and not first & second


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ("99", "Page 2 of 2"),
        ("0", "Page 2 of 2"),
        ("-1", "Page 2 of 2"),
        ("abc", "Page 1 of 2"),
        ("1.5", "Page 1 of 2"),
    ],
)
def test_a_page_number_past_the_end_shows_the_last_page_and_a_garbled_one_the_first(sign_in, long_list, asked, shown):
    response = sign_in("officer@athens.example").get(f"/cities/?page={asked}")

    assert response.status_code == 200
    assert pager(response).current == shown


def test_the_export_still_has_every_city(sign_in, long_list):
    response = sign_in("officer@athens.example").get("/exports/cities.csv?page=2")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 76


def test_every_page_costs_the_same_queries(sign_in, long_list):
    client = sign_in("officer@athens.example")

    assert queries(client, "/cities/") == queries(client, "/cities/?page=2") == queries(client, "/cities/?page=x")
