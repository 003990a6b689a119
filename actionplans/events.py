"""The one place action plans tell people about things.

`record_event` writes an Event row in the caller's transaction (an outbox):
if the change rolls back, so does the event. The notification capability
will deliver undelivered rows; nothing here sends anything.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from mentoring.models import Role

from .models import Event


def record_event(*, event, target, actor, recipients, payload=None):
    """Record that `event` happened to the plan `target`; the actor is never told of their own act."""
    recipients = {user for user in recipients if user is not None and user != actor}
    row = Event.objects.create(name=event, plan=target, actor=actor, payload=payload or {})
    row.recipients.set(recipients)
    return row


def people(plan, *, implementing=(), mentor=(), expert=False, coordinator=False):
    """The active people of the plan's pairing in the given roles."""
    pairing = plan.pairing
    query = Q(pk__in=[])
    if implementing:
        query |= Q(memberships__city_id=pairing.implementing_city_id, memberships__role__in=implementing)
    if mentor:
        query |= Q(memberships__city_id=pairing.mentor_city_id, memberships__role__in=mentor)
    if expert:
        query |= Q(memberships__organisation_id=pairing.scheme.facilitator_id, memberships__role=Role.EXPERT_PARTNER)
    if coordinator:
        query |= Q(memberships__role=Role.COORDINATOR)
    return list(get_user_model().objects.filter(query, is_active=True).distinct())


def everyone(plan):
    return people(plan, implementing=Role.city_roles(), mentor=[Role.CITY_OFFICER], expert=True, coordinator=True)
