"""Planning, changing and cancelling a visit, and submitting its brief and report, tell the people of the
visit — in the inbox and, as they prefer, by e-mail — and nobody else."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mentoring import services
from mentoring.models import Visit
from notifications.models import Notification, OutboundEmail
from tests.factories import VisitFactory

D = datetime.date


def told(event):
    return {n.recipient for n in Notification.objects.filter(event=event).select_related("recipient")}


def mailed(event):
    return set(OutboundEmail.objects.filter(event=event).values_list("to_email", flat=True))


def people(network, *names):
    return {network[name] for name in names}


@pytest.fixture
def visit(network):
    """A planned visit with EUROCITIES' coordinator among its participants, without notifications so far."""
    visit = VisitFactory(pairing=network.pairing)
    services.add_participant(visit=visit, by=network["officer"], user=network["coordinator"])
    services.add_participant(visit=visit, by=network["officer"], guest_name="Ana Guest", organisation="NGO")
    return visit


def test_a_planned_visit_is_announced_to_both_cities_and_the_expert(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        visit = services.plan_visit(
            pairing=network.pairing,
            by=network["officer"],
            kind=Visit.Kind.STUDY,
            host=Visit.Host.MENTOR,
            starts_on=D(2017, 10, 23),
            ends_on=D(2017, 10, 25),
            topics="Job centre partnerships",
        )

    assert told("visit.planned") == people(network, "mentor_officer", "expert")  # the officer planned it
    notification = Notification.objects.get(event="visit.planned", recipient=network["expert"])
    assert notification.target == visit
    assert "23 October 2017 to 25 October 2017" in notification.summary
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [network["mentor_officer"].email, network["expert"].email]
    )


def test_a_change_says_what_changed_and_reaches_the_participants(network, visit):
    services.update_visit(visit=visit, by=network["mentor_officer"], starts_on=D(2017, 10, 24))

    assert told("visit.changed") == people(network, "officer", "expert", "coordinator")
    assert network["other_city_officer"] not in told("visit.changed")
    assert "first day moved from 23 October 2017 to 24 October 2017" in Notification.objects.first().summary
    assert mailed("visit.changed") == {p.email for p in people(network, "officer", "expert", "coordinator")}


def test_saving_a_visit_unchanged_tells_nobody(network, visit):
    services.update_visit(visit=visit, by=network["officer"], topics=visit.topics)

    assert not Notification.objects.exists()


def test_a_cancelled_visit_is_announced_and_cannot_move_on(network, visit):
    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CANCELLED)

    assert told("visit.cancelled") == people(network, "mentor_officer", "expert", "coordinator")
    visit.refresh_from_db()
    assert visit.status == Visit.Status.CANCELLED
    with pytest.raises(ValidationError):
        services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CONFIRMED)


def test_confirming_a_visit_is_a_change(network, visit):
    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CONFIRMED)

    assert told("visit.changed") == people(network, "mentor_officer", "expert", "coordinator")
    assert "now confirmed" in Notification.objects.first().summary


def test_officers_cancel_a_visit_from_its_page(client, network, visit):
    client.force_login(network["officer"])

    response = client.get(visit.get_absolute_url())
    assert b'value="cancelled"' in response.content
    client.post(f"/visits/{visit.pk}/status/", {"status-status": "cancelled"})

    visit.refresh_from_db()
    assert visit.status == Visit.Status.CANCELLED
    assert told("visit.cancelled")


def test_a_submitted_brief_goes_to_the_mentor_city_and_the_expert(network, visit):
    services.save_brief(visit=visit, by=network["officer"], learning_goals="How the job centre works")
    assert not Notification.objects.exists()  # a draft is nobody's news

    services.save_brief(visit=visit, by=network["officer"], learning_goals="How the job centre works", submit=True)

    assert told("visit.brief_submitted") == people(network, "mentor_officer", "expert")
    assert "How the job centre works" in Notification.objects.get(recipient=network["expert"]).summary


def test_a_submitted_report_goes_to_the_implementing_city_only(network, visit):
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.HELD)
    report = services.save_report(visit=visit, by=network["mentor_officer"], summary="What we saw")
    services.add_recommendation(report=report, by=network["expert"], author="expert_partner", text="Do this")

    services.submit_report(report=report, by=network["mentor_officer"])

    assert told("visit.report_submitted") == people(network, "officer")
    assert mailed("visit.report_submitted") == {network["officer"].email}
    assert Notification.objects.get().context["items"] == ["1. Do this"]
