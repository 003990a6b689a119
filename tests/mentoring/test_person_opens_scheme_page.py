from .conftest import links, page_text


def test_a_person_sees_the_scheme_its_expert_partner_and_its_pairings(sign_in, demo):
    response = sign_in("officer@dresden.example").get("/programmes/cities-grow/schemes/B/")
    text = page_text(response)

    assert "Scheme B: Job-skills match for youth with a migrant background" in text
    assert "Facilitated by MigrationWork CIC" in text
    assert "Munich (München)" in text and "Athens (Αθήνα)" in text
    assert "Rotterdam" in text and "Tampere" in text
    assert text.count("Confirmed") == 1 and text.count("illustrative") == 1
    # Dresden is in scheme D: nothing to open here.
    assert links(response, "/pairings/") == set()


def test_a_city_of_the_scheme_gets_a_link_to_its_own_pairing_only(sign_in, demo):
    response = sign_in("officer@athens.example").get("/programmes/cities-grow/schemes/B/")

    assert links(response, "/pairings/") == {f"/pairings/{demo.get(implementing_city__slug='athens').pk}/"}


def test_the_expert_partner_of_the_scheme_can_open_all_its_pairings(sign_in, demo):
    response = sign_in("expert@migrationwork.example").get("/programmes/cities-grow/schemes/b/")

    assert response.status_code == 200
    assert links(response, "/pairings/") == {f"/pairings/{p.pk}/" for p in demo.filter(scheme__code="B")}


def test_an_unknown_scheme_is_not_found(sign_in, demo):
    client = sign_in("officer@athens.example")

    assert client.get("/programmes/cities-grow/schemes/Z/").status_code == 404
    assert client.get("/programmes/nothing/schemes/A/").status_code == 404
