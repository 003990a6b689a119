"""Each person reads the platform's e-mails and inbox titles in the language kept on their account,
whoever caused them and whatever language the cause was written in."""

from django.core import mail
from django.test import Client
from django.utils import translation

from accounts.services import invite_person
from actionplans import services
from actionplans.models import Review
from mentoring.models import Role
from notifications.models import Notification, OutboundEmail, Preference
from notifications.services import notify, send_digest
from tests.actionplans.plans import SCORES, plan_in_state


def request_changes(network, capture):
    plan = plan_in_state(network, "submitted")
    mail.outbox.clear()
    with capture(execute=True):
        services.review_plan(
            plan=plan,
            by=network["expert"],
            outcome=Review.Outcome.CHANGES_REQUESTED,
            scores=SCORES,
            recommendations="<p>Add an indicator for employers.</p>",
        )
    [message] = [m for m in mail.outbox if m.to == [network["officer"].email]]
    return message


def test_a_german_speaking_officer_gets_the_plan_event_in_german(network, django_capture_on_commit_callbacks):
    officer = network["officer"]
    officer.language = "de"
    officer.save(update_fields=["language"])

    message = request_changes(network, django_capture_on_commit_callbacks)

    assert message.subject == "[CITIES-GROW] Änderungen angefordert"
    assert message.body.startswith(f"Guten Tag {officer.get_short_name()},")
    assert "Auf der Plattform öffnen:" in message.body
    assert "Wählen Sie, welche E-Mails Sie erhalten:" in message.body
    assert "Hello" not in message.body and "Open it on the platform" not in message.body
    html = message.alternatives[0][0]
    assert '<html lang="de">' in html and "Guten Tag" in html and "auf der Plattform öffnen" in html
    assert OutboundEmail.objects.get(to_email=officer.email).language == "de"


def test_an_english_speaking_officer_gets_the_same_event_in_english(network, django_capture_on_commit_callbacks):
    message = request_changes(network, django_capture_on_commit_callbacks)

    assert message.subject == "[CITIES-GROW] Changes requested"
    assert message.body.startswith(f"Hello {network['officer'].get_short_name()},")
    assert "Open it on the platform:" in message.body
    assert "Choose which e-mails you receive:" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_the_language_the_actor_works_in_does_not_reach_the_recipient(network, django_capture_on_commit_callbacks):
    with translation.override("fr"):
        message = request_changes(network, django_capture_on_commit_callbacks)

    assert message.subject == "[CITIES-GROW] Changes requested"
    assert message.body.startswith("Hello ")


def test_the_inbox_shows_an_events_title_in_the_readers_language_of_today(network):
    officer = network["officer"]
    plan = plan_in_state(network, "draft")
    notify(recipients=[officer], event="plan.changes_requested", target=plan)
    assert Notification.objects.get(recipient=officer).title == "Changes requested"

    client = Client()
    client.force_login(officer)
    assert "Changes requested" in client.get("/notifications/").content.decode()
    client.post("/language/", {"language": "fr", "next": "/notifications/"})
    page = client.get("/notifications/").content.decode()
    assert "Modifications demandées" in page and "Changes requested" not in page


def test_the_daily_digest_is_written_in_the_readers_language(network, django_capture_on_commit_callbacks):
    officer = network["officer"]
    officer.language = "fr"
    officer.save(update_fields=["language"])
    Preference.objects.create(user=officer, event="plan.changes_requested", delivery="digest")
    plan = plan_in_state(network, "draft")
    notify(recipients=[officer], event="plan.changes_requested", target=plan)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        send_digest(user=officer)

    [message] = mail.outbox
    assert message.subject == "[CITIES-GROW] Votre récapitulatif quotidien : 1 nouveauté"
    assert f"Bonjour {officer.get_short_name()}," in message.body
    assert "- Modifications demandées (" in message.body


def test_an_invitation_is_written_in_the_inviters_language(network, django_capture_on_commit_callbacks):
    coordinator = network["coordinator"]
    coordinator.language = "de"
    coordinator.save(update_fields=["language"])

    with django_capture_on_commit_callbacks(execute=True):
        invite_person(
            email="neue.person@city.example",
            role=Role.CITY_OFFICER,
            city=network["officer"].memberships.get().city,
            invited_by=coordinator,
        )

    [message] = [m for m in mail.outbox if m.to == ["neue.person@city.example"]]
    assert message.subject == "[CITIES-GROW] Sie sind zur Plattform CITIES-GROW eingeladen"
    assert message.body.startswith("Guten Tag,")
    assert f"{coordinator.name} lädt Sie zur Plattform CITIES-GROW ein" in message.body
