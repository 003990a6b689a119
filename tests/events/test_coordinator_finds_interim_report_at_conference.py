"""The interim report on the actions, linked from the Integrating Cities Conference VIII page where the
programme presented them (deliverables register the link through events.links)."""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType

import events as events_app
from accounts.models import User
from deliverables.models import Deliverable
from events.demo import load_demo_events
from mentoring.models import Programme

CONFERENCE = "/events/integrating-cities-conference-viii/"
LINK = "Interim report on actions (PDF)"


@pytest.fixture
def events(demo):
    load_demo_events()
    return Programme.objects.get(slug="cities-grow")


def test_coordinator_finds_the_interim_report_panel_on_the_conference_page(client, events):
    client.force_login(User.objects.get(email="coordinator@eurocities.example"))

    page = client.get(CONFERENCE).content.decode()

    assert LINK in page
    assert f'href="/deliverables/interim_report/{events.pk}/preview/"' in page
    assert f'action="/deliverables/interim_report/{events.pk}/generate/"' in page  # the panel: Generate PDF
    assert LINK not in client.get("/events/cities-grow-launch-meeting/").content.decode()


def test_once_generated_the_link_downloads_the_pdf(client, events):
    deliverable = Deliverable.objects.create(
        kind="interim_report",
        content_type=ContentType.objects.get_for_model(Programme),
        object_id=events.pk,
        status=Deliverable.Status.READY,
        file="deliverables/interim_report/interim_report-1-en.pdf",
        checksum="0" * 64,
        page_count=6,
        size=120_000,
    )
    client.force_login(User.objects.get(email="coordinator@eurocities.example"))

    page = client.get(CONFERENCE).content.decode()

    assert f'<a href="/deliverables/{deliverable.pk}/download/">{LINK}</a>' in page
    assert "6 pages" in page


@pytest.mark.parametrize("email", [None, "officer@athens.example", "expert@mpg.example"])
def test_visitors_and_partners_do_not_see_the_unpublished_interim_report(client, events, email):
    if email:
        client.force_login(User.objects.get(email=email))

    page = client.get(CONFERENCE).content.decode()

    assert page.count("Fabbrica del Vapore") >= 1
    assert LINK not in page and "/deliverables/" not in page


def test_events_import_nothing_of_the_deliverables():
    sources = [Path(events_app.__file__).parent / name for name in ("links.py", "selectors.py", "views.py")]

    for source in sources:
        for line in source.read_text().splitlines():
            assert not line.lstrip().startswith(("from deliverables", "import deliverables")), source.name
