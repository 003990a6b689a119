"""Twenty officers opened the same action and save different values at the same moment: one save
lands, nineteen are refused with the conflict message, nothing is silently overwritten. Then the
same through the inline edit view, over HTTP to the live server, for a few people at once.

update_item() takes the plan's row lock before it compares lock_version, so the comparison and the
write cannot interleave (tests/actionplans/race.py holds that lock until everyone waits for it)."""

import http.client
import secrets
import urllib.parse
from functools import partial

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from actionplans import services
from actionplans.models import Action, PlanState
from mentoring.models import Role
from tests.actionplans.plans import action_form, plan_in_state
from tests.actionplans.race import WON, needs_connections, race
from tests.factories import person

pytestmark = pytest.mark.django_db(transaction=True)

CONFLICT = (
    "Someone else saved this item while you were editing it. Your changes were not saved; "
    "compare them with the current values below."
)


def _officers(network, count):
    return [network["officer"]] + [person(Role.CITY_OFFICER, city=network.implementing_city) for _ in range(count - 1)]


def test_twenty_officers_save_one_action_at_once_and_one_save_lands(network):
    needs_connections(22)
    plan = plan_in_state(network, PlanState.DRAFT)
    action = Action.objects.get(objective__plan=plan)
    officers = _officers(network, 20)
    # Everyone opened the form at version 1: their own copy of the action, loaded before anyone saves.
    acts = {
        officer.email: partial(
            services.update_item,
            item=Action.objects.get(pk=action.pk),
            by=officer,
            data={"title": f"Job fair, as {officer.email} sees it"},
            expected_version=1,
        )
        for officer in officers
    }

    results = race(plan, acts)

    winners = [email for email, result in results.items() if result == WON]
    assert len(winners) == 1, results
    assert sorted(result for result in results.values() if result != WON) == [CONFLICT] * 19
    action.refresh_from_db()
    assert action.title == f"Job fair, as {winners[0]} sees it"
    assert action.lock_version == 2


def _signed_in_headers(user):
    """What a signed-in browser sends with an htmx POST: session and CSRF cookies, the CSRF header."""
    client = Client()
    client.force_login(user)
    token = secrets.token_hex(16)  # a CSRF secret: 32 characters
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={token}",
        "X-CSRFToken": token,
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def _post(url, data, headers, into, name):
    parts = urllib.parse.urlsplit(url)
    server = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        server.request("POST", parts.path, body=urllib.parse.urlencode(data), headers=headers)
        response = server.getresponse()
        into[name] = (response.status, response.read().decode())
    finally:
        server.close()


def test_five_officers_save_one_action_inline_at_once_over_http(network, live_server):
    needs_connections(10)
    plan = plan_in_state(network, PlanState.DRAFT)
    action = Action.objects.get(objective__plan=plan)
    url = live_server.url + reverse("actionplans:edit_part", args=[plan.pk, "action", action.pk])
    officers = _officers(network, 5)
    answers = {}
    acts = {
        officer.email: partial(
            _post,
            url,
            action_form(action, title=f"Job fair by {officer.name}"),
            _signed_in_headers(officer),
            answers,
            officer.email,
        )
        for officer in officers
    }

    assert set(race(plan, acts).values()) == {WON}

    assert [status for status, _ in answers.values()] == [200] * 5
    saved = [email for email, (_, body) in answers.items() if "Someone else saved this action" not in body]
    assert len(saved) == 1, answers
    [winner] = [officer for officer in officers if officer.email == saved[0]]
    assert f"Action: Job fair by {winner.name}" in answers[winner.email][1]
    for email, (_, body) in answers.items():
        if email != winner.email:
            assert "Your changes were not saved. Their values are:" in body
            assert f"Job fair by {winner.name}" in body  # theirs, shown to compare
    action.refresh_from_db()
    assert (action.title, action.lock_version) == (f"Job fair by {winner.name}", 2)
