import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mentoring import services
from mentoring.models import Recommendation, Visit
from notifications.models import Notification, OutboundEmail
from notifications.services import deliver_email
from tests.factories import VisitFactory


@pytest.fixture
def visit(network):
    return VisitFactory(pairing=network.pairing, status=Visit.Status.HELD)


def test_report_waits_until_the_visit_was_held(network):
    visit = VisitFactory(pairing=network.pairing, status=Visit.Status.CONFIRMED)
    with pytest.raises(ValidationError) as error:
        services.save_report(visit=visit, by=network["mentor_officer"], summary="Summary")
    assert "once the visit has been held" in error.value.message_dict["summary"][0]


def test_recommendations_are_numbered_and_renumbered(network, visit):
    report = services.save_report(visit=visit, by=network["mentor_officer"], summary="What we saw")
    for author, text in [
        (Recommendation.Author.MENTOR_CITY, "One"),
        (Recommendation.Author.EXPERT_PARTNER, "Two"),
        (Recommendation.Author.EUROCITIES, "Three"),
    ]:
        services.add_recommendation(report=report, by=network["mentor_officer"], author=author, text=text)
    assert list(report.recommendations.values_list("number", "text")) == [(1, "One"), (2, "Two"), (3, "Three")]

    services.remove_recommendation(recommendation=report.recommendations.get(number=2), by=network["expert"])
    assert list(report.recommendations.values_list("number", "text")) == [(1, "One"), (2, "Three")]


def test_submitting_the_report_marks_the_visit_reported_and_mails_the_implementing_city(
    network, visit, django_capture_on_commit_callbacks
):
    report = services.save_report(visit=visit, by=network["mentor_officer"], summary="What we saw")
    services.add_recommendation(report=report, by=network["expert"], author="expert_partner", text="Do this")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report=report, by=network["mentor_officer"], is_public=True)

    visit.refresh_from_db()
    report.refresh_from_db()
    assert visit.status == Visit.Status.REPORTED
    assert report.is_public
    [notification] = Notification.objects.filter(event="visit.report_submitted")
    assert notification.recipient == network["officer"]
    assert notification.target_url == report.get_absolute_url()
    [message] = mail.outbox
    assert message.to == [network["officer"].email]
    assert "1 recommendation for" in message.body
    assert "1. Do this" in message.body

    with pytest.raises(ValidationError):
        services.add_recommendation(report=report, by=network["expert"], author="expert_partner", text="Late")
    with pytest.raises(ValidationError):
        services.save_report(visit=visit, by=network["mentor_officer"], summary="Rewritten")


def test_the_mail_is_sent_once_even_if_delivery_runs_twice(network, visit, django_capture_on_commit_callbacks):
    report = services.save_report(visit=visit, by=network["mentor_officer"], summary="What we saw")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report=report, by=network["mentor_officer"])
    [email] = OutboundEmail.objects.filter(event="visit.report_submitted")
    deliver_email(email_id=email.pk)
    assert len(mail.outbox) == 1


def test_a_draft_report_cannot_be_public(network, visit):
    report = services.save_report(visit=visit, by=network["mentor_officer"], summary="What we saw")
    with pytest.raises(ValidationError) as error:
        services.set_report_public(report=report, by=network["coordinator"], is_public=True)
    assert "is_public" in error.value.message_dict
