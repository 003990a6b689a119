"""Issue 4: the expert partner's review recommendations join the pairing's recommendation register,
where the implementing city answers them like a visit report's and the uptake rate counts them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from actionplans import services
from actionplans.models import PlanState, Review
from mentoring import selectors
from mentoring import services as mentoring_services
from mentoring.models import Recommendation
from tests.factories import RecommendationFactory, VisitFactory, VisitReportFactory

from .plans import SCORES, plan_in_state


def _review(network, plan, recommendations, **extra):
    return services.review_plan(
        plan=plan,
        by=network["expert"],
        outcome=Review.Outcome.CHANGES_REQUESTED,
        scores=SCORES,
        recommendations=recommendations,
        **extra,
    )


def test_each_line_of_the_review_becomes_a_numbered_register_entry(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    review = _review(
        network,
        plan,
        "1. Involve employers' associations.\n2) Name a budget line for interpreters.\n\n- Add a baseline.",
        recommendations_section="objectives",
    )

    entries = list(Recommendation.objects.filter(pairing=network.pairing).order_by("number"))
    assert [(r.number, r.text) for r in entries] == [
        (1, "Involve employers' associations."),
        (2, "Name a budget line for interpreters."),
        (3, "Add a baseline."),
    ]
    first = entries[0]
    assert first.report is None
    assert first.author == Recommendation.Author.EXPERT_PARTNER
    assert first.origin_label == "Review of the action plan, round 1"
    assert first.origin_url == f"{plan.get_absolute_url()}#review-{review.pk}"
    assert first.plan_section == "objectives"
    assert list(selectors.pairing_register(network.pairing)) == entries


def test_list_items_of_a_rich_text_review_are_separate_recommendations(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "<ol><li>Involve employers.</li><li>Add a <b>baseline</b>.</li></ol>")
    assert list(Recommendation.objects.values_list("text", flat=True).order_by("number")) == [
        "Involve employers.",
        "Add a baseline.",
    ]


def test_a_review_without_recommendations_adds_nothing_to_the_register(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "  ")
    assert not Recommendation.objects.exists()


def test_the_second_round_is_labelled_as_such(network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Involve employers.")
    services.submit_plan(plan=plan, by=network["officer"])
    _review(network, plan, "Name a budget line.")
    labels = list(selectors.pairing_register(network.pairing).values_list("origin_label", "number"))
    assert labels == [("Review of the action plan, round 1", 1), ("Review of the action plan, round 2", 1)]


def test_implementing_officer_answers_a_review_recommendation_and_the_uptake_counts_it(network):
    report = VisitReportFactory(visit=VisitFactory(pairing=network.pairing), submitted_at=timezone.now())
    visit_recommendation = RecommendationFactory(report=report, number=1)
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Involve employers.\nAdd a baseline.")
    first, second = Recommendation.objects.filter(pairing=network.pairing).order_by("number")

    officer = network["officer"]
    mentoring_services.respond_to_recommendation(recommendation=first, by=officer, response="adopt", reason="Yes")
    mentoring_services.respond_to_recommendation(recommendation=second, by=officer, response="decline", reason="No")
    mentoring_services.record_follow_up(recommendation=first, by=officer, follow_up="done")

    register = list(selectors.pairing_register(network.pairing))
    assert set(register) == {visit_recommendation, first, second}
    uptake = selectors.uptake_of(register)
    assert (uptake.total, uptake.adopted, uptake.declined, uptake.done) == (3, 1, 1, 1)

    by_pairing = selectors.uptake_by_pairing(selectors.scope_of(officer), [network.pairing, network.other_pairing])
    assert (by_pairing[network.pairing.pk].total, by_pairing[network.pairing.pk].taken_up) == (3, 1)
    # Outside the pairing, the plan's review is not counted (nor the private report).
    outsider = selectors.uptake_by_pairing(selectors.scope_of(network["other_city_officer"]), [network.pairing])
    assert outsider[network.pairing.pk].total == 0


@pytest.mark.parametrize("who", ["mentor_officer", "expert", "coordinator", "other_city_officer"])
def test_only_the_implementing_city_answers_a_review_recommendation(network, who):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Involve employers.")
    recommendation = Recommendation.objects.get()
    with pytest.raises(Exception, match="Only the officers of"):
        mentoring_services.respond_to_recommendation(
            recommendation=recommendation, by=network[who], response="adopt", reason="Yes"
        )


def test_officer_answers_on_the_answer_page_and_returns_to_the_review(client, network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    review = _review(network, plan, "Involve employers.")
    recommendation = Recommendation.objects.get()
    client.force_login(network["officer"])
    url = reverse("mentoring:recommendation_respond", args=[recommendation.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Review of the action plan, round 1" in page.content.decode()

    response = client.post(url, {"response": "adapt", "response_reason": "A smaller pilot"})
    assert response.status_code == 302 and response.url.endswith(f"#review-{review.pk}")
    recommendation.refresh_from_db()
    assert recommendation.response == "adapt"


@pytest.mark.parametrize(("who", "status"), [("other_city_officer", 404), ("mentor_officer", 403)])
def test_others_cannot_open_the_answer_page_of_a_review_recommendation(client, network, who, status):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Involve employers.")
    client.force_login(network[who])
    url = reverse("mentoring:recommendation_respond", args=[Recommendation.objects.get().pk])
    assert client.get(url).status_code == status


def test_the_register_shows_where_each_recommendation_comes_from(client, network):
    visit = VisitFactory(pairing=network.pairing)
    RecommendationFactory(report=VisitReportFactory(visit=visit, submitted_at=timezone.now()), number=1)
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Involve employers.")
    client.force_login(network["officer"])
    page = client.get(network.pairing.get_absolute_url()).content.decode()
    assert f'Visit report of the <a href="{visit.report.get_absolute_url()}">{visit.title_in_sentence}</a>' in page
    assert "23 Oct 2017" in page
    assert "Review of the action plan, round 1" in page and "Involve employers." in page


def test_the_plan_lists_the_recommendations_concerning_each_section(client, network):
    report = VisitReportFactory(visit=VisitFactory(pairing=network.pairing), submitted_at=timezone.now())
    RecommendationFactory(report=report, number=1, text="Map the risks with employers.", plan_section="risks")
    plan = plan_in_state(network, PlanState.SUBMITTED)
    _review(network, plan, "Add a baseline to each indicator.", recommendations_section="objectives")
    client.force_login(network["mentor_officer"])
    page = client.get(plan.get_absolute_url()).content.decode()
    assert page.count('<h3 class="h6">Recommendations concerning this section</h3>') == 2
    objectives, risks = page.index('id="objectives-title"'), page.index('id="risks-title"')
    assert objectives < page.index("Add a baseline to each indicator.") < risks
    assert risks < page.index("Map the risks with employers.")


def test_expert_enters_recommendations_one_per_line_in_the_review_form(client, network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["expert"])
    data = {f"{c}_score": str(s) for c, s in SCORES.items()}
    data.update(outcome="changes_requested", recommendations="Involve employers.\nAdd a baseline.")
    data["recommendations_section"] = "stakeholders"
    response = client.post(reverse("actionplans:review", args=[plan.pk]), data)
    assert response.status_code == 302
    assert list(Recommendation.objects.values_list("number", "plan_section").order_by("number")) == [
        (1, "stakeholders"),
        (2, "stakeholders"),
    ]


def test_adding_an_origins_recommendations_twice_adds_them_once(network):
    arguments = {
        "pairing": network.pairing,
        "origin_key": "actionplans.review:1",
        "origin_label": "Review of the action plan, round 1",
        "origin_url": "/plans/1/",
        "items": ["Involve employers."],
        "author": Recommendation.Author.EXPERT_PARTNER,
        "by": network["expert"],
    }
    mentoring_services.add_recommendations(**arguments)
    mentoring_services.add_recommendations(**arguments)
    assert Recommendation.objects.count() == 1


def test_a_recommendation_has_exactly_one_origin(network):
    report = VisitReportFactory(visit=VisitFactory(pairing=network.pairing))
    both = {"report": report, "pairing": network.pairing, "origin_key": "k", "origin_label": "l"}
    for fields in (both, {}, {"pairing": network.pairing}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Recommendation.objects.create(**{"number": 1, "author": "expert_partner", "text": "x", **fields})
