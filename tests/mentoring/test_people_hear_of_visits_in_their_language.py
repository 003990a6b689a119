"""A visit's notifications and calendar feed speak each person's language: whoever plans the visit,
a German-speaking officer reads German and an English-speaking one English."""

import datetime

import icalendar
import pytest

from mentoring import services
from mentoring.models import Visit
from notifications.models import Notification

D = datetime.date


@pytest.fixture
def german_mentor(network):
    officer = network["mentor_officer"]
    officer.language = "de"
    officer.save(update_fields=["language"])
    return officer


def test_a_planned_visit_is_announced_in_each_recipients_language(network, german_mentor):
    visit = services.plan_visit(
        pairing=network.pairing,
        by=network["officer"],
        kind=Visit.Kind.STUDY,
        host=Visit.Host.MENTOR,
        starts_on=D(2017, 10, 23),
        ends_on=D(2017, 10, 25),
    )

    city = network.pairing.mentor_city
    german = Notification.objects.get(event="visit.planned", recipient=german_mentor)
    assert german.summary.startswith(f"Studienbesuch in {city}, 23. Oktober 2017 bis 25. Oktober 2017.")
    assert german.target_title.startswith(f"Studienbesuch in {city} (")
    english = Notification.objects.get(event="visit.planned", recipient=network["expert"])
    assert english.summary.startswith(f"Study visit to {city}, 23 October 2017 to 25 October 2017.")
    assert visit.title == f"Study visit to {city}"


def test_a_change_is_told_in_german_to_a_german_speaking_officer(network, german_mentor):
    visit = services.plan_visit(
        pairing=network.pairing,
        by=network["officer"],
        kind=Visit.Kind.STUDY,
        host=Visit.Host.MENTOR,
        starts_on=D(2017, 10, 23),
        ends_on=D(2017, 10, 25),
    )
    services.update_visit(visit=visit, by=network["officer"], starts_on=D(2017, 10, 24))

    german = Notification.objects.get(event="visit.changed", recipient=german_mentor)
    assert "„erster Tag“ geändert: vorher 23. Oktober 2017, jetzt 24. Oktober 2017." in german.summary
    english = Notification.objects.get(event="visit.changed", recipient=network["expert"])
    assert "The first day moved from 23 October 2017 to 24 October 2017." in english.summary


def test_a_persons_calendar_feed_is_in_their_language(client, network, german_mentor):
    services.plan_visit(
        pairing=network.pairing,
        by=network["officer"],
        kind=Visit.Kind.STUDY,
        host=Visit.Host.MENTOR,
        starts_on=D(2017, 10, 23),
        ends_on=D(2017, 10, 25),
    )
    feed = services.calendar_feed_for(user=german_mentor)

    calendar = icalendar.Calendar.from_ical(client.get(feed.get_absolute_url()).content)

    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    city = network.pairing.mentor_city
    assert f"Lernbedarfsbeschreibung fällig: Studienbesuch in {city} ({network.pairing})" in summaries
