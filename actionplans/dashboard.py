"""The action plans on the dashboards (citiesgrow.dashboard): columns per pair and to-dos.

Columns: the plan's state, the days since its last transition, the review turnaround (days from each
(re)submission to the expert partner's decision: the latest round and the mean), and "stuck" — in the same
state longer than settings.PLAN_STUCK_DAYS — which puts the pair at risk. To-dos: comment threads the
implementing city has to resolve, indicator check-ins after the endorsement, and reviews waiting for the
scheme's expert partner. Every loader reads all pairs at once: a fixed number of queries per dashboard.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from citiesgrow.dashboard import PairColumn, Todo, register_pair_column, register_todo_provider
from notifications.models import SiteConfiguration

from .models import ActionPlan, Comment, Decision, Measurement, PlanState, Transition
from .reminders import CHECKIN_MONTHS
from .selectors import review_turnarounds

# A check-in counts as done when a measurement is recorded up to this long before its date.
CHECKIN_EARLY = relativedelta(months=1)


def _pairing_ids(pairings):
    return [p.pk for p in pairings]


def _days(delta):
    return round(delta.total_seconds() / 86400, 1)


def plan_figures(pairings, context):
    """{pairing id: figures} of the pairs that have a plan, in two queries (plans, then their transitions)."""
    # Plain rows rather than models: a dashboard of every pair reads thousands of transitions.
    plans = {
        plan.pk: plan
        for plan in ActionPlan.objects.filter(pairing__in=_pairing_ids(pairings)).values_list(
            "pk", "pairing_id", "state", "state_changed_at", named=True
        )
    }
    transitions = {}
    for transition in Transition.objects.filter(plan__in=list(plans)).values_list(
        "plan_id", "from_state", "to_state", "at", named=True
    ):
        transitions.setdefault(transition.plan_id, []).append(transition)
    figures = {}
    for plan in plans.values():
        history = transitions.get(plan.pk, [])
        entered = history[-1].at if history else plan.state_changed_at
        turnarounds = [_days(delta) for delta in review_turnarounds(history)]
        days_in_state = (context.today - timezone.localdate(entered)).days
        figures[plan.pairing_id] = {
            "state": PlanState(plan.state).label,
            "days_in_state": days_in_state,
            "stuck": plan.state != PlanState.IN_IMPLEMENTATION and days_in_state > settings.PLAN_STUCK_DAYS,
            "latest_turnaround": turnarounds[-1] if turnarounds else None,
            "mean_turnaround": round(sum(turnarounds) / len(turnarounds), 1) if turnarounds else None,
        }
    return figures


def _plan_figure(name):
    def load(pairings, context):
        return {pk: figures[name] for pk, figures in context.once(plan_figures, pairings).items()}

    return load


def _is_true(value):
    return bool(value)


COLUMNS = [
    PairColumn(
        "plan_state", _("Plan state"), _plan_figure("state"), kind="text", order=90, help=_("The action plan's state.")
    ),
    PairColumn(
        "plan_days_in_state",
        _("Days in state"),
        _plan_figure("days_in_state"),
        order=91,
        help=_("Days since the plan's last change of state."),
    ),
    PairColumn(
        "plan_review_latest",
        _("Review turnaround (latest)"),
        _plan_figure("latest_turnaround"),
        kind="number",
        order=92,
        help=_("Days from the latest (re)submission to the expert partner's decision on it."),
    ),
    PairColumn(
        "plan_review_mean",
        _("Review turnaround (mean)"),
        _plan_figure("mean_turnaround"),
        kind="number",
        order=93,
        help=_("Mean days from a (re)submission to the expert partner's decision, over all review rounds."),
    ),
    PairColumn(
        "plan_stuck",
        "",
        _plan_figure("stuck"),
        kind="hidden",
        at_risk=_is_true,
        risk_label=_("action plan stuck in its state"),
        order=94,
    ),
]


# To-dos


def _by_pk(pairings):
    return {p.pk: p for p in pairings}


def comments_to_resolve(pairings, context):
    """The implementing city's: open comment threads (top-level comments not resolved) on its plan."""
    rows = (
        Comment.objects.filter(plan__pairing__in=_pairing_ids(pairings), parent__isnull=True, resolved_at__isnull=True)
        .values_list("plan_id", "plan__pairing_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_pk = _by_pk(pairings)
    return [
        Todo(
            pairing=by_pk[pairing_id],
            city=by_pk[pairing_id].implementing_city,
            kind="plan_comments_to_resolve",
            title=ngettext(
                "Resolve %(count)s comment thread on the action plan",
                "Resolve %(count)s comment threads on the action plan",
                n,
            )
            % {"count": n},
            url=reverse("actionplans:plan", args=[plan_id]),
        )
        for plan_id, pairing_id, n in rows
    ]


def indicator_checkins(pairings, context):
    """The implementing city's: measure the indicators 6 and 12 months after the endorsement (as the reminders
    say), until a measurement is recorded from a month before the check-in's date on."""
    endorsements = list(
        Decision.objects.filter(
            kind=Decision.Kind.ENDORSEMENT,
            plan__pairing__in=_pairing_ids(pairings),
            plan__state__in=PlanState.public(),
        ).values_list("plan_id", "plan__pairing_id", "decided_on")
    )
    latest = dict(
        Measurement.objects.filter(indicator__objective__plan__in=[plan_id for plan_id, _, _ in endorsements])
        .values_list("indicator__objective__plan_id")
        .annotate(latest=Max("measured_on"))
        .order_by()
    )
    by_pk = _by_pk(pairings)
    items = []
    for plan_id, pairing_id, decided_on in endorsements:
        for months in CHECKIN_MONTHS:
            due_on = decided_on + relativedelta(months=months)
            if latest.get(plan_id) and latest[plan_id] >= due_on - CHECKIN_EARLY:
                continue
            items.append(
                Todo(
                    pairing=by_pk[pairing_id],
                    city=by_pk[pairing_id].implementing_city,
                    kind="indicator_checkin",
                    title=gettext("Measure the plan's indicators: %(months)s-month check-in after the endorsement")
                    % {"months": months},
                    url=reverse("actionplans:plan", args=[plan_id]),
                    due_on=due_on,
                )
            )
    return items


def reviews_waiting(pairings, context):
    """The scheme's expert partner's: plans submitted or resubmitted, due when the review reminder goes out."""
    plans = ActionPlan.objects.filter(pairing__in=_pairing_ids(pairings), state__in=PlanState.awaiting_review()).only(
        "pk", "pairing_id", "state", "state_changed_at"
    )
    wait = datetime.timedelta(days=_review_reminder_days())
    by_pk = _by_pk(pairings)
    return [
        Todo(
            pairing=by_pk[plan.pairing_id],
            city=None,
            organisation=by_pk[plan.pairing_id].scheme.facilitator,
            kind="plan_review_waiting",
            title=(
                gettext("Review the action plan of %(city)s (resubmitted for review)")
                if plan.state == PlanState.RESUBMITTED
                else gettext("Review the action plan of %(city)s (submitted for review)")
            )
            % {"city": by_pk[plan.pairing_id].implementing_city},
            url=reverse("actionplans:plan", args=[plan.pk]),
            due_on=timezone.localdate(plan.state_changed_at) + wait,
        )
        for plan in plans
    ]


def _review_reminder_days():
    """The notification settings' days, read without creating the row (one query, however often)."""
    days = SiteConfiguration.objects.filter(pk=1).values_list("review_reminder_days", flat=True).first()
    return days if days is not None else SiteConfiguration._meta.get_field("review_reminder_days").default


TODO_PROVIDERS = {
    "plan_comments_to_resolve": comments_to_resolve,
    "indicator_checkins": indicator_checkins,
    "plan_reviews_waiting": reviews_waiting,
}


def register():
    for column in COLUMNS:
        register_pair_column(column)
    for key, provider in TODO_PROVIDERS.items():
        register_todo_provider(key, provider)
