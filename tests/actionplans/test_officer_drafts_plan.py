import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actionplans import services
from actionplans.models import Action, ActionPlan, Indicator, Objective, PlanState, Risk

from .plans import fill_plan, plan_in_state


@pytest.fixture
def plan(network):
    return services.start_plan(pairing=network.pairing, by=network["officer"])


def test_officer_starts_the_one_plan_of_the_pairing(network, plan):
    again = services.start_plan(pairing=network.pairing, by=network["officer"])
    assert again == plan and plan.state == PlanState.DRAFT
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(pairing=network.pairing, title="A second plan")


@pytest.mark.parametrize("role", ["mentor_officer", "administrative_approver", "expert", "coordinator"])
def test_only_an_implementing_officer_starts_the_plan(network, role):
    with pytest.raises(services.NotAllowed):
        services.start_plan(pairing=network.pairing, by=network[role])
    assert not ActionPlan.objects.exists()


def test_officer_edits_a_section_and_rich_text_is_sanitized(network, plan):
    saved = services.update_item(
        item=plan,
        by=network["officer"],
        data={
            "gap": '<p onclick="x()">Skills <script>alert(1)</script><strong>gap</strong></p>',
            "charter_commitments": ["S1"],
        },
        expected_version=1,
    )
    assert saved.gap == "<p>Skills <strong>gap</strong></p>"
    assert saved.lock_version == 2


def test_a_save_from_an_outdated_version_is_refused_with_the_other_persons_values(network, plan):
    objective = services.add_item(plan=plan, by=network["officer"], model=Objective, data={"title": "Jobs"})
    services.update_item(item=objective, by=network["officer"], data={"title": "Jobs for youth"}, expected_version=1)

    with pytest.raises(services.EditConflict) as conflict:
        services.update_item(item=objective, by=network["officer"], data={"title": "Jobs!"}, expected_version=1)

    assert conflict.value.current.title == "Jobs for youth"
    objective.refresh_from_db()
    assert (objective.title, objective.lock_version) == ("Jobs for youth", 2)


def test_officer_adds_and_deletes_parts(network, plan):
    officer = network["officer"]
    objective = services.add_item(plan=plan, by=officer, model=Objective, data={"title": "Jobs"})
    action = services.add_item(
        plan=plan, by=officer, model=Action, objective=objective, data={"title": "Job fair", "progress": 0}
    )
    services.add_item(
        plan=plan, by=officer, model=Indicator, objective=objective, data={"name": "Jobs", "unit": "people"}
    )
    services.add_item(plan=plan, by=officer, model=Risk, data={"description": "Low turnout"})
    services.delete_item(item=action, by=officer, expected_version=1)
    assert not Action.objects.exists() and Indicator.objects.count() == 1 and Risk.objects.count() == 1


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Action, {"title": "A", "starts_on": datetime.date(2018, 5, 1), "ends_on": datetime.date(2018, 4, 1)}, None),
        (Action, {"title": "A", "budget_eur": -5}, "budget_eur"),
        (Action, {"title": "A", "progress": 101}, "progress"),
        (Action, {"title": "A", "staff_effort_days": -1}, "staff_effort_days"),
        (Indicator, {"name": "Jobs", "unit": ""}, "unit"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(network, plan, model, data, field):
    objective = services.add_item(plan=plan, by=network["officer"], model=Objective, data={"title": "Jobs"})
    with pytest.raises(ValidationError) as error:
        services.add_item(plan=plan, by=network["officer"], model=model, objective=objective, data=data)
    if field:
        assert field in error.value.message_dict
    assert not model.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("budget_eur", -1), ("progress", 101), ("staff_effort_days", -1)],
)
def test_the_database_refuses_what_forms_would(network, plan, field, value):
    objective = Objective.objects.create(plan=plan, title="Jobs")
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(objective=objective, title="A", **{field: value})


def test_the_database_refuses_dates_out_of_order_and_indicators_without_unit(network, plan):
    objective = Objective.objects.create(plan=plan, title="Jobs")
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(
            objective=objective, title="A", starts_on=datetime.date(2018, 5, 1), ends_on=datetime.date(2018, 4, 1)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(objective=objective, name="Jobs", unit="")


@pytest.mark.parametrize("role", ["mentor_officer", "administrative_approver", "expert", "coordinator"])
def test_nobody_but_the_implementing_city_edits(network, plan, role):
    with pytest.raises(services.NotAllowed):
        services.update_item(item=plan, by=network[role], data={"title": "Mine"}, expected_version=1)


@pytest.mark.parametrize("state", [s for s in PlanState if s not in PlanState.editable()])
def test_nobody_edits_a_submitted_version(network, state):
    plan = plan_in_state(network, state)
    objective = plan.objectives.first()
    with pytest.raises(services.NotEditable):
        services.update_item(item=objective, by=network["officer"], data={"title": "Changed"}, expected_version=1)
    with pytest.raises(services.NotEditable):
        services.add_item(plan=plan, by=network["officer"], model=Risk, data={"description": "New"})
    objective.refresh_from_db()
    assert objective.title == "Objective 1"


def test_officer_edits_again_after_changes_are_requested(network):
    plan = plan_in_state(network, PlanState.CHANGES_REQUESTED)
    objective = plan.objectives.first()
    services.update_item(item=objective, by=network["officer"], data={"title": "Sharper"}, expected_version=1)
    objective.refresh_from_db()
    assert objective.title == "Sharper"


def test_fill_plan_helper_makes_a_complete_plan(network, plan):
    from actionplans import selectors

    fill_plan(plan)
    assert selectors.completeness_problems(selectors.plan_for_page(plan.pk)) == []
