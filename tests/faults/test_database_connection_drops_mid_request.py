"""PostgreSQL drops the connection in the middle of a request (a restart, a failover, a network cut).

The person gets a 503 page that says so and whether their change was saved, rendered without the
database; whatever the request had written is rolled back; the next request works again. The
connection is terminated from a second connection at a chosen query (tests/faults/dropped.py)."""

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from actionplans.models import Action, ActionPlan, PlanState
from tests.actionplans.plans import action_form

from .dropped import DropConnection
from .plans import HTMX, assert_not_saved_until_tried_again, what_a_submission_writes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("terminates a PostgreSQL backend")


def _post_while_dropping(client, url, data, before, **extra):
    drop = DropConnection(before)
    with connection.execute_wrapper(drop):
        response = client.post(url, data, **extra)
    assert drop.dropped, f"no query matched {before!r}"
    # As a WSGI server does at the end of every request (Django's test client leaves it out).
    close_old_connections()
    return response, drop


def test_connection_lost_while_an_officer_saves_an_action_inline(client, plan):
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    response, drop = _post_while_dropping(
        client, url, action_form(action, title="Job fair for youth"), r'^UPDATE "actionplans_action"', **HTMX
    )

    assert response.status_code == 503
    assert response["HX-Reswap"] == "none" and response["Retry-After"]
    content = response.content.decode()
    assert 'id="database-error" hx-swap-oob="innerHTML"' in content
    assert "The database connection was lost." in content and "Your change was not saved." in content
    assert drop.queries_after == []  # the answer was made without the database
    assert_not_saved_until_tried_again(client, url, action)


def test_connection_lost_in_the_middle_of_a_submission_leaves_nothing_half_written(client, plan):
    before = what_a_submission_writes(plan)
    url = reverse("actionplans:submit", args=[plan.pk])

    # The plan's state is already updated inside the transaction; the audit entry is next.
    response, drop = _post_while_dropping(client, url, {"note": "Ready"}, r'^INSERT INTO "actionplans_transition"')

    assert response.status_code == 503
    content = response.content.decode()
    assert "<h1>The database connection was lost</h1>" in content
    assert "Your change was not saved. Please try again in a moment." in content
    assert drop.queries_after == []
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.DRAFT
    assert what_a_submission_writes(plan) == before

    response = client.post(url, {"note": "Ready"})
    assert response.status_code == 302
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.SUBMITTED
    after = what_a_submission_writes(plan)
    assert after["transitions"] == before["transitions"] + 1 and after["versions"] == 1
    assert after["notifications"] > before["notifications"]


def test_connection_lost_after_the_save_committed_says_it_may_have_been_saved(client, plan):
    """The save is committed; the connection drops while the saved part is being drawn again.
    Saying "not saved" would be wrong here, so the page says to look before trying again."""
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    response, _ = _post_while_dropping(
        client,
        url,
        action_form(action, title="Job fair for youth"),
        r'^SELECT .* FROM "actionplans_progressupdate"',
        **HTMX,
    )

    assert response.status_code == 503
    content = response.content.decode()
    assert "may have been saved" in content and "not saved" not in content
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Job fair for youth", 2)


def test_connection_lost_before_the_view_runs_still_gets_the_page(client, network):
    """The session is read by a middleware, before any view: Django's 500 handler gives the same page."""
    client.force_login(network["coordinator"])
    client.raise_request_exception = False
    drop = DropConnection(r'FROM "django_session"')
    with connection.execute_wrapper(drop):
        response = client.get("/staff/invitations/")
    close_old_connections()

    assert drop.dropped
    assert response.status_code == 503
    assert "This page could not be loaded. Please try again in a moment." in response.content.decode()
    assert drop.queries_after == []
    client.raise_request_exception = True
    assert client.get(reverse("home")).status_code == 200


def test_an_api_client_gets_its_answer_as_json(client, network):
    """A program reading the API gets the reason in the API's own error format, not an HTML page."""
    client.force_login(network["officer"])
    drop = DropConnection(r'FROM "mentoring_visit"')
    with connection.execute_wrapper(drop):
        response = client.get("/api/visits/")
    close_old_connections()

    assert drop.dropped
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "This page could not be loaded. Please try again in a moment."}
    assert response["Retry-After"] == "10"
    assert client.get("/api/visits/").status_code == 200
