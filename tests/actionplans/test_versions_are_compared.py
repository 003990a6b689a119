import datetime

from actionplans import services, versions
from actionplans.models import Action, PlanState, Review

from .plans import SCORES, plan_in_state


def test_two_versions_compared_side_by_side_show_what_changed(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    services.review_plan(plan=plan, by=network["expert"], outcome=Review.Outcome.CHANGES_REQUESTED, scores=SCORES)
    action = Action.objects.get(objective__plan=plan)
    services.update_item(
        item=action, by=network["officer"], data={"responsible_body": "Mayor's office"}, expected_version=1
    )
    services.add_item(
        plan=plan,
        by=network["officer"],
        model=Action,
        objective=action.objective,
        data={
            "title": "Mentoring scheme",
            "progress": 0,
            "responsible_body": "Employment office",
            "starts_on": datetime.date(2018, 3, 1),
            "ends_on": datetime.date(2018, 9, 1),
        },
    )
    services.update_item(item=plan, by=network["officer"], data={"charter_commitments": ["S1"]}, expected_version=1)
    services.submit_plan(plan=plan, by=network["officer"])
    first, second = plan.versions.order_by("number")

    rows = versions.compare(first.snapshot, second.snapshot)

    changes = {(left, right, change) for left, right, change in rows if change != "equal"}
    assert ("    Responsible body: Employment office", "    Responsible body: Mayor's office", "changed") in changes
    assert ("", "  Action 1.2: Mentoring scheme", "added") in changes
    assert any(change == "removed" and "E1" in left for left, _, change in changes)
    assert ("Title: " + plan.title, "Title: " + plan.title, "equal") in rows


def test_a_version_compared_with_itself_has_no_changes(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    version = plan.versions.get()
    assert {change for _, _, change in versions.compare(version.snapshot, version.snapshot)} == {"equal"}
