"""Issue 7: from a gap of the city's Charter self-assessment, a draft action of its plan in one step."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans import services
from actionplans.models import Action, PlanState
from mentoring.selectors import current_programme
from toolkits import services as toolkit_services

from .plans import plan_in_state


def test_the_action_goes_into_a_new_objective_for_the_commitment_and_the_plan_gains_the_code(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    version = plan.lock_version
    action = services.add_action_for_commitment_gap(plan=plan, commitment_code="P3", by=network["officer"])

    assert action.charter_commitment == "P3"
    assert action.objective.title == "Close the gap on P3"
    assert action.title.startswith("Close the gap on P3: ")
    plan.refresh_from_db()
    assert plan.charter_commitments == ["S1", "E1", "P3"]
    assert plan.lock_version == version + 1


def test_a_second_action_on_the_same_commitment_reuses_its_objective_and_the_code_is_not_repeated(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    first = services.add_action_for_commitment_gap(plan=plan, commitment_code="S1", by=network["officer"])
    second = services.add_action_for_commitment_gap(plan=plan, commitment_code="S1", by=network["officer"])
    assert first.objective == second.objective and first != second
    plan.refresh_from_db()
    assert plan.charter_commitments == ["S1", "E1"]


def test_the_officer_may_name_an_objective_of_the_plan(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    objective = plan.objectives.first()
    action = services.add_action_for_commitment_gap(
        plan=plan, commitment_code="E2", by=network["officer"], objective=objective
    )
    assert action.objective == objective


def test_an_unknown_commitment_is_refused(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    with pytest.raises(ValidationError):
        services.add_action_for_commitment_gap(plan=plan, commitment_code="X9", by=network["officer"])
    assert not Action.objects.exclude(charter_commitment="").exists()


@pytest.mark.parametrize("state", [PlanState.SUBMITTED, PlanState.ENDORSED])
def test_a_plan_that_is_not_editable_is_left_unchanged(network, state):
    plan = plan_in_state(network, state)
    with pytest.raises(services.NotEditable):
        services.add_action_for_commitment_gap(plan=plan, commitment_code="S2", by=network["officer"])


@pytest.mark.parametrize("who", ["mentor_officer", "expert", "coordinator", "political_approver"])
def test_only_implementing_officers_add_the_action(network, who):
    plan = plan_in_state(network, PlanState.DRAFT)
    with pytest.raises(services.NotAllowed):
        services.add_action_for_commitment_gap(plan=plan, commitment_code="S2", by=network[who])


def _rate(network, level):
    toolkit_services.save_self_assessment(
        city=network.implementing_city,
        programme=current_programme(),
        moment="baseline",
        by=network["officer"],
        ratings={"S2": (level, "")},
    )


def test_officer_adds_the_action_from_the_self_assessment_page(client, network):
    plan = plan_in_state(network, PlanState.DRAFT)
    _rate(network, 2)
    client.force_login(network["officer"])
    page_url = reverse("toolkits:self_assessment", args=[network.implementing_city.slug])
    assert "Add an action to our plan" in client.get(page_url).content.decode()

    response = client.post(reverse("actionplans:add_gap_action", args=[network.implementing_city.slug, "S2"]))
    action = Action.objects.get(charter_commitment="S2")
    assert response.status_code == 302 and response.url == f"{plan.get_absolute_url()}#action-{action.pk}"
    plan_page = client.get(plan.get_absolute_url()).content.decode()
    assert "Works on the Charter commitment" in plan_page and 'href="/charter/#S2"' in plan_page


def test_the_button_is_only_for_the_citys_officers_and_gaps(client, network):
    plan_in_state(network, PlanState.DRAFT)
    _rate(network, 4)
    page_url = reverse("toolkits:self_assessment", args=[network.implementing_city.slug])
    client.force_login(network["officer"])
    assert "Add an action to our plan" not in client.get(page_url).content.decode()  # no gap left
    _rate(network, 1)
    client.force_login(network["mentor_officer"])
    response = client.get(page_url)
    assert response.status_code == 200 and "Add an action to our plan" not in response.content.decode()


def test_the_officer_is_told_why_a_submitted_plan_gets_no_action(client, network):
    plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["officer"])
    url = reverse("actionplans:add_gap_action", args=[network.implementing_city.slug, "S2"])
    response = client.post(url, follow=True)
    assert "a submitted version cannot be edited" in response.content.decode()
    assert not Action.objects.filter(charter_commitment="S2").exists()
