"""Action plans for tests, brought to a state through the real services."""

import datetime
from decimal import Decimal

from actionplans import services
from actionplans.models import Action, Indicator, Objective, PlanState, Review, Risk
from tests.factories import GoodPracticeFactory
from toolkits.models import TransferabilityAssessment

SCORES = {"relevance": 4, "feasibility": 4, "resources": 3, "indicators": 4, "stakeholders": 5}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fill_plan(plan, *, objectives=1, actions=1, indicators=1):
    """Give a draft every section the completeness check asks for (straight to the database)."""
    plan.gap = "<p>Young migrants' skills are not matched with local employers' needs.</p>"
    plan.context = "Athens has many young newcomers."
    plan.charter_commitments = ["S1", "E1"]
    plan.stakeholders = "Employment office, chamber of commerce, migrant associations"
    plan.save()
    for n in range(objectives):
        objective = Objective.objects.create(plan=plan, title=f"Objective {n + 1}", position=n)
        for m in range(actions):
            Action.objects.create(
                objective=objective,
                title=f"Action {n + 1}.{m + 1}",
                responsible_body="Employment office",
                starts_on=datetime.date(2018, 1, 1),
                ends_on=datetime.date(2018, 12, 31),
                budget_eur=Decimal("10000"),
                funding_source="AMIF",
                position=m,
            )
        for m in range(indicators):
            Indicator.objects.create(
                objective=objective,
                name=f"Indicator {n + 1}.{m + 1}",
                unit="people",
                baseline=0,
                target=100,
                target_date=datetime.date(2019, 1, 31),
            )
    Risk.objects.create(plan=plan, description="Employers do not take part", mitigation="Involve the chamber early")
    return plan


def plan_in_state(network, state):
    """A plan of network.pairing in `state`, reached through the services as its people would."""
    officer = network["officer"]
    plan = fill_plan(services.start_plan(pairing=network.pairing, by=officer))
    steps = [
        (PlanState.SUBMITTED, lambda: services.submit_plan(plan=plan, by=officer)),
        (
            PlanState.CHANGES_REQUESTED,
            lambda: services.review_plan(
                plan=plan, by=network["expert"], outcome=Review.Outcome.CHANGES_REQUESTED, scores=SCORES
            ),
        ),
        (PlanState.RESUBMITTED, lambda: services.submit_plan(plan=plan, by=officer)),
        (
            PlanState.RECOMMENDED,
            lambda: services.review_plan(
                plan=plan, by=network["expert"], outcome=Review.Outcome.RECOMMENDED, scores=SCORES
            ),
        ),
        (
            PlanState.APPROVED,
            lambda: services.record_approval(plan=plan, by=network["administrative_approver"], **decision()),
        ),
        (
            PlanState.ENDORSED,
            lambda: services.record_endorsement(plan=plan, by=network["political_approver"], **decision()),
        ),
        (PlanState.IN_IMPLEMENTATION, lambda: services.start_implementation(plan=plan, by=officer)),
    ]
    for reached, step in steps:
        if plan.state == state:
            break
        step()
        assert plan.state == reached
    assert plan.state == state
    return plan


def decision(**overrides):
    return {
        "body": "Municipal council",
        "decided_on": datetime.date(2018, 10, 1),
        "reference": "2018/123",
        **overrides,
    }


def assessment_of(network, practice=None, **scores):
    """The implementing city's transferability assessment of a published practice of another city."""
    values = {"legal": 4, "financial": 2, "governance": 4, "skills": 3, "stakeholders": 5, **scores}
    return TransferabilityAssessment.objects.create(
        practice=practice or GoodPracticeFactory(title="Job mentoring by volunteers", city_name="Gothenburg"),
        city=network.implementing_city,
        assessed_by=network["officer"],
        **values,
    )


def action_form(action, **fields):
    """The inline edit form of `action` as an officer posts it, opened at version 1."""
    data = {
        "title": "Job fair",
        "responsible_body": "Employment office",
        "starts_on": "2018-03-01",
        "ends_on": "2018-06-30",
        "status": "planned",
        "progress": "0",
        "lock_version": "1",
        **fields,
    }
    return {f"action-{action.pk}-{name}": value for name, value in data.items()}
