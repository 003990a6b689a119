"""Dropping the database connection of a request at a chosen query, from another connection.

`DropConnection` is an execute wrapper: just before the first query that matches `before`, a second
connection calls pg_terminate_backend() on the backend serving this one (and waits until it is gone),
so the query meets a dead connection exactly as it would if PostgreSQL restarted or the network
dropped at that moment. It then records every query the same request still tries."""

import re
from contextlib import contextmanager

import psycopg2
from django.core.signals import request_finished, request_started
from django.db import connection


class BeforeQuery:
    """An execute wrapper that calls `act` with the Django connection once, just before the first query that
    matches `before`, then records every query the same request still tries."""

    def __init__(self, before, act):
        self.before = re.compile(before)
        self.act = act
        self.done = False
        self.queries_after = []

    def __call__(self, execute, sql, params, many, context):
        if self.done:
            self.queries_after.append(sql)
        elif self.before.search(sql):
            self.act(context["connection"])
            self.done = True
        return execute(sql, params, many, context)


class DropConnection(BeforeQuery):
    def __init__(self, before):
        super().__init__(before, terminate)

    @property
    def dropped(self):
        return self.done


def terminate(database):
    """Terminate the backend of a Django connection from a connection of its own; returns once it is gone."""
    pid = database.connection.info.backend_pid
    other = psycopg2.connect(**database.get_connection_params())
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
            assert cursor.fetchone()[0], f"backend {pid} did not terminate"
    finally:
        other.close()


@contextmanager
def dropped_in_live_server(path, before):
    """In the live server, drop the connection of the next POST to `path` before its query matching `before`.

    The server handles each request in a thread of its own, with its own connection; the wrapper goes on
    that connection when the request starts and comes off when it finishes."""
    drop = DropConnection(before)
    armed = {"once": True}

    def install(sender, environ, **kwargs):
        if armed["once"] and environ["PATH_INFO"] == path and environ["REQUEST_METHOD"] == "POST":
            armed["once"] = False
            connection.execute_wrappers.append(drop)

    def remove(sender, **kwargs):
        if drop in connection.execute_wrappers:
            connection.execute_wrappers.remove(drop)

    request_started.connect(install)
    request_finished.connect(remove)
    try:
        yield drop
    finally:
        request_started.disconnect(install)
        request_finished.disconnect(remove)
