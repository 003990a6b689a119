"""No list, export, API answer, feed or search result shows what a person may not see.

The other pairing gets private work — a planned visit, a draft visit report with its
recommendation, a draft action plan with an objective, an action and a comment, a submitted
good practice and a draft toolkit — each carrying a unique marker. Then every page of the
URLconf that takes no argument (lists, dashboards, calendars, the API's lists, the exports
index), every export in both formats, the API with a personal token, the person's iCal feed
and the searches are requested by each person outside that pairing. The marker must appear
in none of them. The URLs are discovered, so a new list is checked without being named here.
"""

import io
import re
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actionplans import services as plan_services
from actionplans.models import Action, Objective
from api.services import create_token
from citiesgrow import exports
from mentoring.models import Recommendation, Visit
from tests.factories import (
    GoodPracticeFactory,
    RecommendationFactory,
    ToolkitFactory,
    VisitFactory,
    VisitReportFactory,
    enable_totp,
)

# A word nothing else on the platform uses. Searches ask for its stem ("zebrafinch"), so a
# results page that repeats the query does not count as showing the work.
MARKER = "Zebrafinches"
QUERY = "zebrafinch"

# Everyone who is neither in the other pairing, its scheme's expert partner nor EUROCITIES.
OUTSIDERS = ["anonymous", "officer", "mentor_officer", "administrative_approver", "political_approver", "expert"]
FOREIGN = re.compile(r"^(admin/|accounts/|api/docs/try/)")


def parameterless_urls():
    """Every GET-able URL of the project that takes no argument: the lists, indexes and searches."""
    urls = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).removeprefix("^").removesuffix("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and "<" not in route and "(" not in route and not FOREIGN.match(route):
                urls.append("/" + route)

    walk(get_resolver().url_patterns)
    return sorted(set(urls))


@pytest.fixture
def private_work(network):
    n = network
    other = n.other_pairing
    visit = VisitFactory(pairing=other, topics=f"{MARKER} visit topics", practical_notes=f"{MARKER} venue")
    report = VisitReportFactory(
        visit=VisitFactory(pairing=other, status=Visit.Status.HELD), summary=f"{MARKER} draft report"
    )
    RecommendationFactory(report=report, text=f"{MARKER} recommendation", author=Recommendation.Author.MENTOR_CITY)
    plan = plan_services.start_plan(pairing=other, by=n["other_city_officer"])
    plan.gap = f"{MARKER} gap of the draft plan"
    plan.save(update_fields=["gap"])
    objective = Objective.objects.create(plan=plan, title=f"{MARKER} objective")
    Action.objects.create(objective=objective, title=f"{MARKER} action")
    plan_services.add_comment(plan=plan, by=n["other_city_officer"], body=f"{MARKER} comment")
    GoodPracticeFactory(
        state="submitted", title=f"{MARKER} practice", city=n.other_city, scheme=other.scheme, submitted_by=None
    )
    ToolkitFactory(scheme=other.scheme, title=f"{MARKER} toolkit")
    enable_totp(n["coordinator"])
    return visit


def _text(response):
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"):
        with zipfile.ZipFile(io.BytesIO(response.content)) as workbook:
            return "".join(workbook.read(name).decode() for name in workbook.namelist() if name.endswith(".xml"))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def _leaks(client, urls):
    leaked = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and MARKER in _text(response):
            leaked.append(url)
    return leaked


def _sign_in(client, network, role):
    if role != "anonymous":
        client.force_login(network[role])


def test_the_discovery_finds_the_lists(db):
    urls = parameterless_urls()
    for expected in ("/cities/", "/people/", "/calendar/", "/plans/", "/library/", "/api/visits/", "/exports/"):
        assert expected in urls


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_list_page_shows_another_pairings_private_work(client, network, private_work, role):
    _sign_in(client, network, role)

    assert _leaks(client, parameterless_urls()) == []


@pytest.mark.parametrize("role", OUTSIDERS[1:])
def test_no_export_contains_another_pairings_private_work(client, network, private_work, role):
    _sign_in(client, network, role)
    urls = [
        reverse("dashboards:export", kwargs={"kind": table.kind, "fmt": fmt})
        for table in exports.tables()
        for fmt in ("csv", "xlsx")
    ]
    urls += [reverse("dashboards:export_everything")]
    urls += [reverse(f"dashboards:{board}_export", kwargs={"fmt": "csv"}) for board in ("expert", "city")]

    assert _leaks(client, urls) == []


@pytest.mark.parametrize("role", OUTSIDERS[1:])
def test_a_personal_token_reads_no_other_pairings_private_work(client, network, private_work, role):
    _token, secret = create_token(user=network[role], name="portal")
    api_lists = [url for url in parameterless_urls() if url.startswith("/api/")]
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"

    assert _leaks(client, api_lists) == []


@pytest.mark.parametrize("role", OUTSIDERS[1:])
def test_searches_and_the_calendar_feed_hold_no_other_pairings_private_work(client, network, private_work, role):
    _sign_in(client, network, role)
    urls = [f"/library/?q={QUERY}", f"/api/practices/?search={QUERY}", f"/calendar/?q={QUERY}"]
    feed_page = client.get(reverse("mentoring:calendar")).content.decode()
    urls += re.findall(r'(/calendar/feeds/[^"<\s]+\.ics)', feed_page)

    assert _leaks(client, urls) == []


def test_the_marker_is_found_where_it_may_be_seen(client, network, private_work):
    # Without this, a marker that never reached any page would make the tests above pass.
    client.force_login(network["other_city_officer"])

    seen = _leaks(client, parameterless_urls())
    exported = _leaks(client, [reverse("dashboards:export", kwargs={"kind": "visits", "fmt": "xlsx"})])

    assert {"/api/visits/", "/api/reports/", "/api/recommendations/", "/api/plans/"} <= set(seen)
    assert exported
    assert _leaks(client, [f"/library/?q={QUERY}"]) == [f"/library/?q={QUERY}"] or "/library/review/" in seen
