"""Every form of the project, with what it needs to be built and the service its cleaned data feeds.

FORMS maps each form class to a Harness: `setup(network)` creates, once per test, the objects the form works
on (a plan in the right state, a visit, a report…) and returns their primary keys; `kwargs(objects)` gives the
form's constructor arguments; `feed(form, objects)` calls the service the form's view calls with the cleaned
data. `objects` are fetched afresh for every example, since an example's writes are rolled back.

tests/fuzz/test_every_form_survives_fuzzed_input.py fails when a form of the project is missing here."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404

from accounts import forms as account_forms
from accounts import services as account_services
from actionplans import forms as plan_forms
from actionplans import services as plan_services
from actionplans.models import Comment, PlanState
from audit import forms as audit_forms
from audit import selectors as audit_selectors
from mentoring import forms as visit_forms
from mentoring import selectors as mentoring_selectors
from mentoring import services as visit_services
from mentoring.models import City, Organisation, Role, Visit, VisitReport
from notifications import forms as notification_forms
from notifications import services as notification_services
from tests.actionplans.plans import plan_in_state
from tests.factories import GoodPracticeFactory, RecommendationFactory, ToolkitFactory, VisitFactory
from toolkits import forms as toolkit_forms
from toolkits import services as toolkit_services
from toolkits.models import CharterCommitment, GoodPractice, Moment, Toolkit

User = get_user_model()

# What a service may answer instead of doing the write: each carries a message the view shows.
REFUSALS = (ValidationError, plan_services.PlanError, account_services.InvitationUnusable, Http404)


def refusal_messages(error):
    if isinstance(error, ValidationError):
        return error.messages
    if isinstance(error, plan_services.PlanError):
        return [error.message]
    return [str(error)]


@dataclass(frozen=True)
class Harness:
    setup: Callable[[Any], dict]
    feed: Callable[[Any, dict], Any]
    kwargs: Callable[[dict], dict] = lambda objects: {}
    fixup: Callable[[dict, dict, Any], None] = lambda data, files, form: None


def fetch(pks):
    """{name: object}, fetched afresh from {name: (model, pk)} (plain values pass through)."""
    return {
        name: value[0].objects.get(pk=value[1]) if isinstance(value, tuple) else value for name, value in pks.items()
    }


def ref(obj):
    return (type(obj), obj.pk)


def people(network, *roles):
    return {role: (User, network[role].pk) for role in roles}


def visit_world(network, status=Visit.Status.HELD):
    """A study visit of the pairing (hosted by the mentor city) with a draft report and a recommendation."""
    held = VisitFactory(pairing=network.pairing, status=status)
    report = VisitReport.objects.create(visit=held, summary="What we saw.")
    recommendation = RecommendationFactory(report=report, number=1)
    return {
        "visit": ref(held),
        "report": ref(report),
        "recommendation": ref(recommendation),
        **people(network, "officer", "mentor_officer", "coordinator"),
    }


def answerable_world(network):
    """A recommendation of a submitted report, for the implementing city to answer."""
    objects = visit_world(network)
    VisitReport.objects.filter(pk=objects["report"][1]).update(submitted_at=datetime.datetime.now(datetime.UTC))
    Visit.objects.filter(pk=objects["visit"][1]).update(status=Visit.Status.REPORTED)
    return objects


def plan_world(state, *roles):
    def setup(network):
        plan = plan_in_state(network, state)
        objective = plan.objectives.first()
        return {
            "plan": ref(plan),
            "objective": ref(objective),
            "action": ref(objective.actions.first()),
            "indicator": ref(objective.indicators.first()),
            "risk": ref(plan.risks.first()),
            **people(network, "officer", *roles),
        }

    return setup


def toolkit_world(network):
    toolkit = ToolkitFactory(scheme=network.pairing.scheme, state=Toolkit.State.PILOT)
    submitted = GoodPracticeFactory(
        city=network.implementing_city,
        city_name=network.implementing_city.name,
        scheme=network.pairing.scheme,
        state=GoodPractice.State.SUBMITTED,
        published_at=None,
    )
    published = GoodPracticeFactory(city=network.other_city, city_name=network.other_city.name)
    return {
        "toolkit": ref(toolkit),
        "submitted": ref(submitted),
        "published": ref(published),
        "city": ref(network.implementing_city),
        **people(network, "officer", "expert", "coordinator"),
    }


def invitation_world(network):
    invitation = account_services.invite_person(
        email="newcomer@city.example",
        role=Role.CITY_OFFICER,
        city=network.implementing_city,
        invited_by=network["coordinator"],
    )
    return {"invitation": ref(invitation), **people(network, "coordinator")}


def invitation_scope(data, files, form):
    """A city for a city role, an organisation of the right kind for the others."""
    role = data.get(form.add_prefix("role"))
    if role in Role.city_roles():
        data.pop(form.add_prefix("organisation"), None)
        data[form.add_prefix("city")] = str(City.objects.order_by("pk").first().pk)
    elif role in Role.organisation_roles():
        kind = "coordinator" if role == Role.COORDINATOR else "expert_partner"
        data.pop(form.add_prefix("city"), None)
        data[form.add_prefix("organisation")] = str(Organisation.objects.filter(kind=kind).first().pk)


def same_passwords(data, files, form):
    key1, key2 = form.add_prefix("password1"), form.add_prefix("password2")
    if key1 in data:
        data[key2] = data[key1]


def one_video_source(data, files, form):
    """A link or a file, not both: the form's own rule, so that valid examples happen."""
    if data.get(form.add_prefix("url")) and form.add_prefix("file") in files:
        data.pop(form.add_prefix("url"))


def part_update(kind):
    def feed(form, o):
        return plan_services.update_item(
            item=o[kind],
            by=o["officer"],
            data=form.changed_data_for_service(),
            expected_version=form.cleaned_data["lock_version"] or 0,
        )

    return feed


def comment_on_plan(form, o):
    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"], plan=o["plan"]).first()
        if parent is None:
            raise Http404("No such comment.")
    return plan_services.add_comment(
        plan=o["plan"], by=o["mentor_officer"], body=form.cleaned_data["body"], section=form.cleaned_data["section"]
    )


def visible_people(o):
    memberships = mentoring_selectors.visible_memberships(mentoring_selectors.scope_of(o["officer"]))
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by("name")


def self_assessment(form, o):
    return toolkit_services.save_self_assessment(
        city=o["city"],
        programme=mentoring_selectors.current_programme(),
        moment=Moment.BASELINE,
        by=o["officer"],
        ratings=form.ratings(),
    )


FORMS = {
    # accounts
    account_forms.InvitationForm: Harness(
        setup=lambda n: people(n, "coordinator"),
        feed=lambda form, o: account_services.invite_person(**form.cleaned_data, invited_by=o["coordinator"]),
        fixup=invitation_scope,
    ),
    account_forms.AcceptInvitationForm: Harness(
        setup=invitation_world,
        kwargs=lambda o: {"invitation": o["invitation"]},
        feed=lambda form, o: account_services.accept_invitation(
            invitation=o["invitation"], name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
        ),
        fixup=same_passwords,
    ),
    # visits
    visit_forms.VisitForm: Harness(
        setup=lambda n: {"pairing": ref(n.pairing), **people(n, "officer")},
        kwargs=lambda o: {"pairing": o["pairing"]},
        feed=lambda form, o: visit_services.plan_visit(pairing=o["pairing"], by=o["officer"], **form.cleaned_data),
    ),
    visit_forms.VisitStatusForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.change_visit_status(visit=o["visit"], by=o["officer"], **form.cleaned_data),
    ),
    visit_forms.AgendaItemForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.add_agenda_item(
            visit=o["visit"], by=o["officer"], **form.service_arguments()
        ),
    ),
    visit_forms.ParticipantForm: Harness(
        setup=visit_world,
        kwargs=lambda o: {"people": visible_people(o)},
        feed=lambda form, o: visit_services.add_participant(visit=o["visit"], by=o["officer"], **form.cleaned_data),
    ),
    visit_forms.AttachmentForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.add_attachment(visit=o["visit"], by=o["officer"], **form.cleaned_data),
    ),
    visit_forms.BriefForm: Harness(
        setup=lambda n: visit_world(n, status=Visit.Status.CONFIRMED),
        feed=lambda form, o: visit_services.save_brief(
            visit=o["visit"], by=o["officer"], submit=True, **form.cleaned_data
        ),
    ),
    visit_forms.ReportForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.save_report(visit=o["visit"], by=o["mentor_officer"], **form.cleaned_data),
    ),
    visit_forms.RecommendationForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.add_recommendation(
            report=o["report"], by=o["mentor_officer"], **form.cleaned_data
        ),
    ),
    visit_forms.SubmitReportForm: Harness(
        setup=visit_world,
        feed=lambda form, o: visit_services.submit_report(
            report=o["report"], by=o["mentor_officer"], **form.cleaned_data
        ),
    ),
    visit_forms.ResponseForm: Harness(
        setup=answerable_world,
        feed=lambda form, o: visit_services.respond_to_recommendation(
            recommendation=o["recommendation"],
            by=o["officer"],
            response=form.cleaned_data["response"],
            reason=form.cleaned_data["response_reason"],
        ),
    ),
    visit_forms.FollowUpForm: Harness(
        setup=answerable_world,
        feed=lambda form, o: visit_services.record_follow_up(
            recommendation=o["recommendation"], by=o["officer"], **form.cleaned_data
        ),
    ),
    # action plans: the inline parts edit the items of a draft
    plan_forms.PlanContextForm: Harness(
        setup=plan_world(PlanState.DRAFT), kwargs=lambda o: {"instance": o["plan"]}, feed=part_update("plan")
    ),
    plan_forms.PlanStakeholdersForm: Harness(
        setup=plan_world(PlanState.DRAFT), kwargs=lambda o: {"instance": o["plan"]}, feed=part_update("plan")
    ),
    plan_forms.ObjectiveForm: Harness(
        setup=plan_world(PlanState.DRAFT),
        kwargs=lambda o: {"instance": o["objective"]},
        feed=part_update("objective"),
    ),
    plan_forms.ActionForm: Harness(
        setup=plan_world(PlanState.DRAFT), kwargs=lambda o: {"instance": o["action"]}, feed=part_update("action")
    ),
    plan_forms.IndicatorForm: Harness(
        setup=plan_world(PlanState.DRAFT),
        kwargs=lambda o: {"instance": o["indicator"]},
        feed=part_update("indicator"),
    ),
    plan_forms.RiskForm: Harness(
        setup=plan_world(PlanState.DRAFT), kwargs=lambda o: {"instance": o["risk"]}, feed=part_update("risk")
    ),
    plan_forms.SubmitForm: Harness(
        setup=plan_world(PlanState.DRAFT),
        feed=lambda form, o: plan_services.submit_plan(plan=o["plan"], by=o["officer"], note=form.cleaned_data["note"]),
    ),
    plan_forms.ReviewForm: Harness(
        setup=plan_world(PlanState.SUBMITTED, "expert"),
        feed=lambda form, o: plan_services.review_plan(plan=o["plan"], by=o["expert"], **form.service_arguments()),
    ),
    plan_forms.DecisionForm: Harness(
        setup=plan_world(PlanState.RECOMMENDED, "administrative_approver"),
        feed=lambda form, o: plan_services.record_approval(
            plan=o["plan"], by=o["administrative_approver"], **form.cleaned_data
        ),
    ),
    plan_forms.CommentForm: Harness(setup=plan_world(PlanState.DRAFT, "mentor_officer"), feed=comment_on_plan),
    plan_forms.ProgressForm: Harness(
        setup=plan_world(PlanState.IN_IMPLEMENTATION),
        feed=lambda form, o: plan_services.report_progress(action=o["action"], by=o["officer"], **form.cleaned_data),
    ),
    plan_forms.MeasurementForm: Harness(
        setup=plan_world(PlanState.IN_IMPLEMENTATION),
        feed=lambda form, o: plan_services.record_measurement(
            indicator=o["indicator"], by=o["officer"], **form.cleaned_data
        ),
    ),
    # toolkits and the library
    toolkit_forms.PracticeForm: Harness(
        setup=toolkit_world,
        kwargs=lambda o: {"city_choices": City.objects.filter(pk=o["city"].pk)},
        feed=lambda form, o: toolkit_services.submit_practice(
            by=o["officer"], city=form.cleaned_data["city"], fields=form.service_fields()
        ),
    ),
    toolkit_forms.LinkForm: Harness(
        setup=toolkit_world,
        feed=lambda form, o: toolkit_services.add_practice_link(
            practice=o["submitted"], by=o["officer"], **form.cleaned_data
        ),
    ),
    toolkit_forms.VideoForm: Harness(
        setup=toolkit_world,
        feed=lambda form, o: toolkit_services.add_practice_video(
            practice=o["submitted"], by=o["officer"], **form.cleaned_data
        ),
        fixup=one_video_source,
    ),
    toolkit_forms.ToolkitForm: Harness(
        setup=toolkit_world,
        kwargs=lambda o: {"instance": o["toolkit"]},
        feed=lambda form, o: toolkit_services.update_toolkit(
            toolkit=o["toolkit"], by=o["expert"], fields=form.cleaned_data
        ),
    ),
    toolkit_forms.CommentForm: Harness(
        setup=toolkit_world,
        feed=lambda form, o: toolkit_services.comment_on_toolkit(
            toolkit=o["toolkit"], by=o["officer"], body=form.cleaned_data["body"]
        ),
    ),
    toolkit_forms.SelfAssessmentForm: Harness(
        setup=lambda n: {"city": ref(n.implementing_city), **people(n, "officer")},
        kwargs=lambda o: {"commitments": CharterCommitment.objects.all(), "ratings": {}},
        feed=self_assessment,
    ),
    toolkit_forms.TransferabilityForm: Harness(
        setup=toolkit_world,
        feed=lambda form, o: toolkit_services.assess_transferability(
            practice=o["published"], city=o["city"], by=o["officer"], scores=form.scores()
        ),
    ),
    # the audit log's filters: the filtered entries are read, as the staff page does
    audit_forms.LogFilterForm: Harness(
        setup=lambda n: {},
        feed=lambda form, o: list(audit_selectors.entries(**form.cleaned_data)[:5]),
    ),
    # notifications
    notification_forms.PreferencesForm: Harness(
        setup=lambda n: people(n, "officer"),
        kwargs=lambda o: {"current": {}},
        feed=lambda form, o: notification_services.set_preferences(
            user=o["officer"], choices={event: delivery for event, delivery in form.cleaned_data.items() if delivery}
        ),
    ),
}

# Base classes that are never bound themselves: each subclass above is.
ABSTRACT = {plan_forms.PartForm}
