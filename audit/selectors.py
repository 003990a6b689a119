import datetime

from django.core.paginator import Paginator
from django.utils import timezone

from .models import AuditEntry


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def entries(*, action="", actor="", since=None, until=None):
    """The log newest first, filtered. `actor` matches part of the actor's e-mail address; `since` and
    `until` are days, both included, in the site's time zone."""
    found = AuditEntry.objects.select_related("target_type")
    if action:
        found = found.filter(action=action)
    if actor:
        found = found.filter(actor_email__icontains=actor)
    if since:
        found = found.filter(at__gte=_start_of(since))
    if until:
        found = found.filter(at__lt=_start_of(until + datetime.timedelta(days=1)))
    return found


def page_of(found, page_number, per_page=50):
    return Paginator(found, per_page).get_page(page_number)
