from accounts.models import User

from .conftest import links, page_text


def test_an_athens_officer_opens_the_mentor_city_and_meets_its_people(sign_in, demo):
    response = sign_in("officer@athens.example").get("/cities/munich/")
    text = page_text(response)

    assert "Munich (München)" in text and "Germany (DE)" in text
    assert "Mentor city of Athens in scheme B: Job-skills match for youth with a migrant background." in text
    assert links(response, "/pairings/") == {f"/pairings/{demo.get(mentor_city__slug='munich').pk}/"}
    for name, email in [
        ("Lukas Huber", "officer@munich.example"),
        ("Anna Wagner", "admin@munich.example"),
        ("Stefan Bauer", "political@munich.example"),
    ]:
        assert name in text and email in text
    assert "Eleni Papadaki" not in text


def test_an_athens_officer_opens_their_own_city(sign_in, demo):
    text = page_text(sign_in("officer@athens.example").get("/cities/athens/"))

    assert "Implementing city, mentored by Munich" in text
    assert "Eleni Papadaki" in text and "Nikos Georgiou" in text and "Maria Konstantinou" in text


def test_other_cities_are_not_found_for_an_athens_officer(sign_in, demo):
    client = sign_in("officer@athens.example")

    for slug in ("dresden", "nantes", "tampere", "rotterdam"):
        assert client.get(f"/cities/{slug}/").status_code == 404


def test_an_expert_partner_opens_the_cities_of_their_scheme(sign_in, demo):
    client = sign_in("expert@migrationwork.example")

    assert client.get("/cities/tampere/").status_code == 200
    assert client.get("/cities/athens/").status_code == 200
    assert client.get("/cities/dresden/").status_code == 404


def test_the_coordinator_opens_every_city(sign_in, demo):
    client = sign_in("coordinator@eurocities.example")

    response = client.get("/cities/riga/")

    assert response.status_code == 200
    assert "Implementing city, mentored by Ghent" in page_text(response)
    assert client.get("/cities/helsinki/").status_code == 200


def test_a_person_who_left_is_not_listed(sign_in, demo):
    User.objects.filter(email="admin@munich.example").update(is_active=False)

    text = page_text(sign_in("officer@athens.example").get("/cities/munich/"))

    assert "Anna Wagner" not in text and "Lukas Huber" in text


def test_an_unknown_city_is_not_found(sign_in, demo):
    assert sign_in("coordinator@eurocities.example").get("/cities/atlantis/").status_code == 404
