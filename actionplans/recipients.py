"""Who hears of what happens to a plan, computed from the pairing's memberships.

Each announcement returns {notification event code: people}; a person in two
groups hears only of the first (events.record_event sees to that)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from mentoring.models import Role


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
    return list(get_user_model().objects.filter(query, is_active=True).distinct().order_by("pk"))


def everyone(plan):
    return people(plan, implementing=Role.city_roles(), mentor=[Role.CITY_OFFICER], expert=True, coordinator=True)


def expert_partners(plan):
    return people(plan, expert=True)


def implementing_officers(plan):
    return people(plan, implementing=[Role.CITY_OFFICER])


# Announcements of transitions -----------------------------------------------------------------------


def submitted(plan):
    """The expert partner is asked to review; the mentor city follows along."""
    return {"review.assigned": expert_partners(plan), "plan.submitted": people(plan, mentor=[Role.CITY_OFFICER])}


def changes_requested(plan):
    return {"plan.changes_requested": implementing_officers(plan)}


def recommended(plan):
    """The administrative approver acts next."""
    return {"plan.recommended": people(plan, implementing=[Role.CITY_OFFICER, Role.ADMINISTRATIVE_APPROVER])}


def approved(plan):
    """The political approver acts next; both cities and the expert partner follow along."""
    return {
        "plan.approved": people(
            plan, implementing=[Role.CITY_OFFICER, Role.POLITICAL_APPROVER], mentor=[Role.CITY_OFFICER], expert=True
        )
    }


def endorsed(plan):
    return {
        "plan.endorsed": people(
            plan, implementing=[Role.CITY_OFFICER], mentor=[Role.CITY_OFFICER], expert=True, coordinator=True
        )
    }


def mentioned(people_mentioned):
    return {"comment.mention": list(people_mentioned)}
