"""Another transaction gets in the way of a request's, on a second connection to the test database, so that
PostgreSQL gives up on one of the request's statements as it does under load: a lock held past the request's
statement_timeout or lock_timeout, two transactions locking the same rows in opposite order (a deadlock), a row
changed under a repeatable-read snapshot (a serialization failure)."""

import threading
import time
from contextlib import contextmanager

import psycopg2
from django.db import connection

from .dropped import BeforeQuery


class OtherTransaction:
    """A transaction on a connection of its own, outside Django; rolled back when the `with` block ends."""

    def __init__(self):
        self.connection = psycopg2.connect(**connection.get_connection_params())

    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)

    def waits_for_a_lock(self, pid):
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted)", [pid])
            return cursor.fetchone()[0]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.connection.rollback()
        self.connection.close()


@contextmanager
def setting(name, value):
    """A PostgreSQL setting on this thread's Django connection, so on the requests of the test client."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET {name} = %s", [value])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"RESET {name}")


class DeadlockBefore(BeforeQuery):
    """An execute wrapper for a request whose query matching `before` will wait for a lock `other` holds.

    Once the request waits, `other` runs `sql` (from a thread), asking for a lock the request holds: a deadlock.
    Each waiting backend looks for a deadlock once, deadlock_timeout (1 s) after it began to wait, and the first
    to look aborts its own statement; `other` asks half a second after the request began to wait, so it is the
    request that looks first, even on a busy machine, and `other` then gets its lock. Join it after the request."""

    def __init__(self, before, other, sql, params=()):
        super().__init__(before, self._lock_once_the_request_waits)
        self.other, self.sql, self.params = other, sql, params
        self.thread = self.failure = None

    def _lock_once_the_request_waits(self, database):
        self.thread = threading.Thread(target=self._wait_then_lock, args=[database.connection.info.backend_pid])
        self.thread.start()

    def _wait_then_lock(self, pid):
        deadline = time.monotonic() + 10
        while not self.other.waits_for_a_lock(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
        try:
            self.other.execute(self.sql, self.params)
        except psycopg2.Error as error:
            self.failure = error

    def join(self):
        self.thread.join(timeout=30)
        assert not self.thread.is_alive() and self.failure is None, self.failure
