"""The plan list, the staff's overview and the review queue, 50 plans a page, each only with what the reader
may see on every page."""

import csv
import io

import pytest

from actionplans.models import ActionPlan, PlanState
from citiesgrow.pagination import PAGE_SIZE
from tests.factories import enable_totp
from tests.paging import add_pairings, add_plans, pager


@pytest.fixture
def many_plans(network):
    """Scheme A (the officer's, facilitated by the expert's organisation): the officer's own draft, 55 endorsed
    plans and 52 waiting for review. Scheme B: 5 drafts and 3 plans waiting for the other expert."""
    scheme_a, scheme_b = network.pairing.scheme, network.other_pairing.scheme
    add_plans([network.pairing], PlanState.DRAFT)
    add_plans(add_pairings(scheme_a, "Public city", 55), PlanState.ENDORSED)
    add_plans(add_pairings(scheme_a, "Waiting city", 52), PlanState.SUBMITTED)
    add_plans(add_pairings(scheme_b, "Hidden city", 5), PlanState.DRAFT)
    add_plans(add_pairings(scheme_b, "Other waiting city", 3), PlanState.SUBMITTED)
    enable_totp(network["coordinator"])
    assert PAGE_SIZE == 50 and ActionPlan.objects.count() == 116
    return network


def cities(response):
    return [plan.pairing.implementing_city.name for plan in response.context["page"]]


def get(client, person, url):
    client.force_login(person)
    return client.get(url)


def test_an_officer_pages_through_the_public_plans_and_their_own(client, many_plans):
    officer = many_plans["officer"]
    own = many_plans.implementing_city.name

    first, second = get(client, officer, "/plans/"), get(client, officer, "/plans/?page=2")

    assert cities(first) == [own, *(f"Public city {n:03}" for n in range(1, 50))]
    assert cities(second) == [f"Public city {n:03}" for n in range(50, 56)]
    assert (pager(first).current, pager(first).next) == ("Page 1 of 2", "?page=2")
    assert (pager(second).current, pager(second).previous) == ("Page 2 of 2", "/plans/")
    assert "56 plans" in first.content.decode()


def test_no_page_of_the_plan_list_shows_another_pairings_draft_or_submitted_plan(client, many_plans):
    officer = many_plans["officer"]

    shown = cities(get(client, officer, "/plans/")) + cities(get(client, officer, "/plans/?page=2"))
    later_pages = get(client, officer, "/plans/?page=3").content.decode()

    assert not any(name.startswith(("Hidden", "Waiting", "Other")) for name in shown)
    assert "Hidden city" not in later_pages and "Waiting city" not in later_pages


def test_the_plan_export_has_every_plan_the_officer_may_see(client, many_plans):
    response = get(client, many_plans["officer"], "/exports/plans.csv")

    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1 + 56


def test_staff_page_through_every_plan_and_count_all_of_them_by_state_on_each_page(client, many_plans):
    coordinator = many_plans["coordinator"]

    pages = [get(client, coordinator, f"/staff/plans/?page={n}") for n in (1, 2, 3)]

    assert [len(cities(page)) for page in pages] == [50, 50, 16]
    assert len({name for page in pages for name in cities(page)}) == 116
    assert cities(pages[2])[-3:] == [f"Other waiting city {n:03}" for n in (1, 2, 3)]
    assert pager(pages[1]).current == "Page 2 of 3"
    for page in pages:
        states = dict(page.context["states"])
        assert (states["Draft"], states["Submitted for review"], states["Endorsed"]) == (6, 55, 55)


def test_an_expert_pages_through_the_plans_awaiting_their_review_only(client, many_plans):
    expert = many_plans["expert"]

    first, second = (
        get(client, expert, "/plans/awaiting-my-review/"),
        get(client, expert, "/plans/awaiting-my-review/?page=2"),
    )

    assert cities(first) == [f"Waiting city {n:03}" for n in range(1, 51)]
    assert cities(second) == ["Waiting city 051", "Waiting city 052"]
    assert pager(first).next == "?page=2" and pager(second).previous == "/plans/awaiting-my-review/"
    other = get(client, many_plans["other_expert"], "/plans/awaiting-my-review/")
    assert cities(other) == [f"Other waiting city {n:03}" for n in (1, 2, 3)] and pager(other) is None


@pytest.mark.parametrize(
    ("url", "role"),
    [("/plans/", "officer"), ("/plans/awaiting-my-review/", "expert"), ("/staff/plans/", "coordinator")],
)
@pytest.mark.parametrize(("asked", "shown"), [("1000", "last"), ("%00", "first"), ("2x", "first")])
def test_a_page_past_the_end_is_the_last_and_a_garbled_one_the_first(client, many_plans, url, role, asked, shown):
    response = get(client, many_plans[role], f"{url}?page={asked}")

    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.num_pages > 1
    assert page.number == (page.paginator.num_pages if shown == "last" else 1)
