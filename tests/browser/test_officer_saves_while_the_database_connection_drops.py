"""An officer saves an action inline while PostgreSQL drops the live server's connection: the page
says the database connection was lost and the change was not saved, keeps what they typed, and
saving again works. Over real HTTP, in Chromium, with axe-core on the page showing the alert."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from actionplans.models import Action, PlanState
from tests.actionplans.plans import plan_in_state
from tests.factories import PASSWORD
from tests.faults.dropped import dropped_in_live_server

from .support import assert_accessible, sign_in, visit

pytestmark = pytest.mark.browser


def test_officer_is_told_the_save_failed_and_saves_again(page, network):
    officer = network["officer"]
    plan = plan_in_state(network, PlanState.DRAFT)
    action = Action.objects.get(objective__plan=plan)
    sign_in(page, officer.email, PASSWORD)
    assert_accessible(page)
    visit(page, plan.get_absolute_url())

    page.get_by_role("link", name="Edit action “Action 1.1”").click()
    form = page.locator(f"#action-{action.pk} form")
    form.get_by_label("Title").fill("Job fair for young newcomers")
    path = reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])
    with dropped_in_live_server(path, r'^UPDATE "actionplans_action"') as drop:
        form.get_by_role("button", name="Save").click()
        alert = page.locator("#database-error")
        expect(alert).to_contain_text("The database connection was lost. Your change was not saved.")
    assert drop.dropped and drop.queries_after == []
    expect(form.get_by_label("Title")).to_have_value("Job fair for young newcomers")
    assert_accessible(page)
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Action 1.1", 1)

    form.get_by_role("button", name="Save").click()
    expect(page.locator(f"#action-{action.pk} h5")).to_have_text("Action: Job fair for young newcomers")
    expect(alert).to_be_empty()
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Job fair for young newcomers", 2)
