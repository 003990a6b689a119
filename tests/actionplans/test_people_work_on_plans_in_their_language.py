"""A French or German official drafts, reviews and follows a plan in their own language; each person
told of a step reads the notification in theirs, whoever took the step."""

import re

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from actionplans import services
from actionplans.models import Action, PlanState, Review
from deliverables import registry
from notifications.models import Notification
from tests.factories import GoodPracticeFactory

from .plans import SCORES, action_form, assessment_of, plan_in_state


@pytest.fixture(autouse=True)
def english_afterwards():
    # A request activates its reader's language on the thread; the next tests expect English again.
    with translation.override(settings.LANGUAGE_CODE):
        yield


def speaks(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return person


def page_text(response):
    """What a reader sees: the body without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def plan(network):
    return plan_in_state(network, PlanState.DRAFT)


@pytest.mark.parametrize(
    ("language", "seen", "since"),
    [
        (
            "fr",
            ["Contexte et enjeux", "Prochaine étape", "Ajouter une action", "Organisme responsable", "Historique"],
            "depuis le",
        ),
        (
            "de",
            [
                "Kontext und Herausforderung",
                "Nächster Schritt",
                "Maßnahme hinzufügen",
                "Verantwortliche Stelle",
                "Verlauf",
            ],
            "seit dem",
        ),
    ],
)
def test_an_officer_reads_their_draft_in_their_language(client, network, plan, language, seen, since):
    client.force_login(speaks(network["officer"], language))

    text = page_text(client.get(plan.get_absolute_url()))

    for words in seen:
        assert words in text
    assert since in text
    for english in [
        "Context and challenge",
        "Next step",
        "Add an action",
        "Responsible body",
        "History",
        "Not written",
    ]:
        assert english not in text
    assert "Plan lancé" in text if language == "fr" else "Plan begonnen" in text  # stored once, shown in each language


@pytest.mark.parametrize(
    ("language", "saved"),
    [("fr", "L’action est enregistrée."), ("de", "Die Maßnahme ist gespeichert."), ("en", "The action is saved.")],
)
def test_saving_a_part_is_confirmed_in_a_whole_sentence_of_the_persons_language(client, network, plan, language, saved):
    client.force_login(speaks(network["officer"], language))
    action = Action.objects.get(objective__plan=plan)

    response = client.post(reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk]), action_form(action))

    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [saved]


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_date_pickers_keep_iso_dates_whatever_the_language(client, network, plan, language):
    # French and German write dates 01/01/2018 and 01.01.2018; a date input only understands 2018-01-01.
    client.force_login(speaks(network["officer"], language))
    action = Action.objects.get(objective__plan=plan)

    page = client.get(reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])).content.decode()

    assert f'type="date" name="action-{action.pk}-starts_on" value="2018-01-01"' in page
    assert f'type="date" name="action-{action.pk}-ends_on" value="2018-12-31"' in page


def test_each_person_told_of_a_submission_reads_it_in_their_own_language(network, plan):
    speaks(network["expert"], "de")
    speaks(network["mentor_officer"], "fr")

    services.submit_plan(plan=plan, by=network["officer"])

    to_expert = Notification.objects.get(event="review.assigned")
    to_mentor = Notification.objects.get(event="plan.submitted")
    assert to_expert.recipient == network["expert"] and to_mentor.recipient == network["mentor_officer"]
    assert to_expert.summary.startswith(f"Zur Prüfung eingereicht: {plan.title}.")
    assert f"Von {network['officer']}." in to_expert.summary
    assert to_mentor.title == "Plan d’action soumis pour examen"
    assert to_mentor.summary.startswith(f"Soumis pour examen : {plan.title}.")
    assert f"Par {network['officer']}." in to_mentor.summary


def test_a_reviewers_outcome_and_the_frozen_versions_read_in_the_readers_language(client, network, plan):
    services.submit_plan(plan=plan, by=network["officer"])
    services.review_plan(plan=plan, by=network["expert"], outcome=Review.Outcome.CHANGES_REQUESTED, scores=SCORES)
    client.force_login(speaks(network["officer"], "de"))

    history = page_text(client.get(plan.get_absolute_url()))
    versions = page_text(client.get(reverse("actionplans:versions", args=[plan.pk])))

    assert "Änderungen anfordern" in history  # the expert partner's decision, taken in English
    assert "Änderungen angefordert" in history  # the plan's state
    assert "Fassung 1" in versions and "Eingereicht" in versions
    assert "Submitted" not in versions and "Request changes" not in history


def test_the_plans_pdf_stays_in_english_and_up_to_date_whoever_looks_at_it(network, plan):
    # The PDF's data is hashed to tell whether the PDF is out of date: it must not change with the reader.
    services.submit_plan(plan=plan, by=network["officer"])
    kind = registry.get_kind("action_plan")

    versions = {}
    for language in ["en", "fr", "de"]:
        with translation.override(language):
            snapshot = registry.snapshot(kind, plan)
            versions[language] = snapshot.version
    assert versions["fr"] == versions["de"] == versions["en"]
    assert snapshot.data["plan"]["state"] == "Submitted for review"
    assert snapshot.data["plan"]["charter_commitments"][0].endswith("(service provider)")


def test_a_practice_adopted_in_french_is_written_in_french_and_shares_its_objective_with_later_ones(network, plan):
    with translation.override("fr"):
        first = services.adopt_practice_into_plan(assessment=assessment_of(network), plan=plan, by=network["officer"])
    second = services.adopt_practice_into_plan(
        assessment=assessment_of(network, GoodPracticeFactory(title="Buddy scheme")), plan=plan, by=network["officer"]
    )

    assert first.objective.title == "Adapter ce qui fonctionne dans d’autres villes"
    assert first.title == "Adapter « Job mentoring by volunteers »"
    assert "Reprise de la bonne pratique" in first.description and "3,6 sur 5" in first.description
    assert second.objective == first.objective  # found again by its title in any language
    assert second.title == "Adapt “Buddy scheme”"
