"""Coordinator staff read the audit log at /staff/audit/, filter it and export what they filtered."""

import csv
import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import Action, AuditEntry
from audit.services import record

from .conftest import recorded


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def entry_on(day, action, actor, **details):
    """An entry written at noon on `day` (inserting is all the log allows, with any time)."""
    return AuditEntry.objects.create(
        at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
        action=action,
        actor=actor,
        actor_email=actor.email,
        target_type=ContentType.objects.get_for_model(actor),
        target_id=str(actor.pk),
        target_repr=str(actor),
        details=details,
    )


@pytest.fixture
def history(network):
    officer, expert = network["officer"], network["expert"]
    return [
        entry_on(datetime.date(2018, 3, 1), Action.TOKEN_CREATED, officer, name="Portal"),
        entry_on(datetime.date(2018, 3, 2), Action.EXPORT_DOWNLOADED, officer, export="visits"),
        entry_on(datetime.date(2018, 3, 3), Action.EXPORT_DOWNLOADED, expert, export="pairs"),
        entry_on(datetime.date(2018, 3, 9), Action.EXPORT_DOWNLOADED, officer, export="cities"),
    ]


def test_coordinator_reads_the_log_newest_first(staff_client, history):
    page = staff_client.get("/staff/audit/").content.decode()

    cities, pairs, visits, portal = (page.index(text) for text in ("cities", "pairs", "visits", "Portal"))
    assert cities < pairs < visits < portal
    assert "API token created" in page and history[0].actor_email in page


def test_coordinator_filters_by_action_actor_and_days(staff_client, network, history):
    query = {
        "action": "export.downloaded",
        "actor": network["officer"].email.upper(),
        "since": "2018-03-02",
        "until": "2018-03-08",
    }

    response = staff_client.get("/staff/audit/", query)

    assert list(response.context["page"]) == [history[1]]
    page = response.content.decode()
    assert "1 entry, newest first" in page and "Data exported" in page and "visits" in page
    assert "Portal" not in page and "pairs" not in page


def test_the_export_holds_only_the_filtered_rows_and_is_itself_recorded(staff_client, network, history):
    query = {"action": "export.downloaded", "actor": network["officer"].email, "since": "2018-03-02"}

    with recorded() as entries:
        response = staff_client.get("/staff/audit/export.csv", query)

    rows = read_csv(response)
    assert [(row["Actor"], row["Action code"], row["Details"]) for row in rows] == [
        (network["officer"].email, "export.downloaded", '{"export": "cities"}'),
        (network["officer"].email, "export.downloaded", '{"export": "visits"}'),
    ]
    assert rows[0]["When"] == "2018-03-09 12:00" and rows[0]["Target"] == str(network["officer"])
    [entry] = entries
    assert (entry.action, entry.actor) == (Action.EXPORT_DOWNLOADED, network["coordinator"])
    assert entry.details == {"export": "audit-log", "format": "csv", "rows": {"audit-log": 2}, "filters": query}


def test_days_in_the_wrong_order_are_refused(staff_client, history):
    query = {"since": "2018-03-09", "until": "2018-03-01"}
    assert staff_client.get("/staff/audit/", query).status_code == 400
    assert staff_client.get("/staff/audit/export.csv", query).status_code == 400


@pytest.mark.parametrize("person", ["officer", "expert", "administrative_approver", "political_approver"])
def test_people_who_are_not_staff_are_refused(client, network, history, person):
    client.force_login(network[person])
    assert client.get("/staff/audit/").status_code == 403
    assert client.get("/staff/audit/export.csv").status_code == 403


def test_the_staff_menu_links_the_log_for_coordinators_only(client, staff_client, network):
    assert 'href="/staff/audit/"' in staff_client.get("/").content.decode()
    client.force_login(network["officer"])
    assert 'href="/staff/audit/"' not in client.get("/").content.decode()


def test_the_page_reads_the_same_number_of_queries_at_any_size(staff_client, network):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get("/staff/audit/").status_code == 200
        return len(captured)

    people = [network[name] for name in ("officer", "expert", "mentor_officer")]
    for n in range(5):
        record(Action.EXPORT_DOWNLOADED, actor=people[n % 3], target=network.pairing, export="pairs")
    small = queries()
    AuditEntry.objects.bulk_create(
        AuditEntry(
            action=Action.TOKEN_CREATED,
            actor=people[n % 3],
            actor_email=people[n % 3].email,
            target_type=ContentType.objects.get_for_model(people[n % 3]),
            target_id=str(people[n % 3].pk),
            target_repr=f"token {n}",
            details={"n": n},
        )
        for n in range(200)
    )
    large = queries()

    assert AuditEntry.objects.count() > 200
    assert large == small
