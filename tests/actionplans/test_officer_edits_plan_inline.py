"""The plan page and its inline (htmx) edits, as the browser sends them."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans.models import Action, Objective, PlanState

from .plans import action_form, decision, fill_plan, plan_in_state

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan(network, client):
    client.force_login(network["officer"])
    return plan_in_state(network, PlanState.DRAFT)


def test_officer_saves_an_action_inline_and_gets_the_saved_part_back(client, plan):
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)

    assert response.status_code == 200
    assert response["HX-Trigger"] == "planChanged"
    assert f'id="action-{action.pk}"'.encode() in response.content and b"Job fair for youth" in response.content
    action.refresh_from_db()
    assert action.title == "Job fair for youth" and action.lock_version == 2


def test_two_people_edit_the_same_action_and_the_later_save_shows_a_conflict(client, plan):
    action = Action.objects.get(objective__plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])
    prefix = f"action-{action.pk}"
    client.post(url, action_form(action, title="Their title", responsible_body="Mayor's office"), **HTMX)

    response = client.post(url, action_form(action, title="My title"), **HTMX)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this action while you were editing it" in content
    assert "Their title" in content and "Mayor&#x27;s office" in content  # their values
    assert 'value="My title"' in content  # mine, still in the form
    assert f'name="{prefix}-lock_version" value="2"' in content
    action.refresh_from_db()
    assert action.title == "Their title"

    # Saving again, knowingly, replaces theirs.
    client.post(url, action_form(action, title="My title", lock_version="2"), **HTMX)
    action.refresh_from_db()
    assert action.title == "My title"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"starts_on": "2018-06-01", "ends_on": "2018-05-01"},
            "ends_on",
            "The end date must not be before the start date.",
        ),
        ({"budget_eur": "-100"}, "budget_eur", "A budget cannot be negative."),
        ({"progress": "120"}, "progress", "Progress is a percentage from 0 to 100."),
        ({"progress": "-1"}, "progress", "Progress is a percentage from 0 to 100."),
    ],
)
def test_bad_action_input_shows_a_message_next_to_the_field_and_changes_nothing(client, plan, fields, field, message):
    action = Action.objects.get(objective__plan=plan)
    prefix = f"action-{action.pk}"
    url = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])

    response = client.post(url, action_form(action, title="Changed", **fields), **HTMX)

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert f'id="error_1_id_{prefix}-{field}"' in content  # crispy puts it under the field
    action.refresh_from_db()
    assert action.title == "Action 1.1"


def test_an_indicator_without_unit_is_refused_with_a_clear_message(client, plan):
    objective = Objective.objects.get(plan=plan)
    url = reverse("actionplans:add_part", args=[plan.pk, "indicator"]) + f"?objective={objective.pk}"
    prefix = f"new-indicator-{objective.pk}"
    response = client.post(url, {f"{prefix}-name": "Jobs found", f"{prefix}-unit": ""}, **HTMX)
    assert "Give the indicator&#x27;s unit" in response.content.decode()
    assert objective.indicators.count() == 1


def test_officer_adds_an_objective_without_reloading(client, plan):
    url = reverse("actionplans:add_part", args=[plan.pk, "objective"])
    prefix = f"new-objective-{plan.pk}"
    response = client.post(url, {f"{prefix}-title": "Reach employers"}, **HTMX)
    content = response.content.decode()
    new = Objective.objects.get(title="Reach employers")
    assert f'id="objective-section-{new.pk}"' in content and f'id="new-objective-{plan.pk}"' in content


def test_without_javascript_the_edit_is_a_page_and_the_save_a_redirect(client, plan):
    objective = Objective.objects.get(plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "objective", objective.pk])
    assert b"<h1>" in client.get(url).content
    response = client.post(
        url, {f"objective-{objective.pk}-title": "Better", f"objective-{objective.pk}-lock_version": 1}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#objective-{objective.pk}")


def test_a_submitted_plan_shows_no_edit_buttons_and_refuses_posts_with_a_message(client, network):
    client.force_login(network["officer"])
    plan = plan_in_state(network, PlanState.SUBMITTED)
    objective = Objective.objects.get(plan=plan)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Edit<span" not in page
    url = reverse("actionplans:edit_part", args=[plan.pk, "objective", objective.pk])
    response = client.post(
        url, {f"objective-{objective.pk}-title": "Sneaky", f"objective-{objective.pk}-lock_version": 1}, **HTMX
    )
    assert "a submitted version cannot be edited" in response.content.decode()
    objective.refresh_from_db()
    assert objective.title == "Objective 1"


def test_user_text_is_sanitized_on_the_page(client, plan):
    prefix = f"context-{plan.pk}"
    url = reverse("actionplans:edit_part", args=[plan.pk, "context", plan.pk])
    client.post(
        url,
        {
            f"{prefix}-title": plan.title,
            f"{prefix}-gap": '<p>Gap</p><script>alert("x")</script><a href="javascript:alert(1)">link</a>',
            f"{prefix}-charter_commitments": ["S1"],
            f"{prefix}-lock_version": 1,
        },
        **HTMX,
    )
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "<p>Gap</p>" in page and 'alert("x")' not in page and "javascript:" not in page


def test_a_wrong_transition_by_post_gives_a_clear_message_not_an_error(client, network):
    plan = plan_in_state(network, PlanState.DRAFT)
    client.force_login(network["expert"])
    response = client.post(reverse("actionplans:review", args=[plan.pk]), {"outcome": "recommended"}, follow=True)
    assert "so this step does not apply" in response.content.decode()
    client.force_login(network["mentor_officer"])
    response = client.post(reverse("actionplans:review", args=[plan.pk]), {"outcome": "recommended"})
    assert response.status_code == 403
    client.force_login(network["administrative_approver"])
    response = client.post(reverse("actionplans:approve", args=[plan.pk]), decision(), follow=True)
    assert response.status_code == 200
    assert "so this step does not apply" in response.content.decode()
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def test_an_upload_that_is_not_a_pdf_is_refused_next_to_the_field(client, network):
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    client.force_login(network["administrative_approver"])
    data = {**decision(), "decided_on": "2018-10-01", "document": SimpleUploadedFile("plan.pdf", b"GIF89a...")}
    response = client.post(reverse("actionplans:approve", args=[plan.pk]), data)
    assert response.status_code == 200
    assert "The signed document must be a PDF file." in response.content.decode()
    plan.refresh_from_db()
    assert plan.state == PlanState.RECOMMENDED


def test_an_incomplete_plan_lists_what_is_missing_on_submit(client, network):
    from actionplans import services

    client.force_login(network["officer"])
    plan = services.start_plan(pairing=network.pairing, by=network["officer"])
    response = client.get(reverse("actionplans:submit", args=[plan.pk]))
    assert "Objectives: add at least one objective." in response.content.decode()
    response = client.post(reverse("actionplans:submit", args=[plan.pk]), {"note": ""})
    assert response.status_code == 200 and "What is missing" in response.content.decode()
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["officer", "expert", "anonymous"])
def test_the_plan_page_needs_as_many_queries_for_a_large_plan_as_for_a_small_one(client, network, role):
    from actionplans import services
    from mentoring.models import Membership, Role
    from tests.factories import PairingFactory, person

    small = plan_in_state(network, PlanState.IN_IMPLEMENTATION)
    services.add_comment(plan=small, by=network["expert"], body="One")
    # A second pairing of the same scheme, with a big plan.
    pairing = PairingFactory(scheme=network.pairing.scheme)
    officer = person(Role.CITY_OFFICER, city=pairing.implementing_city)
    # The network's officer works for both implementing cities, so sees both plans alike.
    Membership.objects.create(user=network["officer"], role=Role.CITY_OFFICER, city=pairing.implementing_city)
    big = services.start_plan(pairing=pairing, by=officer)
    fill_plan(big, objectives=6, actions=5, indicators=3)
    for action in Action.objects.filter(objective__plan=big)[:10]:
        action.progress_updates.create(progress=10, status="in_progress", reported_by=officer)
    for indicator in big.objectives.first().indicators.all():
        indicator.measurements.create(measured_on=datetime.date(2018, 5, 1), value=3)
    for n in range(5):
        comment = services.add_comment(plan=big, by=network["expert"], body=f"Comment {n} @{officer.email}")
        services.add_comment(plan=big, by=officer, body="Reply", parent=comment)
    big.state = PlanState.IN_IMPLEMENTATION
    big.save()
    if role != "anonymous":
        client.force_login(network[role])

    assert _queries(client, big.get_absolute_url()) == _queries(client, small.get_absolute_url())


@pytest.mark.parametrize("objective", ["abc", "²", ""])
def test_adding_an_action_to_an_objective_that_is_not_a_number_is_not_found(client, plan, objective):
    url = reverse("actionplans:add_part", args=[plan.pk, "action"]) + f"?objective={objective}"

    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_a_tampered_version_number_is_refused_with_a_message_not_silently(client, plan):
    """Found by tests/fuzz: the error of the hidden version field showed nowhere on the page."""
    objective = Objective.objects.get(plan=plan)
    url = reverse("actionplans:edit_part", args=[plan.pk, "objective", objective.pk])
    prefix = f"objective-{objective.pk}"

    response = client.post(url, {f"{prefix}-title": "Changed", f"{prefix}-lock_version": "1e309"}, **HTMX)

    assert response.status_code == 200
    assert "This form was out of date: reload the page and make your change again." in response.content.decode()
    assert Objective.objects.get(pk=objective.pk).title == objective.title
