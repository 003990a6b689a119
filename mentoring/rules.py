import rules

from .selectors import scope_of


@rules.predicate
def is_coordinator(user):
    return scope_of(user).is_coordinator


@rules.predicate
def is_pairing_city_member(user, pairing):
    cities = scope_of(user).city_ids
    return pairing.mentor_city_id in cities or pairing.implementing_city_id in cities


@rules.predicate
def facilitates_pairing_scheme(user, pairing):
    return pairing.scheme.facilitator_id in scope_of(user).expert_organisation_ids


@rules.predicate
def works_with_city(user, city):
    """A member of the city, of its partner city, or of the expert partner facilitating its pairing."""
    scope = scope_of(user)
    return scope.user_id is not None and city.pk in scope.reach[0]


can_see_pairing = is_coordinator | is_pairing_city_member | facilitates_pairing_scheme

rules.add_perm("mentoring.see_network", rules.is_authenticated)
rules.add_perm("mentoring.see_pairing", can_see_pairing)
rules.add_perm("mentoring.see_city", is_coordinator | works_with_city)
rules.add_perm("mentoring.see_people", rules.is_authenticated)
