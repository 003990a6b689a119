"""The visits' reminders, as the hourly beat runs them: each on its day, to the right people, once.
Time is moved by passing `now`."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from mentoring import services
from mentoring.models import LearningBrief, Visit
from notifications.models import Notification, OutboundEmail, Reminder
from notifications.reminders import send_due_reminders
from tests.factories import VisitFactory

BRUSSELS = ZoneInfo("Europe/Brussels")
D = datetime.date


def on(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def told(event):
    return {n.recipient for n in Notification.objects.filter(event=event).select_related("recipient")}


@pytest.fixture
def visit(network):
    """A study visit from 23 to 25 October 2017 (brief due 9 October), with EUROCITIES' coordinator along."""
    visit = VisitFactory(
        pairing=network.pairing, starts_on=D(2017, 10, 23), ends_on=D(2017, 10, 25), brief_due_on=D(2017, 10, 9)
    )
    services.add_participant(visit=visit, by=network["officer"], user=network["coordinator"])
    return visit


def once_on(day, event):
    """Runs the reminders the day before, on the day (twice) and the day after; returns who was told on the day."""
    assert send_due_reminders(now=on(day - timedelta(days=1))) == 0
    sent = send_due_reminders(now=on(day))
    assert sent == len(told(event)) > 0
    assert send_due_reminders(now=on(day, hour=15)) == 0
    assert send_due_reminders(now=on(day + timedelta(days=1))) == 0
    return told(event)


@pytest.mark.parametrize(("days", "day"), [(30, D(2017, 9, 23)), (7, D(2017, 10, 16))])
def test_a_visit_coming_up_is_reminded_to_both_cities_and_the_participants(network, visit, days, day):
    people = once_on(day, "visit.upcoming")

    assert people == {network["officer"], network["mentor_officer"], network["coordinator"]}
    notification = Notification.objects.get(recipient=network["officer"])
    assert f"starts on 23 October 2017, in {days} days" in notification.summary
    assert notification.target == visit
    assert Reminder.objects.filter(kind=f"visit.in_{days}_days").count() == 3


def test_the_brief_is_reminded_to_the_implementing_city_7_days_before_it_is_due(network, visit):
    people = once_on(D(2017, 10, 2), "visit.brief_due")

    assert people == {network["officer"]}
    assert "due on 9 October 2017" in Notification.objects.get().summary
    assert OutboundEmail.objects.filter(event="visit.brief_due", to_email=network["officer"].email).exists()


def test_a_submitted_brief_is_not_reminded(network, visit):
    LearningBrief.objects.create(visit=visit, learning_goals="Goals", submitted_at=on(D(2017, 9, 1)))

    assert send_due_reminders(now=on(D(2017, 10, 2))) == 0


def test_the_report_is_reminded_to_its_writers_3_days_after_the_visit(network, visit):
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.HELD)

    people = once_on(D(2017, 10, 28), "visit.report_due")

    assert people == {network["mentor_officer"], network["expert"]}


def test_a_cancelled_visit_is_not_reminded(network, visit):
    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CANCELLED)
    Notification.objects.all().delete()

    for day in (D(2017, 9, 23), D(2017, 10, 2), D(2017, 10, 16), D(2017, 10, 28)):
        assert send_due_reminders(now=on(day)) == 0


def test_a_rescheduled_visit_is_reminded_of_its_new_date(network, visit):
    assert send_due_reminders(now=on(D(2017, 10, 16))) == 3
    services.update_visit(visit=visit, by=network["coordinator"], starts_on=D(2017, 10, 24), ends_on=D(2017, 10, 26))

    assert send_due_reminders(now=on(D(2017, 10, 16))) == 0
    assert send_due_reminders(now=on(D(2017, 10, 17))) == 3


def test_each_person_reads_the_reminder_in_their_own_language(network, visit):
    network["officer"].language = "de"
    network["officer"].save(update_fields=["language"])

    once_on(D(2017, 9, 23), "visit.upcoming")

    german = Notification.objects.get(recipient=network["officer"], event="visit.upcoming")
    english = Notification.objects.get(recipient=network["mentor_officer"], event="visit.upcoming")
    assert "starts on 23 October 2017, in 30 days" in english.summary
    assert "23. Oktober 2017" in german.summary and "starts on" not in german.summary
