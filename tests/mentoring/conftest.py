import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from mentoring.models import City, Organisation, Programme, Role, Scheme
from tests.factories import CityFactory, PairingFactory, SchemeFactory, person


@pytest.fixture
def sign_in(client):
    """Sign in as a demo person, by e-mail address."""

    def sign_in(email):
        client.force_login(User.objects.get(email=email))
        return client

    return sign_in


def page_text(response):
    """What a reader sees in the page's main region, as plain text."""
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def links(response, prefix):
    """The hrefs in the page's main region that start with prefix."""
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    return set(re.findall(rf'href="({re.escape(prefix)}[^"]*)"', main))


def queries(client, url):
    """How many queries one request for url makes."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def grow_network(demo):
    """Add to the demo network what a page must not pay for per row: pairings (some in
    scheme B, which Athens and MigrationWork see), their cities and people, and more
    people in Athens, Munich, MigrationWork and EUROCITIES."""

    def grow(pairings=6):
        programme = Programme.objects.get(slug="cities-grow")
        scheme_b = Scheme.objects.get(programme=programme, code="B")
        scheme_e = SchemeFactory(programme=programme, code="E", facilitator=Organisation.objects.get(slug="mpg"))
        for index in range(pairings):
            pairing = PairingFactory(
                scheme=scheme_b if index % 2 else scheme_e,
                mentor_city=CityFactory(iso_code="DE"),
                implementing_city=CityFactory(iso_code="FR"),
                verified=bool(index % 3),
            )
            for city in pairing.cities():
                for role in Role.city_roles():
                    person(role, city=city)
        for slug in ("athens", "munich"):
            for _ in range(3):
                person(Role.CITY_OFFICER, city=City.objects.get(slug=slug))
        for slug, role in (("migrationwork", Role.EXPERT_PARTNER), ("eurocities", Role.COORDINATOR)):
            for _ in range(3):
                person(role, organisation=Organisation.objects.get(slug=slug))

    return grow


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_directory(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
