"""Two people act on one plan at the same moment: exactly one transition wins.

Real PostgreSQL transactions in threads, each with its own connection. A third
connection holds the plan's row lock until both are waiting for it, so both
really do act at the same moment; then it lets go."""

import pytest
from django.db import connection

from actionplans import services
from actionplans.models import ActionPlan, PlanState, Review, Transition
from mentoring.models import Role
from tests.factories import person

from .plans import SCORES, decision, plan_in_state
from .race import race


@pytest.mark.django_db(transaction=True)
def test_two_experts_decide_at_once_and_exactly_one_decision_wins(network):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    plan = plan_in_state(network, PlanState.SUBMITTED)
    colleague = person(Role.EXPERT_PARTNER, organisation=network.expert_org)
    # Each person has the plan open in their browser: their own copy, loaded before either acts.
    mine, theirs = ActionPlan.objects.get(pk=plan.pk), ActionPlan.objects.get(pk=plan.pk)

    results = race(
        plan,
        {
            "recommend": lambda: services.review_plan(
                plan=mine, by=network["expert"], outcome=Review.Outcome.RECOMMENDED, scores=SCORES
            ),
            "request changes": lambda: services.review_plan(
                plan=theirs, by=colleague, outcome=Review.Outcome.CHANGES_REQUESTED, scores=SCORES
            ),
        },
    )

    assert list(results.values()).count("won") == 1, results
    loser = next(message for message in results.values() if message != "won")
    assert loser.startswith("Someone acted first: the plan was just moved to")
    plan.refresh_from_db()
    winner = next(name for name, result in results.items() if result == "won")
    assert plan.state == {"recommend": PlanState.RECOMMENDED, "request changes": PlanState.CHANGES_REQUESTED}[winner]
    assert Transition.objects.filter(plan=plan, from_state=PlanState.SUBMITTED).count() == 1
    assert Review.objects.filter(plan=plan).count() == 1


@pytest.mark.django_db(transaction=True)
def test_approving_twice_at_once_records_one_approval(network):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    colleague = person(Role.ADMINISTRATIVE_APPROVER, city=network.implementing_city)
    results = race(
        plan,
        {
            name: (lambda by=by: services.record_approval(plan=ActionPlan.objects.get(pk=plan.pk), by=by, **decision()))
            for name, by in [("one", network["administrative_approver"]), ("two", colleague)]
        },
    )

    assert sorted(results.values())[1] == "won", results
    assert sorted(results.values())[0].startswith("Someone acted first")
    assert plan.decisions.count() == 1
