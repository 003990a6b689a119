"""The plan's and the toolkit's pages offer "Generate PDF" to whoever may see them and is signed in."""

from django.utils import timezone

from actionplans.models import PlanState
from tests.actionplans.plans import plan_in_state
from tests.factories import ToolkitFactory


def test_the_plan_page_offers_its_pdf_to_its_people_and_an_endorsed_plans_to_every_member(client, network):
    plan = plan_in_state(network, PlanState.ENDORSED)

    client.force_login(network["officer"])
    assert "Action plan as PDF" in client.get(plan.get_absolute_url()).content.decode()
    client.force_login(network["other_city_officer"])
    assert "Action plan as PDF" in client.get(plan.get_absolute_url()).content.decode()
    client.logout()
    page = client.get(plan.get_absolute_url())
    assert page.status_code == 200 and "Action plan as PDF" not in page.content.decode()


def test_the_toolkit_page_offers_its_pdf(client, network):
    toolkit = ToolkitFactory(state="published", published_at=timezone.now())

    client.force_login(network["officer"])
    page = client.get(toolkit.get_absolute_url()).content.decode()

    assert "Toolkit as PDF" in page and f"/deliverables/toolkit/{toolkit.pk}/preview/" in page
