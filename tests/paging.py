"""Lists longer than a page: rows made in bulk, and what a reader gets of a page and of its navigation."""

import html
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from actionplans.models import ActionPlan
from mentoring.models import City, Membership, Pairing


def add_cities(prefix, count):
    """Cities named "<prefix> 001"… in the order they are made."""
    return City.objects.bulk_create(
        City(name=f"{prefix} {n:03}", slug=f"{slugify(prefix)}-{n:03}", country="Pageland", iso_code="PL")
        for n in range(1, count + 1)
    )


def add_pairings(scheme, prefix, count):
    """Pairings of the scheme between new cities; the implementing cities are named "<prefix> 001"…"""
    mentors = add_cities(f"{prefix} mentor", count)
    implementing = add_cities(prefix, count)
    return Pairing.objects.bulk_create(
        Pairing(programme_id=scheme.programme_id, scheme=scheme, mentor_city=mentor, implementing_city=city)
        for mentor, city in zip(mentors, implementing, strict=True)
    )


def add_people(role, prefix, count, *, city=None, organisation=None):
    """People with one role, named "<prefix> 001"… and with the address <prefix>001@paging.example."""
    users = User.objects.bulk_create(
        User(email=f"{slugify(prefix)}{n:03}@paging.example", name=f"{prefix} {n:03}") for n in range(1, count + 1)
    )
    Membership.objects.bulk_create(
        Membership(user=user, role=role, city=city, organisation=organisation) for user in users
    )
    return users


def add_plans(pairings, state):
    """A plan in the given state for each pairing, titled after its implementing city."""
    return ActionPlan.objects.bulk_create(
        ActionPlan(
            pairing=pairing,
            title=f"Plan of {pairing.implementing_city.name}",
            state=state,
            state_changed_at=timezone.now(),
        )
        for pairing in pairings
    )


@dataclass
class Pager:
    label: str
    current: str  # "Page 2 of 3"
    previous: str | None  # where "Previous" leads
    next: str | None


def pager(response):
    """The page navigation under a list, as a reader finds it, or None when the list fits on one page."""
    found = re.search(
        r'<nav aria-label="([^"]+)">\s*<ul class="pagination[^"]*">(.*?)</ul>\s*</nav>', _html(response), re.S
    )
    if found is None:
        return None
    items = found.group(2)
    current = re.search(r'aria-current="page"><span class="page-link">(.*?)</span>', items, re.S).group(1)

    def target(rel):
        link = re.search(rf'rel="{rel}" href="([^"]*)"', items)
        return html.unescape(link.group(1)) if link else None

    return Pager(html.unescape(found.group(1)), current.strip(), target("prev"), target("next"))


def _html(response):
    return response.content.decode()
