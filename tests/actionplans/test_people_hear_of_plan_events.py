"""Each step of the plan's workflow tells the right people — in the inbox, and by e-mail for those who
want it — and nobody else; the Event row stays as the audit of who was told."""

import pytest
from django.core import mail

from actionplans import services
from actionplans.models import Event, Review
from notifications.models import Delivery, Notification, OutboundEmail, Preference

from .plans import SCORES, decision, plan_in_state


def told(event):
    return {n.recipient for n in Notification.objects.filter(event=event).select_related("recipient")}


def mailed(event):
    return set(OutboundEmail.objects.filter(event=event).values_list("to_email", flat=True))


def reached(network, state):
    """A plan in `state`, with the notifications of getting there forgotten."""
    plan = plan_in_state(network, state)
    Notification.objects.all().delete()
    OutboundEmail.objects.all().delete()
    return plan


def people(network, *names):
    return {network[name] for name in names}


def test_submitting_asks_the_expert_partner_to_review_and_tells_the_mentor_city(network):
    plan = reached(network, "draft")

    services.submit_plan(plan=plan, by=network["officer"], note="Ready for your review.")

    assert told("review.assigned") == people(network, "expert")
    assert told("plan.submitted") == people(network, "mentor_officer")
    assert Notification.objects.count() == 2  # not the other scheme's expert, not the other city's officer
    assert mailed("review.assigned") == {network["expert"].email}
    assert mailed("plan.submitted") == {network["mentor_officer"].email}
    notification = Notification.objects.get(event="review.assigned")
    assert notification.target == plan and notification.actor == network["officer"]
    assert "Ready for your review." in notification.summary
    event = Event.objects.get(name="plan.submitted")
    assert set(event.recipients.all()) == people(network, "expert", "mentor_officer")
    assert event.delivered_at is not None


def test_resubmitting_asks_again(network):
    plan = reached(network, "changes_requested")

    services.submit_plan(plan=plan, by=network["officer"])

    assert told("review.assigned") == people(network, "expert")
    assert told("plan.submitted") == people(network, "mentor_officer")
    assert Notification.objects.get(event="plan.submitted").title == "Action plan resubmitted for review"


def test_changes_requested_go_to_the_implementing_city_officers(network):
    plan = reached(network, "submitted")

    services.review_plan(
        plan=plan,
        by=network["expert"],
        outcome=Review.Outcome.CHANGES_REQUESTED,
        scores=SCORES,
        recommendations="<p>Add an indicator for employers.</p>",
    )

    assert told("plan.changes_requested") == people(network, "officer")
    assert Notification.objects.count() == 1
    assert mailed("plan.changes_requested") == {network["officer"].email}


def test_the_recommendation_reaches_the_officers_and_the_administrative_approver_with_the_recommendations(
    network, django_capture_on_commit_callbacks
):
    plan = reached(network, "submitted")

    with django_capture_on_commit_callbacks(execute=True):
        services.review_plan(
            plan=plan,
            by=network["expert"],
            outcome=Review.Outcome.RECOMMENDED_WITH_CONDITIONS,
            scores=SCORES,
            recommendations="<ul><li>Report to Munich after six months.</li><li>Involve the chamber.</li></ul>",
            conditions="Confirm the AMIF co-funding.",
        )

    assert told("plan.recommended") == people(network, "officer", "administrative_approver")
    assert Notification.objects.count() == 2
    notification = Notification.objects.get(event="plan.recommended", recipient=network["administrative_approver"])
    assert notification.context["items"] == ["Report to Munich after six months.", "Involve the chamber."]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [network["officer"].email, network["administrative_approver"].email]
    )
    for message in mail.outbox:
        assert "* Report to Munich after six months." in message.body
        assert "* Involve the chamber." in message.body
        assert "Conditions: Confirm the AMIF co-funding." in message.body
        html = message.alternatives[0][0]
        assert "Report to Munich after six months." in html


def test_the_approval_tells_the_political_approver_both_cities_and_the_expert(network):
    plan = reached(network, "recommended")

    services.record_approval(plan=plan, by=network["administrative_approver"], **decision())

    assert told("plan.approved") == people(network, "political_approver", "officer", "mentor_officer", "expert")
    assert Notification.objects.count() == 4


def test_the_endorsement_tells_both_cities_the_expert_and_the_coordinators(network):
    plan = reached(network, "approved")

    services.record_endorsement(plan=plan, by=network["political_approver"], **decision())

    assert told("plan.endorsed") == people(network, "officer", "mentor_officer", "expert", "coordinator")
    assert network["other_city_officer"] not in told("plan.endorsed")


def test_a_mention_tells_the_person_mentioned_only(network):
    plan = reached(network, "draft")
    officer = network["officer"]

    services.add_comment(plan=plan, by=network["expert"], body=f"@{officer.email} is the budget final?")

    assert told("comment.mention") == {officer}
    assert Notification.objects.count() == 1  # a comment without a mention is not announced
    notification = Notification.objects.get()
    assert "is the budget final?" in notification.summary
    assert mailed("comment.mention") == {officer.email}


def test_a_person_who_chose_the_digest_gets_the_inbox_notification_but_no_mail_now(network):
    plan = reached(network, "draft")
    Preference.objects.create(user=network["expert"], event="review.assigned", delivery=Delivery.DIGEST)

    services.submit_plan(plan=plan, by=network["officer"])

    assert Notification.objects.get(event="review.assigned").delivery == Delivery.DIGEST
    assert mailed("review.assigned") == set()


def test_a_refused_transition_notifies_nobody(network):
    plan = reached(network, "draft")

    with pytest.raises(services.NotAllowed):
        services.submit_plan(plan=plan, by=network["mentor_officer"])

    assert not Notification.objects.exists() and not OutboundEmail.objects.exists()
