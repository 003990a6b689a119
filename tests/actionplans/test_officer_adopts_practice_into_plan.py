"""Issue 7 (transferability): an implementing city adopts another city's good practice into its plan."""

import pytest
from django.urls import reverse

from actionplans import services
from actionplans.models import Action, PlanState
from tests.factories import GoodPracticeFactory
from toolkits.models import GoodPractice

from .plans import assessment_of, plan_in_state


def test_adopting_a_practice_adds_a_draft_action_linked_to_it(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    assessment = assessment_of(network)
    practice = assessment.practice

    action = services.adopt_practice_into_plan(assessment=assessment, plan=plan, by=network["officer"])

    assert action.adopted_from == practice
    assert action.objective.plan == plan
    assert action.objective.title == services.ADOPTED_PRACTICES_OBJECTIVE
    assert action.title == "Adapt “Job mentoring by volunteers”"
    assert f'href="{practice.get_absolute_url()}"' in action.description
    assert "Gothenburg" in action.description and "financial" in action.description
    assert action.status == Action.Status.PLANNED


def test_adopting_the_same_practice_twice_keeps_one_action(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    assessment = assessment_of(network)
    first = services.adopt_practice_into_plan(assessment=assessment, plan=plan, by=network["officer"])
    second = services.adopt_practice_into_plan(assessment=assessment, plan=plan, by=network["officer"])
    assert first == second
    assert Action.objects.filter(adopted_from=assessment.practice).count() == 1


def test_a_second_practice_joins_the_same_objective(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    first = services.adopt_practice_into_plan(assessment=assessment_of(network), plan=plan, by=network["officer"])
    second = services.adopt_practice_into_plan(
        assessment=assessment_of(network, GoodPracticeFactory()), plan=plan, by=network["officer"]
    )
    assert first.objective == second.objective and second.position == first.position + 1


@pytest.mark.parametrize("state", [PlanState.SUBMITTED, PlanState.RECOMMENDED])
def test_a_plan_that_is_not_editable_refuses_the_practice(network, state):
    plan = plan_in_state(network, state)
    with pytest.raises(services.NotEditable):
        services.adopt_practice_into_plan(assessment=assessment_of(network), plan=plan, by=network["officer"])
    assert not Action.objects.filter(adopted_from__isnull=False).exists()


@pytest.mark.parametrize("who", ["mentor_officer", "expert", "coordinator", "administrative_approver"])
def test_only_implementing_officers_adopt(network, who):
    plan = plan_in_state(network, PlanState.DRAFT)
    with pytest.raises(services.NotAllowed):
        services.adopt_practice_into_plan(assessment=assessment_of(network), plan=plan, by=network[who])


def test_an_unpublished_practice_is_not_adopted(network):
    plan = plan_in_state(network, PlanState.DRAFT)
    practice = GoodPracticeFactory(state=GoodPractice.State.VALIDATED, published_at=None)
    with pytest.raises(services.PlanError):
        services.adopt_practice_into_plan(assessment=assessment_of(network, practice), plan=plan, by=network["officer"])


def test_officer_adopts_from_the_practice_page_and_both_pages_show_the_link(client, network):
    plan = plan_in_state(network, PlanState.DRAFT)
    assessment = assessment_of(network)
    practice = assessment.practice
    client.force_login(network["officer"])
    page = client.get(practice.get_absolute_url()).content.decode()
    assert f"Adopt it into {network.implementing_city}'s action plan" in page

    response = client.post(reverse("actionplans:adopt_practice", args=[assessment.pk]))
    action = Action.objects.get(adopted_from=practice)
    assert response.status_code == 302 and response.url == f"{plan.get_absolute_url()}#action-{action.pk}"

    plan_page = client.get(plan.get_absolute_url()).content.decode()
    assert f'Adopted from <a href="{practice.get_absolute_url()}">{practice.title}</a>' in plan_page
    practice_page = client.get(practice.get_absolute_url()).content.decode()
    assert (
        f'Adopted by <a href="{plan.get_absolute_url()}">{network.implementing_city}\'s action plan</a>'
        in practice_page
    )


def test_a_submitted_plan_is_not_changed_and_the_officer_is_told_why(client, network):
    plan_in_state(network, PlanState.SUBMITTED)
    assessment = assessment_of(network)
    client.force_login(network["officer"])
    response = client.post(reverse("actionplans:adopt_practice", args=[assessment.pk]), follow=True)
    assert "a submitted version cannot be edited" in response.content.decode()
    assert not Action.objects.filter(adopted_from__isnull=False).exists()


def test_the_practice_page_hides_a_draft_plans_adoption_from_outsiders(client, network):
    plan = plan_in_state(network, PlanState.DRAFT)
    assessment = assessment_of(network)
    services.adopt_practice_into_plan(assessment=assessment, plan=plan, by=network["officer"])
    client.force_login(network["other_city_officer"])
    page = client.get(assessment.practice.get_absolute_url()).content.decode()
    assert "Adopted by" not in page
    client.force_login(network["mentor_officer"])
    page = client.get(assessment.practice.get_absolute_url()).content.decode()
    assert "Adopted by" in page
    assert "Adopt it into" not in page


def test_without_a_plan_the_officer_is_asked_to_start_it(client, network):
    assessment = assessment_of(network)
    client.force_login(network["officer"])
    response = client.post(reverse("actionplans:adopt_practice", args=[assessment.pk]), follow=True)
    assert "has no action plan yet" in response.content.decode()
