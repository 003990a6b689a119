"""The decisions on plans, toolkits and good practices, each taken through its page, leave one audit entry."""

import pytest
from django.urls import reverse

from actionplans.models import Decision, PlanState, Review
from audit.models import Action
from tests.actionplans.plans import SCORES, plan_in_state
from toolkits.models import Toolkit

from .conftest import recorded, target_of


def review(outcome, **extra):
    data = {f"{criterion}_score": score for criterion, score in SCORES.items()}
    return {**data, "outcome": outcome, "recommendations": "", "conditions": "", **extra}


@pytest.mark.parametrize(
    ("outcome", "action", "state"),
    [
        (Review.Outcome.CHANGES_REQUESTED, Action.PLAN_CHANGES_REQUESTED, PlanState.CHANGES_REQUESTED),
        (Review.Outcome.RECOMMENDED, Action.PLAN_RECOMMENDED, PlanState.RECOMMENDED),
    ],
    ids=["returned for changes", "recommended"],
)
def test_expert_partner_reviews_a_plan(client, network, outcome, action, state):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["expert"])

    with recorded() as entries:
        client.post(reverse("actionplans:review", args=[plan.pk]), review(outcome))

    plan.refresh_from_db()
    assert plan.state == state
    [entry] = entries
    assert (entry.action, entry.actor, target_of(entry)) == (action, network["expert"], plan)
    assert entry.details == {
        "review": plan.reviews.get().pk,
        "outcome": outcome,
        "version": 1,
        "scores": SCORES,
    }


@pytest.mark.parametrize(
    ("state", "person", "url", "action", "kind"),
    [
        (PlanState.RECOMMENDED, "administrative_approver", "actionplans:approve", Action.PLAN_APPROVED, "approval"),
        (PlanState.APPROVED, "political_approver", "actionplans:endorse", Action.PLAN_ENDORSED, "endorsement"),
    ],
    ids=["approval", "endorsement"],
)
def test_city_approvers_sign_off_a_plan(client, network, state, person, url, action, kind):
    plan = plan_in_state(network, state)
    client.force_login(network[person])

    with recorded() as entries:
        response = client.post(
            reverse(url, args=[plan.pk]), {"body": "City council", "decided_on": "2018-10-01", "reference": "2018/77"}
        )

    assert response.status_code == 302
    decision = Decision.objects.get(plan=plan, kind=kind)
    [entry] = entries
    assert (entry.action, entry.actor, target_of(entry)) == (action, network[person], plan)
    assert entry.details == {
        "decision": decision.pk,
        "body": "City council",
        "decided_on": "2018-10-01",
        "reference": "2018/77",
        "version": decision.version.number,
        "signed_document": False,
    }


def test_a_refused_decision_leaves_no_entry(client, network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["administrative_approver"])

    with recorded() as entries:
        client.post(
            reverse("actionplans:approve", args=[plan.pk]),
            {"body": "City council", "decided_on": "2018-10-01", "reference": "2018/77"},
        )

    assert entries == []


def test_coordinator_publishes_a_toolkit(client, library):
    coordinator = library.network["coordinator"]
    client.force_login(coordinator)
    with recorded() as finalised:
        client.post(reverse("toolkits:toolkit_transition", args=[library.toolkit.slug, "finalise"]))

    with recorded() as entries:
        client.post(reverse("toolkits:toolkit_transition", args=[library.toolkit.slug, "publish"]))

    library.toolkit.refresh_from_db()
    assert library.toolkit.state == Toolkit.State.PUBLISHED
    assert finalised == []
    [entry] = entries
    assert (entry.action, entry.actor, target_of(entry)) == (Action.TOOLKIT_PUBLISHED, coordinator, library.toolkit)
    assert entry.details == {"from_state": "final", "version": library.toolkit.version}


def test_expert_partner_validates_and_publishes_a_good_practice(client, library):
    expert = library.network["expert"]
    client.force_login(expert)
    practice = library.submitted

    with recorded() as validated:
        client.post(reverse("toolkits:practice_transition", args=[practice.slug, "validate"]))
    with recorded() as published:
        client.post(reverse("toolkits:practice_transition", args=[practice.slug, "publish"]))

    assert [(e.action, e.actor, target_of(e), e.details) for e in validated + published] == [
        (Action.PRACTICE_VALIDATED, expert, practice, {"from_state": "submitted", "to_state": "validated"}),
        (Action.PRACTICE_PUBLISHED, expert, practice, {"from_state": "validated", "to_state": "published"}),
    ]
