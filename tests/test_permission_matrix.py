"""Who may open what: every URL of the project, for every kind of person.

The table MATRIX below has one entry per URL name. A URL that is added to the
URLconf without an entry here makes `test_every_url_has_expectations` fail, so
nobody ships a page without deciding who may see it.

To add a URL: add its name to MATRIX with one or more cases,

    "app:name": {
        "what the case is about": Case(
            kwargs=lambda n: {...},  # URL kwargs, built from the `network` fixture (tests/conftest.py)
            expect=(...),            # one expectation per role, in the order of ROLES
            method="post",           # optional; "get" by default
            data=lambda n: {...},    # optional; what the POST sends
        ),
    },

Expectations: a status code (200, 403, 404, 405, 410), LOGIN (a redirect to
the sign-in page that comes back here afterwards) or Redirect("url name") for a
form that redirects after a successful POST. Objects of the person's own
pairing and of the other pairing are separate cases, so a leak across pairings
shows up as its own failing test, named like
`test_permission[mentoring:pairing, own pairing, other_city_officer]`.

The network (tests/conftest.py) has two pairings of one programme:

    pairing        scheme A, facilitated by expert_org: mentor_city -> implementing_city
    other_pairing  scheme B, facilitated by another expert organisation: ... -> other_city

and one person per role:

    officer, administrative_approver, political_approver  of implementing_city
    mentor_officer                                        of mentor_city
    expert                                                of expert_org (facilitates scheme A)
    other_expert                                          facilitates scheme B
    other_city_officer                                    of other_city
    coordinator                                           EUROCITIES staff (with an authenticator app here)
"""

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.services import accept_invitation, invite_person
from actionplans import services as plan_services
from actionplans.models import PlanState
from mentoring.models import City, Role
from notifications.models import OutboundEmail
from notifications.services import notify
from tests.actionplans.plans import plan_in_state
from tests.actionplans.test_plan_permissions import PLAN_URL_EXPECTATIONS
from tests.api.test_api_permissions import API_URL_EXPECTATIONS
from tests.citiesgrow.test_dashboard_permissions import DASHBOARD_URL_EXPECTATIONS
from tests.deliverables.support import ready_deliverable
from tests.factories import ToolkitFactory, VisitReportFactory, enable_totp
from tests.mentoring.test_visit_permissions import VISIT_URL_EXPECTATIONS
from tests.toolkits.test_toolkit_permissions import TOOLKIT_URL_EXPECTATIONS

ROLES = (
    "anonymous",
    "officer",
    "mentor_officer",
    "administrative_approver",
    "political_approver",
    "expert",
    "other_expert",
    "other_city_officer",
    "coordinator",
)


class Login:
    """A redirect to the sign-in page, which leads back to the URL afterwards."""

    def __repr__(self):
        return "LOGIN"


LOGIN = Login()


@dataclass(frozen=True)
class Redirect:
    """A redirect to another page of the project, by URL name."""

    to: str


def no_kwargs(n):
    return {}


def no_data(n):
    return {}


@dataclass(frozen=True)
class Case:
    kwargs: Any
    expect: tuple
    method: str = "get"
    data: Any = no_data


def pending_invitation(n):
    return invite_person(
        email="newcomer@city.example", role=Role.CITY_OFFICER, city=n.implementing_city, invited_by=n["coordinator"]
    )


def used_invitation(n):
    invitation = pending_invitation(n)
    accept_invitation(invitation=invitation, name="Nia Newcomer", password="A-long-enough-password-1")
    return invitation


def officers_notification(n):
    [notification] = notify(recipients=[n["officer"]], event="visit.planned", target=n.pairing)
    return notification


def failed_email(n):
    return OutboundEmail.objects.create(
        to_email="gone@city.example",
        subject="Visit planned",
        body_text="…",
        event="visit.planned",
        dedupe_key="matrix:failed",
        status="failed",
        last_error="550 No such mailbox",
    )


# fmt: off
#                       anon   officer mentor  admin   polit.  expert  o.exp.  o.city  coord.
EVERYONE = (            200,   200,    200,    200,    200,    200,    200,    200,    200)
MEMBERS = (             LOGIN, 200,    200,    200,    200,    200,    200,    200,    200)
OWN_PAIRING = (         LOGIN, 200,    200,    200,    200,    200,    404,    404,    200)
OTHER_PAIRING = (       LOGIN, 404,    404,    404,    404,    404,    200,    200,    200)
STAFF = (               LOGIN, 403,    403,    403,    403,    403,    403,    403,    200)
STAFF_POST_ONLY = (     LOGIN, 403,    403,    403,    403,    403,    403,    403,    405)
STAFF_POST = (          LOGIN, 403,    403,    403,    403,    403,    403,    403,    Redirect("accounts:invitations"))
INVITEE = (             200,   403,    403,    403,    403,    403,    403,    403,    403)
GONE = (                410,   410,    410,    410,    410,    410,    410,    410,    410)
NOBODY = (              404,   404,    404,    404,    404,    404,    404,    404,    404)
MEMBERS_POST_ONLY = (   LOGIN, 405,    405,    405,    405,    405,    405,    405,    405)
INBOX = Redirect("notifications:inbox")
MEMBERS_TO_INBOX = (    LOGIN, INBOX,  INBOX,  INBOX,  INBOX,  INBOX,  INBOX,  INBOX,  INBOX)
OWN_TO_INBOX = (        LOGIN, INBOX,  404,    404,    404,    404,    404,    404,    404)
SETTINGS = Redirect("notifications:preferences")
MEMBERS_TO_SETTINGS = ( LOGIN, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS, SETTINGS)
STAFF_TO_OUTBOX = (     LOGIN, 403,    403,    403,    403,    403,    403,    403,    Redirect("notifications:outbox"))
COORDINATOR_ONLY = (    LOGIN, 404,    404,    404,    404,    404,    404,    404,    200)
POST_ONLY = (           LOGIN, 405,    405,    405,    405,    405,    405,    405,    405)
STAFF_POST_DELIVERABLES = (LOGIN, 403, 403,    403,    403,    403,    403,    403,    Redirect("deliverables:staff"))
EVERYONE_POST_ONLY = (   405,   405,    405,    405,    405,    405,    405,    405,    405)
EVERYONE_TO_HOME = (Redirect("home"),) * 9
# fmt: on


def report_of(pairing):
    return VisitReportFactory(visit__pairing=pairing)


def other_plan(n):
    return plan_services.start_plan(pairing=n.other_pairing, by=n["other_city_officer"])


def subject_kwargs(kind, subject):
    return lambda n: {"kind": kind, "object_id": subject(n).pk}


# Visitors read (preview, state, download) the PDF of a public subject; generating one needs signing in.
PUBLIC_SUBJECTS = ("endorsed plan", "published toolkit")


def reading(label, expect):
    return EVERYONE if label in PUBLIC_SUBJECTS else expect


def deliverable_kwargs(kind, subject):
    return lambda n: {"pk": ready_deliverable(kind, subject(n)).pk}


# The PDF deliverables of a subject are for whoever may see the subject (docs/deliverables.md).
DELIVERABLE_SUBJECTS = {
    "own pairing's infographic": ("infographic", lambda n: n.pairing, OWN_PAIRING),
    "other pairing's infographic": ("infographic", lambda n: n.other_pairing, OTHER_PAIRING),
    "own pairing's visit report": ("visit_report", lambda n: report_of(n.pairing), OWN_PAIRING),
    "other pairing's visit report": ("visit_report", lambda n: report_of(n.other_pairing), OTHER_PAIRING),
    "programme's interim report": ("interim_report", lambda n: n.programme, COORDINATOR_ONLY),
    # An action plan's PDF follows the plan: its pairing's people until it is endorsed, then everyone (generating
    # it, everyone signed in).
    "own pairing's draft plan": ("action_plan", lambda n: plan_in_state(n, PlanState.DRAFT), OWN_PAIRING),
    "own pairing's plan in review": ("action_plan", lambda n: plan_in_state(n, PlanState.SUBMITTED), OWN_PAIRING),
    "other pairing's draft plan": ("action_plan", lambda n: other_plan(n), OTHER_PAIRING),
    "endorsed plan": ("action_plan", lambda n: plan_in_state(n, PlanState.ENDORSED), MEMBERS),
    # A toolkit's PDF follows the toolkit: its scheme's people and EUROCITIES until it is published, then everyone.
    "own scheme's toolkit in pilot": (
        "toolkit",
        lambda n: ToolkitFactory(scheme=n.pairing.scheme, state="pilot"),
        OWN_PAIRING,
    ),
    "other scheme's draft toolkit": ("toolkit", lambda n: ToolkitFactory(scheme=n.other_pairing.scheme), OTHER_PAIRING),
    "published toolkit": (
        "toolkit",
        lambda n: ToolkitFactory(state="published", published_at=timezone.now()),
        MEMBERS,
    ),
}

MATRIX = {
    # The public home page for visitors; "my work" for members.
    "home": {"": Case(no_kwargs, EVERYONE)},
    # For load balancers: no sign-in.
    "healthz": {"": Case(no_kwargs, EVERYONE)},
    # The network (programme, schemes, who mentors whom) is open to every member.
    "mentoring:programme": {"": Case(lambda n: {"slug": n.programme.slug}, MEMBERS)},
    "mentoring:scheme": {
        "own scheme": Case(lambda n: {"slug": n.programme.slug, "code": n.pairing.scheme.code}, MEMBERS),
        "other scheme": Case(lambda n: {"slug": n.programme.slug, "code": n.other_pairing.scheme.code}, MEMBERS),
    },
    "mentoring:cities": {"": Case(no_kwargs, MEMBERS)},
    "mentoring:people": {"": Case(no_kwargs, MEMBERS)},
    # A pairing's workspace and its cities' pages: its cities, its expert partner, the coordinator.
    "mentoring:pairing": {
        "own pairing": Case(lambda n: {"pk": n.pairing.pk}, OWN_PAIRING),
        "other pairing": Case(lambda n: {"pk": n.other_pairing.pk}, OTHER_PAIRING),
    },
    "mentoring:city": {
        "implementing city": Case(lambda n: {"slug": n.implementing_city.slug}, OWN_PAIRING),
        "mentor city": Case(lambda n: {"slug": n.mentor_city.slug}, OWN_PAIRING),
        "other pairing's implementing city": Case(lambda n: {"slug": n.other_city.slug}, OTHER_PAIRING),
        "other pairing's mentor city": Case(lambda n: {"slug": n.other_pairing.mentor_city.slug}, OTHER_PAIRING),
    },
    # Staff pages: coordinator staff only.
    "accounts:invitations": {
        "list": Case(no_kwargs, STAFF),
        "invite": Case(
            no_kwargs,
            STAFF_POST,
            "post",
            lambda n: {"email": "new@expert.example", "role": "expert_partner", "organisation": n.expert_org.pk},
        ),
    },
    "accounts:resend_invitation": {
        "GET": Case(lambda n: {"pk": pending_invitation(n).pk}, STAFF_POST_ONLY),
        "POST": Case(lambda n: {"pk": pending_invitation(n).pk}, STAFF_POST, "post"),
    },
    "accounts:revoke_invitation": {
        "GET": Case(lambda n: {"pk": pending_invitation(n).pk}, STAFF_POST_ONLY),
        "POST": Case(lambda n: {"pk": pending_invitation(n).pk}, STAFF_POST, "post"),
    },
    # PDF deliverables: generate (POST; htmx gets the panel, others a page with it), preview, state, download.
    "deliverables:generate": {
        **{
            label: Case(subject_kwargs(kind, subject), expect, "post")
            for label, (kind, subject, expect) in DELIVERABLE_SUBJECTS.items()
        },
        "GET": Case(subject_kwargs("infographic", lambda n: n.pairing), POST_ONLY),
        "unknown kind": Case(
            lambda n: {"kind": "no_such_kind", "object_id": n.pairing.pk}, (LOGIN, *NOBODY[1:]), "post"
        ),
    },
    "deliverables:preview": {
        label: Case(subject_kwargs(kind, subject), reading(label, expect))
        for label, (kind, subject, expect) in DELIVERABLE_SUBJECTS.items()
    },
    "deliverables:status": {
        label: Case(deliverable_kwargs(kind, subject), reading(label, expect))
        for label, (kind, subject, expect) in DELIVERABLE_SUBJECTS.items()
    },
    "deliverables:download": {
        label: Case(deliverable_kwargs(kind, subject), reading(label, expect))
        for label, (kind, subject, expect) in DELIVERABLE_SUBJECTS.items()
    },
    "deliverables:staff": {"": Case(no_kwargs, STAFF)},
    "deliverables:render_all": {
        "GET": Case(no_kwargs, STAFF_POST_ONLY),
        "POST": Case(no_kwargs, STAFF_POST_DELIVERABLES, "post"),
    },
    # The invitation link: for the invited address only (signed-in others are told to sign out).
    # The language switcher: a form post from any page, signed in or not, back to that page.
    "accounts:language": {
        "GET": Case(no_kwargs, EVERYONE_POST_ONLY),
        "POST": Case(no_kwargs, EVERYONE_TO_HOME, "post", lambda n: {"language": "fr", "next": "/"}),
    },
    "accounts:accept_invitation": {
        "pending": Case(lambda n: {"key": pending_invitation(n).key}, INVITEE),
        "used": Case(lambda n: {"key": used_invitation(n).key}, GONE),
        "unknown": Case(lambda n: {"key": "no-such-invitation"}, NOBODY),
    },
    # Each person's own inbox and notification settings; a notification is its recipient's only.
    "notifications:inbox": {"": Case(no_kwargs, MEMBERS)},
    "notifications:mark_all_read": {
        "GET": Case(no_kwargs, MEMBERS_POST_ONLY),
        "POST": Case(no_kwargs, MEMBERS_TO_INBOX, "post"),
    },
    "notifications:mark_read": {
        "GET": Case(lambda n: {"pk": officers_notification(n).pk}, MEMBERS_POST_ONLY),
        "POST the officer's": Case(lambda n: {"pk": officers_notification(n).pk}, OWN_TO_INBOX, "post"),
    },
    "notifications:preferences": {
        "": Case(no_kwargs, MEMBERS),
        "POST": Case(no_kwargs, MEMBERS_TO_SETTINGS, "post", lambda n: {"plan.submitted": "digest"}),
    },
    # The outbox: coordinator staff only.
    "notifications:outbox": {"": Case(no_kwargs, STAFF)},
    "notifications:resend_email": {
        "GET": Case(lambda n: {"pk": failed_email(n).pk}, STAFF_POST_ONLY),
        "POST": Case(lambda n: {"pk": failed_email(n).pk}, STAFF_TO_OUTBOX, "post"),
    },
    # The audit log: coordinator staff only.
    "audit:log": {"": Case(no_kwargs, STAFF)},
    "audit:export": {"": Case(no_kwargs, STAFF)},
}

# Whose names and addresses each person finds on /people/.
# fmt: off
OWN_TEAM = {"officer", "mentor_officer", "administrative_approver", "political_approver", "expert", "coordinator"}
OTHER_TEAM = {"other_expert", "other_city_officer", "coordinator"}
PEOPLE_SEEN = {
    "officer":                 OWN_TEAM,
    "mentor_officer":          OWN_TEAM,
    "administrative_approver": OWN_TEAM,
    "political_approver":      OWN_TEAM,
    "expert":                  OWN_TEAM,
    "other_expert":            OTHER_TEAM,
    "other_city_officer":      OTHER_TEAM,
    "coordinator":             set(ROLES) - {"anonymous"},
}
# fmt: on

# URL names that belong to django-allauth and the Django admin, which test themselves.
FOREIGN = re.compile(r"^(account_|mfa_|admin:)")


def project_url_names():
    """Every URL name the project's URLconf serves, outside allauth and the admin."""
    names = set()

    def walk(patterns, namespace="", prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif pattern.name:
                names.add(namespace + pattern.name)
            elif not namespace.startswith("admin:"):
                names.add(f"<unnamed: {prefix}{pattern.pattern}>")

    walk(get_resolver().url_patterns)
    return {name for name in names if not FOREIGN.match(name)}


# Apps whose pages need a richer world than `network` keep their own table, next
# to their tests; every URL must be in exactly one table.
APP_TABLES = {
    "tests/mentoring/test_visit_permissions.py": {name.removesuffix(":post") for name in VISIT_URL_EXPECTATIONS},
    "tests/toolkits/test_toolkit_permissions.py": set(TOOLKIT_URL_EXPECTATIONS),
    "tests/actionplans/test_plan_permissions.py": set(PLAN_URL_EXPECTATIONS),
    "tests/api/test_api_permissions.py": set(API_URL_EXPECTATIONS),
    "tests/citiesgrow/test_dashboard_permissions.py": set(DASHBOARD_URL_EXPECTATIONS),
}


def test_every_url_has_expectations():
    elsewhere = set().union(*APP_TABLES.values())
    assert not set(MATRIX) & elsewhere, "a URL is in two tables"
    assert project_url_names() == set(MATRIX) | elsewhere


def test_every_case_has_one_expectation_per_role():
    for name, cases in MATRIX.items():
        for label, case in cases.items():
            assert len(case.expect) == len(ROLES), f"{name} {label}"


@pytest.fixture
def people(network, settings, tmp_path):
    enable_totp(network["coordinator"])
    settings.MEDIA_ROOT = tmp_path / "media"  # PDFs rendered and files served by the deliverables' URLs
    return network


def as_role(client, network, role):
    if role != "anonymous":
        client.force_login(network[role])
    return client


@pytest.mark.parametrize(
    "name, label, role",
    [
        pytest.param(name, label, role, id=f"{name}, {label or 'page'}, {role}")
        for name, cases in MATRIX.items()
        for label in cases
        for role in ROLES
    ],
)
def test_permission(client, people, django_capture_on_commit_callbacks, name, label, role):
    case = MATRIX[name][label]
    expected = case.expect[ROLES.index(role)]
    url = reverse(name, kwargs=case.kwargs(people))
    as_role(client, people, role)

    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, case.method)(url, case.data(people))

    if expected is LOGIN:
        assert (response.status_code, response.get("Location", "")) == (302, f"/accounts/login/?next={url}")
    elif isinstance(expected, Redirect):
        assert (response.status_code, response.get("Location")) == (302, reverse(expected.to))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", PEOPLE_SEEN)
def test_the_people_list_shows_exactly_the_people_one_works_with(client, people, role):
    page = as_role(client, people, role).get("/people/").content.decode()

    shown = {other for other in PEOPLE_SEEN if people[other].email in page}
    assert shown == PEOPLE_SEEN[role]


def test_an_officer_of_another_city_does_not_find_the_officer_on_the_people_page(client, people):
    page = as_role(client, people, "other_city_officer").get("/people/").content.decode()

    assert people["officer"].email not in page
    assert people["officer"].name not in page


def linked(page, prefix):
    return set(re.findall(rf'href="({re.escape(prefix)}[^"/]+/)"', page))


@pytest.mark.parametrize("role", ROLES[1:])
def test_the_cities_page_links_exactly_the_cities_one_may_open(client, people, role):
    as_role(client, people, role)

    page = client.get("/cities/").content.decode()

    openable = {
        city.get_absolute_url() for city in City.objects.all() if client.get(city.get_absolute_url()).status_code == 200
    }
    assert linked(page, "/cities/") == openable


@pytest.mark.parametrize("role", ROLES[1:])
def test_pages_link_only_to_pairings_and_cities_one_may_open(client, people, role):
    as_role(client, people, role)
    pages = [
        "/",
        f"/programmes/{people.programme.slug}/",
        f"/programmes/{people.programme.slug}/schemes/{people.pairing.scheme.code}/",
        f"/programmes/{people.programme.slug}/schemes/{people.other_pairing.scheme.code}/",
        "/cities/",
    ]

    targets = set()
    for page in pages:
        html = client.get(page).content.decode()
        targets |= linked(html, "/pairings/") | linked(html, "/cities/")

    assert targets, "every member finds at least their own pairing or cities"
    for target in targets:
        assert client.get(target).status_code == 200, target
