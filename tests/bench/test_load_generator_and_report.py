"""The performance report's machinery works on a tiny run: gunicorn serves the site with the benchmark's
constant view, the load generator measures it with a signed-in session, and the report shows the numbers."""

import pytest
from django.test import Client

from bench.growth import counts
from bench.loadgen import Target, gunicorn_server, run_load
from bench.performance import CONSTANT, Run, Throughput, query_counts, render_report, someone_writing, throughput
from mentoring.models import Role
from tests.factories import CityFactory, person
from tests.worker import _database_url


@pytest.mark.django_db(transaction=True)
def test_a_tiny_run_is_measured_and_reported():
    officer = person(Role.CITY_OFFICER, city=CityFactory())
    client = Client()
    client.force_login(officer)
    session = client.cookies["sessionid"].value

    key = ("home", "/", "officer")
    with (
        gunicorn_server(workers=1, env={"DATABASE_URL": _database_url()}) as base_url,
        gunicorn_server(workers=1, env={"DATABASE_URL": _database_url(), "PAGE_CACHE": "0"}) as built_url,
    ):
        constant = run_load(base_url, [Target(CONSTANT, session)], concurrency=2, duration=1)
        home = run_load(base_url, [Target("/", session)], concurrency=2, duration=1)
        anonymous = run_load(base_url, [Target(CONSTANT)], concurrency=1, duration=0.3)
        measured_load = throughput(
            base_url, built_url, [key], {"officer": {"session": session}}, concurrency=2, duration=0.5, warm=0
        )
        with someone_writing(every=0.2) as writes:
            while_written = run_load(base_url, [Target("/", session)], concurrency=2, duration=1)

    assert constant.requests > 0 and home.requests > 0
    assert set(constant.statuses) == set(home.statuses) == {200}
    assert constant.errors == home.errors == 0
    assert set(anonymous.statuses) == {302}  # the constant view asks for the same sign-in as the pages
    assert 0 < constant.percentile(50) <= constant.percentile(95) <= constant.percentile(99)

    assert set(measured_load.pages) == set(measured_load.built) == {key}
    assert all(set(load.statuses) == {200} for _, load in measured_load.loads())
    built = measured_load.built[key]
    assert writes["count"] >= 3  # committed: the writer's connection is not the test's
    assert set(while_written.statuses) == {200} and while_written.errors == 0

    measured = query_counts([key], {"officer": client}, rounds=1)
    run = Run(
        options={
            "quick": True,
            "date": "2026-01-01",
            "workers": 1,
            "concurrency": 2,
            "duration": 1,
            "warm": 0,
            "rounds": 1,
            "soak_users": 2,
            "soak_seconds": 1,
            "write_interval": 0.2,
            "large": "2×",
        },
        machine={
            "cpu": "test",
            "cores": 1,
            "system": "test",
            "python": "3",
            "django": "5",
            "gunicorn": "27",
            "postgresql": "15",
            "load_before": (0, 0, 0),
            "load_after": (0, 0, 0),
        },
        sizes={"1×": counts(), "2×": counts()},
        queries={"1×": measured, "2×": measured},
        throughput={scale: Throughput(constant, constant, {key: home}, {key: built}) for scale in ("1×", "2×")},
        soak=home,
        soak_with_writes=while_written,
        writes=writes["count"],
    )
    report = render_report(run)

    assert run.ok
    assert "Query counts equal at 1× and 2×: **1 of 1**" in report
    assert f"| home `/` | officer | {measured[key].queries} | {measured[key].queries} |" in report
    share = 100 * home.per_second / constant.per_second
    built_share = 100 * built.per_second / constant.per_second
    assert f"| home `/` | officer | {home.per_second:.1f} | {share:.0f} %" in report
    assert f"| {built.per_second:.1f} | {built_share:.0f} %" in report
    reached = f"**{int(share >= 35)} of 1** pages kept, **{int(built_share >= 35)} of 1** built"
    assert f"- 2×: At least 35 % of the constant view: {reached}." in report
    assert f"| {home.requests:,} | {home.per_second:.1f} |" in report  # the soak's row
    assert "## Soak with writes: the same, while someone saves something every 0.2 s" in report
    assert f"| {while_written.requests:,} | {while_written.per_second:.1f} |" in report
    assert f"Writes committed meanwhile: {writes['count']}." in report
