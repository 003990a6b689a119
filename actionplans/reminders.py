"""The action plans' reminders, registered with the notifications' reminder engine when the app loads."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from notifications import reminders
from notifications.models import SiteConfiguration

from . import recipients
from .events import phrase
from .models import ActionPlan, Decision, PlanState


def _format_day(day):
    return formats.date_format(day, "DATE_FORMAT")


# A date written in the reader's language when the reminder is read.
_day = lazy(_format_day, str)


def _plans():
    return ActionPlan.objects.select_related("pairing__scheme", "pairing__mentor_city", "pairing__implementing_city")


def _context(plan, *lines):
    return {"target_title": f"{plan} ({plan.pairing})", "summary": list(lines)}


def _review_days():
    return timedelta(days=SiteConfiguration.get().review_reminder_days)


review_pending = reminders.on_date(
    code="review.pending",
    event="review.pending",
    description=_("A submitted plan waits for its review longer than the days set in the notification settings"),
    queryset=lambda: _plans().filter(state__in=PlanState.awaiting_review()),
    date_field="state_changed_at",
    offset=_review_days,
    recipients=recipients.expert_partners,
    context=lambda plan: _context(plan, _waiting_since(plan)),
)


def _waiting_since(plan):
    on = _day(timezone.localdate(plan.state_changed_at))
    if plan.state == PlanState.RESUBMITTED:
        return phrase(_("The plan was resubmitted for review on %(date)s and waits for your review."), date=on)
    return phrase(_("The plan was submitted for review on %(date)s and waits for your review."), date=on)


def _checkin(months):
    """Six or twelve months after the endorsement's date, for a plan still public (endorsed or in implementation).

    The engine works on the endorsement decisions' dates; the reminder is about, and links to, the plan."""
    on_decisions = reminders.on_date(
        code=f"indicator.checkin_{months}_months",
        event="indicator.checkin_due",
        description=phrase(_("%(months)s months after a plan's political endorsement"), months=months),
        queryset=lambda: Decision.objects.filter(
            kind=Decision.Kind.ENDORSEMENT, plan__state__in=PlanState.public()
        ).select_related("plan__pairing__scheme", "plan__pairing__mentor_city", "plan__pairing__implementing_city"),
        date_field="decided_on",
        offset=relativedelta(months=months),
        recipients=lambda decision: recipients.implementing_officers(decision.plan),
        context=lambda decision: _context(
            decision.plan,
            phrase(
                _(
                    "The plan was endorsed on %(date)s, %(months)s months ago: "
                    "time to measure its indicators and record the values."
                ),
                date=_day(decision.decided_on),
                months=months,
            ),
        ),
    )

    def due(today):
        for item in on_decisions.due(today):
            yield reminders.Due(
                target=item.target.plan, due_on=item.due_on, recipients=item.recipients, context=item.context
            )

    return reminders.ReminderKind(
        code=on_decisions.code, event=on_decisions.event, description=on_decisions.description, due=due
    )


# The indicator check-ins, in months after the endorsement (also the city dashboard's to-dos).
CHECKIN_MONTHS = (6, 12)

KINDS = [review_pending, *(_checkin(months) for months in CHECKIN_MONTHS)]


def register():
    for kind in KINDS:
        reminders.register(kind)
