import datetime

import icalendar
from django.urls import reverse

from mentoring import services
from mentoring.models import LearningBrief, Visit
from tests.factories import VisitFactory


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_personal_feed_has_the_visits_and_deadlines_of_the_person(client, network):
    visit = VisitFactory(pairing=network.pairing, topics="Job centre partnerships")
    LearningBrief.objects.create(visit=visit, learning_goals="Goals")
    hidden = VisitFactory(pairing=network.other_pairing)
    feed = services.calendar_feed_for(user=network["officer"])

    response = client.get(feed.get_absolute_url())  # no sign-in: calendar apps cannot

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response)
    assert set(found) == {
        f"visit-{visit.pk}-visit@cities-grow",
        f"visit-{visit.pk}-brief_due@cities-grow",
        f"visit-{visit.pk}-report_due@cities-grow",
    }
    event = found[f"visit-{visit.pk}-visit@cities-grow"]
    assert event.decoded("DTSTART") == datetime.date(2017, 10, 23)
    assert event.decoded("DTEND") == datetime.date(2017, 10, 26)  # all day, ends the next morning
    assert str(event["SUMMARY"]) == f"Study visit to {network.mentor_city} ({network.pairing})"
    assert str(event["LOCATION"]).startswith(str(network.mentor_city))
    assert "Job centre partnerships" in str(event["DESCRIPTION"])
    brief_due = found[f"visit-{visit.pk}-brief_due@cities-grow"]
    assert brief_due.decoded("DTSTART") == datetime.date(2017, 10, 9)
    assert f"visit-{hidden.pk}-visit@cities-grow" not in found


def test_pairing_feed_has_the_pairings_visits(client, network):
    visit = VisitFactory(pairing=network.pairing)
    VisitFactory(pairing=network.other_pairing)
    feed = services.calendar_feed_for(pairing=network.pairing)
    found = events(client.get(feed.get_absolute_url()))
    assert {uid.split("-")[1] for uid in found} == {str(visit.pk)}


def test_resetting_the_feed_makes_the_old_address_answer_404(client, network):
    client.force_login(network["officer"])
    old = services.calendar_feed_for(user=network["officer"]).get_absolute_url()
    assert old in client.get(reverse("mentoring:calendar")).content.decode()

    response = client.post(reverse("mentoring:calendar_feed_reset"))

    assert response.status_code == 302
    new = services.calendar_feed_for(user=network["officer"]).get_absolute_url()
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_pairing_feed_reset_by_an_officer(client, network):
    old = services.calendar_feed_for(pairing=network.pairing).get_absolute_url()
    client.force_login(network["mentor_officer"])
    client.post(reverse("mentoring:pairing_feed_reset", args=[network.pairing.pk]))
    assert client.get(old).status_code == 404


def test_unknown_token_and_inactive_person_get_404(client, network):
    assert client.get(reverse("mentoring:calendar_feed", args=["guessed-token"])).status_code == 404
    feed = services.calendar_feed_for(user=network["officer"])
    network["officer"].is_active = False
    network["officer"].save()
    assert client.get(feed.get_absolute_url()).status_code == 404


def test_tokens_are_long_and_random(network):
    first = services.calendar_feed_for(user=network["officer"]).token
    second = services.calendar_feed_for(user=network["mentor_officer"]).token
    assert first != second and len(first) >= 40


def test_a_cancelled_visit_stays_in_the_feed_marked_cancelled(client, network):
    visit = VisitFactory(pairing=network.pairing)
    feed = services.calendar_feed_for(user=network["officer"])
    before = events(client.get(feed.get_absolute_url()))
    assert str(before[f"visit-{visit.pk}-visit@cities-grow"]["STATUS"]) in {"TENTATIVE", "CONFIRMED"}

    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CANCELLED)
    found = events(client.get(feed.get_absolute_url()))

    # The same UIDs, so the calendar app updates the events it already holds instead of keeping them.
    assert set(found) == set(before)
    assert {str(event["STATUS"]) for event in found.values()} == {"CANCELLED"}
    assert str(found[f"visit-{visit.pk}-visit@cities-grow"]["SUMMARY"]).startswith("Cancelled: Study visit to ")
    assert str(found[f"visit-{visit.pk}-brief_due@cities-grow"]["SUMMARY"]).startswith("Cancelled: ")
