"""Every write of the notifications app.

Callers use `notify()` (in-app notification, plus e-mail as each person
prefers) and `queue_email()` (one e-mail that is always sent, e.g. an
invitation), inside their own transaction: the rows are written with the
change that causes them, and delivery is queued only when it commits.

Delivery guarantees (see docs/notifications.md): nothing is lost — a row stays
pending until a worker marks it sent or failed, and the sweep re-queues what
stays pending (broker down) or is abandoned while sending (worker killed); a row
marked sent is never sent again. The one unavoidable duplicate: the SMTP server
accepted a mail and the worker died before it committed "sent" — after the
sending timeout the sweep sends that one mail again.
"""

import logging
import smtplib
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext

from .events import get_event
from .models import Delivery, Notification, OutboundEmail, Preference, SiteConfiguration
from .rendering import language_of, render_email
from .selectors import group_by_target
from .signals import email_sent

logger = logging.getLogger(__name__)

# A worker gives up on one e-mail after this many attempts and marks it failed.
MAX_ATTEMPTS = 5


class TransientDeliveryError(Exception):
    """The mail could not be sent now (SMTP server unreachable, 4xx); try again later."""


def _setting(name, default):
    return getattr(settings, name, default)


def _absolute(url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url


def _url_of(target):
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if get_url else ""


# ---------------------------------------------------------------------------
# Notifying people and queueing e-mail


# Set by without_email(): notify() then writes inbox notifications only.
_inbox_only = ContextVar("notifications_inbox_only", default=False)


@contextmanager
def without_email():
    """Within this block notify() fills inboxes but writes no e-mail and nothing for a digest.

    For loading demo or imported data: the history shows up in the inbox, nobody is mailed about it."""
    token = _inbox_only.set(True)
    try:
        yield
    finally:
        _inbox_only.reset(token)


def delivery_for(user, event, preferences=None):
    """How `user` receives `event`: their preference, else the event's default."""
    spec = get_event(event)
    if spec.always_email:
        return Delivery.INSTANT
    if preferences is None:
        preferences = dict(Preference.objects.filter(user=user, event=event).values_list("user_id", "delivery"))
    return preferences.get(user.pk, spec.default_delivery)


def notify(*, recipients, event, target, actor=None, context=None, now=None):
    """Tell `recipients` that `event` happened to `target`.

    Call it inside the transaction that makes the change. Writes one inbox
    notification per person (the actor is not told of their own action) and,
    for those who want instant e-mail, one outbox row each; delivery is queued
    when the transaction commits. `context` may hold `title`, `summary` (a
    string or a list of lines), `items` (a list of strings, e.g. the
    recommendations), `url` and `target_title`; anything else (JSON-serialisable)
    is kept for the templates. Returns the notifications.

    Each person's notification and e-mail are written in their language: lazy
    strings (gettext_lazy, format_lazy) in the title, summary, items and target
    title are evaluated for each recipient. Without a title, the event's label is
    stored in English and shown in the reader's language (Notification.display_title)."""
    spec = get_event(event)
    now = now or timezone.now()
    context = dict(context or {})
    target_type = ContentType.objects.get_for_model(target)
    target_title = context.pop("target_title", None) or target
    target_url = str(context.pop("url", None) or _url_of(target))
    title = context.pop("title", None)
    summary = context.pop("summary", "")
    items = context.pop("items", None)

    people = {}
    for person in recipients:
        if person is not None and person.is_active and (actor is None or person.pk != actor.pk):
            people.setdefault(person.pk, person)
    if not people:
        return []
    preferences = dict(Preference.objects.filter(user__in=list(people), event=event).values_list("user_id", "delivery"))

    def written_for(person):
        with translation.override(language_of(person)):
            lines = summary if isinstance(summary, list | tuple) else [summary]
            return Notification(
                recipient=person,
                event=event,
                actor=actor,
                target_type=target_type,
                target_id=str(target.pk),
                target_title=str(target_title)[:300],
                target_url=target_url,
                title=str(title)[:300] if title else spec.source_label,
                summary="\n".join(str(line) for line in lines),
                context=context if items is None else {**context, "items": [str(item) for item in items]},
                delivery=Delivery.INBOX if _inbox_only.get() else delivery_for(person, event, preferences),
                created_at=now,
            )

    with transaction.atomic():
        notifications = Notification.objects.bulk_create(written_for(person) for person in people.values())
        instant = [n for n in notifications if n.delivery == Delivery.INSTANT]
        # New notifications, so new dedupe keys: one INSERT for all their e-mails.
        emails = OutboundEmail.objects.bulk_create(_notification_email(n, spec, now) for n in instant)
        for notification, email in zip(instant, emails, strict=True):
            notification.email, notification.emailed_at = email, now
            transaction.on_commit(lambda pk=email.pk: enqueue_delivery(pk))
        Notification.objects.bulk_update(instant, ["email", "emailed_at"])
    return notifications


def _notification_email(notification, spec, now):
    """The unsaved outbox row of one notification, in its recipient's language."""
    with translation.override(language_of(notification.recipient)):
        title = notification.display_title
        return _build_email(
            to=notification.recipient.email,
            recipient=notification.recipient,
            event=notification.event,
            template=spec.template,
            subject=str(spec.subject).format(title=title, target=notification.target_title),
            context=_notification_context(notification, title),
            dedupe_key=f"notification:{notification.pk}",
            target_type_id=notification.target_type_id,
            target_id=notification.target_id,
            now=now,
        )


def _notification_context(notification, title):
    return {
        "notification": notification,
        "recipient": notification.recipient,
        "title": title,
        "target_title": notification.target_title,
        "url": _absolute(notification.target_url),
        "summary_lines": [line for line in notification.summary.splitlines() if line.strip()],
        "items": notification.context.get("items", []),
        "context": notification.context,
        "actor": notification.actor,
        "preferences_url": _absolute(reverse("notifications:preferences")),
        "site_url": settings.SITE_URL,
    }


def queue_email(
    *,
    to,
    event,
    context,
    dedupe_key,
    recipient=None,
    target=None,
    template=None,
    subject=None,
    language=None,
    now=None,
):
    """Write one e-mail to the outbox and queue its delivery on commit.

    Rendered now, from the event's templates, in `language` (by default the
    recipient's; for an address without an account, the caller chooses).
    Idempotent: a second call with the same `dedupe_key` returns the first row
    and writes nothing. Use it inside the transaction that causes the mail.
    `template` and `subject` default to the event's (an event outside the
    registry, like the digest, must give both)."""
    if template is None or subject is None:
        spec = get_event(event)
        template = template or spec.template
        subject = subject if subject is not None else format_lazy(spec.subject, title=spec.label, target=target or "")
    target_type_id, target_id = (ContentType.objects.get_for_model(target).pk, str(target.pk)) if target else (None, "")
    built = _build_email(
        to=to,
        recipient=recipient,
        event=event,
        template=template,
        subject=subject,
        context=context,
        dedupe_key=dedupe_key,
        target_type_id=target_type_id,
        target_id=target_id,
        language=language,
        now=now,
    )
    return _save_once(built)


def queue_message(*, to, event, subject, body_text, body_html="", dedupe_key, recipient=None, language=None, now=None):
    """Write one e-mail rendered elsewhere (django-allauth's password reset and
    security mails) to the outbox; delivered like every other on commit."""
    return _save_once(
        OutboundEmail(
            recipient=recipient,
            to_email=to,
            subject=subject[:300],
            body_text=body_text,
            body_html=body_html,
            event=event,
            language=language or language_of(recipient),
            dedupe_key=dedupe_key,
            created_at=now or timezone.now(),
        )
    )


def _save_once(built):
    """Insert the row unless its dedupe key exists; queue its delivery on commit."""
    with transaction.atomic():
        fields = {
            f.attname: getattr(built, f.attname) for f in OutboundEmail._meta.concrete_fields if not f.primary_key
        }
        del fields["dedupe_key"]
        email, created = OutboundEmail.objects.get_or_create(dedupe_key=built.dedupe_key, defaults=fields)
        if created:
            transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


def _build_email(
    *, to, recipient, event, template, subject, context, dedupe_key, target_type_id, target_id, now, language=None
):
    """An unsaved outbox row, rendered in `language`, by default the recipient's."""
    language = language or language_of(recipient)
    subject, text, html = render_email(
        template=template, subject=subject, context={"site_url": settings.SITE_URL, **context}, language=language
    )
    return OutboundEmail(
        recipient=recipient,
        to_email=to,
        subject=subject,
        body_text=text,
        body_html=html,
        event=event,
        language=language,
        target_type_id=target_type_id,
        target_id=target_id or "",
        dedupe_key=dedupe_key,
        created_at=now or timezone.now(),
    )


# When publishing last failed (time.monotonic()); see enqueue_delivery.
_broker_failed_at = None
BROKER_BACKOFF_SECONDS = 10


def enqueue_delivery(email_id, *, force=False):
    """Hand one e-mail to the workers. Never raises: if the broker is down the
    row stays pending and the sweep queues it again later.

    After a failed publish, this process skips publishing for a few seconds
    (unless `force`, as the sweep does), so a request that writes fifty mails
    while Redis is down is not held up fifty times by the failing connection."""
    global _broker_failed_at
    from .tasks import deliver_email

    if not force and _broker_failed_at is not None:
        if time.monotonic() - _broker_failed_at < BROKER_BACKOFF_SECONDS:
            logger.warning("Broker failed recently: outbound e-mail %s is left for the sweep.", email_id)
            return False
    try:
        deliver_email.apply_async(
            (email_id,), retry=True, retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2}
        )
    except Exception:  # noqa: BLE001 - the broker may fail in any way; the outbox row is the record
        _broker_failed_at = time.monotonic()
        logger.warning("Could not queue outbound e-mail %s; the sweep will retry it.", email_id, exc_info=True)
        return False
    _broker_failed_at = None
    return True


# ---------------------------------------------------------------------------
# Delivering


def _is_permanent(error):
    """Whether retrying cannot help: the server refused the address or the message (5xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return False  # the platform's configuration, not this mail: retry after it is fixed
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return isinstance(error, ValueError | UnicodeError)


def _describe(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address} refused: {code} {message.decode(errors='replace') if isinstance(message, bytes) else message}"
            for address, (code, message) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        message = message.decode(errors="replace") if isinstance(message, bytes) else message
        return f"{error.smtp_code} {message}"
    return f"{error.__class__.__name__}: {error}"


def _message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        to=[email.to_email],
        headers={"X-CitiesGrow-Outbox": email.dedupe_key},
        connection=get_connection(),
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def deliver_email(*, email_id):
    """Send one outbox row, at most once per claim.

    1. Claim: lock the row (skipping it if another worker holds it), require
       'pending', mark it 'sending' with claimed_at, commit.
    2. Send through Django's e-mail backend, outside any transaction.
    3. Record 'sent' (or 'failed' with the reason, or back to 'pending' for a
       transient error, raising TransientDeliveryError so the task retries).

    A row that is sent, failed, or being sent by someone else is left alone,
    so running this twice is harmless. Returns the final status, or None."""
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutboundEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return None
        email.status = OutboundEmail.Status.SENDING
        email.claimed_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts"])

    try:
        _message(email).send()
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
        permanent = _is_permanent(error)
        status = (
            OutboundEmail.Status.FAILED if permanent or email.attempts >= MAX_ATTEMPTS else OutboundEmail.Status.PENDING
        )
        OutboundEmail.objects.filter(pk=email.pk, status=OutboundEmail.Status.SENDING).update(
            status=status, last_error=_describe(error)[:2000]
        )
        logger.warning("Outbound e-mail %s to %s: %s (%s)", email.pk, email.to_email, _describe(error), status)
        if status == OutboundEmail.Status.PENDING:
            raise TransientDeliveryError(_describe(error)) from error
        return status

    with transaction.atomic():
        email.sent_at = timezone.now()
        # Whatever happened meanwhile (a sweep that thought this worker dead), this
        # mail went out: record it, so nothing sends it again.
        OutboundEmail.objects.filter(pk=email.pk).exclude(status=OutboundEmail.Status.SENT).update(
            status=OutboundEmail.Status.SENT, sent_at=email.sent_at, last_error=""
        )
        email.status = OutboundEmail.Status.SENT
        email_sent.send(sender=OutboundEmail, email=email)
    return email.status


def deliver_pending_for(target):
    """Deliver the pending e-mails about one object now (for tasks queued before the outbox existed)."""
    target_type = ContentType.objects.get_for_model(target)
    for email_id in OutboundEmail.objects.filter(
        target_type=target_type, target_id=str(target.pk), status=OutboundEmail.Status.PENDING
    ).values_list("pk", flat=True):
        deliver_email(email_id=email_id)


def sweep_outbox(*, now=None, batch=500):
    """Queue again what was not delivered: rows pending for longer than
    NOTIFICATIONS_PENDING_GRACE seconds (the broker was down, the task was lost)
    and rows 'sending' for longer than NOTIFICATIONS_SENDING_TIMEOUT (the worker
    died). Returns the ids queued; stops at the first that cannot be queued."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=_setting("NOTIFICATIONS_PENDING_GRACE", 60))
    abandoned = now - timedelta(seconds=_setting("NOTIFICATIONS_SENDING_TIMEOUT", 300))
    with transaction.atomic():
        rows = list(
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(status=OutboundEmail.Status.SENDING, claimed_at__lt=abandoned)
            .values_list("pk", "attempts")[:batch]
        )
        given_up = [pk for pk, attempts in rows if attempts >= MAX_ATTEMPTS]
        retry = [pk for pk, attempts in rows if attempts < MAX_ATTEMPTS]
        OutboundEmail.objects.filter(pk__in=given_up).update(
            status=OutboundEmail.Status.FAILED, last_error="Abandoned while sending, too many attempts."
        )
        OutboundEmail.objects.filter(pk__in=retry).update(
            status=OutboundEmail.Status.PENDING,
            last_error="Abandoned while sending (worker lost?); queued again by the sweep.",
        )
    pending = list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
        .filter(Q(claimed_at__isnull=True, created_at__lt=stale) | Q(claimed_at__lt=stale))
        .exclude(pk__in=retry)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batch]
    )
    queued = []
    for email_id in retry + pending:
        if not enqueue_delivery(email_id, force=True):
            break  # the broker is down: the rest stay pending for the next sweep
        queued.append(email_id)
    if queued:
        logger.info("Outbox sweep queued %d e-mail(s) again.", len(queued))
    return queued


def resend_email(*, email):
    """Staff send a failed e-mail again: it goes back to pending and is queued on commit."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().get(pk=email.pk)
        if email.status != OutboundEmail.Status.FAILED:
            raise ValidationError(gettext("Only a failed e-mail can be sent again."))
        email.status = OutboundEmail.Status.PENDING
        email.attempts = 0
        email.claimed_at = None
        email.save(update_fields=["status", "attempts", "claimed_at"])
        transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


# ---------------------------------------------------------------------------
# The daily digest


def send_digest(*, user, now=None):
    """Write today's digest of `user` to the outbox, if there is anything new.

    One digest per person per day (its dedupe key is the date); the
    notifications it contains are marked e-mailed in the same transaction, so no
    later digest repeats them."""
    now = now or timezone.now()
    day = timezone.localtime(now).date()
    key = f"digest:{user.pk}:{day.isoformat()}"
    with transaction.atomic():
        if OutboundEmail.objects.filter(dedupe_key=key).exists():
            return None
        items = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, delivery=Delivery.DIGEST, emailed_at__isnull=True, created_at__lte=now)
            .order_by("-created_at", "-pk")
        )
        if not items:
            return None
        with translation.override(language_of(user)):
            email = _queue_digest(user=user, items=items, day=day, key=key, now=now)
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now, email=email)
    return email


def _queue_digest(*, user, items, day, key, now):
    groups = [
        {
            "title": first.target_title,
            "url": _absolute(first.target_url),
            "notifications": [
                {
                    "title": n.display_title,
                    "summary_lines": [line for line in n.summary.splitlines() if line.strip()],
                    "items": n.context.get("items", []),
                    "created_at": n.created_at,
                }
                for n in group
            ],
        }
        for first, group in group_by_target(items)
    ]
    return queue_email(
        to=user.email,
        recipient=user,
        event="digest",
        template="notifications/email/digest",
        subject=ngettext("Your daily summary: %(count)d update", "Your daily summary: %(count)d updates", len(items))
        % {"count": len(items)},
        context={
            "recipient": user,
            "groups": groups,
            "count": len(items),
            "day": day,
            "inbox_url": _absolute(reverse("notifications:inbox")),
            "preferences_url": _absolute(reverse("notifications:preferences")),
        },
        dedupe_key=key,
        now=now,
    )


def send_due_digests(*, now=None):
    """Send the digests whose hour has come (run hourly by beat). Returns how many were written."""
    now = now or timezone.now()
    if timezone.localtime(now).hour < SiteConfiguration.get().digest_hour:
        return 0
    from django.contrib.auth import get_user_model

    waiting = (
        Notification.objects.filter(delivery=Delivery.DIGEST, emailed_at__isnull=True, created_at__lte=now)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for user in get_user_model().objects.filter(pk__in=waiting, is_active=True):
        sent += send_digest(user=user, now=now) is not None
    return sent


# ---------------------------------------------------------------------------
# The inbox and preferences


def mark_read(*, user, notification, now=None):
    Notification.objects.filter(pk=notification.pk, recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


def mark_all_read(*, user, now=None):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=now or timezone.now())


def set_preferences(*, user, choices):
    """Save how `user` receives each event ({event code: delivery}); always-sent events cannot change."""
    valid = set(Delivery.values)
    with transaction.atomic():
        for event, delivery in choices.items():
            spec = get_event(event)
            if spec.always_email:
                raise ValidationError(gettext("%(event)s is always sent by e-mail.") % {"event": spec.label})
            if delivery not in valid:
                raise ValidationError(gettext("Unknown delivery %(delivery)s.") % {"delivery": repr(delivery)})
            Preference.objects.update_or_create(user=user, event=event, defaults={"delivery": delivery})
