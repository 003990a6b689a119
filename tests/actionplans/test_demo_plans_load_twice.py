from django.core.management import call_command

from actionplans import selectors
from actionplans.models import ActionPlan, PlanState


def test_load_demo_gives_every_pair_a_plan_at_another_stage_and_can_run_twice(db):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)

    plans = list(ActionPlan.objects.all())
    assert len(plans) == 8
    assert {plan.state for plan in plans} == set(PlanState.values)
    public = [selectors.plan_for_page(plan.pk) for plan in plans if plan.is_public]
    assert len(public) == 2 and all(selectors.plan_progress(plan) for plan in public)
