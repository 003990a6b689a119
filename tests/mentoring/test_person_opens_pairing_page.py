import pytest

from .conftest import page_text


@pytest.fixture
def munich_athens(demo):
    return demo.get(implementing_city__slug="athens")


def test_an_athens_officer_sees_who_works_on_their_pairing(sign_in, munich_athens):
    response = sign_in("officer@athens.example").get(f"/pairings/{munich_athens.pk}/")
    text = page_text(response)

    assert "Munich (München) → mentors Athens (Αθήνα)" in text
    assert "Scheme B: Engaging businesses" in text
    assert "Expert partner MigrationWork CIC" in text
    assert 'href="http://anyflip.com/zerr/acrf/basic"' in response.content.decode()
    for name, email in [
        ("Eleni Papadaki", "officer@athens.example"),
        ("Maria Konstantinou", "political@athens.example"),
        ("Lukas Huber", "officer@munich.example"),
        ("Anna Wagner", "admin@munich.example"),
        ("Richard Ellis", "expert@migrationwork.example"),
    ]:
        assert name in text and email in text
    assert "Katrin Vogel" not in text and "dresden" not in text.lower()
    assert "Chiara Rossi" not in text


def test_people_are_listed_under_their_own_side(sign_in, munich_athens):
    response = sign_in("officer@athens.example").get(f"/pairings/{munich_athens.pk}/")

    assert {m.user.email for m in response.context["implementing_people"]} == {
        "officer@athens.example",
        "admin@athens.example",
        "political@athens.example",
    }
    assert {m.user.email for m in response.context["mentor_people"]} == {
        "officer@munich.example",
        "admin@munich.example",
        "political@munich.example",
    }
    assert [m.user.email for m in response.context["expert_people"]] == ["expert@migrationwork.example"]


def test_an_illustrative_pairing_says_it_is_demo_data(sign_in, demo):
    rotterdam_tampere = demo.get(implementing_city__slug="tampere")

    text = page_text(sign_in("officer@tampere.example").get(f"/pairings/{rotterdam_tampere.pk}/"))

    assert "This pairing is demo data, not confirmed by a published source." in text


def test_another_pairing_is_not_found_for_an_athens_officer(sign_in, demo):
    nantes_dresden = demo.get(implementing_city__slug="dresden")

    assert sign_in("officer@athens.example").get(f"/pairings/{nantes_dresden.pk}/").status_code == 404


def test_an_expert_partner_opens_the_pairings_of_their_schemes_only(sign_in, demo):
    client = sign_in("expert@mpg.example")

    assert client.get(f"/pairings/{demo.get(implementing_city__slug='dresden').pk}/").status_code == 200
    assert client.get(f"/pairings/{demo.get(implementing_city__slug='athens').pk}/").status_code == 404


def test_the_coordinator_opens_every_pairing(sign_in, demo):
    client = sign_in("coordinator@eurocities.example")

    assert all(client.get(f"/pairings/{pairing.pk}/").status_code == 200 for pairing in demo)


def test_an_unknown_pairing_is_not_found(sign_in, demo):
    assert sign_in("coordinator@eurocities.example").get("/pairings/999999/").status_code == 404
