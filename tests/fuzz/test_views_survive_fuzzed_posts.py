"""The main POST endpoints, fuzzed through their views as a person allowed to use them.

Never a server error. When the form refuses the input, the page shows each of its messages (or, for the
views that always go back to the page they came from, an error message says why) and the database is
exactly as before; when it accepts it, the view redirects, or shows the page again with the service's
reason. ENDPOINTS covers every form of FORMS (tests/fuzz/forms_world.py) through at least one URL, and
every URL is in the permission matrix."""

import pytest
from django.apps import apps
from django.contrib.messages import ERROR, get_messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from accounts import forms as account_forms
from actionplans import forms as plan_forms
from actionplans.models import PlanState
from audit import forms as audit_forms
from mentoring import forms as visit_forms
from notifications import forms as notification_forms
from tests.actionplans.test_plan_permissions import PLAN_URL_EXPECTATIONS
from tests.factories import enable_totp
from tests.mentoring.test_visit_permissions import VISIT_URL_EXPECTATIONS
from tests.test_permission_matrix import MATRIX
from tests.toolkits.test_toolkit_permissions import TOOLKIT_URL_EXPECTATIONS
from toolkits import forms as toolkit_forms

from .conftest import fuzz
from .forms_world import FORMS, fetch, plan_world, visit_world
from .strategies import form_input
from .test_every_form_survives_fuzzed_input import RolledBack, bind, label, project_app_names


class Endpoint:
    def __init__(self, name, form, who, args, prefix=None, setup=None, redirects_always=False, not_found_ok=False):
        self.name, self.form, self.who, self.args = name, form, who, args
        self.not_found_ok = not_found_ok  # e.g. a reply to a comment that does not exist
        self.prefix = prefix or (lambda o: None)
        self.setup = setup or FORMS[form].setup
        self.redirects_always = redirects_always

    def __repr__(self):
        return self.name


def pk(name):
    return lambda o: [o[name].pk]


def part(kind):
    return Endpoint(
        "actionplans:edit_part",
        FORMS_BY_KIND[kind],
        "officer",
        lambda o: [o["plan"].pk, kind, o[kind].pk],
        prefix=lambda o: f"{kind}-{o[kind].pk}",
    )


FORMS_BY_KIND = {
    "plan": plan_forms.PlanContextForm,
    "objective": plan_forms.ObjectiveForm,
    "action": plan_forms.ActionForm,
    "indicator": plan_forms.IndicatorForm,
    "risk": plan_forms.RiskForm,
}
context = part("plan")
context.args = lambda o: [o["plan"].pk, "context", o["plan"].pk]
context.prefix = lambda o: f"context-{o['plan'].pk}"
stakeholders = Endpoint(
    "actionplans:edit_part",
    plan_forms.PlanStakeholdersForm,
    "officer",
    lambda o: [o["plan"].pk, "stakeholders", o["plan"].pk],
    prefix=lambda o: f"stakeholders-{o['plan'].pk}",
)

ENDPOINTS = [
    Endpoint("accounts:invitations", account_forms.InvitationForm, "coordinator", lambda o: []),
    Endpoint("accounts:accept_invitation", account_forms.AcceptInvitationForm, None, lambda o: [o["invitation"].key]),
    Endpoint("notifications:preferences", notification_forms.PreferencesForm, "officer", lambda o: []),
    Endpoint("mentoring:visit_plan", visit_forms.VisitForm, "officer", pk("pairing")),
    Endpoint("mentoring:visit_status", visit_forms.VisitStatusForm, "officer", pk("visit"), lambda o: "status"),
    Endpoint("mentoring:agenda_item_add", visit_forms.AgendaItemForm, "officer", pk("visit"), lambda o: "agenda"),
    Endpoint("mentoring:participant_add", visit_forms.ParticipantForm, "officer", pk("visit"), lambda o: "participant"),
    Endpoint("mentoring:attachment_add", visit_forms.AttachmentForm, "officer", pk("visit"), lambda o: "attachment"),
    Endpoint("mentoring:visit_brief", visit_forms.BriefForm, "officer", pk("visit")),
    Endpoint("mentoring:visit_report_edit", visit_forms.ReportForm, "mentor_officer", pk("visit")),
    Endpoint(
        "mentoring:recommendation_add",
        visit_forms.RecommendationForm,
        "mentor_officer",
        pk("visit"),
        lambda o: "recommendation",
    ),
    Endpoint(
        "mentoring:visit_report_submit", visit_forms.SubmitReportForm, "mentor_officer", pk("visit"), lambda o: "submit"
    ),
    Endpoint("mentoring:recommendation_respond", visit_forms.ResponseForm, "officer", pk("recommendation")),
    Endpoint(
        "mentoring:recommendation_follow_up",
        visit_forms.FollowUpForm,
        "officer",
        pk("recommendation"),
        redirects_always=True,
    ),
    context,
    stakeholders,
    part("objective"),
    part("action"),
    part("indicator"),
    part("risk"),
    Endpoint(
        "actionplans:add_comment",
        plan_forms.CommentForm,
        "mentor_officer",
        pk("plan"),
        setup=plan_world(PlanState.DRAFT, "mentor_officer"),
        redirects_always=True,
        not_found_ok=True,
    ),
    Endpoint("actionplans:submit", plan_forms.SubmitForm, "officer", pk("plan")),
    Endpoint("actionplans:review", plan_forms.ReviewForm, "expert", pk("plan")),
    Endpoint("actionplans:approve", plan_forms.DecisionForm, "administrative_approver", pk("plan")),
    Endpoint(
        "actionplans:report_progress", plan_forms.ProgressForm, "officer", lambda o: [o["plan"].pk, o["action"].pk]
    ),
    Endpoint(
        "actionplans:measurements", plan_forms.MeasurementForm, "officer", lambda o: [o["plan"].pk, o["indicator"].pk]
    ),
    Endpoint("toolkits:toolkit_edit", toolkit_forms.ToolkitForm, "expert", lambda o: [o["toolkit"].slug]),
    Endpoint(
        "toolkits:toolkit_comment",
        toolkit_forms.CommentForm,
        "officer",
        lambda o: [o["toolkit"].slug],
        redirects_always=True,
    ),
    Endpoint("toolkits:practice_create", toolkit_forms.PracticeForm, "officer", lambda o: []),
    Endpoint("toolkits:practice_add_link", toolkit_forms.LinkForm, "officer", lambda o: [o["submitted"].slug]),
    Endpoint("toolkits:practice_add_video", toolkit_forms.VideoForm, "officer", lambda o: [o["submitted"].slug]),
    Endpoint(
        "toolkits:practice_transferability",
        toolkit_forms.TransferabilityForm,
        "officer",
        lambda o: [o["published"].slug],
    ),
    Endpoint(
        "toolkits:self_assessment_edit",
        toolkit_forms.SelfAssessmentForm,
        "officer",
        lambda o: [o["city"].slug, "baseline"],
    ),
]
# The visit's brief is written before the visit, its report after it.
ENDPOINTS[8].setup = lambda n: visit_world(n, status="confirmed")


def matrix_names():
    """URL names the permission matrices know (tests/test_permission_matrix.py and its app tables)."""
    visit_names = {name.removesuffix(":post") for name in VISIT_URL_EXPECTATIONS}
    return set(MATRIX) | visit_names | set(PLAN_URL_EXPECTATIONS) | set(TOOLKIT_URL_EXPECTATIONS)


# Forms that filter a list read the query string: fuzzed through GET below.
LIST_FILTERS = {"audit:log": audit_forms.LogFilterForm}


def test_every_form_is_fuzzed_through_a_view_the_matrix_knows():
    fuzzed = {label(e.form) for e in ENDPOINTS} | {label(form) for form in LIST_FILTERS.values()}
    assert fuzzed == {label(f) for f in FORMS}
    assert set(LIST_FILTERS) <= matrix_names()
    assert {e.name for e in ENDPOINTS} <= matrix_names()


def database_state():
    """Every row of the project's tables."""
    names = project_app_names()
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label in names
    }


def shown(message, response):
    if response.status_code == 302:
        return any(m.level == ERROR for m in get_messages(response.wsgi_request))
    page = response.content.decode()
    return escape(message) in page or message in page


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.name} {e.form.__name__}")
def test_view_survives_fuzzed_posts(client, network, settings, tmp_path, endpoint):
    settings.MEDIA_ROOT = tmp_path
    harness = FORMS[endpoint.form]
    pks = endpoint.setup(network)
    objects = fetch(pks)
    enable_totp(network["coordinator"])  # staff pages need two-factor authentication
    if endpoint.who:
        client.force_login(objects[endpoint.who] if endpoint.who in objects else network[endpoint.who])
    url = reverse(endpoint.name, args=endpoint.args(objects))
    before = database_state()

    @fuzz(8)
    @given(st.data(), st.booleans())
    def example(draw, follow_form_rules):
        try:
            with transaction.atomic():
                objects = fetch(pks)
                kwargs = {**harness.kwargs(objects), "prefix": endpoint.prefix(objects)}
                data, files = draw.draw(form_input(endpoint.form(**kwargs)))
                if follow_form_rules:
                    harness.fixup(data, files, endpoint.form(**kwargs))
                form = bind(
                    endpoint.form,
                    kwargs,
                    data,
                    {k: type(f)(f.name, f.read(), f.content_type) for k, f in files.items()},
                )
                for file in files.values():
                    file.seek(0)
                valid = form.is_valid()  # before the POST changes what the form checks against

                # A browser always sends the CSRF token: a POST is never empty (the test client skips the check).
                response = client.post(url, {"csrfmiddlewaretoken": "-", **data, **files})

                assert response.status_code in (200, 302, 404 if endpoint.not_found_ok else 200), response.status_code
                if not valid:
                    if response.status_code == 302 and not endpoint.redirects_always:
                        raise AssertionError(f"refused input redirected to {response['Location']}: {form.errors}")
                    for messages in form.errors.values():
                        assert all(shown(m, response) for m in messages), (form.errors, response.status_code)
                    assert database_state() == before
                raise RolledBack
        except RolledBack:
            pass

    example()


@pytest.mark.parametrize("name, form_class", LIST_FILTERS.items())
def test_list_filters_survive_fuzzed_queries(client, network, name, form_class):
    enable_totp(network["coordinator"])
    client.force_login(network["coordinator"])
    url = reverse(name)

    @fuzz(15)
    @given(st.data())
    def example(draw):
        data, _files = draw.draw(form_input(form_class()))
        form = form_class(data)

        response = client.get(url, data)

        # A filter it cannot apply is a bad request, answered with the page and the reason.
        assert response.status_code == (200 if form.is_valid() else 400)
        if not form.is_valid():
            for messages in form.errors.values():
                assert all(shown(m, response) for m in messages), form.errors

    example()
