"""The plan's and the toolkit's pages offer "Generate PDF" to whoever may see them and is signed in, and
visitors download the PDF of an endorsed plan or a published toolkit once it is ready."""

from django.urls import reverse
from django.utils import timezone

from actionplans.models import PlanState
from tests.actionplans.plans import plan_in_state
from tests.factories import ToolkitFactory

from .support import FAKE_PDF, ready_deliverable


def test_the_plan_page_offers_its_pdf_to_its_people_and_an_endorsed_plans_to_every_member(client, network):
    plan = plan_in_state(network, PlanState.ENDORSED)

    client.force_login(network["officer"])
    assert "Action plan as PDF" in client.get(plan.get_absolute_url()).content.decode()
    client.force_login(network["other_city_officer"])
    assert "Action plan as PDF" in client.get(plan.get_absolute_url()).content.decode()
    client.logout()
    page = client.get(plan.get_absolute_url())
    # Nothing to offer a visitor before someone signed in has generated the PDF.
    assert page.status_code == 200 and "Action plan as PDF" not in page.content.decode()


def test_the_toolkit_page_offers_its_pdf(client, network):
    toolkit = ToolkitFactory(state="published", published_at=timezone.now())

    client.force_login(network["officer"])
    page = client.get(toolkit.get_absolute_url()).content.decode()

    assert "Toolkit as PDF" in page and f"/deliverables/toolkit/{toolkit.pk}/preview/" in page


def test_a_visitor_downloads_an_endorsed_plans_pdf_but_cannot_generate_one(client, network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = plan_in_state(network, PlanState.ENDORSED)
    deliverable = ready_deliverable("action_plan", plan)

    page = client.get(plan.get_absolute_url()).content.decode()
    download = reverse("deliverables:download", args=[deliverable.pk])

    assert "Action plan as PDF" in page and download in page
    assert "Generate the PDF again" not in page
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == FAKE_PDF
    generate = client.post(reverse("deliverables:generate", args=["action_plan", plan.pk]))
    assert generate.status_code == 302 and generate["Location"].startswith(reverse("account_login"))


def test_a_visitor_is_asked_to_sign_in_for_a_draft_plans_pdf(client, network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = plan_in_state(network, PlanState.SUBMITTED)
    deliverable = ready_deliverable("action_plan", plan)

    for url in (
        reverse("deliverables:download", args=[deliverable.pk]),
        reverse("deliverables:download", args=[deliverable.pk + 1000]),
        reverse("deliverables:preview", args=["action_plan", plan.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url


def test_a_visitor_downloads_a_published_toolkits_pdf(client, network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    toolkit = ToolkitFactory(state="published", published_at=timezone.now())
    deliverable = ready_deliverable("toolkit", toolkit)

    page = client.get(toolkit.get_absolute_url()).content.decode()

    assert "Toolkit as PDF" in page and f"/deliverables/toolkit/{toolkit.pk}/preview/" in page
    assert client.get(reverse("deliverables:download", args=[deliverable.pk])).status_code == 200
    assert client.get(reverse("deliverables:preview", args=["toolkit", toolkit.pk])).status_code == 200
