"""The visits' reminders, registered with the notifications' reminder engine when the app loads."""

from datetime import timedelta

from django.utils import dateformat

from notifications import reminders

from . import recipients
from .models import Visit

COMING = (Visit.Status.PLANNED, Visit.Status.CONFIRMED)


def _day(day):
    return dateformat.format(day, "j F Y")


def _visits():
    return Visit.objects.select_related("pairing__scheme", "pairing__mentor_city", "pairing__implementing_city")


def _context(visit, *lines):
    return {"target_title": f"{visit.title} ({visit.pairing})", "summary": list(lines)}


def _upcoming(days):
    return reminders.on_date(
        code=f"visit.in_{days}_days",
        event="visit.upcoming",
        description=f"{days} days before a visit starts",
        queryset=lambda: _visits().filter(status__in=COMING),
        date_field="starts_on",
        offset=timedelta(days=-days),
        recipients=recipients.visit_upcoming,
        context=lambda visit: _context(
            visit,
            f"The {visit.title.lower()} starts on {_day(visit.starts_on)}, in {days} days.",
            f"Last day: {_day(visit.ends_on)}.",
        ),
    )


KINDS = [
    _upcoming(30),
    _upcoming(7),
    reminders.on_date(
        code="visit.brief_due",
        event="visit.brief_due",
        description="7 days before a visit's learning-needs brief is due, unless it was submitted",
        queryset=lambda: _visits().filter(status__in=COMING).exclude(brief__submitted_at__isnull=False),
        date_field="brief_due_on",
        offset=timedelta(days=-7),
        recipients=recipients.brief_writers,
        context=lambda visit: _context(
            visit,
            f"Your learning-needs brief for the {visit.title.lower()} is due on {_day(visit.brief_due_on)}.",
            "Say what your city wants to learn, and submit the brief.",
        ),
    ),
    reminders.on_date(
        code="visit.report_due",
        event="visit.report_due",
        description="3 days after a visit ended, unless its report was submitted",
        queryset=lambda: (
            _visits()
            .exclude(status__in=[Visit.Status.CANCELLED, Visit.Status.REPORTED])
            .exclude(report__submitted_at__isnull=False)
        ),
        date_field="ends_on",
        offset=timedelta(days=3),
        recipients=recipients.report_writers,
        context=lambda visit: _context(
            visit,
            f"The {visit.title.lower()} ended on {_day(visit.ends_on)}: time to write its report"
            + (f" (due {_day(visit.report_due_on)})." if visit.report_due_on else "."),
        ),
    ),
]


def register():
    for kind in KINDS:
        reminders.register(kind)
