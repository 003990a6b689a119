import pytest

from accounts.models import User
from mentoring.models import Membership

from .conftest import page_text, queries

ATHENS_TEAM = [
    "officer@athens.example",
    "admin@athens.example",
    "political@athens.example",
    "officer@munich.example",
    "admin@munich.example",
    "political@munich.example",
    "expert@migrationwork.example",
    "coordinator@eurocities.example",
    "coordinator2@eurocities.example",
]


def test_an_athens_officer_sees_the_people_they_work_with(sign_in, demo):
    response = sign_in("officer@athens.example").get("/people/")
    text = page_text(response)

    for email in ATHENS_TEAM:
        assert email in text
    assert [str(scope) for scope, _ in response.context["groups"]] == [
        "Athens",
        "Munich",
        "EUROCITIES",
        "MigrationWork CIC",
    ]


def test_an_athens_officer_never_sees_people_of_other_pairings(sign_in, demo):
    text = page_text(sign_in("officer@athens.example").get("/people/"))

    for absent in ["officer@dresden.example", "Katrin Vogel", "officer@nantes.example", "expert@mpg.example"]:
        assert absent not in text
    shown = {m.user.email for m in Membership.objects.select_related("user") if m.user.email in text}
    assert shown == set(ATHENS_TEAM)


def test_an_expert_partner_sees_the_cities_of_their_schemes(sign_in, demo):
    text = page_text(sign_in("expert@mpg.example").get("/people/"))

    for slug in ("utrecht", "brighton-hove", "lisbon", "birmingham", "dresden", "nantes", "riga", "ghent"):
        assert f"officer@{slug}.example" in text
    assert "officer@athens.example" not in text and "expert@migrationwork.example" not in text


def test_the_coordinator_sees_everybody(sign_in, demo):
    text = page_text(sign_in("coordinator@eurocities.example").get("/people/"))

    assert all(user.email in text for user in User.objects.all())


def test_people_who_left_are_not_listed(sign_in, demo):
    User.objects.filter(email="officer@munich.example").update(is_active=False)

    text = page_text(sign_in("officer@athens.example").get("/people/"))

    assert "officer@munich.example" not in text and "admin@munich.example" in text


@pytest.mark.parametrize(
    "email", ["officer@athens.example", "expert@migrationwork.example", "coordinator@eurocities.example"]
)
def test_the_people_list_costs_the_same_queries_for_a_larger_network(sign_in, grow_network, email):
    client = sign_in(email)
    client.get("/people/")
    before = queries(client, "/people/")

    grow_network()

    assert queries(client, "/people/") == before
