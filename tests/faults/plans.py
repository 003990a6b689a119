"""Plan edits and submissions, for the tests that break the database in the middle of one."""

from actionplans.models import Event, PlanVersion, Transition
from notifications.models import Notification, OutboundEmail
from tests.actionplans.plans import action_form

HTMX = {"HTTP_HX_REQUEST": "true"}


def what_a_submission_writes(plan):
    return {
        "transitions": Transition.objects.filter(plan=plan).count(),
        "versions": PlanVersion.objects.filter(plan=plan).count(),
        "events": Event.objects.filter(plan=plan).count(),
        "notifications": Notification.objects.count(),
        "mails": OutboundEmail.objects.count(),
    }


def assert_not_saved_until_tried_again(client, url, action):
    """The inline save of `action` left it as it was; posting it again (on a new connection if need be) saves it."""
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Action 1.1", 1)
    response = client.post(url, action_form(action, title="Job fair for youth"), **HTMX)
    assert response.status_code == 200 and b"Job fair for youth" in response.content
    action.refresh_from_db()
    assert (action.title, action.lock_version) == ("Job fair for youth", 2)
