import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from citiesgrow.exports import Column, Sheet, csv_bytes


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content))


def test_officer_exports_visits_and_recommendations_of_their_pairing_only(client, world):
    client.force_login(world["officer"])

    visits = read_csv(client.get("/exports/visits.csv"))
    recommendations = read_csv(client.get("/exports/recommendations.csv"))

    assert [int(v["Visit"]) for v in visits] == [world.visit.pk]
    assert [r["Recommendation"] for r in recommendations] == [world.draft_recommendation.text]
    assert recommendations[0]["Report"] == "draft"


def test_the_xlsx_export_has_typed_cells_a_bold_frozen_header_and_widths(client, world):
    client.force_login(world["officer"])

    sheet = read_xlsx(client.get("/exports/visits.xlsx"))["visits"]

    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert isinstance(row["First day"], datetime.datetime) and row["First day"].date() == world.visit.starts_on
    assert row["Days"] == 3 and isinstance(row["Visit"], int)
    assert sheet.column_dimensions["L"].width == 40  # Topics


def test_export_everything_has_one_sheet_per_list_and_no_other_pairings_drafts(client, world):
    client.force_login(world["other_city_officer"])

    workbook = read_xlsx(client.get("/exports/everything.xlsx"))

    assert workbook.sheetnames == [
        "cities",
        "pairings",
        "visits",
        "recommendations",
        "practices",
        "events",
        "plans",
        "plan-actions",
        "plan-indicators",
    ]
    texts = [cell.value for row in workbook["recommendations"].iter_rows() for cell in row]
    assert world.draft_recommendation.text not in texts
    assert world.other_recommendation.text in texts
    assert workbook["pairings"].max_row == 3  # the header and both pairs: who mentors whom is public


def test_an_export_of_another_pairing_is_not_found(client, world):
    client.force_login(world["officer"])

    response = client.get(f"/exports/visits.csv?pairing={world.network.other_pairing.pk}")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url, message",
    [
        ("/exports/visits.csv?colour=red", "Unknown filter &#x27;colour&#x27;"),
        ("/exports/visits.csv?status=lost", "&#x27;status&#x27; takes one of planned, confirmed, held, reported"),
        ("/exports/everything.xlsx?scheme=A", "takes no filters"),
    ],
)
def test_bad_export_filters_are_a_400_with_a_message(client, world, url, message):
    client.force_login(world["officer"])

    response = client.get(url)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_unknown_export_kinds_and_formats_are_not_found(client, world):
    client.force_login(world["officer"])

    assert client.get("/exports/people.csv").status_code == 404
    assert client.get("/exports/visits.pdf").status_code == 404


def test_export_filters_by_scheme(client, world):
    client.force_login(world["coordinator"])
    code = world.network.other_pairing.scheme.code

    visits = read_csv(client.get(f"/exports/visits.csv?scheme={code}"))

    assert [int(v["Visit"]) for v in visits] == [world.other_visit.pk]


def test_an_officer_cannot_export_the_programme_dashboard(client, world):
    client.force_login(world["officer"])

    assert client.get("/staff/dashboard/export.csv").status_code == 403


def test_coordinator_exports_the_dashboard_as_a_workbook_with_pairs_and_schemes(client, world):
    client.force_login(world["coordinator"])

    workbook = read_xlsx(client.get("/staff/dashboard/export.xlsx"))

    assert workbook.sheetnames == ["pairs", "schemes"]
    header = [cell.value for cell in workbook["pairs"][1]]
    assert header[:6] == ["Pair", "Scheme", "Mentor city", "Implementing city", "Visits held", "Visits planned"]


def test_cells_that_look_like_formulas_are_exported_as_text():
    sheet = Sheet("x", [Column("Text", lambda row: row)], ['=HYPERLINK("http://evil")', "-1+2", "plain"])

    rows = list(csv.reader(io.StringIO(csv_bytes(sheet).decode("utf-8-sig"))))

    assert rows[1:] == [['\'=HYPERLINK("http://evil")'], ["'-1+2"], ["plain"]]
