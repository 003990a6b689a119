"""The reminder engine: a registry of reminder kinds that celery beat runs hourly.

Each kind says which objects are due for a reminder on a given day, and to whom.
Apps register their kinds when they load (in their AppConfig.ready()), e.g.
mentoring's visits:

    from notifications import reminders

    reminders.register(reminders.on_date(
        code="visit.in_30_days", event="visit.upcoming",
        description="30 days before a visit starts",
        queryset=lambda: Visit.objects.filter(status="planned"),
        date_field="starts_on", offset=timedelta(days=-30),
        recipients=lambda visit: visit.people(),
        context=lambda visit: {"summary": f"{visit} starts on {visit.starts_on:%-d %B %Y}."},
    ))

A reminder is sent once per kind, target, due date and person: the Reminder log
has a unique constraint on exactly that, written in the same transaction as the
notification. If the due date moves (a visit is rescheduled) the new date is
reminded again.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone, translation

from .events import get_event
from .models import Reminder
from .rendering import language_of
from .services import notify


@dataclass(frozen=True)
class Due:
    """One object due for a reminder: the date it is about, who to tell, what to say."""

    target: Any
    due_on: date
    recipients: Iterable
    # The notification's context, or a callable that writes it: called once per recipient, in their
    # language, so each person reads the reminder's sentences in their own.
    context: dict | Callable[[], dict] = field(default_factory=dict)

    def context_for(self, person):
        if not callable(self.context):
            return self.context
        with translation.override(language_of(person)):
            return self.context()


@dataclass(frozen=True)
class ReminderKind:
    code: str
    event: str
    description: str
    # Given today's date (Brussels time), the objects whose reminder is due.
    due: Callable[[date], Iterable[Due]]


KINDS: dict[str, ReminderKind] = {}


def register(kind):
    get_event(kind.event)  # fail at start-up, not at 3 a.m., on a typo
    KINDS[kind.code] = kind
    return kind


def unregister(code):
    KINDS.pop(code, None)


def on_date(
    *, code, event, description, queryset, date_field, offset, recipients, context=None, catch_up=timedelta(days=7)
):
    """A kind whose reminder falls at `offset` from a date of each object.

    `offset` is a timedelta (or dateutil relativedelta, or a callable returning
    one, read at each run — e.g. a number of days staff set): -30 days for "a
    visit in 30 days", +3 days for "a report 3 days after the visit ended",
    +6 months for "a check-in 6 months after endorsement". The reminder is due
    from that day on for `catch_up` (so a day without beat is caught up), and
    is sent once per object and date (`due_on` is the object's date)."""

    def due(today):
        delta = offset() if callable(offset) else offset
        # Narrow in the database (with a margin: months have unequal lengths), decide exactly here.
        margin = timedelta(days=3)
        objects = queryset()
        lookup = date_field
        if isinstance(objects.model._meta.get_field(date_field), models.DateTimeField):
            lookup = f"{date_field}__date"
        window = {f"{lookup}__gt": today - delta - catch_up - margin, f"{lookup}__lte": today - delta + margin}
        for obj in objects.filter(**window):
            day = getattr(obj, date_field)
            if isinstance(day, datetime):
                day = timezone.localdate(day)
            remind_on = day + delta
            if remind_on <= today < remind_on + catch_up:
                yield Due(
                    target=obj,
                    due_on=day,
                    recipients=list(recipients(obj)),
                    context=(lambda obj=obj: dict(context(obj))) if context else {},
                )

    return ReminderKind(code=code, event=event, description=description, due=due)


def send_due_reminders(*, now=None, kinds=None):
    """Send every reminder that is due and was not sent yet. Returns how many were sent.

    Safe to run as often as wanted and concurrently: each (kind, target, due
    date, person) is logged once, in the transaction that notifies them."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for kind in kinds or list(KINDS.values()):
        for item in kind.due(today):
            target_type = ContentType.objects.get_for_model(item.target)
            for person in item.recipients:
                with transaction.atomic():
                    _, created = Reminder.objects.get_or_create(
                        kind=kind.code,
                        target_type=target_type,
                        target_id=str(item.target.pk),
                        due_on=item.due_on,
                        recipient=person,
                        defaults={"sent_at": now},
                    )
                    if created:
                        context = item.context_for(person)
                        notify(recipients=[person], event=kind.event, target=item.target, context=context, now=now)
                        sent += 1
    return sent
