"""The local action plan as a PDF, and what plans add to the infographic and the interim report
(kinds and sections registered by actionplans through deliverables.registry)."""

import io

import pytest
from django.core.management import call_command

from actionplans.models import Action, ActionPlan
from deliverables import services
from deliverables.models import Deliverable
from mentoring.models import Programme

from .support import pdf_text
from .test_person_generates_pdf_of_each_kind import assert_common_parts, assert_tagged_with_embedded_european_fonts


@pytest.fixture
def demo_plans(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def render(django_capture_on_commit_callbacks):
    def render(kind, subject):
        with django_capture_on_commit_callbacks(execute=True):
            deliverable = services.request_render(subject=subject, kind=kind, by=None)
        deliverable.refresh_from_db()
        assert deliverable.status == Deliverable.Status.READY, deliverable.error
        return deliverable

    return render


def plan_of(implementing):
    return ActionPlan.objects.get(pairing__implementing_city__slug=implementing)


def test_officer_generates_the_draft_plan_with_every_section_and_the_timeline(demo_plans, render):
    plan = plan_of("athens")

    deliverable = render("action_plan", plan)

    text = assert_common_parts(deliverable)
    for expected in [
        "München",
        "Αθήνα",
        "Table of contents",
        "Context and challenge",
        "Integrating Cities Charter commitments",
        "Objectives",
        "Actions",
        "Timeline of the actions",
        "Indicators",
        "Risks and mitigations",
        "Stakeholders",
        "Sign-off record",
        "Pilot with partners (1.1)",
        "Train city staff (2.2)",
        "20,000",
        "Migrants reached",
        "Partners lose interest",
        "not endorsed yet",
        "Not reviewed yet.",
    ]:
        assert expected in text, expected
    assert deliverable.file.name == f"deliverables/action_plan/action_plan-{plan.pk}-en.pdf"
    assert_tagged_with_embedded_european_fonts(deliverable)


def test_the_endorsed_plan_carries_its_sign_off_record(demo_plans, render):
    plan = plan_of("riga")

    text = pdf_text(render("action_plan", plan))

    for expected in [
        "Rīga",
        "Recommend with conditions",
        "Report to the mentor city after six months.",
        "Confirm the AMIF co-funding",
        "Administrative approval",
        "ADM-2018/17",
        "Political endorsement",
        "city council",
        "Council decision 2018/245",
        "on 30 Jun 2019",  # the latest measurement of an indicator
    ]:
        assert expected in text, expected


def test_the_plan_pdf_has_an_accessible_timeline_with_a_table_alternative(demo_plans, client):
    from accounts.models import User

    plan = plan_of("athens")
    client.force_login(User.objects.get(email="coordinator@eurocities.example"))

    html = client.get(f"/deliverables/action_plan/{plan.pk}/preview/").content.decode()

    assert (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="actions-timeline-{plan.pk}-title' in html
    )
    assert "<title id=" in html and "<desc id=" in html
    assert "<caption>The actions of the plan, by objective; budgets in euros</caption>" in html


def test_the_infographic_shows_the_key_planned_actions(demo_plans, render):
    plan = plan_of("athens")

    deliverable = render("infographic", plan.pairing)

    text = pdf_text(deliverable)
    assert "Key planned actions" in text
    assert "Pilot with partners (1.1)" in text and "Planned" in text
    assert deliverable.page_count == 1


def test_the_interim_report_shows_each_pairings_plan_progress(demo_plans, render):
    deliverable = render("interim_report", Programme.objects.get())

    text = pdf_text(deliverable)
    for expected in ["Progress of the action plans", "8 of 8 pairings have started", "In implementation", "Draft"]:
        assert expected in text, expected


def test_an_unchanged_plan_is_not_rendered_again_and_a_changed_action_is(
    demo_plans, django_capture_on_commit_callbacks
):
    plan = plan_of("athens")
    pairing, programme = plan.pairing, Programme.objects.get()

    def request(kind, subject):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            services.request_render(subject=subject, kind=kind, by=None)
        return len(callbacks)

    subjects = [("action_plan", plan), ("infographic", pairing), ("interim_report", programme)]
    assert [request(kind, subject) for kind, subject in subjects] == [1, 1, 1]
    assert [request(kind, subject) for kind, subject in subjects] == [0, 0, 0]

    action = Action.objects.filter(objective__plan=plan, title="Pilot with partners (1.1)")
    action.update(status="in_progress")

    # The interim report shows the plan's progress, not its actions' status: it stays as it is.
    assert [request(kind, subject) for kind, subject in subjects] == [1, 1, 0]

    action.update(progress=40)

    assert [request(kind, subject) for kind, subject in subjects] == [1, 1, 1]
