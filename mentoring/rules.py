import rules

from .models import Role
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


@rules.predicate
def is_pairing_city_officer(user, pairing):
    scope = scope_of(user)
    return scope.has_city_role(pairing.mentor_city_id, Role.CITY_OFFICER) or scope.has_city_role(
        pairing.implementing_city_id, Role.CITY_OFFICER
    )


can_see_pairing = is_coordinator | is_pairing_city_member | facilitates_pairing_scheme
can_plan_visit = is_coordinator | is_pairing_city_officer

rules.add_perm("mentoring.see_network", rules.is_authenticated)
rules.add_perm("mentoring.see_pairing", can_see_pairing)
rules.add_perm("mentoring.see_city", is_coordinator | works_with_city)
rules.add_perm("mentoring.see_people", rules.is_authenticated)


# Visits, briefs, reports and recommendations. The visit's views check these
# with rules.has_perm (not user.has_perm) so that coordinator staff, who are
# superusers for the admin, get exactly what the predicates say: a coordinator
# may do almost everything, but only the implementing city answers a recommendation.


@rules.predicate
def is_implementing_officer(user, visit):
    return scope_of(user).has_city_role(visit.pairing.implementing_city_id, Role.CITY_OFFICER)


@rules.predicate
def is_mentor_or_host_officer(user, visit):
    scope = scope_of(user)
    return scope.has_city_role(visit.pairing.mentor_city_id, Role.CITY_OFFICER) or scope.has_city_role(
        visit.host_city.pk, Role.CITY_OFFICER
    )


@rules.predicate
def facilitates_visit_scheme(user, visit):
    return facilitates_pairing_scheme(user, visit.pairing)


@rules.predicate
def can_see_visit(user, visit):
    return can_see_pairing(user, visit.pairing)


@rules.predicate
def can_edit_visit(user, visit):
    return can_plan_visit(user, visit.pairing)


@rules.predicate
def is_public_report(user, report):
    return user.is_authenticated and report.is_public and report.submitted_at is not None


@rules.predicate
def can_see_report_visit(user, report):
    return can_see_visit(user, report.visit)


@rules.predicate
def can_write_report_of(user, report):
    return can_write_report(user, report.visit)


@rules.predicate
def answers_for_implementing_city(user, recommendation):
    return scope_of(user).has_city_role(recommendation.register_pairing.implementing_city_id, Role.CITY_OFFICER)


@rules.predicate
def can_see_recommendation(user, recommendation):
    """A visit report's recommendation goes with its report; the others with the pairing's register."""
    if recommendation.report_id:
        return rules.has_perm("mentoring.see_report", user, recommendation.report)
    return can_see_pairing(user, recommendation.pairing)


can_write_brief = is_coordinator | is_implementing_officer
# "The host or mentor side": officers of the mentor city and of the host city, the scheme's expert partner, EUROCITIES.
can_write_report = is_coordinator | is_mentor_or_host_officer | facilitates_visit_scheme

rules.add_perm("mentoring.plan_visit", can_plan_visit)
rules.add_perm("mentoring.see_visit", can_see_visit)
rules.add_perm("mentoring.edit_visit", can_edit_visit)
rules.add_perm("mentoring.write_brief", can_write_brief)
rules.add_perm("mentoring.write_report", can_write_report)
rules.add_perm("mentoring.see_report", can_see_report_visit | is_public_report)
rules.add_perm("mentoring.edit_report", can_write_report_of)
rules.add_perm("mentoring.respond_to_recommendation", answers_for_implementing_city)
rules.add_perm("mentoring.see_recommendation", can_see_recommendation)
rules.add_perm("mentoring.reset_pairing_feed", can_plan_visit)
