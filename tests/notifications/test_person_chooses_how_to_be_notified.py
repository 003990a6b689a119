import re

import pytest
from django.core import mail

from notifications.models import Notification, Preference
from notifications.services import notify
from tests.factories import UserFactory


@pytest.fixture
def member(db):
    return UserFactory()


def test_the_settings_page_offers_each_event_with_its_default(client, member):
    client.force_login(member)

    page = client.get("/notifications/preferences/").content.decode()

    assert "<legend" in page and "Action plan submitted" in page
    assert 'name="plan.submitted" value="instant"' in page
    assert re.search(r'name="deliverable.ready" value="inbox"[^>]*checked', page)
    assert "Invitation" in page.split("Always sent by e-mail")[1]
    assert 'name="account.invitation"' not in page


def test_a_person_chooses_the_daily_digest_and_in_app_only(client, member):
    client.force_login(member)

    response = client.post(
        "/notifications/preferences/", {"plan.submitted": "digest", "visit.planned": "inbox"}, follow=True
    )

    assert "Your notification settings are saved." in response.content.decode()
    assert dict(Preference.objects.filter(user=member).values_list("event", "delivery")) == {
        "plan.submitted": "digest",
        "visit.planned": "inbox",
    }
    assert re.search(r'name="plan.submitted" value="digest"[^>]*checked', response.content.decode())


def test_choices_decide_what_is_mailed(member, pairing, django_capture_on_commit_callbacks):
    Preference.objects.create(user=member, event="plan.submitted", delivery="digest")
    Preference.objects.create(user=member, event="visit.planned", delivery="inbox")

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[member], event="plan.submitted", target=pairing)
        notify(recipients=[member], event="visit.planned", target=pairing)
        notify(recipients=[member], event="visit.cancelled", target=pairing)

    assert [m.subject for m in mail.outbox] == ["[CITIES-GROW] Visit cancelled"]
    assert Notification.objects.filter(recipient=member).count() == 3
    assert Notification.objects.get(event="plan.submitted").delivery == "digest"


def test_an_unknown_choice_is_refused(client, member):
    client.force_login(member)

    response = client.post("/notifications/preferences/", {"plan.submitted": "carrier-pigeon"})

    assert response.status_code == 200
    assert not Preference.objects.exists()
