"""People acting on one plan at the same moment, for real: each in a thread with its own PostgreSQL
connection. The test's own connection holds the plan's row lock until every one of them is waiting
for it, then lets go, so they all really do act at once."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from actionplans import services
from actionplans.models import ActionPlan

WON = "won"


def needs_connections(count):
    """Fail clearly, rather than hang or error midway, when PostgreSQL cannot take `count` more connections."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
            " - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')"
        )
        free = cursor.fetchone()[0]
    assert free >= count, f"PostgreSQL has {free} free connections; this test needs {count} (raise max_connections)"


def _waiting_for_locks():
    """Backends of this test database waiting for a lock (other databases on the server may be busy too)."""
    with connection.cursor() as cursor:
        # pg_stat_activity is read once per transaction unless told otherwise, and this runs in one.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE NOT l.granted AND a.datname = current_database()"
        )
        return cursor.fetchone()[0]


def _act(results, name, act):
    try:
        act()
        results[name] = WON
    except services.PlanError as error:
        results[name] = error.message
    except Exception as error:  # noqa: BLE001 - reported in the results, where the test sees it
        results[name] = f"crashed: {error!r}"
    finally:
        connections.close_all()


def race(plan, acts, *, seconds=60):
    """Start every act (name → callable) while the plan row is locked; release it once all of them wait.

    Returns {name: "won" or the PlanError message it got}."""
    results = {}
    threads = [threading.Thread(target=_act, args=(results, name, act)) for name, act in acts.items()]
    with transaction.atomic():
        ActionPlan.objects.select_for_update().get(pk=plan.pk)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + seconds
        while _waiting_for_locks() < len(threads):
            assert time.monotonic() < deadline, "the acts never all waited for the plan's lock"
            time.sleep(0.02)
    for thread in threads:
        thread.join(timeout=seconds)
    assert not any(thread.is_alive() for thread in threads), "an act is still running"
    return results
