import re

import pytest

from accounts.models import User
from mentoring.models import Pairing

from .conftest import links, page_text, queries


def test_a_visitor_reads_about_the_programme(client, demo):
    text = page_text(client.get("/"))

    assert "Integration of migrants through economic activity in cities — 2017–2019" in text
    assert "coordinated by EUROCITIES" in text
    assert "People join by invitation." in text
    assert "Eleni Papadaki" not in text and "Munich" not in text


def test_an_athens_officer_sees_the_pairing_with_munich_and_its_people(sign_in, demo):
    response = sign_in("officer@athens.example").get("/")
    text = page_text(response)

    assert "Welcome, Eleni. You are city officer for Athens." in text
    assert "Athens, mentored by Munich" in text
    assert "Scheme B: Engaging businesses, local job agencies and educational institutions" in text
    # Their own city, the mentor city and the scheme's expert partner, with addresses to write to.
    for name, email in [
        ("Eleni Papadaki", "officer@athens.example"),
        ("Nikos Georgiou", "admin@athens.example"),
        ("Lukas Huber", "officer@munich.example"),
        ("Stefan Bauer", "political@munich.example"),
        ("Richard Ellis", "expert@migrationwork.example"),
    ]:
        assert name in text and email in text
    assert "Dresden" not in text and "Katrin Vogel" not in text
    assert "Hanna Lindqvist" not in text
    munich_athens = demo.get(implementing_city__slug="athens")
    assert links(response, "/pairings/") == {f"/pairings/{munich_athens.pk}/"}


def test_the_munich_officer_sees_the_same_pairing_from_the_mentor_side(sign_in, demo):
    text = page_text(sign_in("officer@munich.example").get("/"))

    assert "Munich, mentoring Athens" in text
    assert "Eleni Papadaki" in text and "Richard Ellis" in text


def test_an_expert_partner_sees_the_schemes_they_facilitate(sign_in, demo):
    response = sign_in("expert@mpg.example").get("/")
    text = page_text(response)

    assert "Schemes I facilitate" in text
    assert "Scheme A: Access to public and private contracts" in text
    assert "Scheme D: Anti-discrimination on the local job market" in text
    assert "Scheme B" not in text and "Scheme C" not in text
    expected = demo.filter(scheme__code__in=["A", "D"])
    assert links(response, "/pairings/") == {f"/pairings/{p.pk}/" for p in expected}
    assert "Brighton & Hove → mentors Utrecht" in text.replace("&amp;", "&")


def test_the_coordinator_sees_all_eight_pairings(sign_in, demo):
    response = sign_in("coordinator@eurocities.example").get("/")
    text = page_text(response)

    assert "The whole programme" in text
    assert links(response, "/pairings/") == {f"/pairings/{p.pk}/" for p in Pairing.objects.all()}
    assert len(links(response, "/pairings/")) == 8
    assert "Invite a person" in text
    assert len(re.findall(r"illustrative", text)) == 4


def test_a_person_without_a_role_is_told_to_ask(client, demo):
    nobody = User.objects.create_user(email="nobody@city.example", password="x", name="No Body")
    client.force_login(nobody)

    text = page_text(client.get("/"))

    assert "You have no role on the platform yet: ask the EUROCITIES team." in text
    assert "/pairings/" not in text


@pytest.mark.parametrize(
    "email", ["officer@athens.example", "expert@migrationwork.example", "coordinator@eurocities.example"]
)
def test_the_home_page_costs_the_same_queries_for_a_larger_network(sign_in, grow_network, email):
    client = sign_in(email)
    client.get("/")
    before = queries(client, "/")

    grow_network()

    assert queries(client, "/") == before
