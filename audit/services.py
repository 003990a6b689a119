"""Writing the audit log."""

from django.contrib.contenttypes.models import ContentType

from . import context
from .models import AuditEntry


def record(action, *, actor, target=None, request=None, **details):
    """Append one entry to the audit log, in the caller's transaction: if the action rolls back, so does
    its entry. `request` (or the request being served) gives the IP address; `details` must be JSON."""
    request = request if request is not None else context.current_request()
    if actor is not None and not actor.is_authenticated:
        actor = None
    entry = AuditEntry(
        action=action,
        actor=actor,
        actor_email=actor.email if actor is not None else "",
        details={**context.current_details(), **details},
        ip_address=context.ip_address_of(request) if request is not None else None,
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target)
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:255]
    entry.save()
    return entry
