"""The visits' reminders, registered with the notifications' reminder engine when the app loads."""

from datetime import timedelta

from django.utils import formats
from django.utils.translation import gettext, ngettext

from notifications import reminders

from . import recipients
from .models import Visit

COMING = (Visit.Status.PLANNED, Visit.Status.CONFIRMED)


def _day(day):
    return formats.date_format(day, "DATE_FORMAT")


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
            ngettext(
                "The %(visit)s starts on %(day)s, in %(days)s day.",
                "The %(visit)s starts on %(day)s, in %(days)s days.",
                days,
            )
            % {"visit": visit.title_in_sentence, "day": _day(visit.starts_on), "days": days},
            gettext("Last day: %(day)s.") % {"day": _day(visit.ends_on)},
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
            gettext("Your learning-needs brief for the %(visit)s is due on %(day)s.")
            % {"visit": visit.title_in_sentence, "day": _day(visit.brief_due_on)},
            gettext("Say what your city wants to learn, and submit the brief."),
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
            (
                gettext("The %(visit)s ended on %(day)s: time to write its report (due %(due)s).")
                % {"visit": visit.title_in_sentence, "day": _day(visit.ends_on), "due": _day(visit.report_due_on)}
                if visit.report_due_on
                else gettext("The %(visit)s ended on %(day)s: time to write its report.")
                % {"visit": visit.title_in_sentence, "day": _day(visit.ends_on)}
            ),
        ),
    ),
]


def register():
    for kind in KINDS:
        reminders.register(kind)
