"""Who may do what with an action plan. Services check the state; these check the person."""

import rules

from mentoring.models import Role
from mentoring.rules import can_see_pairing, is_coordinator
from mentoring.selectors import scope_of


def _has_implementing_role(user, plan, role):
    return scope_of(user).has_city_role(plan.pairing.implementing_city_id, role)


@rules.predicate
def is_implementing_officer(user, plan):
    return _has_implementing_role(user, plan, Role.CITY_OFFICER)


@rules.predicate
def is_administrative_approver(user, plan):
    return _has_implementing_role(user, plan, Role.ADMINISTRATIVE_APPROVER)


@rules.predicate
def is_political_approver(user, plan):
    return _has_implementing_role(user, plan, Role.POLITICAL_APPROVER)


@rules.predicate
def is_scheme_expert(user, plan):
    return plan.pairing.scheme.facilitator_id in scope_of(user).expert_organisation_ids


@rules.predicate
def works_on_plan(user, plan):
    """The pairing's cities, its scheme's expert partner and EUROCITIES."""
    return can_see_pairing(user, plan.pairing)


@rules.predicate
def plan_is_public(user, plan):
    return plan.is_public


@rules.predicate
def is_implementing_officer_of_pairing(user, pairing):
    return scope_of(user).has_city_role(pairing.implementing_city_id, Role.CITY_OFFICER)


rules.add_perm("actionplans.see_plan", plan_is_public | works_on_plan)
rules.add_perm("actionplans.see_plan_workspace", works_on_plan)
rules.add_perm("actionplans.start_plan", is_implementing_officer_of_pairing)
rules.add_perm("actionplans.edit_plan", is_implementing_officer)
rules.add_perm("actionplans.submit_plan", is_implementing_officer)
rules.add_perm("actionplans.comment_on_plan", works_on_plan)
rules.add_perm("actionplans.resolve_comment", is_implementing_officer)
rules.add_perm("actionplans.review_plan", is_scheme_expert)
rules.add_perm("actionplans.approve_plan", is_administrative_approver)
rules.add_perm("actionplans.endorse_plan", is_political_approver)
rules.add_perm("actionplans.start_implementation", is_implementing_officer)
rules.add_perm("actionplans.report_progress", is_implementing_officer)
rules.add_perm("actionplans.see_review_queue", rules.is_authenticated)
rules.add_perm("actionplans.see_plan_overview", is_coordinator)
