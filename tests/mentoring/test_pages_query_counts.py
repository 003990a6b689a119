"""The list pages ask the database a fixed number of questions, however many visits there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AgendaItem, LearningBrief, Participant
from tests.factories import RecommendationFactory, VisitFactory, VisitReportFactory


def add_visits(network, n, start):
    for i in range(n):
        day = datetime.date(2017, 3, 1) + datetime.timedelta(days=start + 3 * i)
        visit = VisitFactory(pairing=network.pairing, starts_on=day, ends_on=day, status="reported")
        LearningBrief.objects.create(visit=visit, learning_goals="Goals", charter_commitments=["S1"])
        report = VisitReportFactory(visit=visit, submitted_at=timezone.now())
        for number in (1, 2):
            RecommendationFactory(report=report, number=number, response="adopt", response_reason="Yes")
        AgendaItem.objects.create(
            visit=visit, starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))), title="Item"
        )
        Participant.objects.create(visit=visit, user=network["officer"], organisation="City")
        Participant.objects.create(visit=visit, guest_name=f"Guest {i}", organisation="Chamber")


def queries(client, url):
    client.get(url)  # the first request creates the calendar feed's token
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "url",
    [
        lambda n: reverse("mentoring:calendar"),
        lambda n: n.pairing.get_absolute_url(),
        lambda n: n.pairing.scheme.get_absolute_url(),
    ],
    ids=["calendar", "pairing", "scheme"],
)
def test_list_pages_do_not_ask_more_with_more_visits(client, network, url):
    client.force_login(network["officer"])
    add_visits(network, 1, 0)
    few = queries(client, url(network))
    add_visits(network, 5, 100)
    assert queries(client, url(network)) == few


def test_visit_and_report_pages_do_not_ask_more_with_more_items(client, network):
    client.force_login(network["officer"])
    add_visits(network, 1, 0)
    visit = network.pairing.visits.get()
    visit_url, report_url = visit.get_absolute_url(), reverse("mentoring:visit_report", args=[visit.pk])
    few = queries(client, visit_url), queries(client, report_url)
    for i in range(4):
        AgendaItem.objects.create(
            visit=visit,
            starts_at=timezone.make_aware(datetime.datetime.combine(visit.starts_on, datetime.time(10 + i))),
            title=f"More {i}",
        )
        Participant.objects.create(visit=visit, guest_name=f"Extra {i}", organisation="Chamber")
        RecommendationFactory(report=visit.report, number=3 + i, response="adapt", response_reason="Smaller")
    assert (queries(client, visit_url), queries(client, report_url)) == few
