"""The good-practice library at 10,000 practices: server time and query count of the library page.

Usage (PostgreSQL, a database of its own that this script empties):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citiesgrow_bench_library .venv/bin/python bench/library.py

It migrates the database, loads the demo network and the demo library (40 practices), measures the
library page as an anonymous visitor through Django's test client (the whole middleware stack, no
network), then adds 10,000 synthetic published practices (toolkits/generate.py: bulk inserts and one
UPDATE for the search index) and measures again. Prints a Markdown section for bench/README.md.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citiesgrow.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from mentoring.demo import load_demo_network  # noqa: E402
from toolkits.demo import load_demo_toolkits  # noqa: E402
from toolkits.generate import generate_practices  # noqa: E402
from toolkits.models import GoodPractice  # noqa: E402

PAGES = [
    "/library/",
    "/library/?q=mentoring",
    "/library/?q=%22social+value%22+OR+tenders",
    "/library/?q=youth+apprenticeships&theme=labour-market&country=DE",
    "/library/?commitment=B1&commitment=B3&sort=title",
    "/library/?q=entrepreneurs&page=20",
]
ROUNDS = 9
GROWTH = 10_000


def measure():
    client = Client()
    rows = {}
    for page in PAGES:
        client.get(page)  # warm up
        timings = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(page)
                timings.append(time.perf_counter() - start)
            assert response.status_code == 200, (page, response.status_code)
        rows[page] = (len(queries), statistics.median(timings) * 1000)
    return rows


def main():
    assert connection.vendor == "postgresql", "The library benchmark measures PostgreSQL full-text search."
    setup_test_environment()
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    load_demo_network()
    load_demo_toolkits()
    small_count = GoodPractice.objects.filter(state="published").count()
    small = measure()
    start = time.perf_counter()
    generate_practices(GROWTH, prefix="bench")
    generated_in = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE toolkits_goodpractice")
    large_count = GoodPractice.objects.filter(state="published").count()
    large = measure()
    print(
        f"Published practices: {small_count} (demo) and {large_count} (demo + {GROWTH:,} generated in "
        f"{generated_in:.1f} s). Anonymous visitor, median of {ROUNDS} requests.\n"
    )
    print(f"| page | queries ({small_count}) | queries ({large_count:,}) | ms ({small_count}) | ms ({large_count:,}) |")
    print("|---|---|---|---|---|")
    for page, (queries_small, ms_small) in small.items():
        queries_large, ms_large = large[page]
        print(f"| `{page}` | {queries_small} | {queries_large} | {ms_small:.1f} | {ms_large:.1f} |")


if __name__ == "__main__":
    main()
