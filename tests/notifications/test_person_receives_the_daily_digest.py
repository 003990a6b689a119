import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from notifications.models import Notification, OutboundEmail, Preference, SiteConfiguration
from notifications.services import notify, send_due_digests
from tests.factories import PairingFactory, UserFactory

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(day, hour, minute=0):
    return datetime.datetime(2018, 3, day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def reader(db):
    person = UserFactory(name="Dara Digest")
    for event in ("plan.submitted", "visit.planned", "visit.changed"):
        Preference.objects.create(user=person, event=event, delivery="digest")
    return person


@pytest.fixture
def yesterday(reader, pairing):
    """Yesterday's news: two about the pairing, one about another pairing."""
    other = PairingFactory()
    notify(recipients=[reader], event="visit.planned", target=pairing, now=at(5, 10))
    notify(recipients=[reader], event="plan.submitted", target=other, now=at(5, 11))
    notify(recipients=[reader], event="visit.changed", target=pairing, context={"items": ["Now 12 May"]}, now=at(5, 15))
    return other


def send(now, capture):
    with capture(execute=True):
        return send_due_digests(now=now)


def test_no_digest_before_the_hour_staff_set(reader, yesterday, django_capture_on_commit_callbacks):
    assert send(at(6, 7, 59), django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_one_mail_grouped_by_target_newest_first(
    reader, pairing, yesterday, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://cities-grow.example"
    assert send(at(6, 8), django_capture_on_commit_callbacks) == 1

    [message] = mail.outbox
    assert message.to == [reader.email]
    assert message.subject == "[CITIES-GROW] Your daily summary: 3 updates"
    body = message.body
    # The pairing's group first (its newest item is the newest of all), its items newest first.
    assert body.index(f"== {pairing} ==") < body.index(f"== {yesterday} ==")
    assert body.index("Visit changed") < body.index("Visit planned")
    assert "* Now 12 May" in body
    html = message.alternatives[0][0]
    assert f'<a href="https://cities-grow.example/pairings/{yesterday.pk}/">{yesterday}</a>' in html
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_a_digest_never_repeats_an_item(reader, pairing, yesterday, django_capture_on_commit_callbacks):
    send(at(6, 8), django_capture_on_commit_callbacks)
    notify(recipients=[reader], event="visit.planned", target=pairing, now=at(6, 12), context={"title": "Second visit"})

    # The same day: the hourly runs send nothing more; the new item waits for tomorrow.
    assert send(at(6, 13), django_capture_on_commit_callbacks) == 0
    assert send(at(7, 8), django_capture_on_commit_callbacks) == 1

    first, second = mail.outbox
    assert "Second visit" not in first.body
    assert "Second visit" in second.body and "Visit changed" not in second.body
    assert second.subject == "[CITIES-GROW] Your daily summary: 1 update"
    assert send(at(8, 8), django_capture_on_commit_callbacks) == 0


def test_staff_move_the_digest_hour(reader, yesterday, django_capture_on_commit_callbacks):
    config = SiteConfiguration.get()
    config.digest_hour = 18
    config.save()

    assert send(at(6, 17), django_capture_on_commit_callbacks) == 0
    assert send(at(6, 18), django_capture_on_commit_callbacks) == 1


def test_instant_and_inbox_only_notifications_are_not_in_the_digest(
    reader, pairing, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=reader, event="visit.cancelled", delivery="inbox")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[reader], event="visit.cancelled", target=pairing, now=at(5, 9))
        notify(recipients=[reader], event="plan.approved", target=pairing, now=at(5, 9))  # instant by default
    mail.outbox.clear()

    assert send(at(6, 9), django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_the_digest_and_its_items_are_one_transaction(reader, yesterday):
    send_due_digests(now=at(6, 8))

    digest = OutboundEmail.objects.get(event="digest")
    assert digest.dedupe_key == f"digest:{reader.pk}:2018-03-06"
    assert set(Notification.objects.values_list("email_id", flat=True)) == {digest.pk}
