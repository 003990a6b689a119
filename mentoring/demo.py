"""Loading the demo network: idempotent, keyed on slugs and e-mail addresses."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import demo_network as data
from .models import (
    AgendaItem,
    City,
    LearningBrief,
    Membership,
    Organisation,
    Pairing,
    Participant,
    Programme,
    Recommendation,
    Role,
    Scheme,
    Visit,
    VisitReport,
)
from .services import _affiliation


@transaction.atomic
def load_demo_network():
    """Create or update the CITIES-GROW network and its demo people. Returns the demo logins."""
    organisations = {}
    for row in data.ORGANISATIONS:
        organisations[row["slug"]], _ = Organisation.objects.update_or_create(
            slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"}
        )
    programme, _ = Programme.objects.update_or_create(
        slug=data.PROGRAMME["slug"],
        defaults={
            **{k: v for k, v in data.PROGRAMME.items() if k != "slug"},
            "coordinator": organisations["eurocities"],
        },
    )
    cities = {}
    for name, slug, local_name, country, iso_code in data.CITIES:
        cities[slug], _ = City.objects.update_or_create(
            slug=slug, defaults={"name": name, "local_name": local_name, "country": country, "iso_code": iso_code}
        )
    schemes = {}
    for row in data.SCHEMES:
        schemes[row["code"]], _ = Scheme.objects.update_or_create(
            programme=programme,
            code=row["code"],
            defaults={
                "title": row["title"],
                "short_title": row["short_title"],
                "description": row["description"],
                "facilitator": organisations[row["facilitator"]],
            },
        )
    for row in data.PAIRINGS:
        Pairing.objects.update_or_create(
            scheme=schemes[row["scheme"]],
            mentor_city=cities[row["mentor"]],
            implementing_city=cities[row["implementing"]],
            defaults={
                "status": Pairing.Status.COMPLETED,
                "starts_on": programme.starts_on,
                "ends_on": programme.ends_on,
                "verified": row["verified"],
                "confidence": row["confidence"],
                "source_url": row.get("source_url", ""),
                "note": row["note"],
            },
        )

    logins = []
    for slug, names in data.CITY_PEOPLE.items():
        for role, name in zip(Role.city_roles(), names, strict=True):
            email = data.city_email(role, slug)
            _person(email=email, name=name, role=role, city=cities[slug])
            logins.append((email, Role(role).label, cities[slug].name))
    for slug, people in data.ORGANISATION_PEOPLE.items():
        for index, (role, name, job_title) in enumerate(people):
            email = data.organisation_email(role, slug, index)
            _person(email=email, name=name, role=role, organisation=organisations[slug], job_title=job_title)
            logins.append((email, Role(role).label, organisations[slug].name))
    load_demo_visits(programme)
    return logins


def _aware(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(12, 0))
    return timezone.make_aware(value, timezone.get_default_timezone())


def load_demo_visits(programme):
    """The demo visits with their briefs, agendas, participants, reports and answers; keyed on
    (pairing, kind of visit) and (report, number), so loading twice changes nothing."""
    User = get_user_model()
    for row in data.VISITS:
        mentor, implementing = row["pairing"]
        pairing = Pairing.objects.select_related("scheme", "mentor_city", "implementing_city").get(
            programme=programme, mentor_city__slug=mentor, implementing_city__slug=implementing
        )
        visit, _ = Visit.objects.update_or_create(
            pairing=pairing,
            kind=row["kind"],
            defaults={
                "host": row["host"],
                "starts_on": row["starts_on"],
                "ends_on": row["ends_on"],
                "status": row["status"],
                "topics": row.get("topics", ""),
                "practical_notes": row.get("practical_notes", ""),
                "dates_note": row.get("dates_note", ""),
                "source_url": row.get("source_url", ""),
                "brief_due_on": row["starts_on"] - datetime.timedelta(days=settings.VISIT_BRIEF_DAYS_BEFORE),
                "report_due_on": row["ends_on"] + datetime.timedelta(days=settings.VISIT_REPORT_DAYS_AFTER),
            },
        )
        implementing_officer = User.objects.get(email=data.city_email(Role.CITY_OFFICER, implementing))
        if brief := row.get("brief"):
            LearningBrief.objects.update_or_create(
                visit=visit,
                defaults={
                    "learning_goals": brief["learning_goals"],
                    "questions": brief["questions"],
                    "charter_commitments": brief["charter_commitments"],
                    "submitted_at": _aware(brief["submitted"]) if brief["submitted"] else None,
                    "updated_by": implementing_officer,
                },
            )
        for starts_at, ends_at, title, place, speakers in row.get("agenda", []):
            AgendaItem.objects.update_or_create(
                visit=visit,
                title=title,
                defaults={
                    "starts_at": _aware(starts_at),
                    "ends_at": _aware(ends_at),
                    "place": place,
                    "speakers": speakers,
                },
            )
        for email in row.get("participants", []):
            user = User.objects.get(email=email)
            Participant.objects.update_or_create(
                visit=visit, user=user, defaults={"organisation": _affiliation(user, pairing) or ""}
            )
        for name, organisation in row.get("guests", []):
            Participant.objects.update_or_create(
                visit=visit, user=None, guest_name=name, defaults={"organisation": organisation}
            )
        if report_row := row.get("report"):
            _demo_report(visit, report_row, implementing_officer)


def _demo_report(visit, row, implementing_officer):
    submitted_at = _aware(row["submitted"]) if row["submitted"] else None
    report, _ = VisitReport.objects.update_or_create(
        visit=visit,
        defaults={
            "summary": row["summary"],
            "submitted_at": submitted_at,
            "is_public": row["is_public"],
        },
    )
    for number, (author, text, commitment, answer) in enumerate(row["recommendations"], start=1):
        response, reason, follow_up = answer or ("", "", "")
        answered_at = submitted_at + datetime.timedelta(days=21) if answer else None
        Recommendation.objects.update_or_create(
            report=report,
            number=number,
            defaults={
                "author": author,
                "text": text,
                "charter_commitment": commitment,
                "response": response,
                "response_reason": reason,
                "responded_by": implementing_officer if answer else None,
                "responded_at": answered_at,
                "follow_up": follow_up,
                "follow_up_updated_at": answered_at if follow_up else None,
            },
        )


def _person(*, email, name, role, city=None, organisation=None, job_title=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(data.DEMO_PASSWORD)
    user.name = name
    if role == Role.COORDINATOR:
        user.is_staff = user.is_superuser = True
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Membership.objects.update_or_create(
        user=user, role=role, city=city, organisation=organisation, defaults={"job_title": job_title}
    )
