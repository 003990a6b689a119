"""Query count and server time of the main pages, at 1× and 50× the demo network.

Usage (PostgreSQL, a database of its own that this script empties):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citiesgrow_bench .venv/bin/python bench/pages.py

It migrates the database, loads the demo network, measures each page as
three people (Athens officer, MigrationWork expert, EUROCITIES coordinator)
through Django's test client (the whole middleware stack, no network), then
grows the network to 800 cities and 400 pairings with three people per city
and measures again. A page whose query count grows with the data has an N+1.
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

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from accounts.models import User  # noqa: E402
from mentoring.demo import load_demo_network  # noqa: E402
from mentoring.models import City, Membership, Pairing, Programme, Role, Scheme  # noqa: E402

PAGES = ["/", "/programmes/cities-grow/", "/programmes/cities-grow/schemes/B/", "/cities/", "/people/"]
PEOPLE = ["officer@athens.example", "expert@migrationwork.example", "coordinator@eurocities.example"]
ROUNDS = 15


def grow(factor=50):
    """Add cities, pairings and people until the network is `factor` times the demo's."""
    programme = Programme.objects.get(slug="cities-grow")
    schemes = list(Scheme.objects.filter(programme=programme))
    cities = [
        City(name=f"Bench city {n}", slug=f"bench-city-{n}", country="Benchland", iso_code="BL")
        for n in range(16 * (factor - 1))
    ]
    City.objects.bulk_create(cities)
    cities = list(City.objects.filter(slug__startswith="bench-city-").order_by("pk"))
    Pairing.objects.bulk_create(
        Pairing(
            programme=programme,
            scheme=schemes[n % len(schemes)],
            mentor_city=cities[2 * n],
            implementing_city=cities[2 * n + 1],
        )
        for n in range(len(cities) // 2)
    )
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"p{n}@{city.slug}.example", name=f"Person {n} of {city.name}", password=password)
        for city in cities
        for n in range(3)
    )
    Membership.objects.bulk_create(
        Membership(user=user, role=role, city=cities[i // 3])
        for i, (user, role) in enumerate(zip(users, Role.city_roles() * len(cities), strict=True))
    )


def measure():
    rows = {}
    for email in PEOPLE:
        client = Client()
        client.force_login(User.objects.get(email=email))
        for page in PAGES:
            client.get(page)  # warm up
            timings = []
            for _ in range(ROUNDS):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(page)
                    timings.append(time.perf_counter() - start)
                assert response.status_code == 200, (email, page, response.status_code)
            rows[(email, page)] = (len(queries), statistics.median(timings) * 1000)
    return rows


def main():
    setup_test_environment()
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    load_demo_network()
    small = measure()
    grow()
    large = measure()
    print(
        f"Network: 1× = 16 cities, 8 pairings; 50× = {City.objects.count()} cities, "
        f"{Pairing.objects.count()} pairings, {User.objects.count()} people. Median of {ROUNDS} requests.\n"
    )
    print("| person | page | queries 1× | queries 50× | ms 1× | ms 50× |")
    print("|---|---|---|---|---|---|")
    for key, (queries_small, ms_small) in small.items():
        queries_large, ms_large = large[key]
        print(f"| {key[0]} | `{key[1]}` | {queries_small} | {queries_large} | {ms_small:.1f} | {ms_large:.1f} |")


if __name__ == "__main__":
    main()
