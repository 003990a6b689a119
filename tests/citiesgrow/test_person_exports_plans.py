"""The action plans as exports: plans, actions, indicators with their latest measurement, as CSV and in the
workbook of everything, holding only the plans the person may see (endorsed ones for everyone)."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from accounts.models import User
from actionplans.demo import load_demo_plans


@pytest.fixture
def demo_plans(demo):
    load_demo_plans()


def read_csv(response):
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def as_person(client, email):
    client.force_login(User.objects.get(email=email))
    return client


def test_dresden_officer_exports_their_plan_and_the_endorsed_ones_never_athens_draft(client, demo_plans):
    as_person(client, "officer@dresden.example")

    plans = read_csv(client.get("/exports/plans.csv"))
    actions = read_csv(client.get("/exports/plan-actions.csv"))
    indicators = read_csv(client.get("/exports/plan-indicators.csv"))

    assert {p["Implementing city"]: p["State"] for p in plans} == {"Dresden": "Endorsed", "Riga": "In implementation"}
    assert {a["Implementing city"] for a in actions} == {"Dresden", "Riga"}
    assert {i["Implementing city"] for i in indicators} == {"Dresden", "Riga"}
    assert client.get("/exports/plans.csv?city=athens").content.decode("utf-8-sig").count("\n") == 1  # header


def test_athens_officer_exports_their_draft_plan_with_its_actions(client, demo_plans):
    as_person(client, "officer@athens.example")

    plans = read_csv(client.get("/exports/plans.csv?city=athens"))
    actions = read_csv(client.get("/exports/plan-actions.csv?city=athens"))

    assert [(p["State"], p["Objectives"], p["Actions"], p["Indicators"]) for p in plans] == [("Draft", "2", "4", "2")]
    assert [a["Action"] for a in actions] == [
        "Pilot with partners (1.1)",
        "Train city staff (1.2)",
        "Pilot with partners (2.1)",
        "Train city staff (2.2)",
    ]
    assert actions[0]["Budget (€)"] == "20000.00" and actions[0]["Start"] == "2018-09-01"


def test_indicators_carry_their_latest_measurement(client, demo_plans):
    as_person(client, "officer@riga.example")

    indicators = read_csv(client.get("/exports/plan-indicators.csv?city=riga"))

    # Riga measured 20 % then 45 % of each target: 200 and 60 people.
    assert [(i["Indicator"], i["Target"], i["Latest value"], i["Measured on"]) for i in indicators] == [
        ("Migrants reached", "200.00", "90.00", "2019-06-30"),
        ("Staff trained", "60.00", "27.00", "2019-06-30"),
    ]


def test_coordinator_filters_plans_by_scheme_and_state_and_a_bad_state_is_400(client, demo_plans):
    as_person(client, "coordinator@eurocities.example")

    scheme_c = read_csv(client.get("/exports/plans.csv?scheme=c"))
    endorsed = read_csv(client.get("/exports/plans.csv?state=endorsed"))
    response = client.get("/exports/plans.csv?state=lost")

    assert {p["Implementing city"] for p in scheme_c} == {"Nicosia", "Gdansk"}
    assert [p["Implementing city"] for p in endorsed] == ["Dresden"]
    assert response.status_code == 400 and "&#x27;state&#x27; takes one of draft" in response.content.decode()


def test_the_workbook_of_everything_has_the_plan_sheets_with_typed_cells(client, demo_plans):
    as_person(client, "officer@tampere.example")

    workbook = load_workbook(io.BytesIO(client.get("/exports/everything.xlsx").content))
    index = client.get("/exports/").content.decode()

    assert {"plans", "plan-actions", "plan-indicators"} <= set(workbook.sheetnames)
    sheet = workbook["plan-indicators"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, [cell.value for cell in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert {row["Implementing city"] for row in rows} == {"Tampere", "Dresden", "Riga"}
    riga = next(row for row in rows if row["Implementing city"] == "Riga")
    assert riga["Latest value"] == 90
    assert riga["Measured on"] == datetime.datetime(2019, 6, 30)
    assert "Action plans: indicators" in index
