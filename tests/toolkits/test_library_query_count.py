"""The library page costs the same number of queries with 100 practices as with 2,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ThemeFactory
from toolkits.generate import generate_practices

pytestmark = pytest.mark.django_db

PAGES = ["", "?q=mentoring+entrepreneurs", "?q=jobs&theme=jobs&country=FI&sort=title&page=2", "?commitment=B1"]


def queries_per_page(client):
    counts = []
    for page in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("toolkits:library") + page)
        assert response.status_code == 200
        counts.append(len(queries))
    return counts


def test_library_query_count_does_not_grow_with_the_practices(client, network):
    ThemeFactory(slug="jobs", name="Jobs")
    ThemeFactory(slug="business", name="Business")
    client.force_login(network["officer"])
    generate_practices(100, prefix="small")
    small = queries_per_page(client)

    generate_practices(1900, prefix="large", seed=2)
    large = queries_per_page(client)

    assert small == large
    assert max(large) <= 16  # the facets and the total are counted in one query
