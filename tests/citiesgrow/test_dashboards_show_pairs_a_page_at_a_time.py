"""The coordinator's and the expert partner's dashboards: 25 pairs a page in the table (and the coordinator's
charts), the scheme totals and the exports over every pair, the scheme filter kept from page to page."""

import csv
import io
import re

import pytest

from actionplans.models import PlanState
from citiesgrow.pagination import HEAVY_PAGE_SIZE, PREVIEW_SIZE
from tests.factories import enable_totp
from tests.paging import add_pairings, add_plans, pager


@pytest.fixture
def many_pairs(network):
    """Scheme A (the expert's): the network's pairing, then 30 more to "Paging city 001"…, the last 12 of them
    with a plan waiting for the expert's review. Scheme B (the other expert's): the network's and 4 more."""
    paging = add_pairings(network.pairing.scheme, "Paging city", 30)
    add_plans(paging[18:], PlanState.SUBMITTED)
    add_pairings(network.other_pairing.scheme, "Other city", 4)
    enable_totp(network["coordinator"])
    assert HEAVY_PAGE_SIZE == 25 and PREVIEW_SIZE == 10
    return network


def cities(response):
    return [row.pairing.implementing_city.name for row in response.context["rows"]]


def scheme_totals(response):
    return {summary.scheme.code: len(summary.rows) for summary in response.context["schemes"]}


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


@pytest.fixture
def coordinator(client, many_pairs):
    client.force_login(many_pairs["coordinator"])
    return client


@pytest.fixture
def expert(client, many_pairs):
    client.force_login(many_pairs["expert"])
    return client


def test_the_coordinator_sees_25_pairs_and_every_pair_in_the_scheme_totals(coordinator, many_pairs):
    first, second = coordinator.get("/staff/dashboard/"), coordinator.get("/staff/dashboard/?page=2")

    assert cities(first)[:2] == [many_pairs.implementing_city.name, "Paging city 001"] and len(cities(first)) == 25
    assert len(cities(second)) == 11 and cities(second)[-4:] == [f"Other city {n:03}" for n in (1, 2, 3, 4)]
    assert scheme_totals(first) == scheme_totals(second) == {"A": 31, "B": 5}
    assert (pager(first).current, pager(first).next) == ("Page 1 of 2", "?page=2")
    assert pager(second).previous == "/staff/dashboard/"


def test_the_charts_draw_the_pairs_of_the_page(coordinator):
    html = coordinator.get("/staff/dashboard/?page=2").content.decode()

    visits = re.search(r'id="visits-chart-title".*?</svg>', html, re.S).group(0)
    assert visits.count('class="chart-label') == 11
    assert "The pairs of page 2 of 2 of the table above." in html


def test_the_scheme_filter_stays_on_from_page_to_page(coordinator):
    first = coordinator.get("/staff/dashboard/?scheme=A")
    second = coordinator.get("/staff/dashboard/" + pager(first).next)

    assert pager(first).next == "?scheme=A&page=2"
    assert len(cities(first)) == 25 and len(cities(second)) == 6
    assert {row.pairing.scheme.code for row in [*first.context["rows"], *second.context["rows"]]} == {"A"}
    assert pager(second).previous == "?scheme=A"
    assert 'href="/staff/dashboard/export.csv?scheme=A"' in second.content.decode()


def test_a_wrong_filter_is_still_refused_on_any_page(coordinator):
    assert coordinator.get("/staff/dashboard/?scheme=A&page=2&sort=risk").status_code == 400


@pytest.mark.parametrize(("asked", "number"), [("9", 2), ("-3", 2), ("last", 1), ("", 1)])
def test_a_page_past_the_end_is_the_last_and_a_garbled_one_the_first(coordinator, asked, number):
    response = coordinator.get(f"/staff/dashboard/?page={asked}")

    assert response.status_code == 200 and response.context["page"].number == number


def test_the_export_has_every_pair_whatever_the_page(coordinator):
    assert len(csv_rows(coordinator.get("/staff/dashboard/export.csv?scheme=A&page=2"))) == 31
    assert len(csv_rows(coordinator.get("/staff/dashboard/export.csv"))) == 36


def test_the_expert_pages_through_the_pairs_of_their_scheme_only(expert, many_pairs):
    first, second = expert.get("/dashboard/expert/"), expert.get("/dashboard/expert/?page=2")

    assert len(cities(first)) == 25 and cities(second) == [f"Paging city {n:03}" for n in range(25, 31)]
    for page in (first, second, expert.get("/dashboard/expert/?page=3")):
        assert "Other city" not in page.content.decode()
    assert pager(second).current == "Page 2 of 2"


def test_the_pairs_on_the_expert_s_second_page_still_show_their_next_deadline(expert):
    html = expert.get("/dashboard/expert/?page=2").content.decode()

    assert "Review the action plan of Paging city 030 (submitted for review)" in html
    assert all(row.next_todo is not None for row in expert.get("/dashboard/expert/?page=2").context["rows"])


def test_the_expert_sees_ten_plans_waiting_and_a_link_to_all_of_them(expert):
    html = expert.get("/dashboard/expert/").content.decode()
    waiting = re.search(r'id="todos-title".*?</section>', html, re.S).group(0)

    assert waiting.count("<li>") == 10
    assert 'and 2 more — <a href="/plans/awaiting-my-review/">see every plan awaiting your review</a>' in waiting


def test_the_expert_export_has_every_pair(expert):
    assert len(csv_rows(expert.get("/dashboard/expert/export.csv"))) == 31
