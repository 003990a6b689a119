"""/api/plans/: endorsed plans are open data; a personal token adds the plans its owner works on, drafts included,
as on the site. The list gives each plan with how many objectives, actions and indicators it has and a link to
/api/plans/{id}/, which carries them; ?expand=objectives puts them in the list too."""

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from actionplans.models import Action, ActionPlan, Indicator, Measurement, Objective, PlanState
from api.services import create_token


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def make_plan(pairing, state, title):
    plan = ActionPlan.objects.create(pairing=pairing, title=title, state=state, charter_commitments=["S1"])
    objective = Objective.objects.create(plan=plan, title="Open jobs to newcomers")
    Action.objects.create(objective=objective, title="Pilot with employers", budget_eur=20000)
    indicator = Indicator.objects.create(objective=objective, name="Migrants reached", unit="people", target=200)
    Measurement.objects.create(indicator=indicator, measured_on="2019-06-30", value=90)
    return plan


@pytest.fixture
def plans(world):
    n = world.network
    return {
        "draft": make_plan(n.pairing, PlanState.DRAFT, "Athens draft plan"),
        "endorsed": make_plan(n.other_pairing, PlanState.ENDORSED, "Endorsed plan"),
    }


def ids(response):
    assert response.status_code == 200, response.content
    return [plan["id"] for plan in response.json()["results"]]


def test_anonymous_reader_lists_endorsed_plans_with_their_counts_and_a_link_to_each(client, plans):
    response = client.get("/api/plans/")

    assert ids(response) == [plans["endorsed"].pk]
    (plan,) = response.json()["results"]
    assert plan["state"] == "endorsed" and plan["charter_commitments"] == ["S1"]
    assert (plan["objective_count"], plan["action_count"], plan["indicator_count"]) == (1, 1, 1)
    assert plan["url"] == f"http://testserver/api/plans/{plans['endorsed'].pk}/"
    assert "objectives" not in plan
    assert client.get(f"/api/plans/{plans['draft'].pk}/").status_code == 404


def test_the_plans_link_gives_its_objectives_actions_and_indicators(client, plans):
    listed = client.get("/api/plans/").json()["results"][0]

    plan = client.get(listed["url"]).json()

    (objective,) = plan["objectives"]
    assert objective["actions"][0]["title"] == "Pilot with employers"
    assert objective["actions"][0]["budget_eur"] == "20000.00"
    assert objective["indicators"][0]["measurements"] == [{"measured_on": "2019-06-30", "value": "90.00", "note": ""}]
    assert {key: plan[key] for key in listed} == listed  # the detail is the list's item and more


def test_expand_objectives_puts_them_in_the_list(client, plans):
    (plan,) = client.get("/api/plans/?expand=objectives").json()["results"]

    assert plan["objectives"] == client.get(f"/api/plans/{plans['endorsed'].pk}/").json()["objectives"]


def test_the_list_costs_as_many_queries_with_few_or_many_actions(client, plans):
    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    small = [queries("/api/plans/"), queries("/api/plans/?expand=objectives")]
    objective = Objective.objects.create(plan=plans["endorsed"], title="Train employers")
    Action.objects.bulk_create([Action(objective=objective, title=f"Workshop {n}") for n in range(30)])
    Indicator.objects.create(objective=objective, name="Employers trained", unit="employers", target=30)

    assert [queries("/api/plans/"), queries("/api/plans/?expand=objectives")] == small
    (plan,) = client.get("/api/plans/").json()["results"]
    assert (plan["objective_count"], plan["action_count"], plan["indicator_count"]) == (2, 31, 2)


def test_a_token_adds_the_draft_plans_its_owner_works_on(client, world, plans):
    _, officer = create_token(user=world["officer"], name="City portal")
    _, outsider = create_token(user=world["other_city_officer"], name="Other city")

    assert set(ids(client.get("/api/plans/", **bearer(officer)))) == {plans["draft"].pk, plans["endorsed"].pk}
    assert ids(client.get("/api/plans/", **bearer(outsider))) == [plans["endorsed"].pk]
    assert client.get(f"/api/plans/{plans['draft'].pk}/", **bearer(outsider)).status_code == 404
    assert "Athens draft plan" not in client.get("/api/plans/?state=draft", **bearer(outsider)).content.decode()


def test_reader_filters_plans_by_scheme_city_and_state(client, world, plans):
    n = world.network
    _, coordinator = create_token(user=world["coordinator"], name="Monitoring")

    assert ids(client.get(f"/api/plans/?scheme={n.other_pairing.scheme.code}")) == [plans["endorsed"].pk]
    assert ids(client.get(f"/api/plans/?city={n.implementing_city.slug}", **bearer(coordinator))) == [plans["draft"].pk]
    assert ids(client.get("/api/plans/?state=draft", **bearer(coordinator))) == [plans["draft"].pk]


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/plans/?colour=red", "Unknown filter 'colour'. The filters of this list are: city, scheme, state."),
        ("/api/plans/?state=lost", "'state' takes one of draft, submitted"),
        ("/api/plans/?expand=actions", "'expand' takes one of objectives; 'actions' is not one of them."),
    ],
)
def test_bad_plan_filters_answer_400_with_a_message(client, world, url, message):
    response = client.get(url)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_the_schema_documents_the_plans_and_their_filters(client, world):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    validate(schema)
    parameters = {p["name"]: p for p in schema["paths"]["/api/plans/"]["get"]["parameters"]}
    assert {"scheme", "city", "state", "page", "expand"} <= set(parameters)
    assert parameters["expand"]["schema"]["enum"] == ["objectives"]
    summary, plan = schema["components"]["schemas"]["PlanSummary"], schema["components"]["schemas"]["Plan"]
    assert {"url", "action_count", "objectives"} <= set(summary["properties"])
    assert "objectives" not in summary["required"] and "objectives" in plan["required"]
