"""Twenty people act on one plan at the same moment: exactly one transition wins, the other nineteen
are told someone acted first, and the plan has one audit entry, one event and one set of notifications.

Each person acts in a thread with their own PostgreSQL connection; the plan's row stays locked until
all twenty wait for it (tests/actionplans/race.py)."""

import collections
from functools import partial

import pytest

from actionplans import services
from actionplans.models import ActionPlan, Event, PlanState, PlanVersion, Review, Transition
from mentoring.models import Role
from notifications.models import Notification, OutboundEmail
from tests.actionplans.plans import SCORES, plan_in_state
from tests.actionplans.race import WON, needs_connections, race
from tests.factories import person

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 20


def _one_set_of_notifications(since_pk, winner):
    """The notifications written after `since_pk`: all from the winner's act, nobody told twice."""
    new = Notification.objects.filter(pk__gt=since_pk)
    assert new.exists()
    assert set(new.values_list("actor", flat=True)) == {winner.pk}
    told = collections.Counter(new.values_list("recipient", "event"))
    assert max(told.values()) == 1, told
    mails = collections.Counter(OutboundEmail.objects.values_list("to_email", "subject"))
    assert not mails or max(mails.values()) == 1, mails


def _last_notification():
    return Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_twenty_experts_decide_at_once_and_one_review_counts(network):
    needs_connections(PEOPLE + 2)
    plan = plan_in_state(network, PlanState.SUBMITTED)
    experts = [network["expert"]] + [
        person(Role.EXPERT_PARTNER, organisation=network.expert_org) for _ in range(PEOPLE - 1)
    ]
    outcomes = [Review.Outcome.RECOMMENDED, Review.Outcome.CHANGES_REQUESTED]
    # Each expert has the plan open in their browser: their own copy, loaded before anyone acts.
    acts = {
        expert.email: partial(
            services.review_plan,
            plan=ActionPlan.objects.get(pk=plan.pk),
            by=expert,
            outcome=outcomes[n % 2],
            scores=SCORES,
        )
        for n, expert in enumerate(experts)
    }
    since, events = _last_notification(), plan.events.count()

    results = race(plan, acts)

    assert len(results) == PEOPLE
    winners = [email for email, result in results.items() if result == WON]
    assert len(winners) == 1, results
    [winner] = [expert for expert in experts if expert.email == winners[0]]
    plan.refresh_from_db()
    assert plan.state in (PlanState.RECOMMENDED, PlanState.CHANGES_REQUESTED)
    moved_to = plan.get_state_display()
    losers = [result for result in results.values() if result != WON]
    assert losers == [
        f"Someone acted first: the plan was just moved to “{moved_to}” by {winner}. "
        "Nothing was changed; reload the page to see the current plan."
    ] * (PEOPLE - 1)
    assert Transition.objects.filter(plan=plan, from_state=PlanState.SUBMITTED).count() == 1
    assert list(Review.objects.filter(plan=plan).values_list("reviewer", flat=True)) == [winner.pk]
    assert plan.events.count() == events + 1
    _one_set_of_notifications(since, winner)


def test_twenty_officers_submit_at_once_and_one_version_is_frozen(network):
    needs_connections(PEOPLE + 2)
    plan = plan_in_state(network, PlanState.DRAFT)
    officers = [network["officer"]] + [
        person(Role.CITY_OFFICER, city=network.implementing_city) for _ in range(PEOPLE - 1)
    ]
    acts = {
        officer.email: partial(
            services.submit_plan,
            plan=ActionPlan.objects.get(pk=plan.pk),
            by=officer,
            note=f"Submitted by {officer.email}",
        )
        for officer in officers
    }
    since = _last_notification()

    results = race(plan, acts)

    winners = [email for email, result in results.items() if result == WON]
    assert len(winners) == 1, results
    [winner] = [officer for officer in officers if officer.email == winners[0]]
    assert sorted(set(results.values())) == sorted(
        {
            WON,
            f"Someone acted first: the plan was just moved to “Submitted for review” by {winner}. "
            "Nothing was changed; reload the page to see the current plan.",
        }
    )
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.SUBMITTED
    [transition] = Transition.objects.filter(plan=plan, to_state=PlanState.SUBMITTED)
    assert (transition.by, transition.note) == (winner, f"Submitted by {winner.email}")
    assert PlanVersion.objects.filter(plan=plan).count() == 1
    assert Event.objects.filter(plan=plan, name="plan.submitted").count() == 1
    _one_set_of_notifications(since, winner)
