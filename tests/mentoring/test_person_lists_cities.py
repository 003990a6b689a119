import pytest

from .conftest import links, page_text, queries


def test_every_city_is_listed_with_its_role_and_pairing(sign_in, demo):
    response = sign_in("officer@athens.example").get("/cities/")
    text = page_text(response)

    assert len(response.context["rows"]) == 16
    assert "Athens (Αθήνα) Greece (GR) Implementing city Scheme B: Munich → mentors Athens" in text
    assert "Munich (München) Germany (DE) Mentor city Scheme B: Munich → mentors Athens" in text
    assert "Dresden Germany (DE) Implementing city Scheme D: Nantes → mentors Dresden" in text
    assert text.count("illustrative") == 8  # four illustrative pairings, each named for both cities


def test_links_lead_only_to_cities_the_person_may_open(sign_in, demo):
    response = sign_in("officer@athens.example").get("/cities/")

    assert links(response, "/cities/") == {"/cities/athens/", "/cities/munich/"}
    assert links(response, "/pairings/") == set()


def test_the_coordinator_may_open_every_city(sign_in, demo):
    response = sign_in("coordinator@eurocities.example").get("/cities/")

    assert len(links(response, "/cities/")) == 16


@pytest.mark.parametrize(
    "email", ["officer@athens.example", "expert@migrationwork.example", "coordinator@eurocities.example"]
)
def test_the_city_list_costs_the_same_queries_for_a_larger_network(sign_in, grow_network, email):
    client = sign_in(email)
    client.get("/cities/")
    before = queries(client, "/cities/")

    grow_network()

    assert queries(client, "/cities/") == before
