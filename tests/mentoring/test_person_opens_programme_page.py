import pytest

from mentoring.models import City, Pairing

from .conftest import links, page_text, queries

PROGRAMME = "/programmes/cities-grow/"


def test_a_person_sees_the_whole_programme(sign_in, demo):
    text = page_text(sign_in("officer@athens.example").get(PROGRAMME)).replace("&amp;", "&")

    assert "CITIES-GROW 2017–2019" in text
    assert "Coordinated by EUROCITIES" in text
    assert "1 February 2017 – 31 January 2019" in text
    for code, facilitator in [
        ("A", "Migration Policy Group"),
        ("B", "MigrationWork CIC"),
        ("C", "Migration Policy Institute Europe"),
        ("D", "Migration Policy Group"),
    ]:
        assert f"Scheme {code}" in text
        assert facilitator in text
    # Who mentors whom is public knowledge among the members.
    for pairing in Pairing.objects.select_related("mentor_city", "implementing_city"):
        assert f"{pairing.mentor_city} → mentors {pairing.implementing_city}" in text
    for city in City.objects.all():
        assert city.display_name in text


def test_an_athens_officer_can_open_only_their_own_pairing_and_cities(sign_in, demo):
    response = sign_in("officer@athens.example").get(PROGRAMME)

    munich_athens = demo.get(implementing_city__slug="athens")
    assert links(response, "/pairings/") == {f"/pairings/{munich_athens.pk}/"}
    assert links(response, "/cities/") == {"/cities/athens/", "/cities/munich/"}
    assert len(links(response, "/programmes/cities-grow/schemes/")) == 4


def test_an_expert_partner_can_open_the_pairings_of_their_schemes(sign_in, demo):
    response = sign_in("expert@mpg.example").get(PROGRAMME)

    assert links(response, "/pairings/") == {f"/pairings/{p.pk}/" for p in demo.filter(scheme__code__in="AD")}
    assert links(response, "/cities/") == {
        f"/cities/{slug}/"
        for slug in ("brighton-hove", "utrecht", "birmingham", "lisbon", "nantes", "dresden", "ghent", "riga")
    }


def test_the_coordinator_can_open_everything(sign_in, demo):
    response = sign_in("coordinator@eurocities.example").get(PROGRAMME)

    assert len(links(response, "/pairings/")) == 8
    assert len(links(response, "/cities/")) == 16


def test_an_unknown_programme_is_not_found(sign_in, demo):
    assert sign_in("officer@athens.example").get("/programmes/cities-shrink/").status_code == 404


@pytest.mark.parametrize(
    "email", ["officer@athens.example", "expert@migrationwork.example", "coordinator@eurocities.example"]
)
def test_the_programme_page_costs_the_same_queries_for_a_larger_network(sign_in, grow_network, email):
    client = sign_in(email)
    client.get(PROGRAMME)
    before = queries(client, PROGRAMME)

    grow_network()

    assert queries(client, PROGRAMME) == before
