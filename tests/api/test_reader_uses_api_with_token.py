import re

import pytest
import yaml
from openapi_spec_validator import validate
from rest_framework.throttling import AnonRateThrottle

from api.models import PersonalToken
from api.services import create_token, revoke_token


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_token_reads_its_owners_visits_and_never_another_pairings_drafts(client, world):
    _, raw = create_token(user=world["officer"], name="City portal")

    visits = client.get("/api/visits/", **bearer(raw)).json()
    recommendations = client.get("/api/recommendations/", **bearer(raw)).json()
    reports = client.get("/api/reports/", **bearer(raw)).json()

    assert [v["id"] for v in visits["results"]] == [world.visit.pk]
    assert [r["id"] for r in recommendations["results"]] == [world.draft_recommendation.pk]
    assert [r["id"] for r in reports["results"]] == [world.draft_report.pk]
    assert world.other_recommendation.text not in str(recommendations)
    assert client.get(f"/api/visits/{world.other_visit.pk}/", **bearer(raw)).status_code == 404
    assert PersonalToken.objects.get().last_used_at is not None


def test_the_coordinators_token_reads_every_pairing(client, world):
    _, raw = create_token(user=world["coordinator"], name="Monitoring")

    visits = client.get("/api/visits/", **bearer(raw)).json()

    assert {v["id"] for v in visits["results"]} == {world.visit.pk, world.other_visit.pk}


def test_a_revoked_token_answers_401_with_a_message(client, world):
    token, raw = create_token(user=world["officer"], name="Old script")
    revoke_token(token=token, by=world["officer"])

    response = client.get("/api/visits/", **bearer(raw))

    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_a_wrong_token_answers_401_even_on_public_lists(client, world):
    response = client.get("/api/cities/", **bearer("cg_not-a-token"))

    assert response.status_code == 401
    assert response.json() == {"detail": "This token is not valid."}
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_without_a_token_private_lists_answer_401_and_say_how_to_get_one(client, world):
    response = client.get("/api/recommendations/")

    assert response.status_code == 401
    assert "/tokens/" in response.json()["detail"]


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/pairings/?colour=red", "Unknown filter 'colour'. The filters of this list are: city, scheme, status."),
        ("/api/pairings/?status=sleeping", "'status' takes one of planned, active, completed"),
        ("/api/toolkits/?year=last", "'year' takes a whole number"),
        ("/api/cities/?country=Germany", "'country' does not take 'Germany'"),
        # Found by tests/fuzz: "²" is a digit to str.isdigit() but not to int(); PostgreSQL refuses NUL in text.
        ("/api/toolkits/?year=%C2%B2", "'year' takes a whole number"),
        ("/api/schemes/?programme=a%00b", "'programme' does not take a NUL character."),
        ("/api/cities/?page_size=all", "'page_size' takes a whole number from 1 to 200."),
        ("/api/cities/?page_size=0", "'page_size' takes a whole number from 1 to 200."),
    ],
)
def test_bad_filters_answer_400_with_a_message(client, world, url, message):
    response = client.get(url)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_public_lists_filter_by_scheme_city_and_status(client, world):
    n = world.network
    by_scheme = client.get(f"/api/pairings/?scheme={n.pairing.scheme.code.lower()}").json()
    by_city = client.get(f"/api/pairings/?city={n.other_city.slug}").json()

    assert [p["id"] for p in by_scheme["results"]] == [n.pairing.pk]
    assert [p["id"] for p in by_city["results"]] == [n.other_pairing.pk]
    assert client.get("/api/pairings/?status=completed").json()["count"] == 0


def test_anonymous_readers_see_only_published_toolkits_and_practices(client, world):
    from tests.factories import GoodPracticeFactory, ToolkitFactory

    ToolkitFactory(title="A draft toolkit")
    GoodPracticeFactory(title="A submitted practice", state="submitted", published_at=None)

    toolkits = client.get("/api/toolkits/").json()
    practices = client.get("/api/practices/").json()

    assert [t["slug"] for t in toolkits["results"]] == [world.toolkit.slug]
    assert [p["slug"] for p in practices["results"]] == [world.practice.slug]


def test_lists_are_paginated(client, world):
    page = client.get("/api/cities/?page_size=1").json()

    assert page["count"] == 4
    assert len(page["results"]) == 1
    assert page["next"].endswith("page=2&page_size=1")


def test_anonymous_readers_are_throttled(client, world, monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "2/minute")

    statuses = [client.get("/api/cities/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_schema_is_valid_openapi_and_documents_filters_and_the_token(client, world):
    response = client.get("/api/schema/")
    schema = yaml.safe_load(response.content)

    validate(schema)
    assert {"/api/visits/", "/api/recommendations/", "/api/practices/", "/api/events/"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/visits/"]["get"]["parameters"]}
    assert {"scheme", "city", "status", "page"} <= parameters
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_the_schema_documents_the_error_answers_and_a_practice_without_a_network_city(client, world):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    practices = schema["paths"]["/api/practices/"]["get"]
    assert {"200", "400", "401", "404", "429"} <= set(practices["responses"])
    assert {"200", "401", "404", "429"} <= set(schema["paths"]["/api/visits/{id}/"]["get"]["responses"])
    assert schema["components"]["schemas"]["GoodPractice"]["properties"]["city"]["nullable"] is True
    page_size = next(p for p in practices["parameters"] if p["name"] == "page_size")
    assert (page_size["schema"]["minimum"], page_size["schema"]["maximum"]) == (1, 200)
    [practice] = client.get("/api/practices/").json()["results"]
    assert practice["city"] is None and practice["city_name"] == "Ghent"


def test_the_reference_lists_every_endpoint_and_says_which_need_a_token(client, world):
    page = client.get("/api/docs/")

    html = page.content.decode()
    assert "<code>GET /api/visits/</code>" in html and "<code>GET /api/practices/</code>" in html
    visits = html[html.index("<code>GET /api/visits/</code>") :]
    assert visits.index("personal token") < visits.index("</h3>")
    practices = html[html.index("<code>GET /api/practices/</code>") :]
    assert practices.index(">open<") < practices.index("</h3>")
    assert "<script>" not in html


def test_the_explorer_loads_its_scripts_from_the_site(client, world):
    page = client.get("/api/docs/try/")

    html = page.content.decode()
    assert page["Content-Security-Policy"].startswith("default-src 'self'")
    assert "<script>" not in html
    assert re.findall(r'<script src="(/[^"]+)"', html) == [
        "/static/vendor/bootstrap.bundle.min.js",
        "/static/vendor/htmx.min.js",
        "/static/js/htmx-errors.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/js/api-docs.js",
    ]
