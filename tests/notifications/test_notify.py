"""notify(): what it writes, inside whose transaction, and what it mails."""

import pytest
from django.core import mail
from django.db import transaction

from notifications.events import UnknownEvent
from notifications.models import Notification, OutboundEmail, Preference
from notifications.services import notify, queue_email
from tests.factories import UserFactory


def test_rows_are_written_in_the_callers_transaction_and_vanish_with_it(pairing, people):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipients=people, event="plan.submitted", target=pairing)
        assert Notification.objects.count() == 3 and OutboundEmail.objects.count() == 3
        raise RuntimeError("the caller's change fails")

    assert not Notification.objects.exists() and not OutboundEmail.objects.exists()


def test_delivery_is_queued_on_commit_and_runs_in_process_without_a_broker(
    pairing, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        notify(recipients=people, event="plan.approved", target=pairing)
    assert len(callbacks) == 3 and not mail.outbox

    for callback in callbacks:
        callback()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_the_actor_is_not_told_of_their_own_action_and_nobody_twice(pairing, people):
    notifications = notify(recipients=[*people, people[0]], event="comment.mention", target=pairing, actor=people[1])

    assert sorted(n.recipient_id for n in notifications) == sorted([people[0].pk, people[2].pk])


def test_the_target_title_and_link_are_stored(pairing, people):
    [notification] = notify(recipients=people[:1], event="visit.planned", target=pairing)

    assert notification.target == pairing
    assert notification.target_title == str(pairing)
    assert notification.target_url == f"/pairings/{pairing.pk}/"


def test_an_unknown_event_is_an_error(pairing, people):
    with pytest.raises(UnknownEvent):
        notify(recipients=people, event="plan.teleported", target=pairing)


def test_the_mail_has_text_and_html_with_the_recommendations(
    pairing, people, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://cities-grow.example"
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=people[:1],
            event="plan.recommended",
            target=pairing,
            context={"summary": "Recommended with conditions.", "items": ["Add a <baseline>"]},
        )

    [message] = mail.outbox
    assert "  * Add a <baseline>" in message.body
    html = message.alternatives[0][0]
    assert "<li>Add a &lt;baseline&gt;</li>" in html
    assert f'href="https://cities-grow.example/pairings/{pairing.pk}/"' in html
    assert f"https://cities-grow.example/pairings/{pairing.pk}/" in message.body


def test_always_sent_mail_ignores_preferences(pairing, django_capture_on_commit_callbacks):
    person = UserFactory()
    Preference.objects.create(user=person, event="account.security", delivery="inbox")

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[person], event="account.security", target=pairing, context={"title": "Password changed"})

    assert [m.subject for m in mail.outbox] == ["[CITIES-GROW] Password changed"]


def test_queue_email_with_the_same_dedupe_key_writes_one_row(pairing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            queue_email(
                to="a@b.example",
                event="account.security",
                target=pairing,
                context={"title": "x", "recipient": None},
                dedupe_key="same",
            )

    assert OutboundEmail.objects.count() == 1 and len(mail.outbox) == 1
