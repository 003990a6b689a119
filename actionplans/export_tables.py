"""The action plans as export tables (citiesgrow.exports): plans, their actions, their indicators with the
latest measurement. Rows come from the plans the person may see (selectors.visible_plans): endorsed plans
for everyone, drafts only for those who work on the pairing."""

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery

from citiesgrow import filters
from citiesgrow.exports import Column, Table, register_table
from mentoring.selectors import scope_of

from .models import Action, Indicator, Measurement, PlanState
from .selectors import visible_plans


def _filters(plan):
    """scheme, city and state, on the path from the row to its plan ("" for the plans themselves)."""
    prefix = f"{plan}__" if plan else ""
    return {
        "scheme": filters.scheme(f"{prefix}pairing__scheme"),
        "city": filters.city(f"{prefix}pairing__mentor_city", f"{prefix}pairing__implementing_city"),
        "state": filters.exact(f"{prefix}state", PlanState.values, "The plan's state."),
    }


PLAN_FILTERS = _filters("")


def _plans(user):
    return (
        visible_plans(scope_of(user))
        .annotate(
            n_objectives=Count("objectives", distinct=True),
            n_actions=Count("objectives__actions", distinct=True),
            n_indicators=Count("objectives__indicators", distinct=True),
        )
        .order_by("pairing__scheme__code", "pairing__implementing_city__name")
    )


def _actions(user):
    return (
        Action.objects.filter(objective__plan__in=visible_plans(scope_of(user)))
        .select_related(
            "objective__plan__pairing__scheme", "objective__plan__pairing__implementing_city", "objective__plan"
        )
        .order_by("objective__plan_id", "objective__position", "objective_id", "position", "pk")
    )


def _indicators(user):
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-pk")
    return (
        Indicator.objects.filter(objective__plan__in=visible_plans(scope_of(user)))
        .select_related(
            "objective__plan__pairing__scheme", "objective__plan__pairing__implementing_city", "objective__plan"
        )
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_measured_on=Subquery(latest.values("measured_on")[:1]),
        )
        .order_by("objective__plan_id", "objective__position", "objective_id", "pk")
    )


def _plan_of(row):
    return row.objective.plan


def _plan_columns(plan_of):
    return (
        Column("Plan", lambda r: plan_of(r).pk, "int", width=6),
        Column("Scheme", lambda r: plan_of(r).pairing.scheme.code, width=8),
        Column("Implementing city", lambda r: plan_of(r).pairing.implementing_city.name, width=18),
        Column("Plan state", lambda r: plan_of(r).get_state_display(), width=18),
    )


def _percent(value):
    return None if value is None else value / 100


PLANS = Table(
    kind="plans",
    title="Action plans",
    order=70,
    rows=_plans,
    filters=PLAN_FILTERS,
    columns=(
        Column("Plan", lambda p: p.pk, "int", width=6),
        Column("Pair", lambda p: p.pairing_id, "int", width=6),
        Column("Scheme", lambda p: p.pairing.scheme.code, width=8),
        Column("Mentor city", lambda p: p.pairing.mentor_city.name, width=18),
        Column("Implementing city", lambda p: p.pairing.implementing_city.name, width=18),
        Column("Title", lambda p: p.title, width=40),
        Column("State", lambda p: p.get_state_display(), width=18),
        Column("In this state since", lambda p: p.state_changed_at, "datetime", width=17),
        Column("Charter commitments", lambda p: ", ".join(p.charter_commitments), width=14),
        Column("Objectives", lambda p: p.n_objectives, "int", width=9),
        Column("Actions", lambda p: p.n_actions, "int", width=9),
        Column("Indicators", lambda p: p.n_indicators, "int", width=9),
        Column("Address", lambda p: settings.SITE_URL + p.get_absolute_url(), width=40),
    ),
)

ACTIONS = Table(
    kind="plan-actions",
    title="Action plans: actions",
    order=71,
    rows=_actions,
    filters=_filters("objective__plan"),
    columns=(
        *_plan_columns(_plan_of),
        Column("Objective", lambda a: a.objective.title, width=30),
        Column("Action", lambda a: a.title, width=36),
        Column("Responsible body", lambda a: a.responsible_body, width=24),
        Column("Partners", lambda a: a.partners, width=24),
        Column("Start", lambda a: a.starts_on, "date", width=11),
        Column("End", lambda a: a.ends_on, "date", width=11),
        Column("Budget (€)", lambda a: a.budget_eur, "decimal", width=12),
        Column("Funding source", lambda a: a.funding_source, width=20),
        Column("Staff effort (person-days)", lambda a: a.staff_effort_days, "decimal", width=10),
        Column("Status", lambda a: a.get_status_display(), width=12),
        Column("Progress", lambda a: _percent(a.progress), "percent", width=9),
    ),
)

INDICATORS = Table(
    kind="plan-indicators",
    title="Action plans: indicators",
    order=72,
    rows=_indicators,
    filters=_filters("objective__plan"),
    columns=(
        *_plan_columns(_plan_of),
        Column("Objective", lambda i: i.objective.title, width=30),
        Column("Indicator", lambda i: i.name, width=30),
        Column("Unit", lambda i: i.unit, width=12),
        Column("Baseline", lambda i: i.baseline, "decimal", width=10),
        Column("Target", lambda i: i.target, "decimal", width=10),
        Column("Target date", lambda i: i.target_date, "date", width=11),
        Column("Latest value", lambda i: i.latest_value, "decimal", width=10),
        Column("Measured on", lambda i: i.latest_measured_on, "date", width=11),
    ),
)


def register():
    for table in (PLANS, ACTIONS, INDICATORS):
        register_table(table)
