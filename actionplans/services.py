"""Every write to an action plan.

Each function is atomic. Transitions lock the plan row (SELECT … FOR UPDATE),
so when two people act on one plan at the same moment exactly one wins and
the other gets a PlanError that says what happened. Edits of the plan's parts
are optimistic: a save names the lock_version it was made from and is refused
with EditConflict when someone saved in between. Every transition writes an
audit entry (Transition) and an Event, and notifies the people concerned
(recipients.py) in the same transaction.
"""

import html
import re

import rules
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from audit.models import Action as AuditAction
from audit.services import record as audit
from citiesgrow import uploads
from mentoring.models import PlanSection, Recommendation, Role
from mentoring.selectors import memberships_of_pairings
from mentoring.services import add_recommendations
from toolkits import models as toolkits_models  # toolkits owns the Charter's texts

from . import events, recipients, selectors, versions
from .events import phrase
from .models import (
    Action,
    ActionPlan,
    CharterCommitment,
    Comment,
    Decision,
    Indicator,
    Measurement,
    Objective,
    PlanState,
    PlanVersion,
    ProgressUpdate,
    Review,
    Risk,
    Transition,
)
from .text import plain, sanitize


class PlanError(Exception):
    """A refused write, with a message for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(PlanError):
    pass


class TransitionRefused(PlanError):
    pass


class NotEditable(PlanError):
    pass


class Incomplete(PlanError):
    def __init__(self, problems):
        super().__init__(gettext("The plan is not complete yet: %(problems)s") % {"problems": " ".join(problems)})
        self.problems = problems


class EditConflict(PlanError):
    """Someone saved the item since the form was opened; `current` holds their values."""

    def __init__(self, current):
        super().__init__(
            gettext(
                "Someone else saved this item while you were editing it. Your changes were not saved; "
                "compare them with the current values below."
            )
        )
        self.current = current


# Which fields of each part the implementing city edits; rich text is sanitized before it is stored.
EDITABLE_FIELDS = {
    ActionPlan: ["title", "gap", "context", "charter_commitments", "stakeholders"],
    Objective: ["title", "description"],
    Action: [
        "title",
        "description",
        "responsible_body",
        "partners",
        "starts_on",
        "ends_on",
        "budget_eur",
        "funding_source",
        "staff_effort_days",
        "status",
        "progress",
    ],
    Indicator: ["name", "unit", "baseline", "target", "target_date"],
    Risk: ["description", "mitigation"],
}
RICH_TEXT_FIELDS = {
    ActionPlan: {"gap", "context", "stakeholders"},
    Objective: {"description"},
    Action: {"description"},
    Indicator: set(),
    Risk: {"mitigation"},
}

# Why a permission was refused, one whole sentence per permission (the words agree with the role).
REFUSALS = {
    "actionplans.start_plan": _("Only an officer of the implementing city may start the plan."),
    "actionplans.edit_plan": _("Only an officer of the implementing city may edit the plan."),
    "actionplans.submit_plan": _("Only an officer of the implementing city may submit the plan."),
    "actionplans.review_plan": _("Only the scheme's expert partner may review the plan."),
    "actionplans.approve_plan": _("Only the city's administrative approver may approve the plan."),
    "actionplans.endorse_plan": _("Only the city's political approver may endorse the plan."),
    "actionplans.start_implementation": _("Only an officer of the implementing city may start the implementation."),
    "actionplans.report_progress": _("Only an officer of the implementing city may report progress."),
    "actionplans.comment_on_plan": _(
        "Only people of the pairing, its expert partner and EUROCITIES may comment on the plan."
    ),
    "actionplans.resolve_comment": _("Only an officer of the implementing city may resolve comments."),
}


def _require(by, perm, obj):
    # rules.has_perm, not user.has_perm: superusers get no shortcut past a plan's roles.
    if not rules.has_perm(perm, by, obj):
        raise NotAllowed(str(REFUSALS[perm]))


def _in_english(text):
    """Text stored for everyone (a version's reason, a transition's note): English, translated when shown."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def _in_every_language(message, **params):
    """`message` in each of the site's languages: a title the service wrote in whoever's language it was."""
    titles = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            titles.add((gettext(message) % params)[:200])
    return titles


def _locked_plan(plan_id):
    return (
        ActionPlan.objects.select_for_update(of=("self",))
        .select_related("pairing__scheme", "pairing__implementing_city", "pairing__mentor_city")
        .get(pk=plan_id)
    )


def _plan_id_of(item):
    if isinstance(item, ActionPlan):
        return item.pk
    if isinstance(item, Objective | Risk):
        return item.plan_id
    return item.objective.plan_id


# Starting and editing -----------------------------------------------------------------------------


@transaction.atomic
def start_plan(*, pairing, by):
    """The implementing city's plan for the pairing; created on first call (one per pairing)."""
    existing = ActionPlan.objects.filter(pairing=pairing).first()
    if existing:
        return existing
    if not rules.has_perm("actionplans.start_plan", by, pairing):
        raise NotAllowed(str(REFUSALS["actionplans.start_plan"]))
    try:
        with transaction.atomic():
            plan = ActionPlan.objects.create(
                pairing=pairing,
                title=gettext("Local action plan of %(city)s") % {"city": pairing.implementing_city},
                created_by=by,
            )
    except IntegrityError:  # someone started it at the same moment
        return ActionPlan.objects.get(pairing=pairing)
    Transition.objects.create(
        plan=plan, from_state="", to_state=PlanState.DRAFT, by=by, note=gettext_noop("Plan started")
    )
    events.record_event(
        event="plan.started",
        target=plan,
        actor=by,
        recipients=recipients.people(plan, mentor=[Role.CITY_OFFICER], expert=True),
    )
    return plan


def _lock_for_editing(plan_id, by):
    plan = _locked_plan(plan_id)
    _require(by, "actionplans.edit_plan", plan)
    if not plan.is_editable:
        raise NotEditable(
            gettext(
                "The plan is “%(state)s”: a submitted version cannot be edited. "
                "It can be edited again when the expert partner requests changes."
            )
            % {"state": plan.get_state_display()}
        )
    return plan


def _apply(item, data):
    fields, rich = EDITABLE_FIELDS[type(item)], RICH_TEXT_FIELDS[type(item)]
    for name, value in data.items():
        if name not in fields:
            raise ValueError(f"{name} is not an editable field of {type(item).__name__}")
        setattr(item, name, sanitize(value) if name in rich else value)
    item.full_clean()


@transaction.atomic
def update_item(*, item, by, data, expected_version):
    """Save the changed fields of a plan, objective, action, indicator or risk made from `expected_version`.

    Raises EditConflict (nothing saved) when someone saved the item since."""
    plan = _lock_for_editing(_plan_id_of(item), by)
    model = type(item)
    current = plan if model is ActionPlan else model.objects.select_for_update().get(pk=item.pk)
    if current.lock_version != expected_version:
        raise EditConflict(current)
    _apply(current, data)
    current.lock_version += 1
    current.save()
    return current


@transaction.atomic
def add_item(*, plan, by, model, data, objective=None):
    """Add an objective or risk to the plan, or an action or indicator to one of its objectives."""
    plan = _lock_for_editing(plan.pk, by)
    if model in (Action, Indicator):
        if objective is None or objective.plan_id != plan.pk:
            raise ValueError("Actions and indicators belong to an objective of the same plan.")
        item = model(objective=objective)
    else:
        item = model(plan=plan)
    _apply(item, data)
    if model in (Objective, Action):
        siblings = model.objects.filter(objective=objective) if model is Action else plan.objectives
        item.position = (siblings.aggregate(m=Max("position"))["m"] or 0) + 1
    item.save()
    return item


@transaction.atomic
def delete_item(*, item, by, expected_version):
    _lock_for_editing(_plan_id_of(item), by)
    current = type(item).objects.select_for_update().filter(pk=item.pk).first()
    if current is None:
        return
    if current.lock_version != expected_version:
        raise EditConflict(current)
    current.delete()


# Drafts started elsewhere: a practice adopted, a self-assessment gap ---------------------------------


def _objective_titled(plan, message, params, description=""):
    """The plan's objective titled `message` % `params` in any of the site's languages; else added at the end,
    titled in the active language."""
    objective = plan.objectives.filter(title__in=_in_every_language(message, **params)).first()
    if objective is None:
        position = (plan.objectives.aggregate(m=Max("position"))["m"] or 0) + 1
        title = (gettext(message) % params)[:200]
        objective = Objective.objects.create(plan=plan, title=title, description=description, position=position)
    return objective


def _draft_action(objective, **fields):
    position = (objective.actions.aggregate(m=Max("position"))["m"] or 0) + 1
    action = Action(objective=objective, position=position, **fields)
    action.full_clean()
    action.save()
    return action


ADOPTED_PRACTICES_OBJECTIVE = gettext_noop("Adapt what works in other cities")


@transaction.atomic
def adopt_practice_into_plan(*, assessment, plan, by):
    """Turn a city's transferability assessment of a published good practice into a draft action of its plan,
    linked to the practice (Action.adopted_from), under the objective "Adapt what works in other cities".

    Only an officer of the implementing city, while the plan is editable (NotAllowed / NotEditable otherwise),
    and only for the city's own assessment. Idempotent: a practice already adopted into the plan returns
    its action."""
    plan = _lock_for_editing(plan.pk, by)
    practice = assessment.practice
    if assessment.city_id != plan.pairing.implementing_city_id:
        raise NotAllowed(
            gettext("This is not %(city)s's assessment of the practice.") % {"city": plan.pairing.implementing_city}
        )
    if practice.state != practice.State.PUBLISHED:
        raise NotEditable(gettext("Only a published practice can be adopted into a plan."))
    existing = Action.objects.filter(objective__plan=plan, adopted_from=practice).first()
    if existing is not None:
        return existing
    weakest = ", ".join(assessment.weakest)
    link = f'<a href="{practice.get_absolute_url()}">{html.escape(practice.title)}</a>'
    adopted = gettext("Adopted from the good practice %(practice)s of %(city)s (%(country)s).") % {
        "practice": link,
        "city": html.escape(practice.city_name),
        "country": html.escape(practice.country_name),
    }
    assessed = gettext(
        "Our transferability assessment: %(average)s out of 5 on average; adapting it needs the most work on: "
        "%(weakest)s."
    ) % {"average": formats.number_format(assessment.average, 1), "weakest": html.escape(weakest)}
    objective = _objective_titled(
        plan, ADOPTED_PRACTICES_OBJECTIVE, {}, gettext("Practices of other cities we adapt to our own context.")
    )
    return _draft_action(
        objective,
        title=(gettext("Adapt “%(practice)s”") % {"practice": practice.title})[:200],
        description=sanitize(f"<p>{adopted}</p><p>{assessed}</p>"),
        adopted_from=practice,
    )


@transaction.atomic
def add_action_for_commitment_gap(*, plan, commitment_code, by, objective=None):
    """Start a draft action on a Charter commitment where the city's self-assessment shows a gap (issue 7).

    The action goes into `objective` (one of the plan's) or else into the objective "Close the gap on
    <code>", created when missing; it records the commitment, and the plan's Charter commitments gain the
    code (bumping the plan's lock_version, so a context form opened before is told to reload rather than
    silently dropping the code). Only an officer of the implementing city while the plan is editable."""
    plan = _lock_for_editing(plan.pk, by)
    commitment = toolkits_models.CharterCommitment.objects.filter(code=commitment_code).first()
    if commitment is None or commitment_code not in CharterCommitment.values:
        raise ValidationError(
            {"commitment": gettext("%(code)s is not a commitment of the Charter.") % {"code": commitment_code}}
        )
    if objective is not None and objective.plan_id != plan.pk:
        raise ValidationError({"objective": gettext("Choose an objective of this plan.")})
    if objective is None:
        objective = _objective_titled(
            plan,
            gettext_noop("Close the gap on %(code)s"),
            {"code": commitment.code},
            sanitize(f"<p>{html.escape(commitment.text)}</p>"),
        )
    started = gettext(
        "Started from our Charter self-assessment, where %(code)s (“%(text)s”) shows a gap. "
        "Say what the city will do and who owns it."
    ) % {"code": html.escape(commitment.code), "text": html.escape(commitment.text)}
    action = _draft_action(
        objective,
        title=(gettext("Close the gap on %(code)s: %(text)s") % {"code": commitment.code, "text": commitment.text})[
            :200
        ],
        description=sanitize(f"<p>{started}</p>"),
        charter_commitment=commitment.code,
    )
    if commitment.code not in plan.charter_commitments:
        plan.charter_commitments = [*plan.charter_commitments, commitment.code]
        plan.lock_version += 1
        plan.save(update_fields=["charter_commitments", "lock_version"])
    return action


# Transitions --------------------------------------------------------------------------------------


def _transition(*, plan, by, perm, moves, refused, note="", announce=None, audit=None, context=None, check=None):
    """Lock the plan, check the person and the state, change the state, audit it, record and announce the event.

    `moves` maps each state the transition may start from to the state it leads to; `refused` says why a plan in
    another state cannot take it (with %(state)s); `announce(plan)` says
    who is notified of what (recipients.py), `audit(plan)` who is only recorded on the Event. Must run inside
    transaction.atomic(). Returns the locked, updated plan."""
    locked = _locked_plan(plan.pk)
    _require(by, perm, locked)
    if locked.state not in moves:
        state = locked.get_state_display()
        if locked.state != plan.state:
            last = locked.transitions.select_related("by").order_by("-at", "-pk").first()
            if last and last.by:
                message = gettext(
                    "Someone acted first: the plan was just moved to “%(state)s” by %(person)s. "
                    "Nothing was changed; reload the page to see the current plan."
                ) % {"state": state, "person": last.by}
            else:
                message = gettext(
                    "Someone acted first: the plan was just moved to “%(state)s”. "
                    "Nothing was changed; reload the page to see the current plan."
                ) % {"state": state}
            raise TransitionRefused(message)
        raise TransitionRefused(str(refused) % {"state": state})
    if check is not None:
        check(locked)
    from_state, to = locked.state, moves[locked.state]
    locked.state, locked.state_changed_at = to, timezone.now()
    locked.save(update_fields=["state", "state_changed_at"])
    Transition.objects.create(plan=locked, from_state=from_state, to_state=to, by=by, note=note)
    events.record_event(
        event=f"plan.{to}",
        target=locked,
        actor=by,
        recipients=audit(locked) if audit else (),
        announce=announce(locked) if announce else None,
        payload={"from": from_state, "to": to, "note": note},
        context=context,
    )
    plan.state, plan.state_changed_at = locked.state, locked.state_changed_at
    return locked


def _freeze(plan, by, reason):
    full = selectors.plan_for_page(plan.pk, with_workspace=False)
    number = (plan.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    return PlanVersion.objects.create(
        plan=plan, number=number, state=plan.state, reason=reason, snapshot=versions.snapshot(full), created_by=by
    )


def _complete(plan):
    problems = selectors.completeness_problems(selectors.plan_for_page(plan.pk, with_workspace=False))
    if problems:
        raise Incomplete(problems)


@transaction.atomic
def submit_plan(*, plan, by, note=""):
    """Submit a draft, or resubmit after requested changes, to the expert partner; freezes a version.

    Refused with Incomplete (listing what is missing) when the completeness check fails."""
    locked = _transition(
        plan=plan,
        by=by,
        perm="actionplans.submit_plan",
        moves={PlanState.DRAFT: PlanState.SUBMITTED, PlanState.CHANGES_REQUESTED: PlanState.RESUBMITTED},
        refused=_("A plan that is “%(state)s” cannot be submitted."),
        note=sanitize(note),
        announce=recipients.submitted,
        context={"summary": [plain(note)] if note else []},
        check=_complete,
    )
    resubmitted = locked.state == PlanState.RESUBMITTED
    return _freeze(locked, by, gettext_noop("Resubmitted") if resubmitted else gettext_noop("Submitted"))


def _validate_review(outcome, scores, conditions):
    errors = {}
    if outcome not in Review.Outcome.values:
        errors["outcome"] = gettext("Choose: request changes, recommend, or recommend with conditions.")
    for criterion, _label in Review.CRITERIA:
        score = scores.get(criterion)
        if not isinstance(score, int) or not 1 <= score <= 5:
            errors[f"{criterion}_score"] = gettext("Give a score from 1 to 5.")
    if outcome == Review.Outcome.RECOMMENDED_WITH_CONDITIONS and not sanitize(conditions):
        errors["conditions"] = gettext("Say which conditions the recommendation comes with.")
    if errors:
        raise ValidationError(errors)


_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+")


def recommendation_items(recommendations):
    """The separate recommendations of a review: its lines, paragraphs or list items, without their numbering."""
    return [_NUMBERING.sub("", line).strip() for line in events.lines_of(sanitize(recommendations))]


@transaction.atomic
def review_plan(
    *, plan, by, outcome, scores, comments=None, recommendations="", conditions="", recommendations_section=""
):
    """The expert partner's review of the submitted version: request changes, recommend, or recommend with conditions.

    `scores` maps each criterion of Review.CRITERIA to 1–5; `comments` to a comment. Each recommendation (one
    per line or list item) joins the pairing's recommendation register, which the implementing city answers;
    `recommendations_section` optionally names the plan section (mentoring PlanSection) they concern."""
    _validate_review(outcome, scores, conditions)
    if recommendations_section and recommendations_section not in PlanSection.values:
        raise ValidationError({"recommendations_section": gettext("Choose a section of the plan.")})
    comments = comments or {}
    to = PlanState.CHANGES_REQUESTED if outcome == Review.Outcome.CHANGES_REQUESTED else PlanState.RECOMMENDED
    summary = [phrase(_("Outcome of the review: %(outcome)s."), outcome=Review.Outcome(outcome).label)]
    if outcome == Review.Outcome.RECOMMENDED_WITH_CONDITIONS:
        summary.append(
            phrase(_("Conditions: %(conditions)s"), conditions=" ".join(events.lines_of(sanitize(conditions))))
        )
    if recommendations.strip():
        summary.append(phrase(_("The expert partner's recommendations:")))
    locked = _transition(
        plan=plan,
        by=by,
        perm="actionplans.review_plan",
        moves={state: to for state in PlanState.awaiting_review()},
        refused=_("A plan that is “%(state)s” cannot be reviewed."),
        note=_in_english(Review.Outcome(outcome).label),
        announce=recipients.changes_requested if to == PlanState.CHANGES_REQUESTED else recipients.recommended,
        context={"summary": summary, "items": events.lines_of(sanitize(recommendations))},
    )
    review = Review.objects.create(
        plan=locked,
        version=locked.versions.order_by("-number").first(),
        reviewer=by,
        outcome=outcome,
        recommendations=sanitize(recommendations),
        conditions=sanitize(conditions),
        **{f"{c}_score": scores[c] for c, _label in Review.CRITERIA},
        **{f"{c}_comment": sanitize(comments.get(c, "")) for c, _label in Review.CRITERIA},
    )
    audit(
        AuditAction.PLAN_CHANGES_REQUESTED if to == PlanState.CHANGES_REQUESTED else AuditAction.PLAN_RECOMMENDED,
        actor=by,
        target=locked,
        review=review.pk,
        outcome=outcome,
        version=review.version.number if review.version else None,
        scores=scores,
    )
    items = recommendation_items(recommendations)
    if items:
        add_recommendations(
            pairing=locked.pairing,
            origin_key=f"actionplans.review:{review.pk}",
            origin_label=gettext("Review of the action plan, round %(round)s") % {"round": locked.reviews.count()},
            origin_url=f"{locked.get_absolute_url()}#review-{review.pk}",
            items=items,
            author=Recommendation.Author.EXPERT_PARTNER,
            plan_section=recommendations_section,
            by=by,
        )
    return review


SIGNED_DOCUMENT = uploads.Accepts(
    kinds=(uploads.PDF,),
    max_bytes_setting="PLAN_DOCUMENT_MAX_BYTES",
    too_large=_("The file is %(size)s MB; the limit is %(limit)s MB."),
    not_a_kind=_("The signed document must be a PDF file."),
    sizes=uploads.in_megabytes,
)


def _record_decision(*, plan, by, kind, body, decided_on, reference, document, conditions):
    errors = {}
    if not (body or "").strip():
        errors["body"] = gettext("Name the body that took the decision.")
    if not (reference or "").strip():
        errors["reference"] = gettext("Give the decision's reference number.")
    if decided_on is None:
        errors["decided_on"] = gettext("Give the date of the decision.")
    elif decided_on > timezone.localdate():
        errors["decided_on"] = gettext("The date of the decision cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    if document:
        SIGNED_DOCUMENT.check(document, field="document")
    if kind == Decision.Kind.ENDORSEMENT:
        approval = plan.decisions.filter(kind=Decision.Kind.APPROVAL).first()
        if approval and decided_on < approval.decided_on:
            raise ValidationError(
                {
                    "decided_on": gettext("The endorsement cannot be dated before the approval (%(date)s).")
                    % {"date": formats.date_format(approval.decided_on, "DATE_FORMAT")}
                }
            )
    version = _freeze(plan, by, _in_english(Decision.Kind(kind).label))
    decision = Decision(
        plan=plan,
        kind=kind,
        decided_by=by,
        body=body.strip(),
        decided_on=decided_on,
        reference=reference.strip(),
        conditions=sanitize(conditions),
        version=version,
    )
    if document:
        uploads.save(decision.document, "signed.pdf", document)
    decision.save()
    audit(
        AuditAction.PLAN_APPROVED if kind == Decision.Kind.APPROVAL else AuditAction.PLAN_ENDORSED,
        actor=by,
        target=plan,
        decision=decision.pk,
        body=decision.body,
        decided_on=decided_on,
        reference=decision.reference,
        version=version.number,
        signed_document=bool(document),
    )
    return decision


@uploads.atomic()
def record_approval(*, plan, by, body, decided_on, reference, document=None, conditions=""):
    """The city's administrative approval of a recommended plan."""
    locked = _transition(
        plan=plan,
        by=by,
        perm="actionplans.approve_plan",
        moves={PlanState.RECOMMENDED: PlanState.APPROVED},
        refused=_("A plan that is “%(state)s” cannot be approved."),
        note=f"{body}, {reference}",
        announce=recipients.approved,
        context={
            "summary": [
                phrase(
                    _("Approved by %(body)s, reference %(reference)s. The political endorsement comes next."),
                    body=body,
                    reference=reference,
                )
            ]
        },
    )
    return _record_decision(
        plan=locked,
        by=by,
        kind=Decision.Kind.APPROVAL,
        body=body,
        decided_on=decided_on,
        reference=reference,
        document=document,
        conditions=conditions,
    )


@uploads.atomic()
def record_endorsement(*, plan, by, body, decided_on, reference, document=None, conditions=""):
    """The city's political endorsement of an approved plan; the plan becomes public."""
    locked = _transition(
        plan=plan,
        by=by,
        perm="actionplans.endorse_plan",
        moves={PlanState.APPROVED: PlanState.ENDORSED},
        refused=_("A plan that is “%(state)s” cannot be endorsed."),
        note=f"{body}, {reference}",
        announce=recipients.endorsed,
        context={
            "summary": [
                phrase(
                    _("Endorsed by %(body)s, reference %(reference)s. The plan is now public."),
                    body=body,
                    reference=reference,
                )
            ]
        },
    )
    return _record_decision(
        plan=locked,
        by=by,
        kind=Decision.Kind.ENDORSEMENT,
        body=body,
        decided_on=decided_on,
        reference=reference,
        document=document,
        conditions=conditions,
    )


@transaction.atomic
def start_implementation(*, plan, by):
    return _transition(
        plan=plan,
        by=by,
        perm="actionplans.start_implementation",
        moves={PlanState.ENDORSED: PlanState.IN_IMPLEMENTATION},
        refused=_("A plan that is “%(state)s” cannot be put into implementation."),
        audit=recipients.everyone,
    )


# Implementation ------------------------------------------------------------------------------------


def _lock_for_implementation(plan_id, by):
    plan = _locked_plan(plan_id)
    _require(by, "actionplans.report_progress", plan)
    if plan.state != PlanState.IN_IMPLEMENTATION:
        raise TransitionRefused(gettext("Progress and measurements are recorded once the plan is in implementation."))
    return plan


@transaction.atomic
def report_progress(*, action, by, progress, status, note=""):
    """Record an action's progress (0–100 %) and status during implementation."""
    plan = _lock_for_implementation(action.objective.plan_id, by)
    errors = {}
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        errors["progress"] = gettext("Progress is a percentage from 0 to 100.")
    if status not in Action.Status.values:
        errors["status"] = gettext("Choose a status.")
    if errors:
        raise ValidationError(errors)
    current = Action.objects.select_for_update().get(pk=action.pk)
    current.progress, current.status = progress, status
    current.lock_version += 1
    current.save(update_fields=["progress", "status", "lock_version"])
    update = ProgressUpdate.objects.create(
        action=current, progress=progress, status=status, note=sanitize(note), reported_by=by
    )
    events.record_event(
        event="action.progress_reported",
        target=plan,
        actor=by,
        recipients=recipients.people(plan, mentor=[Role.CITY_OFFICER], expert=True),
        payload={"action": current.pk, "progress": progress},
    )
    return update


@transaction.atomic
def record_measurement(*, indicator, by, measured_on, value, note=""):
    _lock_for_implementation(indicator.objective.plan_id, by)
    if measured_on is None or measured_on > timezone.localdate():
        raise ValidationError({"measured_on": gettext("Give the date of the measurement; it cannot be in the future.")})
    if value is None:
        raise ValidationError({"value": gettext("Give the measured value.")})
    return Measurement.objects.create(
        indicator=indicator, measured_on=measured_on, value=value, note=(note or "").strip(), recorded_by=by
    )


# Comments ------------------------------------------------------------------------------------------

MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def mentionable_people(plan):
    """The people of the pairing's cities and of its expert partner."""
    return {m.user for m in memberships_of_pairings([plan.pairing])}


@transaction.atomic
def add_comment(*, plan, by, body, section=Comment.Section.GENERAL, parent=None, mentions=()):
    """A comment on a section, or a reply in a thread. @e-mail addresses of the pairing's people mention them."""
    _require(by, "actionplans.comment_on_plan", plan)
    body = sanitize(body)
    if not body:
        raise ValidationError({"body": gettext("Write a comment.")})
    if parent is not None:
        if parent.plan_id != plan.pk:
            raise ValidationError({"parent": gettext("Replies belong to a comment on the same plan.")})
        parent = parent if parent.parent_id is None else parent.parent
        section = parent.section
    if section not in Comment.Section.values:
        raise ValidationError({"section": gettext("Choose a section of the plan.")})
    people = mentionable_people(plan)
    by_email = {user.email.lower(): user for user in people}
    mentioned = {by_email[e.lower()] for e in MENTION.findall(body) if e.lower() in by_email}
    mentioned |= {user for user in mentions if user in people}
    comment = Comment.objects.create(plan=plan, section=section, parent=parent, author=by, body=body)
    comment.mentions.set(mentioned)
    if mentioned:
        events.record_event(
            event="comment.mention",
            target=plan,
            actor=by,
            announce=recipients.mentioned(mentioned),
            payload={"comment": comment.pk},
            context={
                "title": phrase(_("%(person)s mentioned you in a comment"), person=by),
                "summary": [
                    phrase(_("On “%(section)s”:"), section=Comment.Section(comment.section).label),
                    plain(body)[:500],
                ],
            },
        )
    told = set(recipients.implementing_officers(plan))
    if parent is not None and parent.author:
        told.add(parent.author)
    events.record_event(
        event="comment.added", target=plan, actor=by, recipients=told - mentioned, payload={"comment": comment.pk}
    )
    return comment


@transaction.atomic
def resolve_comment(*, comment, by):
    _require(by, "actionplans.resolve_comment", comment.plan)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.parent_id is not None:
        raise ValidationError(gettext("Resolve the thread's first comment."))
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), by
        comment.save(update_fields=["resolved_at", "resolved_by"])
        events.record_event(
            event="comment.resolved",
            target=comment.plan,
            actor=by,
            recipients=[comment.author],
            payload={"comment": comment.pk},
        )
    return comment
