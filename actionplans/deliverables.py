"""The action plan as a PDF deliverable, and what plans add to the pairing's infographic and to the
interim report. Registered with deliverables.registry in ActionplansConfig.ready(); see
docs/deliverables.md.

Each function returns plain data (str, numbers, dates, lists): its hash is the subject's version, so
a plan that did not change is not rendered again, and a changed plan renders its pairing's infographic
and the interim report again too."""

import functools

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from deliverables import charts
from deliverables.registry import Kind, register_kind, register_section
from mentoring.models import Pairing

from . import selectors
from .models import Action, ActionPlan, Objective

KEY_ACTIONS = 5


def _in_english(collect):
    """The PDFs are the programme's record, in English, whoever's page asks for their data: a French
    reader must neither get English PDFs with French states in them nor see them as out of date."""

    @functools.wraps(collect)
    def in_english(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return collect(*args, **kwargs)

    return in_english


def _city(city):
    return {"name": city.name, "display_name": city.display_name, "country": city.country}


def _label(pairing):
    return f"{pairing.mentor_city} → {pairing.implementing_city}"


def _action(action, number):
    return {
        "number": number,
        "title": action.title,
        "responsible_body": action.responsible_body,
        "partners": action.partners,
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        "budget_eur": action.budget_eur,
        "funding_source": action.funding_source,
        "status": action.get_status_display(),
        "cancelled": action.status == Action.Status.CANCELLED,
        "progress": action.progress,
    }


def _indicator(indicator):
    measurements = list(indicator.measurements.all())  # ordered by date
    latest = measurements[-1] if measurements else None
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "target": indicator.target,
        "target_date": indicator.target_date,
        "latest": {"value": latest.value, "measured_on": latest.measured_on} if latest else None,
    }


# ---------------------------------------------------------------------------
# The action plan
# ---------------------------------------------------------------------------


@_in_english
def collect_plan(plan):
    plan = selectors.plan_for_document(plan.pk)
    pairing = plan.pairing
    programme = pairing.scheme.programme
    objectives = []
    for n, objective in enumerate(plan.objectives.all(), start=1):
        objectives.append(
            {
                "number": n,
                "title": objective.title,
                "description": objective.description,
                "progress": selectors.objective_progress(objective),
                "actions": [_action(a, f"{n}.{m}") for m, a in enumerate(objective.actions.all(), start=1)],
                "indicators": [_indicator(i) for i in objective.indicators.all()],
            }
        )
    actions = [action for objective in objectives for action in objective["actions"]]
    reviews = list(plan.reviews.all())
    review = reviews[-1] if reviews else None
    return {
        "programme": {"name": programme.name, "title": programme.title, "coordinator": programme.coordinator.name},
        "pair": {
            "implementing": _city(pairing.implementing_city),
            "mentor": _city(pairing.mentor_city),
            "scheme_code": pairing.scheme.code,
            "scheme_title": pairing.scheme.title,
            "expert_partner": pairing.scheme.facilitator.name,
            "verified": pairing.verified,
        },
        "plan": {
            "id": plan.pk,
            "title": plan.title,
            "state": plan.get_state_display(),
            "public": plan.is_public,
            "state_changed_on": plan.state_changed_at.date(),
            "gap": plan.gap,
            "context": plan.context,
            "charter_commitments": [str(label) for label in plan.get_charter_commitments_display()],
            "stakeholders": plan.stakeholders,
            "progress": selectors.plan_progress(plan),
        },
        "objectives": objectives,
        "actions": actions,
        "budget_eur": sum(a["budget_eur"] for a in actions if a["budget_eur"] is not None and not a["cancelled"]),
        "risks": [{"description": r.description, "mitigation": r.mitigation} for r in plan.risks.all()],
        # The latest review is the one the plan's state follows (for a public plan: the recommendation).
        "review": _review(review) if review else None,
        "decisions": [
            {
                "kind": d.get_kind_display(),
                "body": d.body,
                "decided_on": d.decided_on,
                "reference": d.reference,
                "conditions": d.conditions,
            }
            for d in plan.decisions.all()
        ],
    }


def _review(review):
    return {
        "outcome": review.get_outcome_display(),
        "created_on": review.created_at.date(),
        "scores": [
            {"criterion": str(label), "score": score, "comment": comment} for label, score, comment in review.scores()
        ],
        "average": round(review.average_score, 1),
        "recommendations": review.recommendations,
        "conditions": review.conditions,
    }


def decorate_plan(data):
    dated = [a for a in data["actions"] if a["starts_on"] and a["ends_on"]]
    if not dated:
        return {"timeline": None}
    starts_on = min(a["starts_on"] for a in dated)
    ends_on = max(a["ends_on"] for a in dated)
    return {
        "timeline": charts.timeline(
            chart_id=f"actions-timeline-{data['plan']['id']}",
            title=f"Timeline of the actions of {data['plan']['title']}",
            description=(
                f"{len(dated)} action{'s' if len(dated) != 1 else ''} between {starts_on:%B %Y} and {ends_on:%B %Y}, "
                "one bar each from its start to its end; the table below lists them."
            ),
            starts_on=starts_on,
            ends_on=ends_on,
            events=[
                {
                    "label": f"{a['number']} {a['title']}",
                    "starts_on": a["starts_on"],
                    "ends_on": a["ends_on"],
                    "series": int(a["number"].split(".")[0]) - 1,
                }
                for a in dated
            ],
            empty="No dated actions yet.",
        )
    }


def plan_title(plan):
    return f"Local action plan of {plan.pairing.implementing_city}: {plan.title}"


ACTION_PLAN = Kind(
    slug="action_plan",
    label=_("Action plan"),
    model="actionplans.ActionPlan",
    template="actionplans/pdf/action_plan.html",
    collect=collect_plan,
    decorate=decorate_plan,
    # The plan's own rule: public once endorsed, before that its pairing's people and EUROCITIES.
    permission="actionplans.see_plan",
    title=plan_title,
    filename=lambda plan: slugify(f"action-plan-{plan.pairing.implementing_city}"),
    subjects_of_programme=lambda programme: ActionPlan.objects.filter(pairing__programme=programme).select_related(
        "pairing__mentor_city", "pairing__implementing_city", "pairing__scheme"
    ),
    subject_url=lambda plan: plan.get_absolute_url(),
    load=lambda pk: selectors._plans().get(pk=pk),
)


# ---------------------------------------------------------------------------
# Sections of other kinds
# ---------------------------------------------------------------------------


@_in_english
def key_actions(pairing):
    """The infographic's "Key planned actions": the plan's five largest actions by budget (then in plan order)."""
    plan = ActionPlan.objects.filter(pairing=pairing).first()
    if plan is None:
        return None
    actions = list(
        Action.objects.filter(objective__plan=plan)
        .exclude(status=Action.Status.CANCELLED)
        .order_by("objective__position", "objective__pk", "position", "pk")
    )
    ranked = sorted(enumerate(actions), key=lambda pair: (-(pair[1].budget_eur or 0), pair[0]))[:KEY_ACTIONS]
    return {
        "title": "Key planned actions",
        "template": "actionplans/pdf/key_actions_section.html",
        "plan": {"title": plan.title, "state": plan.get_state_display()},
        "total": len(actions),
        "actions": [
            {
                "title": action.title,
                "status": action.get_status_display(),
                "progress": action.progress,
                "budget_eur": action.budget_eur,
                "starts_on": action.starts_on,
                "ends_on": action.ends_on,
            }
            for _, action in ranked
        ],
    }


@_in_english
def plan_progress(programme):
    """The interim report's "Progress of the action plans": one row per pairing, and a bar chart of them."""
    objectives = Objective.objects.prefetch_related("actions")
    pairings = list(
        Pairing.objects.filter(programme=programme)
        .select_related("mentor_city", "implementing_city", "scheme", "action_plan")
        .prefetch_related(Prefetch("action_plan__objectives", queryset=objectives))
        .order_by("scheme__code", "implementing_city__name")
    )
    if not pairings:
        return None
    rows = []
    for pairing in pairings:
        plan = getattr(pairing, "action_plan", None)
        row = {"label": _label(pairing), "scheme_code": pairing.scheme.code, "has_plan": plan is not None}
        if plan is not None:
            plan_objectives = list(plan.objectives.all())
            row.update(
                state=plan.get_state_display(),
                objectives=len(plan_objectives),
                actions=sum(len(o.actions.all()) for o in plan_objectives),
                progress=selectors.plan_progress(plan),
            )
        rows.append(row)
    with_plan = [row for row in rows if row["has_plan"]]
    return {
        "title": "Progress of the action plans",
        "template": "actionplans/pdf/plan_progress_section.html",
        "rows": rows,
        "plans": len(with_plan),
        "chart": charts.bar_chart(
            chart_id="chart-plan-progress",
            title="Progress of the action plans per pairing",
            description=(
                f"{len(with_plan)} of {len(rows)} pairings have an action plan; each bar is its progress in per "
                "cent (the mean of its objectives'). A dash means no plan or no action yet. The table below gives "
                "the figures."
            ),
            categories=[row["label"] for row in rows],
            series=[("Progress", [row.get("progress") for row in rows])],
            maximum=100,
            unit=" %",
        ),
    }


def register():
    register_kind(ACTION_PLAN)
    register_section("infographic", "actionplans.key_actions", key_actions, order=10)
    register_section("interim_report", "actionplans.progress", plan_progress, order=10)
