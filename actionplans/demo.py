"""Demo action plans: one per pairing of the demo network, each at another stage of the workflow.

Idempotent: a pairing that has a plan keeps it. Every plan is built through the services, so its
history, versions, reviews, decisions and events are the real thing. The plans' content is
illustrative: the sources do not record what the cities' plans said."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from mentoring.models import Pairing, Role

from . import services
from .models import Action, ActionPlan, Indicator, Objective, PlanState, Review, Risk

# Implementing city → the stage its demo plan reaches.
STAGES = {
    "athens": PlanState.DRAFT,
    "tampere": PlanState.SUBMITTED,
    "utrecht": PlanState.CHANGES_REQUESTED,
    "lisbon": PlanState.RESUBMITTED,
    "nicosia": PlanState.RECOMMENDED,
    "gdansk": PlanState.APPROVED,
    "dresden": PlanState.ENDORSED,
    "riga": PlanState.IN_IMPLEMENTATION,
}
ORDER = list(PlanState)
SCORES = {"relevance": 4, "feasibility": 3, "resources": 3, "indicators": 4, "stakeholders": 4}


def _city_person(role, city):
    return get_user_model().objects.get(memberships__role=role, memberships__city=city)


def _expert(pairing):
    return (
        get_user_model()
        .objects.filter(memberships__role=Role.EXPERT_PARTNER, memberships__organisation=pairing.scheme.facilitator)
        .order_by("pk")
        .first()
    )


def _draft(plan, pairing):
    """Fill the plan's sections, as the implementing city's officer would."""
    city, mentor, theme = pairing.implementing_city, pairing.mentor_city, pairing.scheme.short_title
    plan.title = f"{city}: {theme.lower()} — local action plan"
    plan.gap = f"<p>{city} wants to close a gap in “{theme.lower()}”, learning from {mentor}'s experience.</p>"
    plan.context = "<p>Illustrative demo content: the published sources do not record what this plan said.</p>"
    plan.charter_commitments = ["S1", "E1"] if pairing.scheme.code in "BD" else ["B1", "B3"]
    plan.stakeholders = "City departments, the local employment agency, chambers of commerce, migrant associations"
    plan.save()
    for n, title in enumerate([f"Open {theme.lower()} to migrants", "Make the change last"], start=1):
        objective = Objective.objects.create(plan=plan, title=title, position=n)
        for m, (action_title, budget) in enumerate([("Pilot with partners", 20000), ("Train city staff", 8000)], 1):
            Action.objects.create(
                objective=objective,
                title=f"{action_title} ({n}.{m})",
                responsible_body=f"{city} department of economic affairs",
                partners=f"{mentor} (mentor city), local NGOs",
                starts_on=datetime.date(2018, 9, 1),
                ends_on=datetime.date(2019, 12, 31),
                budget_eur=Decimal(budget),
                funding_source="City budget and AMIF",
                staff_effort_days=Decimal(40),
                position=m,
            )
        Indicator.objects.create(
            objective=objective,
            name="Migrants reached" if n == 1 else "Staff trained",
            unit="people",
            baseline=0,
            target=200 if n == 1 else 60,
            target_date=datetime.date(2019, 12, 31),
        )
    Risk.objects.create(plan=plan, description="Partners lose interest", mitigation="A steering group meets quarterly")


def _advance(plan, pairing, stage):
    officer = _city_person(Role.CITY_OFFICER, pairing.implementing_city)
    expert = _expert(pairing)

    def reached(state):
        return ORDER.index(stage) >= ORDER.index(state)

    if reached(PlanState.SUBMITTED):
        services.submit_plan(plan=plan, by=officer, note="Ready for your review.")
    if stage in (PlanState.CHANGES_REQUESTED, PlanState.RESUBMITTED):
        services.review_plan(
            plan=plan,
            by=expert,
            outcome=Review.Outcome.CHANGES_REQUESTED,
            scores={**SCORES, "indicators": 2},
            comments={"indicators": "Add an indicator for employers reached."},
            recommendations="Add an indicator for employers reached.",
        )
        services.add_comment(plan=plan, by=expert, body="Could the pilot start earlier?", section="objectives")
    if stage == PlanState.RESUBMITTED:
        objective = plan.objectives.first()
        services.add_item(
            plan=plan,
            by=officer,
            model=Indicator,
            objective=objective,
            data={
                "name": "Employers reached",
                "unit": "companies",
                "baseline": 0,
                "target": 40,
                "target_date": datetime.date(2019, 12, 31),
            },
        )
        services.submit_plan(plan=plan, by=officer, note="Indicator for employers added.")
    if reached(PlanState.RECOMMENDED):
        services.review_plan(
            plan=plan,
            by=expert,
            outcome=Review.Outcome.RECOMMENDED_WITH_CONDITIONS,
            scores=SCORES,
            recommendations="Report to the mentor city after six months.",
            conditions="Confirm the AMIF co-funding before the pilot starts.",
        )
    if reached(PlanState.APPROVED):
        services.record_approval(
            plan=plan,
            by=_city_person(Role.ADMINISTRATIVE_APPROVER, pairing.implementing_city),
            body=f"{pairing.implementing_city} directorate of social affairs",
            decided_on=datetime.date(2018, 10, 15),
            reference="ADM-2018/17",
        )
    if reached(PlanState.ENDORSED):
        services.record_endorsement(
            plan=plan,
            by=_city_person(Role.POLITICAL_APPROVER, pairing.implementing_city),
            body=f"{pairing.implementing_city} city council",
            decided_on=datetime.date(2018, 11, 20),
            reference="Council decision 2018/245",
        )
    if stage == PlanState.ENDORSED:
        # Actions already under way when the plan was drafted carry their progress in the plan itself.
        Action.objects.filter(objective__plan=plan, position=1).update(status=Action.Status.IN_PROGRESS, progress=30)
    if stage == PlanState.IN_IMPLEMENTATION:
        services.start_implementation(plan=plan, by=officer)
        for n, action in enumerate(Action.objects.filter(objective__plan=plan).order_by("pk")):
            progress = [100, 60, 40, 10][n % 4]
            services.report_progress(
                action=action,
                by=officer,
                progress=progress,
                status=Action.Status.DONE if progress == 100 else Action.Status.IN_PROGRESS,
                note="Six-month check-in.",
            )
        for indicator in Indicator.objects.filter(objective__plan=plan):
            for measured_on, share in [
                (datetime.date(2019, 3, 31), Decimal("0.2")),
                (datetime.date(2019, 6, 30), Decimal("0.45")),
            ]:
                services.record_measurement(
                    indicator=indicator,
                    by=officer,
                    measured_on=measured_on,
                    value=(indicator.target * share).quantize(1),
                )


@transaction.atomic
def load_demo_plans():
    """One plan per demo pairing, each at its stage. Returns how many plans were created."""
    created = 0
    for pairing in Pairing.objects.select_related("implementing_city", "mentor_city", "scheme__facilitator"):
        stage = STAGES.get(pairing.implementing_city.slug)
        if stage is None or ActionPlan.objects.filter(pairing=pairing).exists():
            continue
        officer = _city_person(Role.CITY_OFFICER, pairing.implementing_city)
        plan = services.start_plan(pairing=pairing, by=officer)
        _draft(plan, pairing)
        _advance(plan, pairing, stage)
        if plan.state != stage:
            raise RuntimeError(f"The demo plan of {pairing} stopped at {plan.state}, not {stage}.")
        created += 1
    return created
