"""The programme dashboard's figures on the demo data, computed by hand from mentoring/demo_network.py and
toolkits/demo_content.py (every demo deadline is long past)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from citiesgrow.dashboard import DashboardContext, pair_rows
from mentoring.models import Pairing, Recommendation, Role, Scheme, Visit
from mentoring.selectors import network_pairings, scope_of
from tests.factories import (
    PairingFactory,
    RecommendationFactory,
    SchemeFactory,
    VisitFactory,
    VisitReportFactory,
    enable_totp,
    person,
)
from toolkits.demo import load_demo_toolkits


@pytest.fixture
def coordinator(client, demo):
    load_demo_toolkits()
    user = User.objects.get(email="coordinator@eurocities.example")
    enable_totp(user)
    client.force_login(user)
    return user


def rows_by_pair(user):
    pairings = network_pairings(Pairing.objects.first().programme)
    rows = pair_rows(pairings, DashboardContext(scope=scope_of(user), today=datetime.date(2026, 1, 1)))
    return {(r.pairing.mentor_city.slug, r.pairing.implementing_city.slug): r for r in rows}


def test_the_figures_of_each_pair_are_those_computed_by_hand(coordinator):
    rows = rows_by_pair(coordinator)

    athens = rows["munich", "athens"]
    assert (athens.values["visits_held"], athens.values["visits_planned"]) == (2, 0)
    assert (athens.values["briefs_overdue"], athens.values["reports_overdue"]) == (0, 0)
    # adopt, adapt, adopt | adopt, decline, unanswered: 4 of 6 taken up
    assert (athens.values["recommendations"], athens.values["unanswered"]) == (6, 1)
    assert athens.values["uptake"] == pytest.approx(4 / 6)
    # Athens: baseline levels sum to 15, end levels to 22, over 11 commitments
    assert athens.values["charter_change"] == pytest.approx(round(7 / 11, 2))
    assert not athens.at_risk

    dresden = rows["nantes", "dresden"]
    assert (dresden.values["visits_held"], dresden.values["reports_overdue"]) == (1, 1)
    assert dresden.values["uptake"] is None  # the report is a draft: nothing to answer yet
    assert dresden.values["charter_change"] == pytest.approx(round(6 / 11, 2))
    assert dresden.risks == ["report overdue"]

    utrecht = rows["brighton-hove", "utrecht"]
    assert utrecht.values["uptake"] == 1.0 and utrecht.values["charter_change"] == pytest.approx(round(7 / 11, 2))

    lisbon = rows["birmingham", "lisbon"]
    assert (lisbon.values["visits_held"], lisbon.values["visits_planned"]) == (0, 1)
    assert lisbon.risks == ["brief overdue", "report overdue"]
    assert lisbon.values["charter_change"] is None

    assert rows["ghent", "riga"].values["visits_held"] == 0 and not rows["ghent", "riga"].at_risk


def test_coordinator_opens_the_dashboard_and_sees_at_risk_rows_and_scheme_totals(client, coordinator):
    page = client.get("/staff/dashboard/").content.decode()

    assert page.count('class="row-at-risk"') == 2 + 2  # two pairs, and schemes A and D
    assert "67 % (4 / 6)" in page  # scheme B's uptake
    assert "<svg" in page and 'href="#pairs-table"' in page


def test_coordinator_filters_by_scheme(client, coordinator):
    page = client.get("/staff/dashboard/?scheme=d").content.decode()

    assert "Nantes → Dresden" in page and "Ghent → Riga" in page
    assert "Munich → Athens" not in page


def test_a_bad_filter_is_a_400_with_a_message(client, coordinator):
    response = client.get("/staff/dashboard/?scheme=A&sort=risk")

    assert response.status_code == 400
    assert "Unknown filter &#x27;sort&#x27;" in response.content.decode()


def add_pairing_with_work(programme, n):
    code = "ABCD"[n % 4]
    scheme = Scheme.objects.filter(programme=programme, code=code).first() or SchemeFactory(
        programme=programme, code=code
    )
    pairing = PairingFactory(scheme=scheme)
    visit = VisitFactory(pairing=pairing, status=Visit.Status.HELD)
    report = VisitReportFactory(visit=visit, submitted_at="2018-01-01T10:00:00Z")
    RecommendationFactory(report=report, number=1, response=Recommendation.Response.ADOPT, response_reason="Yes")
    RecommendationFactory(report=report, number=2)
    VisitFactory(pairing=pairing, kind=Visit.Kind.MENTORING, host=Visit.Host.IMPLEMENTING)


def test_the_dashboard_query_count_does_not_grow_with_the_data(client, network):
    coordinator = network["coordinator"]
    enable_totp(coordinator)
    client.force_login(coordinator)
    add_pairing_with_work(network.programme, 0)

    with CaptureQueriesContext(connection) as once:
        assert client.get("/staff/dashboard/").status_code == 200
    for n in range(1, 8):
        add_pairing_with_work(network.programme, n)
    with CaptureQueriesContext(connection) as more:
        assert client.get("/staff/dashboard/").status_code == 200

    assert len(more) == len(once)


def test_expert_and_city_dashboards_keep_their_query_count(client, network):
    add_pairing_with_work(network.programme, 0)
    expert = person(Role.EXPERT_PARTNER, organisation=network.expert_org)
    officer = network["officer"]
    counts = {}
    for _ in ("once", "more"):
        for user, url in ((expert, "/dashboard/expert/"), (officer, "/dashboard/city/")):
            client.force_login(user)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.setdefault(url, []).append(len(queries))
        for _n in range(3):
            visit = VisitFactory(pairing=network.pairing)
            RecommendationFactory(report=VisitReportFactory(visit=visit, submitted_at="2018-01-01T10:00:00Z"))

    assert all(once == more for once, more in counts.values()), counts
