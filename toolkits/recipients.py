"""Who hears of what happens to a good practice, computed from memberships."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from mentoring.models import Role


def _active(query):
    return list(get_user_model().objects.filter(query, is_active=True).distinct().order_by("pk"))


def validators(practice):
    """The expert partner of the practice's scheme; for a practice of no scheme, EUROCITIES' coordinators."""
    if practice.scheme_id is None:
        return _active(Q(memberships__role=Role.COORDINATOR))
    return _active(
        Q(memberships__organisation_id=practice.scheme.facilitator_id, memberships__role=Role.EXPERT_PARTNER)
    )


def submitters(practice):
    """The officers of the practice's city, and whoever submitted it."""
    query = Q(pk=practice.submitted_by_id) if practice.submitted_by_id else Q(pk__in=[])
    if practice.city_id:
        query |= Q(memberships__city_id=practice.city_id, memberships__role=Role.CITY_OFFICER)
    return _active(query)
