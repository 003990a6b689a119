"""Who opens which dashboard and exports. Views check these with rules.has_perm: coordinator staff are
superusers for the admin and must get exactly what the predicates say."""

import rules

from mentoring.models import Role
from mentoring.rules import is_coordinator
from mentoring.selectors import scope_of


@rules.predicate
def is_expert_partner(user):
    return bool(scope_of(user).expert_organisation_ids)


@rules.predicate
def works_for_a_city(user):
    return bool(scope_of(user).city_ids)


@rules.predicate
def is_city_officer(user):
    scope = scope_of(user)
    return any(Role.CITY_OFFICER in roles for roles in scope.roles_by_city.values())


rules.add_perm("dashboards.see_coordinator_dashboard", is_coordinator)
rules.add_perm("dashboards.see_expert_dashboard", is_expert_partner)
rules.add_perm("dashboards.see_city_dashboard", works_for_a_city)
# Exports hold only what the person sees on the site, so every member may export.
rules.add_perm("dashboards.export", rules.is_authenticated)
