"""Every export (lists, dashboards, everything.xlsx, the admin's CSV action) and every API token created or
revoked leaves one audit entry with who took what."""

import pytest

from api.models import PersonalToken
from audit.models import Action
from citiesgrow import exports
from mentoring.models import Membership
from tests.factories import VisitFactory, enable_totp

from .conftest import recorded, target_of


@pytest.mark.parametrize(
    ("person", "url", "details"),
    [
        (
            "officer",
            "/exports/visits.csv?status=planned",
            {"export": "visits", "format": "csv", "rows": {"visits": 1}, "filters": {"status": "planned"}},
        ),
        ("officer", "/exports/cities.xlsx", {"export": "cities", "format": "xlsx"}),
        ("officer", "/dashboard/city/export.csv", {"export": "my-city-to-dos", "format": "csv"}),
        ("expert", "/dashboard/expert/export.xlsx", {"export": "my-schemes", "format": "xlsx"}),
        ("coordinator", "/staff/dashboard/export.xlsx", {"export": "programme-dashboard", "format": "xlsx"}),
        ("coordinator", "/exports/everything.xlsx", {"export": "cities-grow-everything", "format": "xlsx"}),
    ],
    ids=lambda value: value if isinstance(value, str) and value.startswith("/") else None,
)
def test_a_person_exports_and_it_is_recorded(client, network, person, url, details):
    VisitFactory(pairing=network.pairing, status="planned")
    if person == "coordinator":
        enable_totp(network[person])
    client.force_login(network[person])

    with recorded() as entries:
        response = client.get(url)

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    [entry] = entries
    assert (entry.action, entry.actor, entry.target_type, entry.ip_address) == (
        Action.EXPORT_DOWNLOADED,
        network[person],
        None,
        "127.0.0.1",
    )
    assert entry.details == {"rows": entry.details["rows"], "filters": {}, **details}
    assert all(isinstance(count, int) for count in entry.details["rows"].values())


def test_everything_xlsx_records_the_rows_of_each_sheet(client, network):
    client.force_login(network["officer"])
    with recorded() as entries:
        client.get("/exports/everything.xlsx")
    [entry] = entries
    assert set(entry.details["rows"]) == {table.kind for table in exports.tables()}


def test_a_refused_export_is_not_recorded(client, network):
    client.force_login(network["officer"])
    with recorded() as entries:
        assert client.get("/staff/dashboard/export.csv").status_code == 403
        assert client.get("/exports/visits.csv?status=nonsense").status_code == 400
    assert entries == []


def test_staff_export_selected_rows_from_the_admin(staff_client, network):
    selected = list(Membership.objects.filter(role="city_officer").values_list("pk", flat=True))

    with recorded() as entries:
        response = staff_client.post(
            "/admin/mentoring/membership/", {"action": "export_selected_as_csv", "_selected_action": selected}
        )

    assert response.status_code == 200
    [entry] = entries
    assert (entry.action, entry.actor) == (Action.EXPORT_DOWNLOADED, network["coordinator"])
    assert entry.details["export"] == "memberships" and entry.details["rows"] == {"membership": len(selected)}


def test_a_person_creates_and_revokes_an_api_token(client, network):
    officer = network["officer"]
    client.force_login(officer)

    with recorded() as created:
        raw = client.post("/tokens/", {"name": "Open-data portal"}).context["raw_token"]
    token = PersonalToken.objects.get(user=officer)
    with recorded() as revoked:
        client.post(f"/tokens/{token.pk}/revoke/")
    with recorded() as revoked_again:
        client.post(f"/tokens/{token.pk}/revoke/")

    assert [(e.action, e.actor, target_of(e), e.details) for e in created + revoked] == [
        (Action.TOKEN_CREATED, officer, token, {"name": "Open-data portal", "prefix": token.prefix}),
        (Action.TOKEN_REVOKED, officer, token, {"name": "Open-data portal", "prefix": token.prefix}),
    ]
    assert revoked_again == []
    assert raw not in str(created[0].details) and raw not in created[0].target_repr
