"""The action plans' columns and to-dos on the dashboards. The demo's eight plans reach their eight stages
in one go when the demo loads, so their figures are computed by hand from actionplans/demo.py: every plan
entered its state on the day it was loaded, each review round took no time, Dresden and Riga were endorsed on
20 November 2018 and only Riga measured its indicators (31 March and 30 June 2019)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from actionplans.demo import load_demo_plans
from actionplans.models import (
    ActionPlan,
    Comment,
    Decision,
    Indicator,
    Measurement,
    Objective,
    PlanState,
    PlanVersion,
    Transition,
)
from citiesgrow.dashboard import DashboardContext, pair_rows
from mentoring.models import Pairing
from mentoring.selectors import network_pairings, scope_of
from tests.citiesgrow.test_coordinator_reads_dashboard import add_pairing_with_work
from tests.factories import enable_totp


@pytest.fixture
def demo_plans(demo):
    load_demo_plans()
    return timezone.localdate()


def rows_on(day):
    coordinator = User.objects.get(email="coordinator@eurocities.example")
    pairings = network_pairings(Pairing.objects.first().programme)
    rows = pair_rows(pairings, DashboardContext(scope=scope_of(coordinator), today=day))
    return {r.pairing.implementing_city.slug: r for r in rows}


def test_the_plan_figures_of_each_pair_are_those_computed_by_hand(demo_plans):
    rows = rows_on(demo_plans + datetime.timedelta(days=40))

    states = {city: row.values["plan_state"] for city, row in rows.items()}
    assert states == {
        "athens": "Draft",
        "tampere": "Submitted for review",
        "utrecht": "Changes requested",
        "lisbon": "Resubmitted for review",
        "nicosia": "Recommended by the expert partner",
        "gdansk": "Approved by the administration",
        "dresden": "Endorsed",
        "riga": "In implementation",
    }
    assert {row.values["plan_days_in_state"] for row in rows.values()} == {40}
    # Athens has no review yet, Tampere's first one is pending; every other plan had one round, on the spot.
    assert rows["athens"].values["plan_review_latest"] is None
    assert rows["tampere"].values["plan_review_mean"] is None
    for city in ("utrecht", "lisbon", "nicosia", "gdansk", "dresden", "riga"):
        assert (rows[city].values["plan_review_latest"], rows[city].values["plan_review_mean"]) == (0.0, 0.0)
    # 40 days is more than PLAN_STUCK_DAYS (30): stuck, except the plan in implementation.
    assert "action plan stuck in its state" in rows["athens"].risks
    assert "action plan stuck in its state" not in rows["riga"].risks


def test_a_plan_is_stuck_only_after_plan_stuck_days(demo_plans, settings):
    settings.PLAN_STUCK_DAYS = 45

    rows = rows_on(demo_plans + datetime.timedelta(days=45))

    assert not any("action plan stuck in its state" in row.risks for row in rows.values())
    assert "action plan stuck in its state" in rows_on(demo_plans + datetime.timedelta(days=46))["athens"].risks


def test_review_turnaround_is_the_days_from_each_submission_to_the_experts_decision(network):
    plan = ActionPlan.objects.create(pairing=network.pairing, title="Plan", state=PlanState.RECOMMENDED)
    for from_state, to_state, day in [
        ("", PlanState.DRAFT, "2018-02-01T09:00Z"),
        (PlanState.DRAFT, PlanState.SUBMITTED, "2018-03-01T09:00Z"),
        (PlanState.SUBMITTED, PlanState.CHANGES_REQUESTED, "2018-03-11T09:00Z"),
        (PlanState.CHANGES_REQUESTED, PlanState.RESUBMITTED, "2018-03-20T09:00Z"),
        (PlanState.RESUBMITTED, PlanState.RECOMMENDED, "2018-03-24T21:00Z"),
    ]:
        Transition.objects.create(plan=plan, from_state=from_state, to_state=to_state, at=day)

    (row,) = pair_rows(
        [network.pairing], DashboardContext(scope=scope_of(network["coordinator"]), today=datetime.date(2018, 4, 3))
    )

    assert row.values["plan_review_latest"] == 4.5  # 20 March 9:00 → 24 March 21:00
    assert row.values["plan_review_mean"] == 7.2  # (10 + 4.5) / 2, rounded
    assert row.values["plan_days_in_state"] == 10  # from the last transition, 24 March
    assert not row.at_risk


def test_coordinator_sees_the_plan_columns_and_the_threshold(client, demo_plans):
    coordinator = User.objects.get(email="coordinator@eurocities.example")
    enable_totp(coordinator)
    client.force_login(coordinator)

    page = client.get("/staff/dashboard/").content.decode()
    export = client.get("/staff/dashboard/export.csv").content.decode()

    assert "Plan state" in page and "Resubmitted for review" in page and "Review turnaround (mean)" in page
    assert "for more than 30 days (setting PLAN_STUCK_DAYS" in page
    assert "Plan state,Days in state,Review turnaround (latest),Review turnaround (mean)" in export


def test_utrecht_officer_sees_the_comment_to_resolve(client, demo_plans):
    client.force_login(User.objects.get(email="officer@utrecht.example"))

    page = client.get("/dashboard/city/").content.decode()

    assert "Resolve 1 comment thread on the action plan" in page


def test_dresden_officer_sees_both_indicator_check_ins_and_riga_only_the_twelve_month_one(client, demo_plans):
    client.force_login(User.objects.get(email="officer@dresden.example"))
    dresden = client.get("/dashboard/city/export.csv").content.decode()
    client.force_login(User.objects.get(email="officer@riga.example"))
    riga = client.get("/dashboard/city/export.csv").content.decode()

    assert "6-month check-in after the endorsement,2019-05-20,yes" in dresden
    assert "12-month check-in after the endorsement,2019-11-20,yes" in dresden
    assert "6-month check-in" not in riga  # measured on 30 June 2019
    assert "12-month check-in after the endorsement,2019-11-20,yes" in riga


def test_expert_sees_the_reviews_waiting_in_their_schemes(client, demo_plans):
    client.force_login(User.objects.get(email="expert@mpg.example"))
    mpg = client.get("/dashboard/expert/").content.decode()
    client.force_login(User.objects.get(email="expert@migrationwork.example"))
    migrationwork = client.get("/dashboard/expert/").content.decode()

    assert "Review the action plan of Lisbon (resubmitted for review)" in mpg
    assert "Tampere" not in mpg
    assert "Review the action plan of Tampere (submitted for review)" in migrationwork
    client.force_login(User.objects.get(email="officer@lisbon.example"))
    assert "Review the action plan" not in client.get("/dashboard/city/").content.decode()


def add_plan(pairing, n):
    state = [PlanState.SUBMITTED, PlanState.ENDORSED, PlanState.CHANGES_REQUESTED][n % 3]
    plan = ActionPlan.objects.create(pairing=pairing, title=f"Plan {n}", state=state)
    Transition.objects.create(plan=plan, from_state="", to_state=PlanState.DRAFT, at="2018-03-01T09:00Z")
    Transition.objects.create(
        plan=plan, from_state=PlanState.DRAFT, to_state=PlanState.SUBMITTED, at="2018-04-01T09:00Z"
    )
    Transition.objects.create(plan=plan, from_state=PlanState.SUBMITTED, to_state=state, at="2018-04-09T09:00Z")
    Comment.objects.create(plan=plan, body="Could the pilot start earlier?")
    version = PlanVersion.objects.create(plan=plan, number=1, state=state, reason="endorsed", snapshot={})
    Decision.objects.create(
        plan=plan,
        kind=Decision.Kind.ENDORSEMENT,
        body="Council",
        decided_on="2018-05-01",
        reference="1",
        version=version,
    )
    indicator = Indicator.objects.create(objective=Objective.objects.create(plan=plan, title="O"), name="I", unit="p")
    Measurement.objects.create(indicator=indicator, measured_on="2018-12-01", value=3)


def query_counts(client, network):
    counts = []
    for user, url in ((network["coordinator"], "/staff/dashboard/"), (network["expert"], "/dashboard/expert/")):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_the_dashboard_query_count_does_not_grow_with_the_plans(client, network):
    enable_totp(network["coordinator"])
    add_plan(network.pairing, 1)  # endorsed: every loader has something to read
    add_plan(network.other_pairing, 0)

    once = query_counts(client, network)
    for n in range(2, 8):
        add_pairing_with_work(network.programme, n)
        add_plan(Pairing.objects.latest("pk"), n)
    more = query_counts(client, network)

    assert Pairing.objects.count() == 8
    assert more == once
