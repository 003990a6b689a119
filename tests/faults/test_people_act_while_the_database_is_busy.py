"""PostgreSQL is up but gives up on one of a request's statements: a deadlock with another transaction, a
serialization failure, a statement or lock timeout while another transaction holds a lock.

The person is not told the connection was lost: they read that the database was busy or that another change
got in the way, whether their change was saved, and to try again; the answer is a 503 with Retry-After for a
page, an htmx alert and the API alike. Each failure is provoked for real on a second connection
(tests/faults/contention.py)."""

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from actionplans.models import Action, ActionPlan, PlanState
from tests.actionplans.plans import action_form

from .contention import DeadlockBefore, OtherTransaction, setting
from .dropped import BeforeQuery
from .plans import HTMX, assert_not_saved_until_tried_again, what_a_submission_writes

pytestmark = pytest.mark.django_db(transaction=True)

# Long enough for every other query of a request on a loaded machine, short enough to keep the tests quick.
TIMEOUT = "500ms"
ACTION_FOR_UPDATE = r'FROM "actionplans_action" .*FOR UPDATE'
COLLIDED = (
    "Your change collided with another one being saved at the same moment and could not be completed. "
    "Nothing was saved. Please try again."
)
BUSY_NOT_SAVED = (
    "The database was too busy to complete your change in time. Nothing was saved. Please try again in a moment."
)


@pytest.fixture(autouse=True)
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("provokes PostgreSQL lock waits, deadlocks and timeouts")


def _is_a_database_answer(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "10" and response["Cache-Control"] == "no-store"
    assert "connection was lost" not in response.content.decode()


def test_a_deadlock_while_an_officer_saves_an_action_inline(client, plan):
    """The save holds the plan's row and waits for the action's; another transaction holds the action's row and
    asks for the plan's."""
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    with OtherTransaction() as other:
        other.execute("SELECT 1 FROM actionplans_action WHERE id = %s FOR UPDATE", [action.pk])
        deadlock = DeadlockBefore(
            ACTION_FOR_UPDATE, other, "SELECT 1 FROM actionplans_actionplan WHERE id = %s FOR UPDATE", [plan.pk]
        )
        with connection.execute_wrapper(deadlock):
            response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)
        deadlock.join()
    close_old_connections()

    _is_a_database_answer(response)
    assert response["HX-Reswap"] == "none"
    content = response.content.decode()
    assert 'id="database-error" hx-swap-oob="innerHTML"' in content
    assert "<strong>Another change got in the way.</strong>" in content and COLLIDED in content
    assert deadlock.queries_after == []
    assert_not_saved_until_tried_again(client, url, action)


def test_a_serialization_failure_while_an_officer_saves_an_action_inline(client, plan):
    """At repeatable read, another officer's save of the same action commits after the save's snapshot: PostgreSQL
    refuses to lock the changed row. Trying again meets the usual edit conflict, with the other officer's values."""
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    def the_other_officer_saves(database):
        with OtherTransaction() as other:
            other.execute(
                "UPDATE actionplans_action SET title = %s, lock_version = lock_version + 1 WHERE id = %s",
                ["Job fair for adults", action.pk],
            )
            other.connection.commit()

    collision = BeforeQuery(ACTION_FOR_UPDATE, the_other_officer_saves)
    with setting("default_transaction_isolation", "repeatable read"), connection.execute_wrapper(collision):
        response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)
    close_old_connections()

    _is_a_database_answer(response)
    assert response["HX-Reswap"] == "none"
    assert COLLIDED in response.content.decode()
    assert collision.queries_after == []
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Job fair for adults", 2)

    response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this action while you were editing it." in content and "Job fair for adults" in content


@pytest.mark.parametrize("timeout", ["statement_timeout", "lock_timeout"])
def test_a_submission_that_waits_too_long_for_a_lock_leaves_nothing_half_written(client, plan, timeout):
    """The plan's state is already updated inside the transaction when the transition, locked by another
    transaction (a long maintenance task, say), cannot be written in time."""
    before = what_a_submission_writes(plan)
    url = reverse("actionplans:submit", args=[plan.pk])

    with OtherTransaction() as other:
        other.execute("LOCK TABLE actionplans_transition IN EXCLUSIVE MODE")
        with setting(timeout, TIMEOUT):
            response = client.post(url, {"note": "Ready"})
    close_old_connections()

    _is_a_database_answer(response)
    content = response.content.decode()
    assert "<title>The database is busy · CITIES-GROW</title>" in content
    assert "<h1>The database is busy</h1>" in content and BUSY_NOT_SAVED in content
    assert "If it keeps happening, the platform is under heavy load: please come back a little later." in content
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.DRAFT
    assert what_a_submission_writes(plan) == before

    response = client.post(url, {"note": "Ready"})
    assert response.status_code == 302
    assert ActionPlan.objects.get(pk=plan.pk).state == PlanState.SUBMITTED


def test_a_timeout_after_the_save_committed_says_it_may_have_been_saved(client, plan):
    """The save is committed; redrawing the saved part waits for a table another transaction locked."""
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    with OtherTransaction() as other:
        other.execute("LOCK TABLE actionplans_progressupdate IN ACCESS EXCLUSIVE MODE")
        with setting("statement_timeout", TIMEOUT):
            response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)
    close_old_connections()

    _is_a_database_answer(response)
    content = response.content.decode()
    assert "<strong>The database is busy.</strong>" in content
    assert "Part of it may have been saved: reload the page to see what is there now before you try again." in content
    assert "Nothing was saved" not in content
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Job fair for youth", 2)


def test_an_api_client_gets_the_busy_answer_as_json(client, network):
    client.force_login(network["officer"])

    with OtherTransaction() as other:
        other.execute("LOCK TABLE mentoring_visit IN ACCESS EXCLUSIVE MODE")
        with setting("statement_timeout", TIMEOUT):
            response = client.get("/api/visits/")
    close_old_connections()

    _is_a_database_answer(response)
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The database was too busy to load this page in time. Please try again in a moment."
    }
    assert client.get("/api/visits/").status_code == 200


def test_an_officer_who_reads_german_is_told_in_german(client, plan, network):
    officer = network["officer"]
    officer.language = "de"
    officer.save(update_fields=["language"])

    with OtherTransaction() as other:
        other.execute("LOCK TABLE actionplans_transition IN EXCLUSIVE MODE")
        with setting("lock_timeout", TIMEOUT):
            response = client.post(reverse("actionplans:submit", args=[plan.pk]), {"note": "Ready"})
    close_old_connections()

    _is_a_database_answer(response)
    content = response.content.decode()
    assert '<html lang="de">' in content and "<h1>Die Datenbank ist überlastet</h1>" in content
    assert "Es wurde nichts gespeichert." in content
