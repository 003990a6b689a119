"""At the demo's size (16 cities, 8 pairings, 53 people, 8 plans) every list and dashboard shows everything on
one page: no page navigation, no "and … more" link."""

import pytest

from accounts.models import User
from actionplans.demo import load_demo_plans
from tests.factories import enable_totp
from tests.paging import pager

PAGES = [
    ("/", "coordinator@eurocities.example"),
    ("/", "expert@migrationwork.example"),
    ("/programmes/cities-grow/", "officer@athens.example"),
    ("/programmes/cities-grow/schemes/B/", "coordinator@eurocities.example"),
    ("/cities/", "coordinator@eurocities.example"),
    ("/people/", "coordinator@eurocities.example"),
    ("/plans/", "coordinator@eurocities.example"),
    ("/plans/awaiting-my-review/", "expert@mpg.example"),
    ("/staff/plans/", "coordinator@eurocities.example"),
    ("/staff/dashboard/", "coordinator@eurocities.example"),
    ("/dashboard/expert/", "expert@mpg.example"),
]


@pytest.mark.parametrize(("url", "email"), PAGES)
def test_the_demo_fits_on_one_page(client, demo, url, email):
    load_demo_plans()
    user = User.objects.get(email=email)
    if user.is_superuser:
        enable_totp(user)
    client.force_login(user)

    response = client.get(url)

    assert response.status_code == 200
    assert pager(response) is None
    assert " more — " not in response.content.decode()
