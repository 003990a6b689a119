import datetime

import pytest
from django.core.exceptions import ValidationError

from actionplans import selectors, services
from actionplans.models import Action, Objective, PlanState, ProgressUpdate

from .plans import plan_in_state


def test_objective_progress_rolls_up_from_actions_and_plan_progress_from_objectives(network):
    plan = plan_in_state(network, PlanState.IN_IMPLEMENTATION)
    first = plan.objectives.get()
    second = Objective.objects.create(plan=plan, title="Second")
    a1 = first.actions.get()
    a2 = Action.objects.create(objective=first, title="Second action")
    Action.objects.create(objective=first, title="Dropped", status=Action.Status.CANCELLED, progress=0)
    b1 = Action.objects.create(objective=second, title="Third action")
    Objective.objects.create(plan=plan, title="No actions yet")
    officer = network["officer"]

    services.report_progress(action=a1, by=officer, progress=100, status=Action.Status.DONE)
    services.report_progress(action=a2, by=officer, progress=50, status=Action.Status.IN_PROGRESS, note="Half")
    services.report_progress(action=b1, by=officer, progress=20, status=Action.Status.IN_PROGRESS)

    page = selectors.plan_for_page(plan.pk)
    progress = {o.title: selectors.objective_progress(o) for o in page.objectives.all()}
    assert progress == {"Objective 1": 75, "Second": 20, "No actions yet": None}
    assert selectors.plan_progress(page) == 48  # (75 + 20) / 2, objectives without actions left out
    assert ProgressUpdate.objects.count() == 3


def test_a_plan_without_actions_has_no_progress(network):
    plan = services.start_plan(pairing=network.pairing, by=network["officer"])
    assert selectors.plan_progress(selectors.plan_for_page(plan.pk)) is None


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_outside_0_to_100_is_refused(network, progress):
    plan = plan_in_state(network, PlanState.IN_IMPLEMENTATION)
    action = Action.objects.get(objective__plan=plan)
    with pytest.raises(ValidationError) as error:
        services.report_progress(action=action, by=network["officer"], progress=progress, status="in_progress")
    assert "progress" in error.value.message_dict
    action.refresh_from_db()
    assert action.progress == 0


def test_indicators_get_measurements_over_time(network):
    plan = plan_in_state(network, PlanState.IN_IMPLEMENTATION)
    indicator = plan.objectives.get().indicators.get()
    services.record_measurement(
        indicator=indicator, by=network["officer"], measured_on=datetime.date(2018, 6, 30), value=20
    )
    services.record_measurement(
        indicator=indicator, by=network["officer"], measured_on=datetime.date(2018, 3, 31), value=5
    )
    assert list(indicator.measurements.values_list("value", flat=True)) == [5, 20]
    with pytest.raises(ValidationError):
        services.record_measurement(
            indicator=indicator,
            by=network["officer"],
            measured_on=datetime.date.today() + datetime.timedelta(1),
            value=1,
        )


@pytest.mark.parametrize("state", [PlanState.DRAFT, PlanState.ENDORSED])
def test_progress_is_reported_only_in_implementation(network, state):
    plan = plan_in_state(network, state)
    action = Action.objects.get(objective__plan=plan)
    with pytest.raises(services.TransitionRefused):
        services.report_progress(action=action, by=network["officer"], progress=10, status="in_progress")


def test_only_the_implementing_city_reports_progress(network):
    plan = plan_in_state(network, PlanState.IN_IMPLEMENTATION)
    action = Action.objects.get(objective__plan=plan)
    with pytest.raises(services.NotAllowed):
        services.report_progress(action=action, by=network["expert"], progress=10, status="in_progress")
