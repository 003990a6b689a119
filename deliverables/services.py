"""Writes of the deliverables app: requesting a rendering, rendering, recording the outcome.

`request_render` is the one entry point other apps call. The Deliverable row
is the state of record; the Celery task only carries its id, so a lost or
repeated message changes nothing that the row does not say."""

import hashlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from notifications.rendering import language_of
from notifications.services import notify

from . import registry
from .models import Deliverable
from .rendering import RenderError, html_to_pdf, render_html

logger = logging.getLogger(__name__)
Status = Deliverable.Status


def _queue(deliverable_id):
    from .tasks import render_deliverable  # the task module imports this one

    transaction.on_commit(lambda: render_deliverable.delay(deliverable_id))


def request_render(*, subject, kind, by=None, language="en", force=False):
    """Ask for the PDF of a subject; returns its Deliverable at once, the rendering follows in a worker.

    Atomic and safe to repeat: a deliverable already queued or rendering is left
    to its worker, and one that is ready from the subject's current version is
    not rendered again (unless `force`). Permission is the caller's to check
    (the kind's `permission` on the subject)."""
    kind = registry.get_kind(kind)
    version = registry.snapshot(kind, subject, language).version
    content_type = ContentType.objects.get_for_model(subject)
    with transaction.atomic():
        deliverable, created = Deliverable.objects.select_for_update().get_or_create(
            kind=kind.slug, content_type=content_type, object_id=subject.pk, language=language
        )
        if not created:
            if deliverable.is_pending:
                return deliverable
            if (
                deliverable.status == Status.READY
                and deliverable.source_version == version
                and not force
                and deliverable.file.storage.exists(deliverable.file.name)
            ):
                return deliverable
        deliverable.status = Status.QUEUED
        deliverable.requested_version = version
        deliverable.requested_by = by if by is not None and by.is_authenticated else None
        deliverable.requested_at = timezone.now()
        deliverable.error = ""
        deliverable.attempts = 0
        deliverable.save()
        _queue(deliverable.pk)
    deliverable.was_queued = True
    return deliverable


def render_all(*, programme, by=None):
    """Request every deliverable of a programme; the unchanged ones stay as they are. Returns how many were queued."""
    queued = 0
    for kind in registry.kinds():
        for subject in kind.subjects_of_programme(programme):
            deliverable = request_render(subject=subject, kind=kind.slug, by=by)
            queued += getattr(deliverable, "was_queued", False)
    return queued


def _start(deliverable_id):
    """Mark the row as rendering; None when there is nothing to do (done already, failed, gone)."""
    with transaction.atomic():
        deliverable = Deliverable.objects.select_for_update().filter(pk=deliverable_id).first()
        if deliverable is None or deliverable.status in (Status.READY, Status.FAILED):
            return None  # a repeated message: the row says the work is done
        if deliverable.attempts >= settings.DELIVERABLES_MAX_ATTEMPTS:
            _fail(
                deliverable,
                gettext("The rendering was interrupted %(count)d times; try again later.")
                % {"count": deliverable.attempts},
            )
            return None
        deliverable.status = Status.RENDERING
        deliverable.attempts += 1
        deliverable.started_at = timezone.now()
        deliverable.save(update_fields=["status", "attempts", "started_at", "updated_at"])
        return deliverable


def _fail(deliverable, reason):
    deliverable.status = Status.FAILED
    deliverable.error = reason[:2000]
    deliverable.save(update_fields=["status", "error", "updated_at"])
    logger.warning("Deliverable %s failed: %s", deliverable.pk, reason)
    _tell_requester(deliverable, "deliverable.failed", reason=deliverable.error)


def _tell_requester(deliverable, event, reason=""):
    """The person who asked for the PDF hears that it is ready, or why it failed (in the same transaction),
    in their language."""
    if deliverable.requested_by_id is None:
        return
    kind = registry.get_kind(deliverable.kind)
    try:
        subject = kind.get_subject(deliverable.object_id)
    except ObjectDoesNotExist:
        return
    with translation.override(language_of(deliverable.requested_by)):
        title = kind.title(subject)
        if event == "deliverable.ready":
            heading = gettext("%(kind)s ready: %(title)s") % {"kind": kind.label, "title": title}
        else:
            heading = gettext("%(kind)s failed: %(title)s") % {"kind": kind.label, "title": title}
        notify(
            recipients=[deliverable.requested_by],
            event=event,
            target=deliverable,
            context={
                "title": heading,
                "summary": reason or gettext("The PDF is ready to download."),
                "url": kind.subject_url(subject),
                "target_title": title,
            },
        )


def record_failure(*, deliverable_id, reason):
    """Mark a deliverable that is still on its way as failed (the task gave up)."""
    with transaction.atomic():
        deliverable = Deliverable.objects.select_for_update().filter(pk=deliverable_id).first()
        if deliverable is not None and deliverable.is_pending:
            _fail(deliverable, reason)


def render_deliverable(*, deliverable_id, final_attempt=True):
    """Render a deliverable and store its PDF; returns its id when it is ready. Idempotent: a repeated call for a ready
    deliverable does nothing, and a rendering overwrites the one file of the deliverable.

    Errors in the template or the document (an image that does not load) mark it
    failed with the reason; an OSError (disk, storage) is raised to be retried,
    unless this is the final attempt."""
    deliverable = _start(deliverable_id)
    if deliverable is None:
        return None
    started = time.monotonic()
    try:
        kind = registry.get_kind(deliverable.kind)
        try:
            subject = kind.get_subject(deliverable.object_id)
        except ObjectDoesNotExist:
            raise RenderError(gettext("Its subject no longer exists.")) from None
        snapshot = registry.snapshot(kind, subject, deliverable.language)
        if settings.DELIVERABLES_RENDER_DELAY:
            time.sleep(settings.DELIVERABLES_RENDER_DELAY)
        html = render_html(snapshot)
        pdf, pages = html_to_pdf(html)
        # The name is fixed per deliverable and the storage overwrites: never a second file.
        deliverable.file.save("deliverable.pdf", ContentFile(pdf), save=False)
    except OSError as error:
        if not final_attempt:
            raise
        record_failure(
            deliverable_id=deliverable.pk,
            reason=gettext("The file could not be written: %(error)s") % {"error": error},
        )
        return None
    except Exception as error:  # noqa: BLE001 - any error of a template or of WeasyPrint is the rendering's failure
        reason = str(error) if isinstance(error, RenderError) else f"{type(error).__name__}: {error}"
        record_failure(deliverable_id=deliverable.pk, reason=reason)
        return None
    with transaction.atomic():
        Deliverable.objects.filter(pk=deliverable.pk).update(
            status=Status.READY,
            file=deliverable.file.name,
            size=len(pdf),
            page_count=pages,
            checksum=hashlib.sha256(pdf).hexdigest(),
            source_version=snapshot.version,
            error="",
            rendered_at=timezone.now(),
            render_seconds=round(time.monotonic() - started, 3),
            updated_at=timezone.now(),
        )
        _tell_requester(deliverable, "deliverable.ready")
    return deliverable.pk


def requeue_stale(*, now=None):
    """Queue again what a dead worker or a lost message left behind: renderings started, and
    requests queued, longer ago than the hard time limit. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.DELIVERABLES_HARD_TIME_LIMIT)
    stale = list(
        Deliverable.objects.filter(status=Status.RENDERING, started_at__lt=cutoff).values_list("pk", flat=True)
    ) + list(Deliverable.objects.filter(status=Status.QUEUED, requested_at__lt=cutoff).values_list("pk", flat=True))
    with transaction.atomic():
        for pk in stale:
            _queue(pk)
    return len(stale)
