"""Every transition of a plan: allowed for the right person in the right state, refused otherwise."""

import pytest

from actionplans import services
from actionplans.models import Event, PlanState, Review, Transition

from .plans import SCORES, decision, plan_in_state

ROLES = [
    "officer",
    "mentor_officer",
    "administrative_approver",
    "political_approver",
    "expert",
    "other_expert",
    "other_city_officer",
    "coordinator",
]

# transition name: (who may, the states it starts from, how to call it)
TRANSITIONS = {
    "submit": (
        "officer",
        {PlanState.DRAFT: PlanState.SUBMITTED, PlanState.CHANGES_REQUESTED: PlanState.RESUBMITTED},
        lambda plan, by: services.submit_plan(plan=plan, by=by),
    ),
    "request changes": (
        "expert",
        {PlanState.SUBMITTED: PlanState.CHANGES_REQUESTED, PlanState.RESUBMITTED: PlanState.CHANGES_REQUESTED},
        lambda plan, by: services.review_plan(
            plan=plan, by=by, outcome=Review.Outcome.CHANGES_REQUESTED, scores=SCORES
        ),
    ),
    "recommend": (
        "expert",
        {PlanState.SUBMITTED: PlanState.RECOMMENDED, PlanState.RESUBMITTED: PlanState.RECOMMENDED},
        lambda plan, by: services.review_plan(plan=plan, by=by, outcome=Review.Outcome.RECOMMENDED, scores=SCORES),
    ),
    "recommend with conditions": (
        "expert",
        {PlanState.SUBMITTED: PlanState.RECOMMENDED, PlanState.RESUBMITTED: PlanState.RECOMMENDED},
        lambda plan, by: services.review_plan(
            plan=plan,
            by=by,
            outcome=Review.Outcome.RECOMMENDED_WITH_CONDITIONS,
            scores=SCORES,
            conditions="Add a budget line for interpreters.",
        ),
    ),
    "approve": (
        "administrative_approver",
        {PlanState.RECOMMENDED: PlanState.APPROVED},
        lambda plan, by: services.record_approval(plan=plan, by=by, **decision()),
    ),
    "endorse": (
        "political_approver",
        {PlanState.APPROVED: PlanState.ENDORSED},
        lambda plan, by: services.record_endorsement(plan=plan, by=by, **decision()),
    ),
    "start implementation": (
        "officer",
        {PlanState.ENDORSED: PlanState.IN_IMPLEMENTATION},
        lambda plan, by: services.start_implementation(plan=plan, by=by),
    ),
}

ALLOWED = [(name, state) for name, (_, moves, _) in TRANSITIONS.items() for state in moves]
WRONG_STATE = [
    (name, state) for name, (_, moves, _) in TRANSITIONS.items() for state in PlanState if state not in moves
]
WRONG_ROLE = [
    (name, role, next(iter(moves)))
    for name, (allowed, moves, _) in TRANSITIONS.items()
    for role in ROLES
    if role != allowed
]


@pytest.mark.parametrize(("name", "state"), ALLOWED)
def test_the_right_person_moves_the_plan_on(network, name, state):
    who, moves, act = TRANSITIONS[name]
    plan = plan_in_state(network, state)
    events_before = Event.objects.count()

    act(plan, network[who])

    plan.refresh_from_db()
    assert plan.state == moves[state]
    last = Transition.objects.filter(plan=plan).last()
    assert (last.from_state, last.to_state, last.by) == (state, moves[state], network[who])
    event = Event.objects.latest("pk")
    assert Event.objects.count() == events_before + 1
    assert event.name == f"plan.{moves[state]}"
    assert event.recipients.exists() and network[who] not in event.recipients.all()


@pytest.mark.parametrize(("name", "state"), WRONG_STATE)
def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(network, name, state):
    who, _, act = TRANSITIONS[name]
    plan = plan_in_state(network, state)
    transitions = Transition.objects.count()

    with pytest.raises(services.TransitionRefused) as refused:
        act(plan, network[who])

    assert "cannot be" in refused.value.message
    plan.refresh_from_db()
    assert plan.state == state
    assert Transition.objects.count() == transitions


@pytest.mark.parametrize(("name", "role", "state"), WRONG_ROLE)
def test_a_transition_by_the_wrong_person_is_refused_and_changes_nothing(network, name, role, state):
    _, _, act = TRANSITIONS[name]
    plan = plan_in_state(network, state)

    with pytest.raises(services.NotAllowed) as refused:
        act(plan, network[role])

    assert refused.value.message.startswith("Only ")
    plan.refresh_from_db()
    assert plan.state == state


def test_the_whole_chain_leaves_an_audit_trail_and_versions(network):
    plan = plan_in_state(network, PlanState.IN_IMPLEMENTATION)

    assert list(plan.transitions.values_list("from_state", "to_state")) == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "changes_requested"),
        ("changes_requested", "resubmitted"),
        ("resubmitted", "recommended"),
        ("recommended", "approved"),
        ("approved", "endorsed"),
        ("endorsed", "in_implementation"),
    ]
    assert list(plan.versions.values_list("number", "reason")) == [
        (1, "Submitted"),
        (2, "Resubmitted"),
        (3, "Administrative approval"),
        (4, "Political endorsement"),
    ]
    assert [r.version.number for r in plan.reviews.all()] == [1, 2]
