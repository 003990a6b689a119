import pytest
from django.core.exceptions import ValidationError

from actionplans import selectors, services
from actionplans.models import PlanState, Review
from mentoring.selectors import scope_of

from .plans import SCORES, plan_in_state


def test_the_plan_waits_in_the_experts_queue_only(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    assert list(selectors.review_queue(scope_of(network["expert"]))) == [plan]
    assert not selectors.review_queue(scope_of(network["other_expert"])).exists()
    assert not selectors.review_queue(scope_of(network["officer"])).exists()


def test_expert_scores_the_plan_and_recommends_with_conditions(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    review = services.review_plan(
        plan=plan,
        by=network["expert"],
        outcome=Review.Outcome.RECOMMENDED_WITH_CONDITIONS,
        scores=SCORES,
        comments={"resources": "Staff effort <b>looks low</b><img src=x onerror=alert(1)>"},
        recommendations="Involve employers' associations.",
        conditions="Name a budget line for interpreters.",
    )
    assert plan.state == PlanState.RECOMMENDED
    assert review.version.number == 1
    assert review.resources_comment == "Staff effort <b>looks low</b>"
    assert review.average_score == 4.0
    assert review.conditions == "Name a budget line for interpreters."


@pytest.mark.parametrize(
    ("outcome", "scores", "conditions", "field"),
    [
        (Review.Outcome.RECOMMENDED_WITH_CONDITIONS, SCORES, "", "conditions"),
        (Review.Outcome.RECOMMENDED, {**SCORES, "feasibility": 6}, "", "feasibility_score"),
        (Review.Outcome.RECOMMENDED, {**SCORES, "relevance": 0}, "", "relevance_score"),
        ("maybe", SCORES, "", "outcome"),
    ],
)
def test_an_incomplete_review_is_refused(network, outcome, scores, conditions, field):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.review_plan(plan=plan, by=network["expert"], outcome=outcome, scores=scores, conditions=conditions)
    assert field in error.value.message_dict
    plan.refresh_from_db()
    assert plan.state == PlanState.SUBMITTED and not Review.objects.exists()
