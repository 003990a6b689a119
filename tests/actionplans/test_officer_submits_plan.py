import pytest

from actionplans import selectors, services
from actionplans.models import Action, Indicator, Objective, PlanState, PlanVersion

from .plans import fill_plan


@pytest.fixture
def plan(network):
    return services.start_plan(pairing=network.pairing, by=network["officer"])


def test_the_completeness_check_lists_what_is_missing(network, plan):
    objective = Objective.objects.create(plan=plan, title="Jobs")
    Action.objects.create(objective=objective, title="Job fair")

    problems = selectors.completeness_problems(selectors.plan_for_page(plan.pk))

    assert "Context and challenge: say which gap the plan closes." in problems
    assert "Objective “Jobs” has no indicator." in problems
    assert "Action “Job fair” needs a responsible body (owner) and start and end dates." in problems


def test_an_incomplete_plan_is_not_submitted(network, plan):
    with pytest.raises(services.Incomplete) as incomplete:
        services.submit_plan(plan=plan, by=network["officer"])
    assert "Objectives: add at least one objective." in incomplete.value.problems
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT and not PlanVersion.objects.exists()


def test_submitting_freezes_a_version(network, plan):
    fill_plan(plan)
    version = services.submit_plan(plan=plan, by=network["officer"])

    assert plan.state == PlanState.SUBMITTED
    assert version.number == 1 and version.state == PlanState.SUBMITTED
    snap = version.snapshot
    assert snap["charter_commitments"] == ["S1", "E1"]
    assert snap["objectives"][0]["actions"][0]["responsible_body"] == "Employment office"
    assert snap["objectives"][0]["indicators"][0]["unit"] == "people"

    # The snapshot does not follow later changes of the live rows.
    Indicator.objects.update(unit="companies")
    version.refresh_from_db()
    assert version.snapshot["objectives"][0]["indicators"][0]["unit"] == "people"
