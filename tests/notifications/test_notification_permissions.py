"""Who may open the notification pages: the inbox and settings are each person's
own; the outbox is for coordinator staff (with their second factor)."""

import pytest
from django.urls import reverse

from notifications.models import OutboundEmail
from notifications.services import notify
from tests.factories import enable_totp
from tests.test_permission_matrix import LOGIN, ROLES, Redirect, project_url_names

INBOX = Redirect("notifications:inbox")
OUTBOX = Redirect("notifications:outbox")
SETTINGS = Redirect("notifications:preferences")

# Per URL name, per case (method and what it is about): the expected answer for each role, in the order
#    anonymous, officer, mentor_officer, administrative_approver, political_approver, expert, other_expert,
#    other_city_officer, coordinator
# fmt: off
NOTIFICATION_URL_EXPECTATIONS = {
    "notifications:inbox": {
        "GET": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    },
    "notifications:mark_all_read": {
        "GET": (LOGIN, 405, 405, 405, 405, 405, 405, 405, 405),
        "POST": (LOGIN, INBOX, INBOX, INBOX, INBOX, INBOX, INBOX, INBOX, INBOX),
    },
    "notifications:mark_read": {
        "GET the officer's": (LOGIN, 405, 405, 405, 405, 405, 405, 405, 405),
        "POST the officer's": (LOGIN, INBOX, 404, 404, 404, 404, 404, 404, 404),
    },
    "notifications:preferences": {
        "GET": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
        "POST": (LOGIN, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS),
    },
    "notifications:outbox": {
        "GET": (LOGIN, 403, 403, 403, 403, 403, 403, 403, 200),
    },
    "notifications:resend_email": {
        "GET": (LOGIN, 403, 403, 403, 403, 403, 403, 403, 405),
        "POST": (LOGIN, 403, 403, 403, 403, 403, 403, 403, OUTBOX),
    },
}
# fmt: on


def officers_notification(n):
    [notification] = notify(recipients=[n["officer"]], event="visit.planned", target=n.pairing)
    return notification


def failed_email(n):
    return OutboundEmail.objects.create(
        to_email="gone@city.example",
        subject="A visit was planned",
        body_text="…",
        event="visit.planned",
        dedupe_key="test:failed",
        status="failed",
        last_error="550 No such mailbox",
    )


KWARGS = {
    "notifications:mark_read": lambda n: {"pk": officers_notification(n).pk},
    "notifications:resend_email": lambda n: {"pk": failed_email(n).pk},
}
DATA = {"notifications:preferences": lambda n: {"plan.submitted": "digest"}}


def test_every_notification_url_has_expectations():
    assert {name for name in project_url_names() if name.startswith("notifications:")} == set(
        NOTIFICATION_URL_EXPECTATIONS
    )


@pytest.fixture
def people(network):
    enable_totp(network["coordinator"])
    return network


@pytest.mark.parametrize(
    "name, case, role",
    [
        pytest.param(name, case, role, id=f"{name}, {case}, {role}")
        for name, cases in NOTIFICATION_URL_EXPECTATIONS.items()
        for case in cases
        for role in ROLES
    ],
)
def test_notification_url_permission(client, people, django_capture_on_commit_callbacks, name, case, role):
    expected = dict(zip(ROLES, NOTIFICATION_URL_EXPECTATIONS[name][case], strict=True))[role]
    url = reverse(name, kwargs=KWARGS.get(name, lambda n: {})(people))
    if role != "anonymous":
        client.force_login(people[role])
    method = "post" if case.startswith("POST") else "get"

    with django_capture_on_commit_callbacks(execute=True):
        data = DATA.get(name, lambda n: {})(people) if method == "post" else {}
        response = getattr(client, method)(url, data)

    if expected is LOGIN:
        assert (response.status_code, response.get("Location")) == (302, f"/accounts/login/?next={url}")
    elif isinstance(expected, Redirect):
        assert (response.status_code, response.get("Location")) == (302, reverse(expected.to))
    else:
        assert response.status_code == expected


def test_a_person_sees_only_their_own_notifications(client, people):
    officers_notification(people)

    for role in ROLES[2:]:
        client.force_login(people[role])
        page = client.get("/notifications/").content.decode()
        assert "Visit planned" not in page, role
    client.force_login(people["officer"])
    assert "Visit planned" in client.get("/notifications/").content.decode()
