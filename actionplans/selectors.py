"""Reads of action plans: prefetched for the page (no N+1) and scoped to the person."""

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from mentoring.selectors import visible_pairings

from .models import Action, ActionPlan, Comment, Indicator, Objective, PlanState, Review, Transition

# A total order, so that a list shown a page at a time never repeats or skips a plan.
LIST_ORDER = ("pairing__scheme__code", "pairing__implementing_city__name", "pk")


def _plans():
    return ActionPlan.objects.select_related(
        "pairing__scheme__facilitator",
        "pairing__scheme__programme",
        "pairing__mentor_city",
        "pairing__implementing_city",
    )


def visible_plans(scope):
    """Public plans for everyone; every plan of the pairings a person works on."""
    if scope.is_coordinator:
        return _plans()
    return _plans().filter(Q(state__in=PlanState.public()) | Q(pairing__in=visible_pairings(scope)))


def current_plan_of_city(city):
    """The plan of the city's latest pairing as implementing city, or None: where actions started from the
    city's self-assessment or from a practice it assessed go."""
    return _plans().filter(pairing__implementing_city=city).order_by("-created_at", "-pk").first()


def _count_of(rows, plan_path):
    """How many of `rows` belong to the outer plan, as a subquery: 0, not NULL, when there are none."""
    per_plan = rows.filter(**{plan_path: OuterRef("pk")}).order_by().values(plan_path).annotate(n=Count("pk"))
    return Coalesce(Subquery(per_plan.values("n")), 0)


def plans_for_api(scope, *, with_objectives=True):
    """The plans the scope may see with how many objectives, actions and indicators each has; with
    `with_objectives`, also the objectives themselves with their actions, indicators and measurements (four
    queries more, whatever the number of plans).

    The counts are subqueries, one per plan of the page, rather than a join of objectives × actions ×
    indicators grouped back to plans."""
    plans = (
        visible_plans(scope)
        .annotate(
            objective_count=_count_of(Objective.objects.all(), "plan"),
            action_count=_count_of(Action.objects.all(), "objective__plan"),
            indicator_count=_count_of(Indicator.objects.all(), "objective__plan"),
        )
        .order_by("pairing__scheme__code", "pairing__implementing_city__name", "pk")
    )
    if with_objectives:
        objectives = Objective.objects.prefetch_related(
            "actions", Prefetch("indicators", queryset=Indicator.objects.prefetch_related("measurements"))
        )
        plans = plans.prefetch_related(Prefetch("objectives", queryset=objectives))
    return plans


def plan_for_page(pk, *, with_workspace=True):
    """One plan with everything its page shows, in a fixed number of queries."""
    objectives = Objective.objects.prefetch_related(
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("adopted_from").prefetch_related("progress_updates__reported_by"),
        ),
        Prefetch("indicators", queryset=Indicator.objects.prefetch_related("measurements")),
    )
    prefetches = [Prefetch("objectives", queryset=objectives), "risks", "decisions__decided_by"]
    if with_workspace:
        prefetches += [
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("author", "resolved_by").prefetch_related("mentions"),
            ),
            Prefetch("transitions", queryset=Transition.objects.select_related("by")),
            "versions",
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer", "version")),
        ]
    return _plans().prefetch_related(*prefetches).get(pk=pk)


def comment_threads(plan):
    """Top-level comments by section, each with its replies, from the prefetched comments."""
    comments = list(plan.comments.all())
    replies = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    threads = {}
    for comment in comments:
        if comment.parent_id is None:
            comment.thread_replies = replies.get(comment.pk, [])
            threads.setdefault(comment.section, []).append(comment)
    return threads


# Progress roll-up: an action's progress is reported; an objective's is the mean of its
# (not cancelled) actions; the plan's is the mean of its objectives that have actions.


def objective_progress(objective):
    actions = [a for a in objective.actions.all() if a.status != Action.Status.CANCELLED]
    if not actions:
        return None
    return round(sum(a.progress for a in actions) / len(actions))


def plan_progress(plan):
    values = [p for p in (objective_progress(o) for o in plan.objectives.all()) if p is not None]
    if not values:
        return None
    return round(sum(values) / len(values))


def completeness_problems(plan):
    """What must be filled in before the plan can be submitted, in words a city officer understands."""
    problems = []
    if not plan.gap.strip():
        problems.append(gettext("Context and challenge: say which gap the plan closes."))
    if not plan.charter_commitments:
        problems.append(gettext("Context and challenge: choose at least one Integrating Cities Charter commitment."))
    if not plan.stakeholders.strip():
        problems.append(gettext("Stakeholders: name who was involved in drafting."))
    objectives = list(plan.objectives.all())
    if not objectives:
        problems.append(gettext("Objectives: add at least one objective."))
    for objective in objectives:
        actions, indicators = list(objective.actions.all()), list(objective.indicators.all())
        if not actions:
            problems.append(gettext("Objective “%(objective)s” has no action.") % {"objective": objective.title})
        if not indicators:
            problems.append(gettext("Objective “%(objective)s” has no indicator.") % {"objective": objective.title})
        for action in actions:
            no_owner = not action.responsible_body.strip()
            no_dates = action.starts_on is None or action.ends_on is None
            if no_owner and no_dates:
                problem = gettext("Action “%(action)s” needs a responsible body (owner) and start and end dates.")
            elif no_owner:
                problem = gettext("Action “%(action)s” needs a responsible body (owner).")
            elif no_dates:
                problem = gettext("Action “%(action)s” needs start and end dates.")
            else:
                continue
            problems.append(problem % {"action": action.title})
        for indicator in indicators:
            if indicator.target is None or indicator.target_date is None:
                problems.append(
                    gettext("Indicator “%(indicator)s” needs a target and a target date.")
                    % {"indicator": indicator.name}
                )
    return problems


def review_queue(scope):
    """Plans waiting for the person's review: submitted plans of the schemes their organisation facilitates."""
    return (
        _plans()
        .filter(
            state__in=PlanState.awaiting_review(), pairing__scheme__facilitator_id__in=scope.expert_organisation_ids
        )
        .order_by("state_changed_at", "pk")
    )


def staff_overview():
    """Every plan, for the staff's overview; `with_review_times` adds the figures of the plans on a page."""
    return (
        _plans()
        .prefetch_related(Prefetch("transitions", queryset=Transition.objects.order_by("at", "pk")))
        .order_by(*LIST_ORDER)
    )


def with_review_times(plans):
    """How long each plan has been in its state and how long its reviews took, from its prefetched transitions."""
    now = timezone.now()
    for plan in plans:
        plan.time_in_state = now - plan.state_changed_at
        plan.review_turnarounds = review_turnarounds(plan.transitions.all())
        turnarounds = plan.review_turnarounds
        plan.mean_review_turnaround = sum(turnarounds, timezone.timedelta()) / len(turnarounds) if turnarounds else None
    return plans


def plans_by_state():
    """[(state, number of plans)] of every state, in the workflow's order, in one query."""
    counts = dict(ActionPlan.objects.order_by().values_list("state").annotate(n=Count("pk")))
    return [(PlanState(state), counts.get(state, 0)) for state in PlanState]


def review_turnarounds(transitions):
    """Time from each (re)submission to the expert partner's decision on it."""
    turnarounds, submitted_at = [], None
    for transition in transitions:
        if transition.to_state in PlanState.awaiting_review():
            submitted_at = transition.at
        elif submitted_at is not None and transition.from_state in PlanState.awaiting_review():
            turnarounds.append(transition.at - submitted_at)
            submitted_at = None
    return turnarounds


def plan_for_document(pk):
    """One plan with everything its PDF shows (deliverables' kind "action_plan"), in a fixed number of queries."""
    objectives = Objective.objects.prefetch_related(
        "actions", Prefetch("indicators", queryset=Indicator.objects.prefetch_related("measurements"))
    )
    return (
        _plans()
        .select_related("pairing__scheme__programme__coordinator")
        .prefetch_related(Prefetch("objectives", queryset=objectives), "risks", "decisions", "reviews")
        .get(pk=pk)
    )
