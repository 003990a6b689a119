"""Every main page of the performance report asks the database as many questions at 3× the demo network
as at 1×: the fast part of `make performance` (bench/performance.py measures 1× against 50×)."""

import io

import pytest
from django.core.management import call_command

from bench.growth import counts, grow
from bench.performance import clients, page_paths, prepare_people, query_counts

pytestmark = pytest.mark.django_db


def test_every_main_page_asks_as_many_queries_at_three_times_the_demo():
    call_command("load_demo", stdout=io.StringIO())
    prepare_people()
    paths, people = page_paths(), clients()
    small = {key: row.queries for key, row in query_counts(paths, people, rounds=1).items()}

    grow(3)
    large = {key: row.queries for key, row in query_counts(paths, people, rounds=1).items()}

    assert counts()["actions"] == 32 + 8 * 46 + 16 * 50  # the demo plans grew, and 16 new plans came
    assert large == small
