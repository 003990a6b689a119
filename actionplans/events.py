"""The one place action plans tell people about things.

`record_event` writes an Event row (the plan's audit of who was told what) and
notifies the people concerned through notifications.services.notify(), both in
the caller's transaction: if the change rolls back, so do the event, the inbox
notifications and the e-mails. Events without announcements (a plan started, a
comment added, progress reported) are recorded for the audit only.
"""

import re

from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from notifications.rendering import language_of
from notifications.services import notify

from .models import Event, PlanState
from .text import plain

_BLOCK_END = re.compile(r"</(p|li|h3|h4|blockquote)>|<br\s*/?>", re.IGNORECASE)


def record_event(*, event, target, actor, recipients=(), announce=None, payload=None, context=None):
    """Record that `event` happened to the plan `target`, and announce it.

    `announce` maps notification event codes (notifications/events.py) to the people told, in order: a
    person in two groups is told once, of the first. `recipients` are people recorded on the Event without
    being notified. The actor is never told of their own act. Must run inside the caller's transaction."""
    told, seen = {}, {getattr(actor, "pk", None)}
    for code, group in (announce or {}).items():
        fresh = [user for user in group if user is not None and user.pk not in seen]
        seen.update(user.pk for user in fresh)
        if fresh:
            told[code] = fresh
    audit = {user for user in recipients if user is not None and user != actor}
    audit.update(user for group in told.values() for user in group)
    row = Event.objects.create(
        name=event,
        plan=target,
        actor=actor,
        payload=payload or {},
        delivered_at=timezone.now() if told else None,
    )
    row.recipients.set(audit)
    message = _context(event, target, actor, context)
    for code, group in told.items():
        by_language = {}
        for user in group:
            by_language.setdefault(language_of(user), []).append(user)
        # The notification's text is written once per reader's language (phrase() is read here).
        for language, readers in by_language.items():
            with translation.override(language):
                notify(recipients=readers, event=code, target=target, actor=actor, context=message)
    return row


def _format(message, params):
    return str(message) % params if params else str(message)


_later = lazy(_format, str)


def phrase(message, **params):
    """`message` % `params`, translated only when read: a notification is written in each reader's language.

    `message` is marked with gettext_lazy; a value in `params` may be lazy too (a state's label)."""
    return _later(message, params)


TITLES = {
    "plan.submitted": _("Action plan submitted for review"),
    "plan.resubmitted": _("Action plan resubmitted for review"),
}


def _context(event, plan, actor, extra):
    context = {"target_title": f"{plan} ({plan.pairing})"}
    if event in TITLES:
        context["title"] = TITLES[event]
    summary = [phrase(_("%(state)s: %(title)s."), state=PlanState(plan.state).label, title=plan.title)]
    if actor is not None:
        summary.append(phrase(_("By %(person)s."), person=actor))
    context["summary"] = summary
    for key, value in (extra or {}).items():
        context[key] = summary + list(value) if key == "summary" else value
    return context


def lines_of(rich_text):
    """The paragraphs and list items of sanitized rich text, as plain lines (for notification items)."""
    return [line.strip() for line in plain(_BLOCK_END.sub("\n", rich_text or "")).splitlines() if line.strip()]
