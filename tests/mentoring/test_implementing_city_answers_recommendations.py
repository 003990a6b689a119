import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from mentoring import selectors, services
from mentoring.models import Recommendation
from tests.factories import RecommendationFactory, VisitFactory, VisitReportFactory


@pytest.fixture
def report(network):
    return VisitReportFactory(
        visit=VisitFactory(pairing=network.pairing, status="reported"), submitted_at=timezone.now()
    )


@pytest.fixture
def recommendations(report):
    return [RecommendationFactory(report=report, number=n) for n in (1, 2, 3, 4)]


def test_implementing_officer_adopts_adapts_and_declines(network, recommendations):
    officer = network["officer"]
    first, second, third, _ = recommendations
    services.respond_to_recommendation(recommendation=first, by=officer, response="adopt", reason="Fits our plan")
    services.respond_to_recommendation(recommendation=second, by=officer, response="adapt", reason="Smaller pilot")
    services.respond_to_recommendation(recommendation=third, by=officer, response="decline", reason="No budget")

    first.refresh_from_db()
    assert first.follow_up == Recommendation.FollowUp.NOT_STARTED
    assert first.responded_by == officer

    uptake = selectors.uptake_of(Recommendation.objects.all())
    assert (uptake.total, uptake.adopted, uptake.adapted, uptake.declined, uptake.unanswered) == (4, 1, 1, 1, 1)
    assert uptake.rate == 0.5 and uptake.percent == 50


def test_follow_up_is_recorded_for_recommendations_taken_up(network, recommendations):
    officer = network["officer"]
    first, second = recommendations[:2]
    services.respond_to_recommendation(recommendation=first, by=officer, response="adopt", reason="Yes")
    services.record_follow_up(recommendation=first, by=officer, follow_up="done")
    first.refresh_from_db()
    assert first.follow_up == "done"

    services.respond_to_recommendation(recommendation=second, by=officer, response="decline", reason="No")
    with pytest.raises(ValidationError) as error:
        services.record_follow_up(recommendation=second, by=officer, follow_up="in_progress")
    assert "adopted or adapted" in error.value.message_dict["follow_up"][0]


@pytest.mark.parametrize("who", ["mentor_officer", "expert", "coordinator", "other_city_officer", "political_approver"])
def test_only_officers_of_the_implementing_city_answer(network, recommendations, who):
    with pytest.raises(ValidationError) as error:
        services.respond_to_recommendation(
            recommendation=recommendations[0], by=network[who], response="adopt", reason="We would"
        )
    assert "Only the officers of" in error.value.message_dict["response"][0]
    recommendations[0].refresh_from_db()
    assert recommendations[0].response == ""


def test_an_answer_needs_a_reason_and_a_known_choice(network, recommendations):
    with pytest.raises(ValidationError) as error:
        services.respond_to_recommendation(
            recommendation=recommendations[0], by=network["officer"], response="maybe", reason=" "
        )
    assert set(error.value.message_dict) == {"response", "response_reason"}


def test_recommendations_of_a_draft_report_cannot_be_answered(network):
    draft = RecommendationFactory(report=VisitReportFactory(visit=VisitFactory(pairing=network.pairing)))
    with pytest.raises(ValidationError) as error:
        services.respond_to_recommendation(recommendation=draft, by=network["officer"], response="adopt", reason="Yes")
    assert "still a draft" in error.value.message_dict["response"][0]


def test_scheme_uptake_counts_only_reports_the_person_may_read(network, recommendations):
    officer = network["officer"]
    services.respond_to_recommendation(recommendation=recommendations[0], by=officer, response="adopt", reason="Yes")
    pairings = [network.pairing, network.other_pairing]

    own = selectors.uptake_by_pairing(selectors.scope_of(officer), pairings)
    assert own[network.pairing.pk].total == 4 and own[network.pairing.pk].taken_up == 1

    outsider = selectors.uptake_by_pairing(selectors.scope_of(network["other_city_officer"]), pairings)
    assert outsider[network.pairing.pk].total == 0

    report = recommendations[0].report
    report.is_public = True
    report.save()
    outsider = selectors.uptake_by_pairing(selectors.scope_of(network["other_city_officer"]), pairings)
    assert outsider[network.pairing.pk].percent == 25


def test_the_register_names_each_recommendations_charter_commitment_and_links_to_it(client, network, report):
    RecommendationFactory(report=report, number=1, charter_commitment="S2")
    RecommendationFactory(report=report, number=2, charter_commitment="")
    client.force_login(network["officer"])
    link = f"""<a href="{reverse("toolkits:charter")}#S2">S2 · Services that understand migrants' needs</a>"""

    for url in (network.pairing.get_absolute_url(), reverse("mentoring:visit_report", args=[report.visit_id])):
        response = client.get(url)
        assertContains(response, f"<td>{link}</td>", count=1, html=True)
        assertContains(response, "<td>—</td>", html=True)
