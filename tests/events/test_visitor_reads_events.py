from events.demo import load_demo_events
from events.models import DateClaim, Event, Session


def test_the_demo_events_load_twice_without_duplicates(demo):
    load_demo_events()
    load_demo_events()

    assert Event.objects.count() == 2
    assert Session.objects.count() == 5
    assert DateClaim.objects.count() == 4


def test_visitor_sees_that_the_sources_disagree_on_the_launch_meetings_dates(client, demo):
    load_demo_events()

    page = client.get("/events/cities-grow-launch-meeting/").content.decode()

    assert "The dates are not certain." in page
    assert "15 February 2017" in page and "15 May 2017" in page


def test_visitor_reads_the_milan_conference(client, demo):
    load_demo_events()

    page = client.get("/events/integrating-cities-conference-viii/").content.decode()
    api = client.get("/api/events/?kind=conference").json()

    assert "Fabbrica del Vapore" in page and "Cities4people: Migrating ideas, inspiring integration" in page
    assert "Political panel with local administrators" in page
    assert [e["starts_on"] for e in api["results"]] == ["2018-11-07"]


def test_an_event_shows_only_the_linked_visits_one_may_see(client, world):
    world.event.visits.add(world.visit, world.other_visit)
    client.force_login(world["officer"])

    page = client.get(f"/events/{world.event.slug}/").content.decode()

    assert f'href="/visits/{world.visit.pk}/"' in page
    assert f'href="/visits/{world.other_visit.pk}/"' not in page


def test_an_unknown_event_is_not_found(client, db):
    assert client.get("/events/no-such-event/").status_code == 404
