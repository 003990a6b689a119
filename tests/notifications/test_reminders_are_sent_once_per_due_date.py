"""The reminder engine, with test kinds on a pairing's dates (the apps' own kinds are
tested with their apps, e.g. tests/mentoring/test_visit_reminders.py): time is moved
by passing `now`."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from django.db import IntegrityError

from accounts.models import Invitation
from mentoring.models import Pairing, Role
from notifications import reminders
from notifications.models import Notification, Reminder, SiteConfiguration
from tests.factories import PairingFactory, UserFactory

BRUSSELS = ZoneInfo("Europe/Brussels")
VISIT_DAY = datetime.date(2018, 5, 14)


def on(date, hour=9):
    return datetime.datetime(date.year, date.month, date.day, hour, tzinfo=BRUSSELS)


@pytest.fixture
def team(db):
    return [UserFactory(name="Olga Officer"), UserFactory(name="Ernst Expert")]


def kind(code, event, date_field, offset, team, model=Pairing, **extra):
    return reminders.on_date(
        code=code,
        event=event,
        description=code,
        queryset=lambda: model.objects.all(),
        date_field=date_field,
        offset=offset,
        recipients=lambda obj: team,
        context=lambda obj: {"summary": f"About {obj}"},
        **extra,
    )


@pytest.fixture
def kinds(team):
    """The reminders the issue asks for, on a pairing's dates instead of a visit's or a plan's."""
    registered = [
        kind("visit.in_30_days", "visit.upcoming", "starts_on", timedelta(days=-30), team),
        kind("visit.in_7_days", "visit.upcoming", "starts_on", timedelta(days=-7), team),
        kind("visit.brief_due", "visit.brief_due", "ends_on", timedelta(days=-7), team),
        kind("visit.report_due", "visit.report_due", "ends_on", timedelta(days=3), team),
        kind(
            "review.pending",
            "review.pending",
            "starts_on",
            lambda: timedelta(days=SiteConfiguration.get().review_reminder_days),
            team,
        ),
        kind("indicator.checkin_6_months", "indicator.checkin_due", "starts_on", relativedelta(months=6), team),
        kind("indicator.checkin_12_months", "indicator.checkin_due", "starts_on", relativedelta(months=12), team),
    ]
    # The apps' own kinds share these codes: put them back afterwards.
    real = dict(reminders.KINDS)
    for each in registered:
        reminders.register(each)
    yield {each.code: each for each in registered}
    reminders.KINDS.clear()
    reminders.KINDS.update(real)


def run(kinds, code, now):
    return reminders.send_due_reminders(now=now, kinds=[kinds[code]])


def test_a_visit_in_30_days_is_reminded_once_from_that_day(kinds, team):
    visit = PairingFactory(starts_on=VISIT_DAY, ends_on=VISIT_DAY + timedelta(days=2))

    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=31))) == 0
    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=30))) == 2
    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=30), hour=10)) == 0
    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=29))) == 0

    notification = Notification.objects.filter(event="visit.upcoming").first()
    assert notification.target == visit and notification.summary == f"About {visit}"
    assert Reminder.objects.filter(kind="visit.in_30_days", due_on=VISIT_DAY).count() == 2


def test_a_visit_in_7_days_is_a_reminder_of_its_own(kinds):
    PairingFactory(starts_on=VISIT_DAY)

    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=30))) == 2
    assert run(kinds, "visit.in_7_days", on(VISIT_DAY - timedelta(days=8))) == 0
    assert run(kinds, "visit.in_7_days", on(VISIT_DAY - timedelta(days=7))) == 2
    assert run(kinds, "visit.in_7_days", on(VISIT_DAY - timedelta(days=6))) == 0


def test_a_day_without_beat_is_caught_up_but_an_old_date_is_not_reminded(kinds):
    PairingFactory(starts_on=VISIT_DAY)
    PairingFactory(starts_on=VISIT_DAY - timedelta(days=60))

    assert run(kinds, "visit.in_30_days", on(VISIT_DAY - timedelta(days=27))) == 2


def test_a_rescheduled_visit_is_reminded_for_its_new_date(kinds):
    visit = PairingFactory(starts_on=VISIT_DAY)
    assert run(kinds, "visit.in_7_days", on(VISIT_DAY - timedelta(days=7))) == 2

    Pairing.objects.filter(pk=visit.pk).update(starts_on=VISIT_DAY + timedelta(days=3))

    assert run(kinds, "visit.in_7_days", on(VISIT_DAY - timedelta(days=4))) == 2
    assert set(Reminder.objects.values_list("due_on", flat=True)) == {VISIT_DAY, VISIT_DAY + timedelta(days=3)}


def test_the_brief_is_reminded_7_days_before_it_is_due(kinds):
    PairingFactory(starts_on=VISIT_DAY - timedelta(days=20), ends_on=VISIT_DAY)

    assert run(kinds, "visit.brief_due", on(VISIT_DAY - timedelta(days=8))) == 0
    assert run(kinds, "visit.brief_due", on(VISIT_DAY - timedelta(days=7))) == 2


def test_the_report_is_due_3_days_after_the_visit_ended(kinds):
    PairingFactory(starts_on=VISIT_DAY, ends_on=VISIT_DAY + timedelta(days=2))
    end = VISIT_DAY + timedelta(days=2)

    assert run(kinds, "visit.report_due", on(end + timedelta(days=2))) == 0
    assert run(kinds, "visit.report_due", on(end + timedelta(days=3))) == 2
    assert run(kinds, "visit.report_due", on(end + timedelta(days=4))) == 0
    assert set(Notification.objects.values_list("event", flat=True)) == {"visit.report_due"}


def test_a_review_pending_longer_than_staff_allow_is_reminded(kinds):
    submitted = datetime.date(2018, 3, 1)
    PairingFactory(starts_on=submitted)
    config = SiteConfiguration.get()
    config.review_reminder_days = 14
    config.save()

    assert run(kinds, "review.pending", on(submitted + timedelta(days=10))) == 0
    assert run(kinds, "review.pending", on(submitted + timedelta(days=14))) == 2
    assert run(kinds, "review.pending", on(submitted + timedelta(days=15))) == 0


def test_indicator_check_ins_6_and_12_months_after_endorsement(kinds):
    endorsed = datetime.date(2018, 8, 31)
    PairingFactory(starts_on=endorsed)

    assert run(kinds, "indicator.checkin_6_months", on(datetime.date(2019, 2, 27))) == 0
    assert run(kinds, "indicator.checkin_6_months", on(datetime.date(2019, 2, 28))) == 2
    assert run(kinds, "indicator.checkin_12_months", on(datetime.date(2019, 2, 28))) == 0
    assert run(kinds, "indicator.checkin_12_months", on(datetime.date(2019, 8, 31))) == 2
    assert run(kinds, "indicator.checkin_6_months", on(datetime.date(2019, 8, 31))) == 0


def test_beat_runs_every_registered_kind(kinds):
    PairingFactory(starts_on=VISIT_DAY, ends_on=VISIT_DAY)

    assert reminders.send_due_reminders(now=on(VISIT_DAY - timedelta(days=30))) == 2
    assert reminders.send_due_reminders(now=on(VISIT_DAY - timedelta(days=7))) == 4  # the visit and its brief


def test_a_kind_on_a_date_and_time_field(team):
    coordinator = UserFactory()
    from tests.factories import CityFactory

    invitation = Invitation.objects.create(
        email="slow@city.example",
        role=Role.CITY_OFFICER,
        city=CityFactory(),
        invited_by=coordinator,
        created_at=on(VISIT_DAY),
        expires_at=on(VISIT_DAY) + timedelta(days=14),
    )
    unanswered = kind(
        "test.invitation_unanswered", "account.security", "created_at", timedelta(days=7), team, Invitation
    )

    assert reminders.send_due_reminders(now=on(VISIT_DAY + timedelta(days=6)), kinds=[unanswered]) == 0
    assert reminders.send_due_reminders(now=on(VISIT_DAY + timedelta(days=7)), kinds=[unanswered]) == 2
    assert Notification.objects.first().target == invitation


def test_the_log_refuses_a_second_reminder_for_the_same_due_date(team):
    pairing = PairingFactory()
    fields = {"kind": "k", "target": pairing, "due_on": VISIT_DAY, "recipient": team[0]}
    Reminder.objects.create(**fields)

    with pytest.raises(IntegrityError):
        Reminder.objects.create(**fields)


def test_registering_a_kind_with_an_unknown_event_fails_at_once(team):
    with pytest.raises(KeyError):
        reminders.register(kind("x", "visit.teleported", "starts_on", timedelta(0), team))
