"""The action plans' reminders, registered with the notifications' reminder engine when the app loads."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.utils import dateformat, timezone

from notifications import reminders
from notifications.models import SiteConfiguration

from . import recipients
from .models import ActionPlan, Decision, PlanState


def _day(day):
    return dateformat.format(day, "j F Y")


def _plans():
    return ActionPlan.objects.select_related("pairing__scheme", "pairing__mentor_city", "pairing__implementing_city")


def _context(plan, *lines):
    return {"target_title": f"{plan} ({plan.pairing})", "summary": list(lines)}


def _review_days():
    return timedelta(days=SiteConfiguration.get().review_reminder_days)


review_pending = reminders.on_date(
    code="review.pending",
    event="review.pending",
    description="A submitted plan waits for its review longer than the days set in the notification settings",
    queryset=lambda: _plans().filter(state__in=PlanState.awaiting_review()),
    date_field="state_changed_at",
    offset=_review_days,
    recipients=recipients.expert_partners,
    context=lambda plan: _context(
        plan,
        f"The plan was {plan.get_state_display().lower()} on {_day(timezone.localdate(plan.state_changed_at))}",
        "and waits for your review.",
    ),
)


def _checkin(months):
    """Six or twelve months after the endorsement's date, for a plan still public (endorsed or in implementation).

    The engine works on the endorsement decisions' dates; the reminder is about, and links to, the plan."""
    on_decisions = reminders.on_date(
        code=f"indicator.checkin_{months}_months",
        event="indicator.checkin_due",
        description=f"{months} months after a plan's political endorsement",
        queryset=lambda: Decision.objects.filter(
            kind=Decision.Kind.ENDORSEMENT, plan__state__in=PlanState.public()
        ).select_related("plan__pairing__scheme", "plan__pairing__mentor_city", "plan__pairing__implementing_city"),
        date_field="decided_on",
        offset=relativedelta(months=months),
        recipients=lambda decision: recipients.implementing_officers(decision.plan),
        context=lambda decision: _context(
            decision.plan,
            f"The plan was endorsed on {_day(decision.decided_on)}, {months} months ago: "
            "time to measure its indicators and record the values.",
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
