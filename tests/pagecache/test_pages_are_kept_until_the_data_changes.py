"""A page a person has just seen is served again from the cache, and never once the data has changed,
whoever changed it and however (pagecache/).

These tests commit their writes (transaction=True): a kept page is keyed on committed data, and a
request inside the test's own open transaction is always built afresh."""

import datetime
import re

import psycopg2
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pagecache
from actionplans.models import PlanState
from mentoring.models import City, Pairing, Role
from tests.actionplans.plans import plan_in_state
from tests.factories import VisitFactory, person

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.status_code
    return response.content.decode(), len(queries)


def _served_kept(client, url, **headers):
    """The page served with the fewest queries of three requests: a write anywhere on the database server
    (autovacuum's statistics, another test database) rebuilds a page once, and may hit one request."""
    return min((_get(client, url, **headers) for _ in range(3)), key=lambda answer: answer[1])


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_page_seen_again_is_served_without_rebuilding_it(network):
    officer = _signed_in(network["officer"])
    url = f"/pairings/{network.pairing.pk}/"
    _get(officer, url)  # the first view also gives the pair its calendar feed: a write
    first, built = _get(officer, url)
    again, kept = _served_kept(officer, url)
    # The session, the person and the database snapshot: nothing of the page itself.
    assert kept == 3 < built
    assert ANY_TOKEN.sub("", again) == ANY_TOKEN.sub("", first)


def test_a_committed_change_shows_at_once_even_from_a_bulk_update(network):
    officer = _signed_in(network["officer"])
    url = f"/pairings/{network.pairing.pk}/"
    _get(officer, url)
    City.objects.filter(pk=network.implementing_city.pk).update(name="Gdańsk (renamed)")
    page, _ = _get(officer, url)
    assert "Gdańsk (renamed)" in page


def test_a_change_written_outside_the_platform_shows_at_once(network):
    officer = _signed_in(network["officer"])
    url = f"/pairings/{network.pairing.pk}/"
    _get(officer, url)
    settings_dict = connection.settings_dict
    with (
        psycopg2.connect(
            dbname=settings_dict["NAME"],
            user=settings_dict["USER"],
            host=settings_dict["HOST"] or None,
            port=settings_dict["PORT"] or None,
            password=settings_dict["PASSWORD"] or None,
        ) as outside,
        outside.cursor() as cursor,
    ):
        cursor.execute("UPDATE mentoring_city SET name = %s WHERE id = %s", ["Renamed by psql", network.mentor_city.pk])
    outside.close()
    page, _ = _get(officer, url)
    assert "Renamed by psql" in page


def test_each_person_gets_their_own_page_never_anothers(network):
    officer, other = network["officer"], network["other_city_officer"]
    officer_page, _ = _get(_signed_in(officer), "/")
    other_page, other_queries = _get(_signed_in(other), "/")
    assert officer.name in officer_page and network.implementing_city.name in officer_page
    assert officer.name not in other_page and network.implementing_city.name not in other_page
    assert other_queries > 3
    # Someone outside the pair is still refused the pairing its people have just seen.
    _get(_signed_in(officer), f"/pairings/{network.pairing.pk}/")
    refused = _signed_in(other).get(f"/pairings/{network.pairing.pk}/")
    assert refused.status_code in (403, 404)


def test_visitors_share_a_kept_page_and_each_gets_a_form_token_that_works_for_them(db):
    first = Client(enforce_csrf_checks=True)
    first_page, _ = _get(first, "/events/")
    # Each new visitor makes one request; the one served with the fewest queries goes on.
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    (second_page, kept), second = min(
        ((_get(visitor, "/events/"), visitor) for visitor in visitors), key=lambda answer: answer[0][1]
    )
    assert kept == 1  # the snapshot: a visitor has no session to read
    first_token, second_token = TOKEN.search(first_page)[1], TOKEN.search(second_page)[1]
    assert first_token != second_token
    # The second visitor switches to French with the token of the page they were served.
    response = second.post("/language/", {"language": "fr", "next": "/events/", "csrfmiddlewaretoken": second_token})
    assert response.status_code == 302
    # A token from someone else's page is refused, as on any page.
    third = Client(enforce_csrf_checks=True)
    _get(third, "/events/")
    stolen = third.post("/language/", {"language": "fr", "next": "/events/", "csrfmiddlewaretoken": first_token})
    assert stolen.status_code == 403


def test_a_signed_in_person_posts_with_the_token_of_a_kept_page(network):
    client = Client(enforce_csrf_checks=True)
    client.force_login(network["officer"])
    _get(client, "/")
    page, kept = _served_kept(client, "/")
    assert kept == 3
    response = client.post("/language/", {"language": "de", "next": "/", "csrfmiddlewaretoken": TOKEN.search(page)[1]})
    assert response.status_code == 302
    german, _ = _get(client, "/")
    assert 'lang="de"' in german


def test_the_message_after_an_action_shows_once_on_the_page_the_person_returns_to(network):
    visit = VisitFactory(pairing=network.pairing)
    officer = _signed_in(network["officer"])
    url = f"/visits/{visit.pk}/"
    _get(officer, url)
    _get(officer, url)
    response = officer.post(
        f"/visits/{visit.pk}/agenda/",
        {"agenda-title": "Walk through the one-stop shop", "agenda-day": "2017-10-23", "agenda-starts": "09:30"},
        follow=True,
    )
    page = response.content.decode()
    assert "Agenda item added." in page and "Walk through the one-stop shop" in page
    again, _ = _get(officer, url)
    assert "Agenda item added." not in again and "Walk through the one-stop shop" in again


def test_each_language_gets_its_own_page(db):
    client = Client()
    english, _ = _get(client, "/events/", **{"Accept-Language": "en"})
    french, _ = _get(client, "/events/", **{"Accept-Language": "fr"})
    german, _ = _get(client, "/events/", **{"Accept-Language": "de"})
    assert 'lang="en"' in english and 'lang="fr"' in french and 'lang="de"' in german


def test_a_kept_page_is_built_again_after_a_minute(network, monkeypatch):
    officer = _signed_in(network["officer"])
    minute = pagecache._minute()
    monkeypatch.setattr(pagecache, "_minute", lambda: minute)
    _, built = _get(officer, "/")
    _, kept = _served_kept(officer, "/")
    monkeypatch.setattr(pagecache, "_minute", lambda: minute + 1)
    _, rebuilt = _get(officer, "/")
    assert kept == 3 and rebuilt == built


def test_the_api_keeps_a_readers_answer_until_the_data_changes(network):
    coordinator = _signed_in(network["coordinator"])
    first, built = _get(coordinator, "/api/pairings/", Accept="application/json")
    again, kept = _served_kept(coordinator, "/api/pairings/", Accept="application/json")
    assert again == first and kept < built
    Pairing.objects.filter(pk=network.pairing.pk).update(starts_on=datetime.date(2026, 1, 5))
    changed, _ = _get(coordinator, "/api/pairings/", Accept="application/json")
    assert "2026-01-05" not in first and "2026-01-05" in changed


def test_the_api_keeps_plain_data_not_the_models_its_links_point_to(network, monkeypatch):
    """A plan's `url` is a hyperlink: a string that carries its plan. Kept as it is, every kept answer would
    carry its plans and all they prefetched, to be unpickled on every request."""
    plan_in_state(network, PlanState.ENDORSED)
    kept_values = []
    keep = pagecache.keep
    monkeypatch.setattr(pagecache, "keep", lambda key, value: kept_values.append(value) or keep(key, value))
    officer = _signed_in(network["officer"])

    first, _ = _get(officer, "/api/plans/", Accept="application/json")
    again, _ = _served_kept(officer, "/api/plans/", Accept="application/json")

    assert again == first and '"url":"http://testserver/api/plans/' in first.replace(" ", "")
    assert kept_values and all(_plain(value) for value in kept_values)


def _plain(value):
    if type(value) is dict:
        return all(type(key) is str and _plain(item) for key, item in value.items())
    if type(value) is list:
        return all(_plain(item) for item in value)
    return type(value) in (str, int, float, bool, type(None))


def test_nothing_is_kept_when_the_cache_is_turned_off(network, settings):
    settings.PAGE_CACHE = False
    officer = _signed_in(network["officer"])
    _, first = _get(officer, "/")
    _, second = _get(officer, "/")
    assert second == first > 3


def test_a_person_given_a_role_sees_it_on_their_next_page(network):
    officer = network["officer"]
    client = _signed_in(officer)
    before, _ = _get(client, "/people/")
    person(Role.CITY_OFFICER, city=network.implementing_city, name="Newly Invited Officer")
    after, _ = _get(client, "/people/")
    assert "Newly Invited Officer" not in before and "Newly Invited Officer" in after
