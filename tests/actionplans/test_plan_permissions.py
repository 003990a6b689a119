"""Who may open each URL of the action plans, role by role.

PLAN_URL_EXPECTATIONS is written to be merged into the main permission matrix: for each URL name, the
status every role gets. 302 for anonymous is the redirect to sign in; 404 hides a plan the person may not
see; 403 refuses a person who sees the plan but may not do this; 302 for a signed-in person on a POST is the
redirect back to the plan after the action. PLAN_URL_SETUP says in which state the plan is and how the URL
is called."""

PLAN_URL_EXPECTATIONS = {
    "actionplans:plans": {
        "anonymous": 200,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 200,
        "other_city_officer": 200,
        "coordinator": 200,
    },
    "actionplans:review_queue": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 200,
        "other_city_officer": 200,
        "coordinator": 200,
    },
    "actionplans:pairing_plan": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 302,
        "administrative_approver": 302,
        "political_approver": 302,
        "expert": 302,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 302,
    },
    "actionplans:plan": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 200,
    },
    "actionplans:completeness": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:add_part": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:edit_part": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:delete_part": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:add_comment": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 302,
        "administrative_approver": 302,
        "political_approver": 302,
        "expert": 302,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 302,
    },
    "actionplans:resolve_comment": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:submit": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:review": {
        "anonymous": 302,
        "officer": 403,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 200,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:approve": {
        "anonymous": 302,
        "officer": 403,
        "mentor_officer": 403,
        "administrative_approver": 200,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:endorse": {
        "anonymous": 302,
        "officer": 403,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 200,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:start_implementation": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 403,
        "other_city_officer": 403,
        "coordinator": 403,
    },
    "actionplans:decision_document": {
        "anonymous": 200,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 200,
        "other_city_officer": 200,
        "coordinator": 200,
    },
    "actionplans:report_progress": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 403,
        "other_city_officer": 403,
        "coordinator": 403,
    },
    "actionplans:measurements": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 403,
        "other_city_officer": 403,
        "coordinator": 403,
    },
    "actionplans:versions": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 200,
    },
    "actionplans:version": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 200,
    },
    "actionplans:compare": {
        "anonymous": 302,
        "officer": 200,
        "mentor_officer": 200,
        "administrative_approver": 200,
        "political_approver": 200,
        "expert": 200,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 200,
    },
    "actionplans:staff_overview": {
        "anonymous": 302,
        "officer": 403,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 403,
        "other_city_officer": 403,
        "coordinator": 200,
    },
    "actionplans:adopt_practice": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
    "actionplans:add_gap_action": {
        "anonymous": 302,
        "officer": 302,
        "mentor_officer": 403,
        "administrative_approver": 403,
        "political_approver": 403,
        "expert": 403,
        "other_expert": 404,
        "other_city_officer": 404,
        "coordinator": 403,
    },
}

import datetime  # noqa: E402 - the expectations come first, to be read (and merged) first

import pytest  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.urls import reverse  # noqa: E402

from actionplans import services  # noqa: E402
from actionplans.models import Decision, Indicator, PlanState  # noqa: E402
from tests.factories import enable_totp  # noqa: E402

from .plans import PDF, assessment_of, plan_in_state  # noqa: E402


def _objective(plan):
    return plan.objectives.first()


# URL name: (state of the plan, method, kwargs of the URL, POST data)
PLAN_URL_SETUP = {
    "actionplans:plans": (PlanState.DRAFT, "get", lambda p, n: {}, None),
    "actionplans:review_queue": (PlanState.SUBMITTED, "get", lambda p, n: {}, None),
    "actionplans:pairing_plan": (PlanState.DRAFT, "get", lambda p, n: {"pk": p.pairing_id}, None),
    "actionplans:plan": (PlanState.DRAFT, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:completeness": (PlanState.DRAFT, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:add_part": (PlanState.DRAFT, "get", lambda p, n: {"pk": p.pk, "kind": "risk"}, None),
    "actionplans:edit_part": (
        PlanState.DRAFT,
        "get",
        lambda p, n: {"pk": p.pk, "kind": "objective", "item_pk": _objective(p).pk},
        None,
    ),
    "actionplans:delete_part": (
        PlanState.DRAFT,
        "post",
        lambda p, n: {"pk": p.pk, "kind": "risk", "item_pk": p.risks.first().pk},
        {"lock_version": 1},
    ),
    "actionplans:add_comment": (
        PlanState.DRAFT,
        "post",
        lambda p, n: {"pk": p.pk},
        {"body": "A question", "section": "general"},
    ),
    "actionplans:resolve_comment": (
        PlanState.DRAFT,
        "post",
        lambda p, n: {
            "pk": p.pk,
            "comment_pk": services.add_comment(plan=p, by=n["expert"], body="Please add a risk.").pk,
        },
        {},
    ),
    "actionplans:submit": (PlanState.DRAFT, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:review": (PlanState.SUBMITTED, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:approve": (PlanState.RECOMMENDED, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:endorse": (PlanState.APPROVED, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:start_implementation": (PlanState.ENDORSED, "post", lambda p, n: {"pk": p.pk}, {}),
    "actionplans:decision_document": (
        PlanState.ENDORSED,
        "get",
        lambda p, n: _with_document(p),
        None,
    ),
    "actionplans:report_progress": (
        PlanState.IN_IMPLEMENTATION,
        "get",
        lambda p, n: {"pk": p.pk, "action_pk": _objective(p).actions.first().pk},
        None,
    ),
    "actionplans:measurements": (
        PlanState.IN_IMPLEMENTATION,
        "get",
        lambda p, n: {"pk": p.pk, "indicator_pk": Indicator.objects.filter(objective__plan=p).first().pk},
        None,
    ),
    "actionplans:versions": (PlanState.SUBMITTED, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:version": (PlanState.SUBMITTED, "get", lambda p, n: {"pk": p.pk, "number": 1}, None),
    "actionplans:compare": (PlanState.RESUBMITTED, "get", lambda p, n: {"pk": p.pk}, None),
    "actionplans:staff_overview": (PlanState.SUBMITTED, "get", lambda p, n: {}, None),
    "actionplans:add_gap_action": (
        PlanState.DRAFT,
        "post",
        lambda p, n: {"slug": n.implementing_city.slug, "code": "S1"},
        {},
    ),
    "actionplans:adopt_practice": (
        PlanState.DRAFT,
        "post",
        lambda p, n: {"assessment_pk": assessment_of(n).pk},
        {},
    ),
}


def _with_document(plan):
    decision = plan.decisions.get(kind=Decision.Kind.ENDORSEMENT)
    decision.document.save("signed.pdf", ContentFile(PDF))
    return {"pk": plan.pk, "kind": decision.kind}


def test_every_url_of_the_app_is_in_the_matrix():
    from actionplans.urls import urlpatterns

    names = {f"actionplans:{pattern.name}" for pattern in urlpatterns}
    assert names == set(PLAN_URL_EXPECTATIONS) == set(PLAN_URL_SETUP)


CASES = [(name, role, status) for name, statuses in PLAN_URL_EXPECTATIONS.items() for role, status in statuses.items()]


@pytest.mark.parametrize(("name", "role", "expected"), CASES, ids=[f"{n.split(':')[1]}-{r}" for n, r, _ in CASES])
def test_each_role_gets_the_expected_answer(client, network, settings, tmp_path, name, role, expected):
    settings.MEDIA_ROOT = tmp_path
    state, method, kwargs, data = PLAN_URL_SETUP[name]
    plan = plan_in_state(network, state)
    url = reverse(name, kwargs=kwargs(plan, network))
    if role != "anonymous":
        user = network[role]
        if role == "coordinator":
            enable_totp(user)
        client.force_login(user)

    response = getattr(client, method)(url, data) if method == "post" else client.get(url)

    assert response.status_code == expected, f"{role} {method.upper()} {url}"
    if role == "anonymous" and expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_anyone_reads_an_endorsed_plan_but_not_its_workspace(client, network):
    plan = plan_in_state(network, PlanState.ENDORSED)
    services.add_comment(plan=plan, by=network["expert"], body="An internal remark")

    page = client.get(plan.get_absolute_url())

    assert page.status_code == 200
    assert b"Objective 1" in page.content and b"Municipal council" in page.content
    assert b"An internal remark" not in page.content and b"History" not in page.content
    assert client.get(reverse("actionplans:versions", args=[plan.pk])).status_code == 302
    client.force_login(network["other_city_officer"])
    assert client.get(reverse("actionplans:versions", args=[plan.pk])).status_code == 404
    assert plan.title.encode() in client.get(reverse("actionplans:plans")).content


def test_lists_do_not_show_other_pairings_drafts(client, network):
    plan = plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["other_city_officer"])
    assert plan.title.encode() not in client.get(reverse("actionplans:plans")).content
    client.force_login(network["other_expert"])
    assert plan.title.encode() not in client.get(reverse("actionplans:review_queue")).content
    client.force_login(network["expert"])
    assert plan.title.encode() in client.get(reverse("actionplans:review_queue")).content


def test_staff_overview_asks_coordinators_for_a_second_factor_first(client, network):
    plan_in_state(network, PlanState.SUBMITTED)
    client.force_login(network["coordinator"])
    response = client.get(reverse("actionplans:staff_overview"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


_ = datetime  # dates of decisions come from tests/actionplans/plans.py
