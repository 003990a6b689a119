"""Who may open or use each page of visits, briefs, reports, recommendations and calendars.

VISIT_URL_EXPECTATIONS documents, for every new URL name, the request made and
the status each role gets. Keys are URL names; a URL answering both GET and
POST appears twice, the POST one as "<name>:post". The world the requests run
in (see `world` below): a pairing with a study visit *held*, hosted by the
mentor city, with a draft brief, a draft report with one recommendation, an
agenda item, a guest and a file; and a second study visit *reported*, whose
submitted (private) report has one recommendation adopted by the implementing city.

Statuses: 200 page (or form shown again with its errors), 302 done and
redirected (for "anonymous": sent to sign in), 403 the person sees the object
but may not do this (a page says who may), 404 the person may not know the object exists.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from mentoring import services
from mentoring.models import AgendaItem, Attachment, LearningBrief, Participant, Visit
from tests.factories import RecommendationFactory, VisitFactory, VisitReportFactory

ROLES = [
    "anonymous",
    "officer",  # city officer of the implementing city
    "mentor_officer",  # city officer of the mentor city
    "administrative_approver",  # approvers of the implementing city: they see, they do not edit
    "political_approver",
    "expert",  # expert partner facilitating the pairing's scheme
    "other_expert",  # expert partner of another scheme
    "other_city_officer",  # city officer of a city in another pairing
    "coordinator",  # EUROCITIES staff
]


def roles(anonymous, officer, mentor_officer, expert, other_expert, other_city_officer, coordinator, approvers):
    return dict(
        zip(
            ROLES,
            (
                anonymous,
                officer,
                mentor_officer,
                approvers,
                approvers,
                expert,
                other_expert,
                other_city_officer,
                coordinator,
            ),
            strict=True,
        )
    )


# Who may plan and change visits: officers of the two cities and EUROCITIES.
EDIT = roles(302, 200, 200, 403, 404, 404, 200, 403)
EDIT_DONE = roles(302, 302, 302, 403, 404, 404, 302, 403)
# Who sees a visit: the pairing's two cities, the scheme's expert partner and EUROCITIES.
SEE = roles(302, 200, 200, 200, 404, 404, 200, 200)
# Who writes the report of a study visit (hosted by the mentor): the mentor city, the expert partner, EUROCITIES.
WRITE_REPORT = roles(302, 403, 200, 200, 404, 404, 200, 403)
WRITE_REPORT_DONE = roles(302, 403, 302, 302, 404, 404, 302, 403)
# Who answers a recommendation: the implementing city's officers only.
ANSWER = roles(302, 200, 403, 403, 404, 404, 403, 403)
ANSWER_DONE = roles(302, 302, 403, 403, 404, 404, 403, 403)

VISIT_URL_EXPECTATIONS = {
    "mentoring:visit_plan": {"method": "get", "path": "/pairings/<pairing>/visits/new/", "status": EDIT},
    "mentoring:visit_plan:post": {"method": "post", "path": "/pairings/<pairing>/visits/new/", "status": EDIT},
    "mentoring:pairing_feed_reset": {
        "method": "post",
        "path": "/pairings/<pairing>/calendar-feed/reset/",
        "status": EDIT_DONE,
    },
    "mentoring:visit": {"method": "get", "path": "/visits/<visit>/", "status": SEE},
    "mentoring:visit_edit": {"method": "get", "path": "/visits/<visit>/edit/", "status": EDIT},
    "mentoring:visit_status": {"method": "post", "path": "/visits/<visit>/status/", "status": EDIT_DONE},
    "mentoring:agenda_item_add": {"method": "post", "path": "/visits/<visit>/agenda/", "status": EDIT},
    "mentoring:agenda_item_remove": {
        "method": "post",
        "path": "/visits/<visit>/agenda/<item>/remove/",
        "status": EDIT_DONE,
    },
    "mentoring:participant_add": {"method": "post", "path": "/visits/<visit>/participants/", "status": EDIT},
    "mentoring:participant_remove": {
        "method": "post",
        "path": "/visits/<visit>/participants/<participant>/remove/",
        "status": EDIT_DONE,
    },
    "mentoring:attachment_add": {"method": "post", "path": "/visits/<visit>/files/", "status": EDIT},
    "mentoring:attachment": {"method": "get", "path": "/visits/<visit>/files/<file>/", "status": SEE},
    "mentoring:attachment_remove": {
        "method": "post",
        "path": "/visits/<visit>/files/<file>/remove/",
        "status": EDIT_DONE,
    },
    "mentoring:visit_brief": {"method": "get", "path": "/visits/<visit>/brief/", "status": SEE},
    "mentoring:visit_brief:post": {
        "method": "post",
        "path": "/visits/<visit>/brief/",
        # The implementing city writes its brief; EUROCITIES may help.
        "status": roles(302, 302, 403, 403, 404, 404, 302, 403),
    },
    "mentoring:visit_report": {"method": "get", "path": "/visits/<visit>/report/", "status": SEE},
    "mentoring:visit_report_edit": {"method": "get", "path": "/visits/<visit>/report/edit/", "status": WRITE_REPORT},
    "mentoring:visit_report_submit": {
        "method": "post",
        "path": "/visits/<visit>/report/submit/",
        "status": WRITE_REPORT_DONE,
    },
    "mentoring:visit_report_publish": {
        "method": "post",
        "path": "/visits/<reported visit>/report/public/",
        "status": WRITE_REPORT_DONE,
    },
    "mentoring:recommendation_add": {
        "method": "post",
        "path": "/visits/<visit>/report/recommendations/",
        "status": WRITE_REPORT_DONE,
    },
    "mentoring:recommendation_remove": {
        "method": "post",
        "path": "/visits/<visit>/report/recommendations/<number>/remove/",
        "status": WRITE_REPORT_DONE,
    },
    "mentoring:recommendation_respond": {
        "method": "get",
        "path": "/recommendations/<answered recommendation>/answer/",
        "status": ANSWER,
    },
    "mentoring:recommendation_respond:post": {
        "method": "post",
        "path": "/recommendations/<answered recommendation>/answer/",
        "status": ANSWER_DONE,
    },
    "mentoring:recommendation_follow_up": {
        "method": "post",
        "path": "/recommendations/<answered recommendation>/follow-up/",
        "status": ANSWER_DONE,
    },
    "mentoring:calendar": {
        "method": "get",
        "path": "/calendar/",
        "status": roles(302, 200, 200, 200, 200, 200, 200, 200),
    },
    "mentoring:calendar_feed_reset": {
        "method": "post",
        "path": "/calendar/feed/reset/",
        "status": roles(302, 302, 302, 302, 302, 302, 302, 302),
    },
    # The secret token is the credential (calendar apps do not sign in): whoever has the address gets the feed.
    "mentoring:calendar_feed": {
        "method": "get",
        "path": "/calendar/feeds/<the implementing officer's token>.ics",
        "status": roles(200, 200, 200, 200, 200, 200, 200, 200),
    },
}


class World:
    def __init__(self, network):
        self.network = network
        pairing = network.pairing
        self.visit = VisitFactory(pairing=pairing, status=Visit.Status.HELD)
        self.item = AgendaItem.objects.create(
            visit=self.visit, starts_at=timezone.make_aware(datetime.datetime(2017, 10, 23, 9)), title="Welcome"
        )
        self.participant = Participant.objects.create(visit=self.visit, guest_name="Guest", organisation="Chamber")
        self.file = Attachment.objects.create(
            visit=self.visit,
            title="Agenda",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="agenda.pdf"),
            content_type="application/pdf",
            size=15,
        )
        LearningBrief.objects.create(visit=self.visit, learning_goals="Draft goals")
        self.report = VisitReportFactory(visit=self.visit)
        RecommendationFactory(report=self.report, number=1)

        self.reported = VisitFactory(
            pairing=pairing,
            status=Visit.Status.REPORTED,
            starts_on=datetime.date(2018, 3, 1),
            ends_on=datetime.date(2018, 3, 2),
        )
        submitted = VisitReportFactory(visit=self.reported, submitted_at=timezone.now())
        self.answered = RecommendationFactory(
            report=submitted, number=1, response="adopt", response_reason="Yes", follow_up="not_started"
        )
        self.feed = services.calendar_feed_for(user=network["officer"])

    def request(self, name):
        url_name = name.split(":post")[0] if name.endswith(":post") else name
        v, pairing = self.visit.pk, self.network.pairing.pk
        args = {
            "mentoring:visit_plan": [pairing],
            "mentoring:pairing_feed_reset": [pairing],
            "mentoring:agenda_item_remove": [v, self.item.pk],
            "mentoring:participant_remove": [v, self.participant.pk],
            "mentoring:attachment": [v, self.file.pk],
            "mentoring:attachment_remove": [v, self.file.pk],
            "mentoring:visit_report_publish": [self.reported.pk],
            "mentoring:recommendation_remove": [v, 1],
            "mentoring:recommendation_respond": [self.answered.pk],
            "mentoring:recommendation_follow_up": [self.answered.pk],
            "mentoring:calendar": [],
            "mentoring:calendar_feed_reset": [],
            "mentoring:calendar_feed": [self.feed.token],
        }.get(url_name, [v])
        data = {
            "mentoring:visit_status": {"status-status": "held"},
            "mentoring:visit_brief:post": {"learning_goals": "What we want to learn"},
            "mentoring:visit_report_submit": {"submit-is_public": ""},
            "mentoring:visit_report_publish": {"is_public": "1"},
            "mentoring:recommendation_add": {"recommendation-author": "expert_partner", "recommendation-text": "Do"},
            "mentoring:recommendation_respond:post": {"response": "adapt", "response_reason": "Smaller"},
            "mentoring:recommendation_follow_up": {"follow_up": "done"},
        }.get(name, {})
        return reverse(url_name, args=args), data


@pytest.fixture
def world(network, settings, tmp_path):
    return World(network)


CASES = [(name, role) for name in VISIT_URL_EXPECTATIONS for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{name}-{role}" for name, role in CASES])
def test_visit_url_answers_each_role_as_documented(client, world, name, role):
    expectation = VISIT_URL_EXPECTATIONS[name]
    if role != "anonymous":
        client.force_login(world.network[role])
    url, data = world.request(name)

    response = getattr(client, expectation["method"])(url, data)

    assert response.status_code == expectation["status"][role], f"{expectation['method'].upper()} {url} as {role}"
    if role == "anonymous" and response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_every_new_url_is_in_the_expectations():
    from mentoring.urls import urlpatterns

    existing = {"programme", "scheme", "pairing", "cities", "city", "people"}
    names = {f"mentoring:{p.name}" for p in urlpatterns if p.name not in existing}
    documented = {name.removesuffix(":post") for name in VISIT_URL_EXPECTATIONS}
    assert names == documented


def test_a_public_report_is_read_by_everyone_signed_in_but_its_visit_stays_private(client, world):
    report = world.answered.report
    client.force_login(world.network["other_city_officer"])
    report_url = reverse("mentoring:visit_report", args=[world.reported.pk])
    assert client.get(report_url).status_code == 404

    services.set_report_public(report=report, by=world.network["coordinator"], is_public=True)

    response = client.get(report_url)
    assert response.status_code == 200
    assert world.answered.text in response.content.decode()
    assert client.get(reverse("mentoring:visit", args=[world.reported.pk])).status_code == 404
    assert client.get(reverse("mentoring:visit_brief", args=[world.reported.pk])).status_code == 404
    assert client.get(reverse("mentoring:recommendation_respond", args=[world.answered.pk])).status_code == 403


def test_a_draft_report_is_not_public_even_by_a_crafted_request(client, world):
    client.force_login(world.network["other_city_officer"])
    assert client.get(reverse("mentoring:visit_report", args=[world.visit.pk])).status_code == 404


def test_post_only_urls_refuse_get(client, world):
    client.force_login(world.network["coordinator"])
    for name in ("mentoring:visit_status", "mentoring:recommendation_add", "mentoring:visit_report_submit"):
        url, _ = world.request(name)
        assert client.get(url).status_code == 405


def test_the_calendar_lists_only_visits_of_pairings_the_person_may_see(client, world):
    other_visit = VisitFactory(pairing=world.network.other_pairing, topics="Other pairing's visit")
    client.force_login(world.network["officer"])
    page = client.get(reverse("mentoring:calendar")).content.decode()
    assert reverse("mentoring:visit", args=[world.visit.pk]) in page
    assert reverse("mentoring:visit", args=[other_visit.pk]) not in page

    client.force_login(world.network["other_city_officer"])
    page = client.get(reverse("mentoring:calendar")).content.decode()
    assert reverse("mentoring:visit", args=[world.visit.pk]) not in page
    assert reverse("mentoring:visit", args=[other_visit.pk]) in page
