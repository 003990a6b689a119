"""The performance report, docs/performance.md: query counts, throughput on gunicorn and a soak, at 1× and
50× the demo network, in one command.

Usage (PostgreSQL and Redis; a database of its own, which this script empties):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citiesgrow_bench .venv/bin/python bench/performance.py
    … bench/performance.py --quick     # a smoke run of a minute or two, written to a temporary file

Steps: empty and migrate the database, `load_demo`; measure every main page as each relevant person
through Django's test client (query count, server time, time in SQL); start gunicorn and measure each
page's throughput under concurrent load next to a constant view behind the same middleware and session;
grow the network to 50× (bench/growth.py) and measure again; then 100 concurrent users for 60 s over a mix
of the pages, and again while someone else saves something every second. The report says how everything
was measured. The exit status is 1 when a page's query count grows with the data, a page answers anything
but 200, or a soak sees an error.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citiesgrow.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "1")
# The API's throttles would answer 429 long before the load ends; they still run, with room to spare.
os.environ.setdefault("API_ANON_RATE", "1000000/minute")
os.environ.setdefault("API_USER_RATE", "1000000/minute")
# Persistent database connections, as .env.example sets them for production.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
# whitenoise warns that STATIC_ROOT is missing: the benchmark serves static files from the finders.
warnings.filterwarnings("ignore", "No directory at", UserWarning)

import django  # noqa: E402
from django.apps import apps  # noqa: E402

if not apps.ready:
    django.setup()

import gunicorn  # noqa: E402
from allauth.mfa.models import Authenticator  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.growth import counts, grow  # noqa: E402
from bench.loadgen import Target, gunicorn_server, run_load  # noqa: E402
from mentoring.models import City, Pairing  # noqa: E402
from toolkits.models import GoodPractice, Toolkit  # noqa: E402

PEOPLE = {
    "visitor": None,
    "officer": "officer@athens.example",
    "mentor officer": "officer@munich.example",
    "approver": "admin@athens.example",
    "expert": "expert@migrationwork.example",
    "coordinator": "coordinator@eurocities.example",
}
WHO = {
    "visitor": "anonymous visitor",
    "officer": "city officer, Athens (implementing)",
    "mentor officer": "city officer, Munich (mentor)",
    "approver": "administrative approver, Athens",
    "expert": "expert partner, MigrationWork (scheme B)",
    "coordinator": "coordinator, EUROCITIES",
}
# Each page with the people who request it; the first of them also under load on gunicorn. Paths name the
# demo's Munich → Athens pairing, its plan and first visit, the first published practice and toolkit.
PAGES = [
    *[("home", "/", [role]) for role in PEOPLE],
    ("programme", "/programmes/cities-grow/", ["officer", "expert", "coordinator"]),
    ("scheme", "/programmes/cities-grow/schemes/B/", ["officer", "expert", "coordinator"]),
    ("pairing", "/pairings/{pairing}/", ["officer", "mentor officer", "expert", "coordinator"]),
    ("city list", "/cities/", ["officer", "expert", "coordinator"]),
    ("city", "/cities/athens/", ["officer", "coordinator"]),
    ("people", "/people/", ["officer", "expert", "coordinator"]),
    ("calendar", "/calendar/", ["officer", "expert", "coordinator"]),
    ("visit", "/visits/{visit}/", ["officer", "expert"]),
    ("visit report", "/visits/{visit}/report/", ["officer", "expert"]),
    ("plan", "/plans/{plan}/", ["officer", "mentor officer", "approver", "expert", "coordinator"]),
    ("plan list", "/plans/", ["officer", "coordinator"]),
    ("plan review queue", "/plans/awaiting-my-review/", ["expert"]),
    ("plans overview (staff)", "/staff/plans/", ["coordinator"]),
    ("coordinator dashboard", "/staff/dashboard/", ["coordinator"]),
    ("expert dashboard", "/dashboard/expert/", ["expert"]),
    ("city dashboard", "/dashboard/city/", ["officer", "approver"]),
    ("library", "/library/", ["visitor", "officer"]),
    ("library search", "/library/?q=mentoring+entrepreneurs", ["visitor", "officer"]),
    ("practice", "/library/{practice}/", ["visitor", "officer"]),
    ("toolkit list", "/toolkits/", ["visitor", "expert"]),
    ("toolkit", "/toolkits/{toolkit}/", ["visitor", "expert"]),
    ("events", "/events/", ["visitor"]),
    ("notifications", "/notifications/", ["officer"]),
    ("API cities", "/api/cities/", ["visitor"]),
    ("API pairings", "/api/pairings/", ["visitor", "coordinator"]),
    ("API practices", "/api/practices/", ["visitor"]),
    ("API plans", "/api/plans/", ["officer", "coordinator"]),
    ("API visits", "/api/visits/", ["officer", "coordinator"]),
    ("API recommendations", "/api/recommendations/", ["expert", "coordinator"]),
]
CONSTANT = "/bench/constant/"
GOAL = 35  # % of the constant view's throughput


def page_paths():
    """Every (page, path, role) of PAGES, with the demo's objects filled in."""
    pairing = Pairing.objects.get(implementing_city__slug="athens")
    refs = {
        "pairing": pairing.pk,
        "plan": pairing.action_plan.pk,
        "visit": pairing.visits.filter(report__isnull=False).order_by("pk").first().pk,
        "practice": GoodPractice.objects.filter(state=GoodPractice.State.PUBLISHED).order_by("pk").first().slug,
        "toolkit": Toolkit.objects.filter(state=Toolkit.State.PUBLISHED).order_by("pk").first().slug,
    }
    return [(name, path.format(**refs), role) for name, path, roles in PAGES for role in roles]


def under_load(paths):
    """The (page, path, role) measured on gunicorn: each page as its first person."""
    seen, chosen = set(), []
    for name, path, role in paths:
        if (name, path) not in seen or name == "home":
            seen.add((name, path))
            chosen.append((name, path, role))
    return chosen


def prepare_people():
    """Coordinator staff need an authenticator app before staff pages, as in production."""
    coordinator = User.objects.get(email=PEOPLE["coordinator"])
    if not Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(coordinator, generate_totp_secret())


def clients():
    """A signed-in test client per role (an anonymous one for the visitor)."""
    result = {}
    for role, email in PEOPLE.items():
        result[role] = Client()
        if email:
            result[role].force_login(User.objects.get(email=email))
    return result


def sessions(role_clients):
    """Each role's cookies as its browser sends them: the session (none for the visitor) and the CSRF cookie."""
    result = {}
    for role, client in role_clients.items():
        if "csrftoken" not in client.cookies:
            client.get("/")  # a browser's first page sets it (the language switcher is a form)
        result[role] = {
            "session": client.cookies["sessionid"].value if PEOPLE[role] else "",
            "csrf": client.cookies["csrftoken"].value,
        }
    return result


@dataclass
class ServerTime:
    queries: int
    ms: float  # median server time through the test client
    sql_ms: float  # median time in SQL of those requests
    kb: float  # size of the response
    kept: "ServerTime | None" = None  # the same page served again from the page cache


class _SqlTimer:
    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def _server_time(client, path, role, rounds):
    """The fewest queries of `rounds` requests (a write anywhere on the database server makes a kept page
    be built again), and their median server and SQL time."""
    counts, times, sql_times = [], [], []
    for _ in range(rounds):
        timer = _SqlTimer()
        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timer):
            start = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise AssertionError(f"{path} as {role} answered {response.status_code}")
        counts.append(len(queries))
        sql_times.append(timer.seconds)
    return ServerTime(
        min(counts), 1000 * statistics.median(times), 1000 * statistics.median(sql_times), len(response.content) / 1024
    )


def query_counts(paths, role_clients, rounds=5):
    """Each (page, role) through the test client, built (the page cache off) and then served kept by the page
    cache: the query count and the median server and SQL time of each."""
    cache.clear()
    rows = {}
    for name, path, role in paths:
        client = role_clients[role]
        client.get(path)  # the first request may create things once (a calendar feed's token)
        settings.PAGE_CACHE = False
        try:
            built = _server_time(client, path, role, rounds)
        finally:
            settings.PAGE_CACHE = True
        client.get(path)
        built.kept = _server_time(client, path, role, rounds)
        rows[(name, path, role)] = built
    return rows


@dataclass
class Throughput:
    constant_before: object
    constant_after: object
    pages: dict  # (name, path, role) -> loadgen.Result, the page cache on (as in production): mostly kept
    built: dict = field(default_factory=dict)  # the same, the page cache off: every answer built

    @property
    def constant_per_second(self):
        return (self.constant_before.per_second + self.constant_after.per_second) / 2

    def share(self, key, *, built=False):
        return 100 * (self.built if built else self.pages)[key].per_second / self.constant_per_second

    def loads(self):
        """Every measurement of this size, named."""
        return [
            *((key, load) for key, load in self.pages.items()),
            *(((f"{key[0]}, built", *key[1:]), load) for key, load in self.built.items()),
            (("constant, before", CONSTANT, "officer"), self.constant_before),
            (("constant, after", CONSTANT, "officer"), self.constant_after),
        ]


def _measure(base_url, target, *, concurrency, duration, warm):
    run_load(base_url, [target], concurrency=concurrency, duration=warm)  # every worker renders it once
    return run_load(base_url, [target], concurrency=concurrency, duration=duration)


def throughput(kept_url, built_url, chosen, role_sessions, **load):
    """The constant view, then every chosen page on the server that keeps pages, then every page on the one
    that builds them each time, then the constant view again (on that second server: the constant view does
    not use the page cache)."""
    constant = Target(CONSTANT, **role_sessions["officer"])
    targets = {key: Target(key[1], **role_sessions[key[2]]) for key in chosen}
    before = _measure(kept_url, constant, **load)
    pages = {key: _measure(kept_url, target, **load) for key, target in targets.items()}
    built = {key: _measure(built_url, target, **load) for key, target in targets.items()}
    return Throughput(before, _measure(built_url, constant, **load), pages, built)


@dataclass
class Run:
    options: dict
    machine: dict
    sizes: dict = field(default_factory=dict)  # "1×"/"50×" -> counts()
    growth_seconds: float = 0.0
    queries: dict = field(default_factory=dict)  # scale -> {(name, path, role): ServerTime}
    throughput: dict = field(default_factory=dict)  # scale -> Throughput
    soak: object = None  # loadgen.Result
    soak_with_writes: object = None  # loadgen.Result, while another person saves something every few seconds
    writes: int = 0  # the writes committed during that soak
    seconds: float = 0.0

    @property
    def scales(self):
        return list(self.queries)

    def unequal_counts(self):
        small, large = (self.queries[s] for s in self.scales)
        return [
            key
            for key in small
            if small[key].queries != large[key].queries
            or (small[key].kept and large[key].kept and small[key].kept.queries != large[key].kept.queries)
        ]

    def page_errors(self):
        return [
            (scale, key)
            for scale, result in self.throughput.items()
            for key, load in result.loads()
            if set(load.statuses) != {200} or load.failures
        ]

    @property
    def ok(self):
        return (
            not self.unequal_counts()
            and not self.page_errors()
            and all(soak is None or soak.errors == 0 for soak in (self.soak, self.soak_with_writes))
        )


def machine():
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "postgresql": postgres,
        "load_before": os.getloadavg(),
    }


def _ms(value):
    return "—" if value is None else f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def _where(server_time):
    """Where a page's server time goes, from the test client's measurement: a row of the goal table."""
    sql_share = server_time.sql_ms / server_time.ms if server_time.ms else 0
    cause = "SQL" if sql_share >= 0.5 else "Python (view, serialisation, templates)"
    return (
        f"{_ms(server_time.ms)} | {server_time.queries} | {_ms(server_time.sql_ms)} ({sql_share:.0%}) | "
        f"{_ms(server_time.ms - server_time.sql_ms)} | {server_time.kb:.0f} | {cause}"
    )


def _share(share):
    return f"{share:.0f} %" + ("" if share >= GOAL else " ✗")


def _goal_sentence(result):
    def reached(built):
        pages = result.built if built else result.pages
        return sum(result.share(key, built=built) >= GOAL for key in pages), len(pages)

    kept, built = reached(False), reached(True)
    return (
        f"At least {GOAL} % of the constant view: **{kept[0]} of {kept[1]}** pages kept, "
        f"**{built[0]} of {built[1]}** built."
    )


def render_report(run):
    o, m = run.options, run.machine
    small_scale, large_scale = run.scales
    lines = [
        "# Performance",
        "",
        "Generated by `make performance` (`bench/performance.py`"
        + (" --quick" if o["quick"] else "")
        + f") on {o['date']}; do not edit by hand, run it again. The run took {run.seconds / 60:.1f} minutes.",
        "",
        "**Result:** "
        + (
            "every page's query count is the same at both sizes, every request answered, no soak error."
            if run.ok
            else "**problems found** — see the marked rows below."
        ),
        "",
        *(f"- {scale}: {_goal_sentence(result)}" for scale, result in run.throughput.items()),
        "",
        "## The machine",
        "",
        "| | |",
        "|---|---|",
        f"| processor | {m['cpu']}, {m['cores']} cores |",
        f"| system | {m['system']} |",
        f"| software | Python {m['python']}, Django {m['django']}, gunicorn {m['gunicorn']}, "
        f"PostgreSQL {m['postgresql']} (same host) |",
        f"| load average (1, 5, 15 min) before / after | {' '.join(f'{v:.2f}' for v in m['load_before'])} / "
        f"{' '.join(f'{v:.2f}' for v in m['load_after'])} |",
        "",
        "Server and load generator share the machine's cores, and PostgreSQL runs on it too; the throughput of "
        "a page is therefore always compared with the constant view measured in the same run, never with "
        "another run.",
        "",
        "## The data",
        "",
        f"| | {small_scale} (the demo) | {large_scale} |",
        "|---|---|---|",
        *[
            f"| {what} | {run.sizes[small_scale][what]:,} | {run.sizes[large_scale][what]:,} |"
            for what in run.sizes[small_scale]
        ],
        "",
        f"`{small_scale}` is `manage.py load_demo`. `{large_scale}` adds synthetic rows with bulk inserts "
        f"(`bench/growth.py`, {run.growth_seconds:.0f} s): cities and pairings in the four schemes, three people "
        "per city, an action plan per pairing (its state in turn through the workflow, with transitions, "
        "versions, reviews and decisions), 50 actions per plan (the demo plans grow to 50 actions too), "
        "reported visits with a brief, a report and three or four recommendations (five more on each demo "
        "pairing), and good practices (`toolkits/generate.py`).",
        "",
        "## How it is measured",
        "",
        f"1. **Query counts**: each page is requested as each person through Django's test client (the whole "
        f"middleware stack, no network) once to warm up, then {o['rounds']} times with the page cache turned "
        "off (`PAGE_CACHE=0`): the page is **built**, as after any change to the data. The table gives the query "
        "count, the median server time and the median time spent in SQL (a database execute wrapper), at both "
        "sizes. Equal counts mean no page asks once per row. Then the same page is requested again with the "
        "page cache on, as in production, and served **kept**: the last two columns.",
        f"2. **Throughput**: gunicorn {m['gunicorn']} with {o['workers']} sync workers (the Dockerfile's "
        "worker class; 2 × cores + 1, gunicorn's rule of thumb), `DEBUG=0`, persistent database connections "
        f"(`DATABASE_CONN_MAX_AGE={os.environ['DATABASE_CONN_MAX_AGE']}`, as `.env.example`), the cache "
        f"`{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}`, on the same database. A load generator "
        "(`bench/loadgen.py`: "
        f"asyncio over plain sockets, one connection per request as gunicorn's sync workers close them) runs "
        f"{o['concurrency']} concurrent users requesting one page for {o['duration']:g} s, after "
        f"{o['warm']:g} s of warm-up that is not counted. Each user sends the cookies of the page's person's "
        "browser: the signed-in session (a session created like a sign-in; none for the visitor) and the CSRF "
        "cookie. Every page is measured on two servers of the same code and settings: one with the page cache "
        "on, as in production (`pagecache/`), where a page is kept for its person until the data changes and "
        "for at most a minute, so under this read-only load almost every answer is served **kept** (each worker "
        "builds the page once a minute); and one started with `PAGE_CACHE=0`, where every answer is **built**, "
        "as for the first request after any write. The **constant view** "
        f"(`{CONSTANT}`, only in the benchmark's URLconf `bench/urls.py`) answers a fixed 100-byte page behind "
        "the same middleware and the same sign-in check; it is measured before and after the pages, and each "
        f"page's requests per second are given as a share of their mean. Goal: at least {GOAL} %.",
        f"3. **Soak**: {o['soak_users']} concurrent users for {o['soak_seconds']:g} s at {large_scale}, each "
        "going through all the pages of the throughput table in turn (from a different starting page) as their "
        "people, on the server that keeps pages. Every answer other than 2xx/3xx and every connection error or "
        "timeout counts as an error. Then the same soak again while someone else saves something every "
        f"{o['write_interval']:g} s (a committed `UPDATE` of a city, from another connection): each write gives "
        "every later request another database snapshot, so every kept page is built again, as in daily use "
        "where people read and write at once.",
        "",
        "The API's throttles (60 and 600 requests a minute by default) are raised for the run "
        "(`API_ANON_RATE`, `API_USER_RATE`): they would otherwise answer 429 to a load generator, which is "
        "their job; the throttle check still runs on every API request.",
        "",
        "## Query count and server time of every main page",
        "",
        f"| page | person | queries {small_scale} | queries {large_scale} | ms {small_scale} | "
        f"ms {large_scale} | of which SQL {large_scale} | KB {large_scale} | kept: queries | "
        f"kept: ms {large_scale} |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    small, large = run.queries[small_scale], run.queries[large_scale]
    for key, s in small.items():
        name, path, role = key
        b = large[key]
        equal = "" if s.queries == b.queries else " **≠**"
        kept = (
            f"{b.kept.queries}{'' if s.kept.queries == b.kept.queries else ' **≠**'} | {_ms(b.kept.ms)}"
            if b.kept and s.kept
            else "— | —"
        )
        lines.append(
            f"| {name} `{path}` | {role} | {s.queries} | {b.queries}{equal} | {_ms(s.ms)} | {_ms(b.ms)} | "
            f"{_ms(b.sql_ms)} | {b.kb:.0f} | {kept} |"
        )
    unequal = run.unequal_counts()
    lines += [
        "",
        f"Query counts equal at {small_scale} and {large_scale}: **{len(small) - len(unequal)} of {len(small)}**"
        + (f"; differing: {', '.join(f'{n} as {r}' for n, _, r in unequal)}." if unequal else "."),
        "",
        "## Throughput under concurrent load on gunicorn",
        "",
    ]
    for scale, result in run.throughput.items():
        lines += [
            f"### {scale}",
            "",
            f"Constant view: {result.constant_before.per_second:.0f} requests/s before the pages, "
            f"{result.constant_after.per_second:.0f} after (p95 {_ms(result.constant_before.percentile(95))} / "
            f"{_ms(result.constant_after.percentile(95))} ms); the shares below are of their mean, "
            f"{result.constant_per_second:.0f} requests/s.",
            "",
            "| page | person | kept: requests/s | % of constant | p50 ms | p95 ms | p99 ms | built: requests/s | "
            "% of constant | p50 ms | p95 ms | p99 ms | requests | errors |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for key, load in result.pages.items():
            name, path, role = key
            built = result.built.get(key)
            errors = sum(
                m.errors + sum(n for status, n in m.statuses.items() if status != 200 and status < 400)
                for m in (load, built)
                if m
            )
            built_cells = (
                f"{built.per_second:.1f} | {_share(result.share(key, built=True))} | {_ms(built.median)} | "
                f"{_ms(built.percentile(95))} | {_ms(built.percentile(99))}"
                if built
                else "— | — | — | — | —"
            )
            lines.append(
                f"| {name} `{path}` | {role} | {load.per_second:.1f} | {_share(result.share(key))} | "
                f"{_ms(load.median)} | {_ms(load.percentile(95))} | {_ms(load.percentile(99))} | {built_cells} | "
                f"{load.requests + (built.requests if built else 0)} | {errors} |"
            )
        lines += ["", _goal_sentence(result), ""]
    lines += ["## Pages under the goal when built", ""]
    missing = [
        (scale, key, result.share(key, built=True))
        for scale, result in run.throughput.items()
        for key in result.built
        if result.share(key, built=True) < GOAL
    ]
    if not missing:
        lines.append(f"Every page reaches {GOAL} % of the constant view at both sizes, even when built.")
    else:
        lines += [
            f"{len(missing)} of {sum(len(r.built) for r in run.throughput.values())} measurements are under "
            f"{GOAL} % of the constant view's throughput when the page is built. Where their server time goes, "
            "from the test client's measurement at the same size (one request at a time, no contention), as the "
            "page is built: the median server time, its queries and the time spent in them, the rest (Python: "
            "middleware, view, serialisation and template rendering) and the size of the answer; the larger part "
            "is named the cause.",
            "",
            "| page | person | size | % of constant | server ms | queries | SQL ms | Python ms | KB | mostly |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for scale, key, share in missing:
            lines.append(
                f"| {key[0]} `{key[1]}` | {key[2]} | {scale} | {share:.0f} % | {_where(run.queries[scale][key])} |"
            )
    lines.append("")
    for title, soak in [
        (f"## Soak: {o['soak_users']} concurrent users for {o['soak_seconds']:g} s at {large_scale}", run.soak),
        (
            f"## Soak with writes: the same, while someone saves something every {o['write_interval']:g} s",
            run.soak_with_writes,
        ),
    ]:
        if soak is None:
            continue
        statuses = ", ".join(f"{n:,} × {status}" for status, n in sorted(soak.statuses.items()))
        failures = ", ".join(f"{n} × {kind}" for kind, n in soak.failures.items()) or "none"
        lines += [
            title,
            "",
            "| requests | requests/s | p50 ms | p95 ms | p99 ms | errors |",
            "|---|---|---|---|---|---|",
            f"| {soak.requests:,} | {soak.per_second:.1f} | {_ms(soak.median)} | {_ms(soak.percentile(95))} | "
            f"{_ms(soak.percentile(99))} | {soak.errors} |",
            "",
            f"Answers: {statuses}. Connection errors and timeouts: {failures}."
            + (f" Writes committed meanwhile: {run.writes}." if soak is run.soak_with_writes else ""),
            "",
        ]
    return "\n".join(lines)


def empty_and_load_demo():
    name = connection.settings_dict["NAME"]
    if connection.vendor != "postgresql" or "bench" not in name:
        sys.exit(
            f"bench/performance.py empties its database: give it a PostgreSQL database named …bench… (not {name})."
        )
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    prepare_people()


@contextmanager
def someone_writing(*, every):
    """Someone else saving something every `every` seconds while the block runs: an UPDATE committed from a
    connection of its own, which gives every later request another database snapshot. Yields the count."""
    city = City.objects.order_by("pk").values_list("pk", flat=True).first()
    done, writes = threading.Event(), {"count": 0}

    def write():
        try:
            while not done.wait(every):
                with connection.cursor() as cursor:
                    cursor.execute("UPDATE mentoring_city SET name = name WHERE id = %s", [city])
                writes["count"] += 1
        finally:
            connection.close()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield writes
    finally:
        done.set()
        writer.join()


def measure_scale(run, scale, options, log):
    role_clients = clients()
    paths = page_paths()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    run.sizes[scale] = counts()
    print(f"{scale}: query counts of {len(paths)} pages…", flush=True)
    run.queries[scale] = query_counts(paths, role_clients, rounds=options["rounds"])
    chosen = under_load(paths)
    print(f"{scale}: throughput of {len(chosen)} pages on gunicorn…", flush=True)
    with (
        gunicorn_server(workers=options["workers"], log=log) as base_url,
        gunicorn_server(workers=options["workers"], env={"PAGE_CACHE": "0"}, log=log) as built_url,
    ):
        run.throughput[scale] = throughput(
            base_url,
            built_url,
            chosen,
            sessions(role_clients),
            concurrency=options["concurrency"],
            duration=options["duration"],
            warm=options["warm"],
        )
        if scale == options["large"]:
            print(f"{scale}: soak, {options['soak_users']} users for {options['soak_seconds']:g} s…", flush=True)
            role_sessions = sessions(role_clients)
            targets = [Target(path, **role_sessions[role]) for _, path, role in chosen]
            run.soak = run_load(base_url, targets, concurrency=options["soak_users"], duration=options["soak_seconds"])
            print(f"{scale}: soak with a write every {options['write_interval']:g} s…", flush=True)
            with someone_writing(every=options["write_interval"]) as writes:
                run.soak_with_writes = run_load(
                    base_url, targets, concurrency=options["soak_users"], duration=options["soak_seconds"]
                )
            run.writes = writes["count"]


def main(argv=None):
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: 5×, 1 s per page, a 10 s soak")
    parser.add_argument("--factor", type=int, help="how many times the demo the large network is (50)")
    parser.add_argument("--workers", type=int, default=2 * cores + 1, help="gunicorn workers (2 × cores + 1)")
    parser.add_argument("--concurrency", type=int, help="concurrent users per page (2 × workers)")
    parser.add_argument("--duration", type=float, help="seconds of load per page (8)")
    parser.add_argument("--soak-users", type=int, default=100)
    parser.add_argument("--soak-seconds", type=float, help="(60)")
    parser.add_argument("--write-interval", type=float, default=1.0, help="seconds between writes in the second soak")
    parser.add_argument("--output", type=Path, help="the report (docs/performance.md; a temporary file with --quick)")
    args = parser.parse_args(argv)
    quick = args.quick
    factor = args.factor or (5 if quick else 50)
    options = {
        "quick": quick,
        "date": datetime.date.today().isoformat(),
        "workers": args.workers,
        "concurrency": args.concurrency or 2 * args.workers,
        "duration": args.duration or (1.0 if quick else 8.0),
        "warm": 0.3 if quick else 1.0,
        "rounds": 2 if quick else 5,
        "soak_users": args.soak_users,
        "soak_seconds": args.soak_seconds or (10.0 if quick else 60.0),
        "write_interval": args.write_interval,
        "large": f"{factor}×",
    }
    output = args.output or (
        Path(tempfile.gettempdir()) / "performance-quick.md" if quick else ROOT / "docs/performance.md"
    )
    started = time.perf_counter()
    # The test client's host. Not setup_test_environment(): its instrumented template rendering copies the
    # context at every include, which would add to the server times what gunicorn never spends.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    run = Run(options=options, machine=machine())
    print("Emptying the database and loading the demo…", flush=True)
    empty_and_load_demo()
    with tempfile.TemporaryFile("w+") as log:
        try:
            measure_scale(run, "1×", options, log)
            print(f"Growing to {factor}×…", flush=True)
            start = time.perf_counter()
            grow(factor)
            run.growth_seconds = time.perf_counter() - start
            measure_scale(run, options["large"], options, log)
        except Exception:
            log.seek(0)
            sys.stderr.write(log.read()[-5000:])
            raise
    run.machine["load_after"] = os.getloadavg()
    run.seconds = time.perf_counter() - started
    output.write_text(render_report(run) + "\n")
    print(f"Wrote {output} in {run.seconds / 60:.1f} minutes." + ("" if run.ok else " Problems found: see the report."))
    return 0 if run.ok else 1


if __name__ == "__main__":
    sys.exit(main())
