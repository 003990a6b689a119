"""The plans' reminders, as the hourly beat runs them: each on its day, to the right people, once.
Time is moved by passing `now`."""

import datetime
from zoneinfo import ZoneInfo

from actionplans.models import ActionPlan
from notifications.models import Notification, SiteConfiguration
from notifications.reminders import send_due_reminders

from .plans import plan_in_state

BRUSSELS = ZoneInfo("Europe/Brussels")
D = datetime.date


def on(day, hour=9):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def reminded(event):
    return {n.recipient for n in Notification.objects.filter(event=event).select_related("recipient")}


def waiting_since(network, state, day):
    plan = plan_in_state(network, state)
    ActionPlan.objects.filter(pk=plan.pk).update(state_changed_at=on(day, hour=16))
    Notification.objects.all().delete()
    return plan


def test_a_review_waiting_longer_than_the_set_days_is_reminded_to_the_expert_partner_once(network):
    plan = waiting_since(network, "submitted", D(2018, 3, 1))  # 10 days by default

    assert send_due_reminders(now=on(D(2018, 3, 10))) == 0
    assert send_due_reminders(now=on(D(2018, 3, 11))) == 1
    assert send_due_reminders(now=on(D(2018, 3, 11), hour=20)) == 0
    assert send_due_reminders(now=on(D(2018, 3, 12))) == 0

    assert reminded("review.pending") == {network["expert"]}
    notification = Notification.objects.get()
    assert notification.target == plan and "submitted for review on 1 March 2018" in notification.summary


def test_staff_set_after_how_many_days(network):
    SiteConfiguration.objects.update_or_create(pk=1, defaults={"review_reminder_days": 3})
    waiting_since(network, "resubmitted", D(2018, 3, 1))

    assert send_due_reminders(now=on(D(2018, 3, 3))) == 0
    assert send_due_reminders(now=on(D(2018, 3, 4))) == 1


def test_a_reviewed_plan_is_not_reminded(network):
    waiting_since(network, "recommended", D(2018, 3, 1))

    assert send_due_reminders(now=on(D(2018, 3, 11))) == 0


def test_indicator_check_ins_6_and_12_months_after_the_endorsement_go_to_the_implementing_officers(network):
    plan = plan_in_state(network, "endorsed")  # endorsed on 1 October 2018
    Notification.objects.all().delete()

    assert send_due_reminders(now=on(D(2019, 3, 31))) == 0
    assert send_due_reminders(now=on(D(2019, 4, 1))) == 1
    assert send_due_reminders(now=on(D(2019, 4, 2))) == 0
    assert send_due_reminders(now=on(D(2019, 9, 30))) == 0
    assert send_due_reminders(now=on(D(2019, 10, 1))) == 1
    assert send_due_reminders(now=on(D(2019, 10, 1), hour=22)) == 0

    assert reminded("indicator.checkin_due") == {network["officer"]}
    first, second = Notification.objects.order_by("created_at")
    assert first.target == plan and "6 months ago" in first.summary
    assert "12 months ago" in second.summary
