"""Pages of the action plans: check permission, bind a form, call a service, render.

Inline edits are htmx partials; without JavaScript the same URLs serve whole pages."""

from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from citiesgrow.pagination import page_of
from mentoring import selectors as mentoring_selectors
from mentoring.models import City, Pairing, Role
from pagecache import kept_per_viewer
from toolkits.models import TransferabilityAssessment

from . import parts, selectors, services, versions
from .forms import (
    ActionForm,
    CommentForm,
    DecisionForm,
    IndicatorForm,
    MeasurementForm,
    ObjectiveForm,
    PlanContextForm,
    PlanStakeholdersForm,
    ProgressForm,
    ReviewForm,
    RiskForm,
    SubmitForm,
    add_service_errors,
)
from .models import Action, ActionPlan, Comment, Decision, Indicator, Objective, PlanState, Risk


def can(user, perm, obj=None):
    """The plan's own rules, with no superuser shortcut: EUROCITIES staff do not draft a city's plan."""
    return rules.has_perm(perm, user, obj)


def _plan_or_404(request, pk, perm=None, *, queryset=None):
    """The plan if the person may see it (404 otherwise) and, when `perm` is given, may do that (403)."""
    plan = get_object_or_404(queryset if queryset is not None else selectors._plans(), pk=pk)
    if not can(request.user, "actionplans.see_plan", plan):
        raise Http404("Not found.")
    if perm and not can(request.user, perm, plan):
        if perm == "actionplans.see_plan_workspace":  # the workspace of a public plan stays hidden
            raise Http404("Not found.")
        raise PermissionDenied
    return plan


def _flags(user, plan):
    """What the person may do with the plan, for the templates."""
    return {
        "can_edit": plan.is_editable and can(user, "actionplans.edit_plan", plan),
        "can_submit": plan.is_editable and can(user, "actionplans.submit_plan", plan),
        "can_comment": can(user, "actionplans.comment_on_plan", plan),
        "can_resolve": can(user, "actionplans.resolve_comment", plan),
        "can_review": plan.is_awaiting_review and can(user, "actionplans.review_plan", plan),
        "can_approve": plan.state == PlanState.RECOMMENDED and can(user, "actionplans.approve_plan", plan),
        "can_endorse": plan.state == PlanState.APPROVED and can(user, "actionplans.endorse_plan", plan),
        "can_start_implementation": plan.state == PlanState.ENDORSED
        and can(user, "actionplans.start_implementation", plan),
        "can_report": plan.in_implementation and can(user, "actionplans.report_progress", plan),
        "in_workspace": can(user, "actionplans.see_plan_workspace", plan),
    }


# The plan and its pages --------------------------------------------------------------------------


@kept_per_viewer
def plan_list(request):
    """Endorsed plans for everyone; a signed-in person also finds the plans of their pairings."""
    scope = mentoring_selectors.scope_of(request.user)
    plans = selectors.visible_plans(scope) if request.user.is_authenticated else selectors._plans().public()
    page = page_of(request, plans.order_by(*selectors.LIST_ORDER))
    return render(request, "actionplans/plan_list.html", {"page": page})


def pairing_plan(request, pk):
    """The pairing's plan; the implementing city's officers start it here."""
    pairing = get_object_or_404(Pairing.objects.select_related("implementing_city", "mentor_city", "scheme"), pk=pk)
    plan = ActionPlan.objects.filter(pairing=pairing).first()
    if plan is not None and can(request.user, "actionplans.see_plan", plan):
        return redirect(plan)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, "mentoring.see_pairing", pairing):
        raise Http404("Not found.")
    may_start = can(request.user, "actionplans.start_plan", pairing)
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied
        plan = services.start_plan(pairing=pairing, by=request.user)
        messages.success(request, gettext("The plan is started. Fill in its sections; everything is saved as you go."))
        return redirect(plan)
    return render(request, "actionplans/no_plan.html", {"pairing": pairing, "may_start": may_start})


@kept_per_viewer
def plan_detail(request, pk):
    plan = get_object_or_404(selectors._plans(), pk=pk)
    if not can(request.user, "actionplans.see_plan", plan):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404("Not found.")
    flags = _flags(request.user, plan)
    plan = selectors.plan_for_page(pk, with_workspace=flags["in_workspace"])
    for objective in plan.objectives.all():
        objective.progress = selectors.objective_progress(objective)
    context = {
        "plan": plan,
        "progress": selectors.plan_progress(plan),
        "threads": selectors.comment_threads(plan) if flags["in_workspace"] else {},
        "section_recommendations": (
            mentoring_selectors.recommendations_by_plan_section(plan.pairing) if flags["in_workspace"] else {}
        ),
        "problems": selectors.completeness_problems(plan) if flags["can_submit"] else [],
        "comment_sections": Comment.Section,
        **flags,
    }
    return render(request, "actionplans/plan_detail.html", context)


@login_required
def completeness(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.submit_plan")
    problems = selectors.completeness_problems(selectors.plan_for_page(plan.pk, with_workspace=False))
    return render(
        request,
        "actionplans/parts/completeness.html",
        {"plan": plan, "problems": problems, "can_submit": plan.is_editable},
    )


# Inline editing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    model: type
    form: type
    template: str


# What the pages say about each part is in parts.TEXTS, under the same kinds.
PARTS = {
    "context": Part(ActionPlan, PlanContextForm, "actionplans/parts/context.html"),
    "stakeholders": Part(ActionPlan, PlanStakeholdersForm, "actionplans/parts/stakeholders.html"),
    "objective": Part(Objective, ObjectiveForm, "actionplans/parts/objective.html"),
    "action": Part(Action, ActionForm, "actionplans/parts/action.html"),
    "indicator": Part(Indicator, IndicatorForm, "actionplans/parts/indicator.html"),
    "risk": Part(Risk, RiskForm, "actionplans/parts/risk.html"),
}
SECTIONS = {"context", "stakeholders"}


def _part(kind):
    if kind not in PARTS:
        raise Http404("No such part of a plan.")
    return PARTS[kind]


def _item(plan, kind, item_pk):
    part = _part(kind)
    if part.model is ActionPlan:
        if item_pk != plan.pk:
            raise Http404("Not found.")
        return ActionPlan.objects.get(pk=plan.pk)
    if part.model in (Objective, Risk):
        return get_object_or_404(part.model, pk=item_pk, plan=plan)
    return get_object_or_404(part.model.objects.select_related("objective"), pk=item_pk, objective__plan=plan)


def _editable_plan(request, pk):
    """The plan for an edit; when it is no longer editable a GET goes back to the plan (a POST learns why)."""
    return _plan_or_404(request, pk, "actionplans.edit_plan")


def _not_editable_now(request, plan):
    messages.error(
        request,
        gettext("The plan is “%(state)s”: a submitted version cannot be edited.") % {"state": plan.get_state_display()},
    )
    return redirect(plan)


def _read(request, plan, kind, item, *, status=200):
    context = {"plan": plan, "item": item, "kind": kind, "can_edit": plan.is_editable, "part_id": f"{kind}-{item.pk}"}
    if kind == "objective":
        context["objective"] = item
    response = render(request, PARTS[kind].template, context, status=status)
    response["HX-Trigger"] = "planChanged"
    return response


def _part_id(plan, kind, item=None, objective=None):
    """The element id of a part on the page; also the prefix of its form, so ids stay unique."""
    if item is not None:
        return f"{kind}-{item.pk}"
    return f"new-{kind}-{objective.pk if objective else plan.pk}"


def _form_page(request, plan, kind, form, *, item=None, conflict=None, objective=None, error=None):
    part_id = _part_id(plan, kind, item, objective)
    if item is not None:
        url = reverse("actionplans:edit_part", args=[plan.pk, kind, item.pk])
    else:
        url = reverse("actionplans:add_part", args=[plan.pk, kind])
        if objective is not None:
            url += f"?objective={objective.pk}"
    context = {
        "cancel_url": url + ("&" if "?" in url else "?") + "cancel=1",
        "plan": plan,
        "kind": kind,
        "form": form,
        "item": item,
        "objective": objective,
        "url": url,
        "part_id": part_id,
        "conflict": conflict,
        "error": error,
        "inline": bool(request.htmx),
    }
    template = "actionplans/parts/form.html" if request.htmx else "actionplans/edit_part.html"
    return render(request, template, context)


def _conflict_values(form, current):
    """The other person's saved values, labelled as in the form."""
    rows = []
    for name in form._meta.fields:
        field = current._meta.get_field(name)
        if name == "charter_commitments":
            value = ", ".join(current.charter_commitments) or "—"
        elif field.choices:
            value = getattr(current, f"get_{name}_display")()
        else:
            value = getattr(current, name)
        rows.append((form.fields[name].label, "—" if value in (None, "") else formats.localize(value)))
    return rows


@login_required
def edit_part(request, pk, kind, item_pk):
    plan = _editable_plan(request, pk)
    item = _item(plan, kind, item_pk)
    if request.method == "GET" and "cancel" in request.GET:
        return _read(request, plan, kind, item)
    if not plan.is_editable and request.method != "POST":
        return _not_editable_now(request, plan)
    part = _part(kind)
    if request.method != "POST":
        return _form_page(request, plan, kind, part.form(instance=item, prefix=_part_id(plan, kind, item)), item=item)
    prefix = _part_id(plan, kind, item)
    form = part.form(request.POST, instance=_item(plan, kind, item_pk), prefix=prefix)
    if not form.is_valid():
        return _form_page(request, plan, kind, form, item=item)
    try:
        saved = services.update_item(
            item=item,
            by=request.user,
            data=form.changed_data_for_service(),
            expected_version=form.cleaned_data["lock_version"] or 0,
        )
    except services.EditConflict as conflict:
        data = request.POST.copy()
        data[f"{prefix}-lock_version"] = conflict.current.lock_version  # saving again overwrites, knowingly
        form = part.form(data, instance=_item(plan, kind, item_pk), prefix=prefix)
        form.is_valid()
        return _form_page(request, plan, kind, form, item=item, conflict=_conflict_values(form, conflict.current))
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, plan, kind, form, item=item)
    except services.PlanError as error:
        return _form_page(request, plan, kind, form, item=item, error=error.message)
    if not request.htmx:
        messages.success(request, parts.text(kind, "saved"))
        return redirect(f"{plan.get_absolute_url()}#{kind}-{saved.pk}")
    return _read(request, plan, kind, saved)


@login_required
def add_part(request, pk, kind):
    plan = _editable_plan(request, pk)
    part = _part(kind)
    if kind in SECTIONS:
        raise Http404("Sections are edited, not added.")
    objective = None
    if part.model in (Action, Indicator):
        objective_pk = request.GET.get("objective", "")
        if not (objective_pk.isascii() and objective_pk.isdigit()):
            raise Http404("No such objective.")
        objective = get_object_or_404(Objective, pk=objective_pk, plan=plan)
    if request.method == "GET" and "cancel" in request.GET:
        return render(
            request,
            "actionplans/parts/add_button.html",
            {"plan": plan, "kind": kind, "objective": objective},
        )
    if not plan.is_editable and request.method != "POST":
        return _not_editable_now(request, plan)
    if request.method != "POST":
        return _form_page(
            request, plan, kind, part.form(prefix=_part_id(plan, kind, None, objective)), objective=objective
        )
    form = part.form(request.POST, prefix=_part_id(plan, kind, None, objective))
    if not form.is_valid():
        return _form_page(request, plan, kind, form, objective=objective)
    try:
        item = services.add_item(
            plan=plan, by=request.user, model=part.model, objective=objective, data=form.changed_data_for_service()
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, plan, kind, form, objective=objective)
    except services.PlanError as error:
        return _form_page(request, plan, kind, form, objective=objective, error=error.message)
    if not request.htmx:
        messages.success(request, parts.text(kind, "added"))
        return redirect(f"{plan.get_absolute_url()}#{kind}-{item.pk}")
    context = {"plan": plan, "item": item, "kind": kind, "can_edit": True, "objective": objective}
    if kind == "objective":
        context["objective"] = item
    response = render(request, "actionplans/parts/added.html", {**context, "template": part.template})
    response["HX-Trigger"] = "planChanged"
    return response


@login_required
@require_POST
def delete_part(request, pk, kind, item_pk):
    plan = _plan_or_404(request, pk, "actionplans.edit_plan")
    if kind in SECTIONS:
        raise Http404("Sections are edited, not deleted.")
    item = _item(plan, kind, item_pk)
    try:
        services.delete_item(item=item, by=request.user, expected_version=int(request.POST.get("lock_version") or 0))
    except services.EditConflict:
        messages.error(request, parts.text(kind, "not_deleted"))
        return redirect(plan)
    except services.PlanError as error:
        messages.error(request, error.message)
        return redirect(plan)
    if request.htmx:
        response = HttpResponse("")
        response["HX-Trigger"] = "planChanged"
        return response
    messages.success(request, parts.text(kind, "deleted"))
    return redirect(plan)


# Comments ----------------------------------------------------------------------------------------


def _comments_block(request, plan, section, form=None):
    threads = selectors.comment_threads(
        ActionPlan.objects.prefetch_related("comments__author", "comments__resolved_by", "comments__mentions").get(
            pk=plan.pk
        )
    )
    return render(
        request,
        "actionplans/parts/comments.html",
        {
            "plan": plan,
            "section": section,
            "section_label": parts.SECTION_NAMES[section],
            "comments": threads.get(section, []),
            "form": form,
            "can_comment": True,
            "open": True,
            "can_resolve": can(request.user, "actionplans.resolve_comment", plan),
        },
    )


@login_required
@require_POST
def add_comment(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.comment_on_plan")
    form = CommentForm(request.POST)
    section = request.POST.get("section") if request.POST.get("section") in Comment.Section.values else "general"
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_object_or_404(Comment, pk=form.cleaned_data["parent"], plan=plan)
        try:
            services.add_comment(
                plan=plan,
                by=request.user,
                body=form.cleaned_data["body"],
                section=form.cleaned_data["section"],
                parent=parent,
            )
            form = None
        except ValidationError as error:
            add_service_errors(form, error)
    if request.htmx:
        return _comments_block(request, plan, section, form)
    if form is not None:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(f"{plan.get_absolute_url()}#comments-{section}")


@login_required
@require_POST
def resolve_comment(request, pk, comment_pk):
    plan = _plan_or_404(request, pk, "actionplans.resolve_comment")
    comment = get_object_or_404(Comment, pk=comment_pk, plan=plan)
    try:
        services.resolve_comment(comment=comment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        return _comments_block(request, plan, comment.section)
    return redirect(f"{plan.get_absolute_url()}#comments-{comment.section}")


# Transitions -------------------------------------------------------------------------------------


def _transition_page(request, plan, template, form, allowed, act, done_message, extra=None):
    """GET shows the form (or why it does not apply now); POST calls the service and reports the outcome."""
    if request.method == "POST" and allowed and form.is_valid():
        try:
            act(form)
        except ValidationError as error:
            add_service_errors(form, error)
        except services.Incomplete as error:
            messages.error(request, gettext("The plan is not complete yet; see what is missing below."))
            extra = {**(extra or {}), "problems": error.problems}
        except services.PlanError as error:
            messages.error(request, error.message)
            return redirect(plan)
        else:
            messages.success(request, done_message)
            return redirect(plan)
    elif request.method == "POST" and not allowed:
        messages.error(
            request,
            gettext("The plan is “%(state)s” now, so this step does not apply.") % {"state": plan.get_state_display()},
        )
        return redirect(plan)
    return render(request, template, {"plan": plan, "form": form, "allowed": allowed, **(extra or {})})


@login_required
def submit_plan(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.submit_plan")
    problems = selectors.completeness_problems(selectors.plan_for_page(plan.pk, with_workspace=False))
    return _transition_page(
        request,
        plan,
        "actionplans/submit.html",
        SubmitForm(request.POST or None),
        plan.is_editable,
        lambda form: services.submit_plan(plan=plan, by=request.user, note=form.cleaned_data["note"]),
        gettext("The plan is submitted to the expert partner; this version is frozen."),
        {"problems": problems},
    )


@login_required
def review_plan(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.review_plan")
    return _transition_page(
        request,
        plan,
        "actionplans/review.html",
        ReviewForm(request.POST or None),
        plan.is_awaiting_review,
        lambda form: services.review_plan(plan=plan, by=request.user, **form.service_arguments()),
        gettext("Your review is recorded and the city is told."),
        {"version": plan.versions.order_by("-number").first()},
    )


def _decision_page(request, pk, kind):
    perm, state, service, done = {
        Decision.Kind.APPROVAL: (
            "actionplans.approve_plan",
            PlanState.RECOMMENDED,
            services.record_approval,
            gettext("The administrative approval is recorded; the political approver is told."),
        ),
        Decision.Kind.ENDORSEMENT: (
            "actionplans.endorse_plan",
            PlanState.APPROVED,
            services.record_endorsement,
            gettext("The plan is endorsed and now public."),
        ),
    }[kind]
    plan = _plan_or_404(request, pk, perm)
    return _transition_page(
        request,
        plan,
        "actionplans/decision.html",
        DecisionForm(request.POST or None, request.FILES or None),
        plan.state == state,
        lambda form: service(plan=plan, by=request.user, **form.cleaned_data),
        done,
        {"kind": Decision.Kind(kind), "reviews": plan.reviews.select_related("reviewer")},
    )


@login_required
def approve_plan(request, pk):
    return _decision_page(request, pk, Decision.Kind.APPROVAL)


@login_required
def endorse_plan(request, pk):
    return _decision_page(request, pk, Decision.Kind.ENDORSEMENT)


@login_required
@require_POST
def start_implementation(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.start_implementation")
    try:
        services.start_implementation(plan=plan, by=request.user)
        messages.success(
            request, gettext("The plan is in implementation: report progress on actions and measure indicators.")
        )
    except services.PlanError as error:
        messages.error(request, error.message)
    return redirect(plan)


def decision_document(request, pk, kind):
    plan = get_object_or_404(selectors._plans(), pk=pk)
    if not can(request.user, "actionplans.see_plan", plan):
        raise Http404("Not found.")
    decision = get_object_or_404(Decision, plan=plan, kind=kind)
    if not decision.document:
        raise Http404("No signed document.")
    return FileResponse(
        decision.document.open("rb"),
        content_type="application/pdf",
        filename=f"{plan.pairing.implementing_city.slug}-{kind}.pdf",
    )


# Implementation ----------------------------------------------------------------------------------


@login_required
def report_progress(request, pk, action_pk):
    plan = _plan_or_404(request, pk, "actionplans.report_progress")
    action = get_object_or_404(Action.objects.select_related("objective"), pk=action_pk, objective__plan=plan)
    form = ProgressForm(request.POST or None, initial={"progress": action.progress, "status": action.status})
    return _transition_page(
        request,
        plan,
        "actionplans/progress.html",
        form,
        plan.in_implementation,
        lambda form: services.report_progress(action=action, by=request.user, **form.cleaned_data),
        gettext("Progress on “%(action)s” is recorded.") % {"action": action.title},
        {"action": action, "updates": action.progress_updates.select_related("reported_by")},
    )


@login_required
def record_measurement(request, pk, indicator_pk):
    plan = _plan_or_404(request, pk, "actionplans.report_progress")
    indicator = get_object_or_404(Indicator.objects.select_related("objective"), pk=indicator_pk, objective__plan=plan)
    return _transition_page(
        request,
        plan,
        "actionplans/measurement.html",
        MeasurementForm(request.POST or None),
        plan.in_implementation,
        lambda form: services.record_measurement(indicator=indicator, by=request.user, **form.cleaned_data),
        gettext("The measurement of “%(indicator)s” is recorded.") % {"indicator": indicator.name},
        {"indicator": indicator, "measurements": indicator.measurements.all()},
    )


# Versions ----------------------------------------------------------------------------------------


@login_required
def version_list(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.see_plan_workspace")
    return render(
        request, "actionplans/versions.html", {"plan": plan, "versions": plan.versions.select_related("created_by")}
    )


@login_required
def version_detail(request, pk, number):
    plan = _plan_or_404(request, pk, "actionplans.see_plan_workspace")
    version = get_object_or_404(plan.versions.select_related("created_by"), number=number)
    return render(
        request,
        "actionplans/version_detail.html",
        {"plan": plan, "version": version, "lines": versions.lines(version.snapshot)},
    )


@login_required
def compare_versions(request, pk):
    plan = _plan_or_404(request, pk, "actionplans.see_plan_workspace")
    numbers = list(plan.versions.values_list("number", flat=True))
    try:
        a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
    except ValueError:
        a = b = 0
    if a not in numbers or b not in numbers:
        a, b = (numbers[-2], numbers[-1]) if len(numbers) >= 2 else (numbers[0], numbers[0]) if numbers else (0, 0)
    rows, old, new = [], None, None
    if numbers:
        old, new = plan.versions.get(number=a), plan.versions.get(number=b)
        rows = versions.compare(old.snapshot, new.snapshot)
    return render(
        request,
        "actionplans/compare.html",
        {
            "plan": plan,
            "numbers": numbers,
            "old": old,
            "new": new,
            "rows": rows,
            "changes": sum(r[2] != "equal" for r in rows),
        },
    )


# Actions started from the toolkits: a practice adopted, a self-assessment gap ----------------------


def _city_plan_to_edit(request, city):
    """The city's current plan if the person may edit it: 404 when they may not see it, 403 when they may not
    edit it; None (with a message) when there is no plan yet."""
    plan = selectors.current_plan_of_city(city)
    if plan is None:
        if not mentoring_selectors.scope_of(request.user).has_city_role(city.pk, Role.CITY_OFFICER):
            raise Http404("Not found.")
        messages.error(
            request,
            gettext("%(city)s has no action plan yet: start it from the pairing's page first.") % {"city": city},
        )
        return None
    _plan_or_404(request, plan.pk, "actionplans.edit_plan")
    return plan


@login_required
@require_POST
def adopt_practice(request, assessment_pk):
    assessment = get_object_or_404(
        TransferabilityAssessment.objects.select_related("practice", "city"), pk=assessment_pk
    )
    practice = assessment.practice
    plan = _city_plan_to_edit(request, assessment.city)
    if plan is None:
        return redirect(practice)
    try:
        action = services.adopt_practice_into_plan(assessment=assessment, plan=plan, by=request.user)
    except services.PlanError as error:
        messages.error(request, error.message)
        return redirect(practice)
    messages.success(
        request,
        gettext("“%(action)s” is now a draft action of your plan: complete it there.") % {"action": action.title},
    )
    return redirect(f"{plan.get_absolute_url()}#action-{action.pk}")


@login_required
@require_POST
def add_gap_action(request, slug, code):
    """From a gap of the city's self-assessment, a draft action in its plan in one step."""
    city = get_object_or_404(City, slug=slug)
    back = reverse("toolkits:self_assessment", args=[city.slug])
    plan = _city_plan_to_edit(request, city)
    if plan is None:
        return redirect(back)
    try:
        action = services.add_action_for_commitment_gap(plan=plan, commitment_code=code, by=request.user)
    except services.PlanError as error:
        messages.error(request, error.message)
        return redirect(back)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(
        request,
        gettext("“%(action)s” is now a draft action of your plan: complete it there.") % {"action": action.title},
    )
    return redirect(f"{plan.get_absolute_url()}#action-{action.pk}")


# Queues and overviews ----------------------------------------------------------------------------


@login_required
@kept_per_viewer
def review_queue(request):
    page = page_of(request, selectors.review_queue(mentoring_selectors.scope_of(request.user)))
    return render(request, "actionplans/review_queue.html", {"page": page})


@login_required
@kept_per_viewer
def staff_overview(request):
    if not can(request.user, "actionplans.see_plan_overview"):
        raise PermissionDenied
    page = page_of(request, selectors.staff_overview())
    selectors.with_review_times(page)
    return render(
        request,
        "actionplans/staff_overview.html",
        {"page": page, "states": [(state.label, n) for state, n in selectors.plans_by_state()]},
    )
