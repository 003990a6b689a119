"""Who hears of what happens to a visit, computed from the pairing's memberships."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import Role


def people_of(visit, *, implementing=False, mentor=False, expert=False, participants=False):
    """The active officers of the pairing's cities, its scheme's expert partner and the visit's
    participants on the platform, as asked; ordered, each once."""
    pairing = visit.pairing
    query = Q(pk__in=[])
    city_ids = [pairing.implementing_city_id] * implementing + [pairing.mentor_city_id] * mentor
    if city_ids:
        query |= Q(memberships__city_id__in=city_ids, memberships__role=Role.CITY_OFFICER)
    if expert:
        query |= Q(memberships__organisation_id=pairing.scheme.facilitator_id, memberships__role=Role.EXPERT_PARTNER)
    if participants:
        query |= Q(visit_participations__visit=visit)
    return list(get_user_model().objects.filter(query, is_active=True).distinct().order_by("pk"))


def visit_announcement(visit):
    """Planned, changed or cancelled: both cities' officers, the expert partner, the participants."""
    return people_of(visit, implementing=True, mentor=True, expert=True, participants=True)


def visit_upcoming(visit):
    """A visit coming up: the people who travel or host — both cities' officers and the participants."""
    return people_of(visit, implementing=True, mentor=True, participants=True)


def brief_writers(visit):
    return people_of(visit, implementing=True)


def brief_readers(visit):
    return people_of(visit, mentor=True, expert=True)


def report_writers(visit):
    return people_of(visit, mentor=True, expert=True)


def report_readers(visit):
    """The implementing city answers the report's recommendations."""
    return people_of(visit, implementing=True)
