"""Who may see and change toolkits, good practices and self-assessments.

The same predicates scope the lists (selectors.py mirrors them as querysets)."""

import rules

from mentoring.models import Pairing, Role
from mentoring.rules import is_coordinator, works_with_city
from mentoring.selectors import scope_of

from .models import GoodPractice, Toolkit


def _scheme_city_ids(scheme_id):
    return {
        city
        for pair in Pairing.objects.filter(scheme_id=scheme_id).values_list("mentor_city_id", "implementing_city_id")
        for city in pair
    }


def officer_city_ids(user):
    scope = scope_of(user)
    return {city for city, roles in scope.roles_by_city.items() if Role.CITY_OFFICER in roles}


# Toolkits


@rules.predicate
def is_published_toolkit(user, toolkit):
    return toolkit.state == Toolkit.State.PUBLISHED


@rules.predicate
def facilitates_toolkit_scheme(user, toolkit):
    return toolkit.scheme_id is not None and toolkit.scheme.facilitator_id in scope_of(user).expert_organisation_ids


@rules.predicate
def works_in_toolkit_scheme(user, toolkit):
    """A member (any role) of one of the scheme's cities."""
    return toolkit.scheme_id is not None and bool(scope_of(user).city_ids & _scheme_city_ids(toolkit.scheme_id))


@rules.predicate
def is_scheme_city_officer(user, toolkit):
    return toolkit.scheme_id is not None and bool(officer_city_ids(user) & _scheme_city_ids(toolkit.scheme_id))


@rules.predicate
def toolkit_in_pilot(user, toolkit):
    return toolkit.state == Toolkit.State.PILOT


@rules.predicate
def toolkit_being_written(user, toolkit):
    return toolkit.state in (Toolkit.State.DRAFT, Toolkit.State.PILOT)


rules.add_perm(
    "toolkits.see_toolkit",
    is_published_toolkit | is_coordinator | facilitates_toolkit_scheme | works_in_toolkit_scheme,
)
rules.add_perm("toolkits.comment_toolkit", toolkit_in_pilot & is_scheme_city_officer)
rules.add_perm("toolkits.edit_toolkit", toolkit_being_written & (facilitates_toolkit_scheme | is_coordinator))
rules.add_perm("toolkits.start_pilot", facilitates_toolkit_scheme | is_coordinator)
rules.add_perm("toolkits.finalise_toolkit", is_coordinator)
rules.add_perm("toolkits.publish_toolkit", is_coordinator)


# Good practices


@rules.predicate
def is_published_practice(user, practice):
    return practice.state == GoodPractice.State.PUBLISHED


@rules.predicate
def is_member_of_practice_city(user, practice):
    return practice.city_id is not None and practice.city_id in scope_of(user).city_ids


@rules.predicate
def is_officer_of_practice_city(user, practice):
    return practice.city_id is not None and practice.city_id in officer_city_ids(user)


@rules.predicate
def validates_practice(user, practice):
    """The expert partner facilitating the practice's scheme."""
    return practice.scheme_id is not None and practice.scheme.facilitator_id in scope_of(user).expert_organisation_ids


@rules.predicate
def is_city_officer(user):
    return bool(officer_city_ids(user))


@rules.predicate
def is_expert(user):
    return bool(scope_of(user).expert_organisation_ids)


@rules.predicate
def practice_submitted(user, practice):
    return practice.state == GoodPractice.State.SUBMITTED


@rules.predicate
def practice_validated(user, practice):
    return practice.state == GoodPractice.State.VALIDATED


@rules.predicate
def practice_from_another_city(user, practice):
    return bool(officer_city_ids(user) - {practice.city_id})


rules.add_perm(
    "toolkits.see_practice", is_published_practice | is_coordinator | validates_practice | is_member_of_practice_city
)
rules.add_perm("toolkits.submit_practice", is_city_officer | is_coordinator)
rules.add_perm(
    "toolkits.edit_practice",
    is_coordinator | validates_practice | (practice_submitted & is_officer_of_practice_city),
)
rules.add_perm("toolkits.validate_practice", practice_submitted & (validates_practice | is_coordinator))
rules.add_perm("toolkits.publish_practice", practice_validated & (validates_practice | is_coordinator))
rules.add_perm("toolkits.review_practices", is_coordinator | is_expert | is_city_officer)
rules.add_perm("toolkits.assess_transferability", is_published_practice & practice_from_another_city)


# Charter self-assessment: the city, its partner city, the scheme's expert, coordinators.


@rules.predicate
def is_officer_of_city(user, city):
    return city.pk in officer_city_ids(user)


rules.add_perm("toolkits.see_self_assessment", is_coordinator | works_with_city)
rules.add_perm("toolkits.edit_self_assessment", is_officer_of_city)
