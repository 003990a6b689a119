"""The deliverables of the mentoring network: a visit report, a pairing's infographic, the interim report.

Each `collect_*` reads what its template shows, as plain data, in a fixed
number of queries; the hash of that data is the subject's version."""

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mentoring import selectors as mentoring
from mentoring.models import Pairing, Programme, Visit, VisitReport

from . import charts
from .models import PairingProfile
from .registry import Kind, register_kind

HELD = (Visit.Status.HELD, Visit.Status.REPORTED)


def _programme(programme):
    return {
        "name": programme.name,
        "title": programme.title,
        "funding": programme.funding,
        "coordinator": programme.coordinator.name,
        "starts_on": programme.starts_on,
        "ends_on": programme.ends_on,
    }


def _city(city):
    return {"name": city.name, "display_name": city.display_name, "country": city.country}


def _pair(pairing):
    return {
        "id": pairing.pk,
        "label": f"{pairing.mentor_city} → {pairing.implementing_city}",
        "mentor": _city(pairing.mentor_city),
        "implementing": _city(pairing.implementing_city),
        "scheme_code": pairing.scheme.code,
        "scheme_title": pairing.scheme.title,
        "scheme_short_title": pairing.scheme.short_title,
        "expert_partner": pairing.scheme.facilitator.name,
        "verified": pairing.verified,
    }


def _uptake(uptake):
    return {
        "total": uptake.total,
        "adopted": uptake.adopted,
        "adapted": uptake.adapted,
        "declined": uptake.declined,
        "unanswered": uptake.unanswered,
        "taken_up": uptake.taken_up,
        "done": uptake.done,
        "percent": uptake.percent,
    }


# ---------------------------------------------------------------------------
# Visit report
# ---------------------------------------------------------------------------


def load_report(pk):
    return VisitReport.objects.select_related(
        "visit__pairing__scheme__facilitator",
        "visit__pairing__scheme__programme__coordinator",
        "visit__pairing__mentor_city",
        "visit__pairing__implementing_city",
    ).get(pk=pk)


def collect_visit_report(report):
    visit = mentoring.visit_for_page().get(pk=report.visit_id)
    recommendations = list(mentoring.report_recommendations(report))
    return {
        "programme": _programme(visit.pairing.scheme.programme),
        "pair": _pair(visit.pairing),
        "visit": {
            "title": visit.title,
            "kind": visit.get_kind_display(),
            "status": visit.get_status_display(),
            "host": visit.host_city.display_name,
            "visiting": visit.visiting_city.display_name,
            "starts_on": visit.starts_on,
            "ends_on": visit.ends_on,
            "topics": visit.topics,
            "dates_note": visit.dates_note,
        },
        "agenda": [
            {
                "starts_at": item.starts_at,
                "ends_at": item.ends_at,
                "title": item.title,
                "place": item.place,
                "speakers": item.speakers,
            }
            for item in visit.agenda_items.all()
        ],
        "participants": [
            {"name": p.name, "organisation": p.organisation, "guest": p.is_guest} for p in visit.participants.all()
        ],
        "report": {"summary": report.summary, "draft": report.is_draft, "submitted_at": report.submitted_at},
        "recommendations": [
            {
                "number": r.number,
                "author": r.get_author_display(),
                "text": r.text,
                "charter": r.get_charter_commitment_display() if r.charter_commitment else "",
                "response": r.get_response_display() if r.response else "",
                "reason": r.response_reason,
                "follow_up": r.get_follow_up_display() if r.follow_up else "",
            }
            for r in recommendations
        ],
        "uptake": _uptake(mentoring.uptake_of(recommendations)),
    }


def visit_report_title(report):
    return gettext("Visit report: %(visit)s (%(pairing)s)") % {
        "visit": report.visit.title,
        "pairing": report.visit.pairing,
    }


VISIT_REPORT = Kind(
    slug="visit_report",
    label=_("Visit report"),
    model="mentoring.VisitReport",
    template="deliverables/pdf/visit_report.html",
    collect=collect_visit_report,
    permission="mentoring.see_report",
    title=visit_report_title,
    filename=lambda report: slugify(f"visit-report-{report.visit.pairing}-{report.visit.starts_on}"),
    subjects_of_programme=lambda programme: VisitReport.objects.filter(
        visit__pairing__programme=programme
    ).select_related("visit__pairing__mentor_city", "visit__pairing__implementing_city"),
    subject_url=lambda report: reverse("mentoring:visit_report", args=[report.visit_id]),
    load=load_report,
)


# ---------------------------------------------------------------------------
# Infographic of a pairing
# ---------------------------------------------------------------------------


def load_pairing(pk):
    return Pairing.objects.select_related(
        "scheme__facilitator", "scheme__programme__coordinator", "mentor_city", "implementing_city"
    ).get(pk=pk)


def collect_infographic(pairing):
    profile = PairingProfile.objects.filter(pairing=pairing).first()
    register = list(mentoring.pairing_register(pairing))
    visits = list(pairing.visits.order_by("starts_on", "pk"))
    return {
        "programme": _programme(pairing.scheme.programme),
        "pair": _pair(pairing),
        "strengths": PairingProfile.lines(profile.mentor_strengths)[:4] if profile else [],
        "challenges": PairingProfile.lines(profile.implementing_challenges)[:4] if profile else [],
        "profile_is_demo": bool(profile and profile.is_demo),
        "visits": [
            {
                "title": visit.title,
                "kind": visit.kind,
                "status": visit.get_status_display(),
                "held": visit.status in HELD,
                "starts_on": visit.starts_on,
                "ends_on": visit.ends_on,
            }
            for visit in visits
        ],
        "taken_up": [
            {"number": r.number, "text": r.text, "response": r.get_response_display(), "visit": r.report.visit.title}
            for r in register
            if r.is_taken_up
        ][:5],
        "uptake": _uptake(mentoring.uptake_of(register)),
    }


def decorate_infographic(data):
    pair = data["pair"]
    events = [
        {
            "label": f"{visit['title']} ({date_format(visit['starts_on'], 'M Y')})",
            "starts_on": visit["starts_on"],
            "ends_on": visit["ends_on"],
            "series": 0 if visit["kind"] == Visit.Kind.STUDY else 1,
        }
        for visit in data["visits"]
    ]
    return {
        "timeline": charts.timeline(
            chart_id=f"timeline-{pair['id']}",
            title=gettext("Visits of %(pairing)s") % {"pairing": pair["label"]},
            description=ngettext(
                "%(count)d visit between %(start)s and %(end)s; the table below lists them.",
                "%(count)d visits between %(start)s and %(end)s; the table below lists them.",
                len(events),
            )
            % {
                "count": len(events),
                "start": date_format(data["programme"]["starts_on"], "YEAR_MONTH_FORMAT"),
                "end": date_format(data["programme"]["ends_on"], "YEAR_MONTH_FORMAT"),
            },
            starts_on=data["programme"]["starts_on"],
            ends_on=data["programme"]["ends_on"],
            events=events,
        )
    }


INFOGRAPHIC = Kind(
    slug="infographic",
    label=_("Infographic"),
    model="mentoring.Pairing",
    template="deliverables/pdf/infographic.html",
    collect=collect_infographic,
    decorate=decorate_infographic,
    permission="mentoring.see_pairing",
    title=lambda pairing: (
        gettext("Infographic: %(mentor)s mentors %(implementing)s")
        % {"mentor": pairing.mentor_city, "implementing": pairing.implementing_city}
    ),
    filename=lambda pairing: slugify(f"infographic-{pairing.mentor_city}-{pairing.implementing_city}"),
    subjects_of_programme=lambda programme: Pairing.objects.filter(programme=programme).select_related(
        "mentor_city", "implementing_city", "scheme"
    ),
    subject_url=lambda pairing: pairing.get_absolute_url(),
    load=load_pairing,
)


# ---------------------------------------------------------------------------
# Interim report of the programme (for the Integrating Cities Conference)
# ---------------------------------------------------------------------------


def collect_interim_report(programme):
    pairings = list(
        mentoring.network_pairings(programme)
        .annotate(
            visits_held=Count("visits", filter=Q(visits__status__in=HELD)),
            visits_planned=Count("visits", filter=~Q(visits__status__in=HELD)),
        )
        .order_by("scheme__code", "implementing_city__name")
    )
    uptake = _uptake_of_pairings(pairings)
    schemes = {}
    rows = []
    for pairing in pairings:
        rows.append(
            {
                **_pair(pairing),
                "status": pairing.get_status_display(),
                "visits_held": pairing.visits_held,
                "visits_planned": pairing.visits_planned,
                "uptake": _uptake(uptake[pairing.pk]),
            }
        )
        scheme = schemes.setdefault(
            pairing.scheme.code,
            {"code": pairing.scheme.code, "title": pairing.scheme.short_title, "uptake": mentoring.Uptake()},
        )
        scheme["uptake"].add(uptake[pairing.pk])
    total = mentoring.Uptake()
    for value in uptake.values():
        total.add(value)
    return {
        "programme": _programme(programme),
        "pairings": rows,
        "schemes": [{**scheme, "uptake": _uptake(scheme["uptake"])} for scheme in schemes.values()],
        "totals": {
            "pairings": len(rows),
            "visits_held": sum(row["visits_held"] for row in rows),
            "visits_planned": sum(row["visits_planned"] for row in rows),
            "uptake": _uptake(total),
        },
    }


def _uptake_of_pairings(pairings):
    """Every register's recommendations count (submitted reports', plan reviews'): the interim report is
    EUROCITIES' own."""
    result = {pairing.pk: mentoring.Uptake() for pairing in pairings}
    rows = (
        mentoring.register_recommendations(list(result))
        .values_list(Coalesce("report__visit__pairing_id", "pairing_id"), "response", "follow_up")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for pairing_id, response, follow_up, n in rows:
        mentoring._count(result[pairing_id], response, follow_up, n)
    return result


def decorate_interim_report(data):
    labels = [row["label"] for row in data["pairings"]]
    return {
        "visits_chart": charts.bar_chart(
            chart_id="chart-visits",
            title=gettext("Visits held and planned per pairing"),
            description=gettext(
                "%(held)d visits held and %(planned)d planned across %(pairings)d pairings; "
                "the table below gives each pairing's figures."
            )
            % {
                "held": data["totals"]["visits_held"],
                "planned": data["totals"]["visits_planned"],
                "pairings": data["totals"]["pairings"],
            },
            categories=labels,
            series=[
                (gettext("Held"), [row["visits_held"] for row in data["pairings"]]),
                (gettext("Planned"), [row["visits_planned"] for row in data["pairings"]]),
            ],
        ),
        "uptake_chart": charts.bar_chart(
            chart_id="chart-uptake",
            title=gettext("Recommendation uptake per pairing"),
            description=gettext(
                "Share of recommendations adopted or adapted by the implementing city, per pairing; "
                "a dash means no submitted report yet. The table below gives the counts."
            ),
            categories=labels,
            series=[(gettext("Uptake"), [row["uptake"]["percent"] for row in data["pairings"]])],
            maximum=100,
            unit=" %",
        ),
        "scheme_chart": charts.bar_chart(
            chart_id="chart-schemes",
            title=gettext("Recommendation uptake per scheme"),
            description=gettext(
                "Share of recommendations adopted or adapted, per thematic scheme; the table below gives the counts."
            ),
            categories=[gettext("Scheme %(code)s") % {"code": scheme["code"]} for scheme in data["schemes"]],
            series=[(gettext("Uptake"), [scheme["uptake"]["percent"] for scheme in data["schemes"]])],
            maximum=100,
            unit=" %",
        ),
    }


INTERIM_REPORT = Kind(
    slug="interim_report",
    label=_("Interim report"),
    model="mentoring.Programme",
    template="deliverables/pdf/interim_report.html",
    collect=collect_interim_report,
    decorate=decorate_interim_report,
    permission="deliverables.see_interim_report",
    title=lambda programme: gettext("%(programme)s: interim report") % {"programme": programme.name},
    filename=lambda programme: slugify(f"{programme.name}-interim-report"),
    subjects_of_programme=lambda programme: Programme.objects.filter(pk=programme.pk),
    subject_url=lambda programme: programme.get_absolute_url(),
    load=lambda pk: Programme.objects.select_related("coordinator").get(pk=pk),
)


def register():
    for kind in (VISIT_REPORT, INFOGRAPHIC, INTERIM_REPORT):
        register_kind(kind)
