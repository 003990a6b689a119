"""The tables that can be exported: cities, pairs, visits, recommendations, good practices and events.

Each reads through the app's scoped selector, so an export holds exactly what its person sees on the site."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from events.selectors import events
from mentoring import selectors
from mentoring.models import City, Pairing, Recommendation, Visit
from toolkits.models import GoodPractice, Language
from toolkits.selectors import visible_practices

from . import filters
from .exports import Column, Table, register_table


def _absolute(path):
    return settings.SITE_URL + path


def _city_pairing(city):
    pairings = [*city.mentor_pairings.all(), *city.implementing_pairings.all()]
    return pairings[0] if pairings else None


def _city_role(city):
    pairing = _city_pairing(city)
    if pairing is None:
        return ""
    return "Mentor city" if pairing.mentor_city_id == city.pk else "Implementing city"


def _city_partner(city):
    pairing = _city_pairing(city)
    if pairing is None:
        return ""
    return str(pairing.implementing_city if pairing.mentor_city_id == city.pk else pairing.mentor_city)


def _city_rows(user):
    prepared = Pairing.objects.select_related("scheme", "mentor_city", "implementing_city")
    return City.objects.prefetch_related(
        Prefetch("mentor_pairings", queryset=prepared), Prefetch("implementing_pairings", queryset=prepared)
    ).order_by("name")


def _scheme_of_city(qs, value):
    return qs.filter(
        Q(mentor_pairings__scheme__code__iexact=value) | Q(implementing_pairings__scheme__code__iexact=value)
    ).distinct()


CITIES = register_table(
    Table(
        kind="cities",
        title=_("Cities"),
        order=10,
        rows=_city_rows,
        filters={
            "country": filters.Filter(
                help=_("An ISO 3166-1 code, e.g. DE."),
                apply=lambda qs, value: qs.filter(iso_code=value.upper()),
                pattern=r"[A-Za-z]{2}",
            ),
            "scheme": filters.Filter(
                help=_("A scheme's code, e.g. A."), apply=_scheme_of_city, pattern=r"[A-Za-z]{1,2}"
            ),
        },
        columns=(
            Column("City", lambda c: c.name, width=20),
            Column("Local name", lambda c: c.local_name, width=18),
            Column("Country", lambda c: c.country, width=16),
            Column("ISO code", lambda c: c.iso_code, width=9),
            Column("Role in the programme", lambda c: _city_role(c), width=20),
            Column("Partner city", lambda c: _city_partner(c), width=20),
            Column("Scheme", lambda c: _city_pairing(c).scheme.code if _city_pairing(c) else "", width=8),
        ),
    )
)

PAIRING_FILTERS = {
    "scheme": filters.scheme("scheme"),
    "city": filters.city("mentor_city", "implementing_city"),
    "status": filters.exact("status", Pairing.Status.values, _("The pairing's status.")),
}

PAIRINGS = register_table(
    Table(
        kind="pairings",
        title=_("Pairs"),
        order=20,
        rows=lambda user: selectors.network_pairings_all(),
        filters=PAIRING_FILTERS,
        columns=(
            Column("Pair", lambda p: p.pk, "int", width=6),
            Column("Scheme", lambda p: p.scheme.code, width=8),
            Column("Mentor city", lambda p: p.mentor_city.name, width=18),
            Column("Implementing city", lambda p: p.implementing_city.name, width=18),
            Column("Expert partner", lambda p: p.scheme.facilitator.name, width=30),
            Column("Status", lambda p: p.get_status_display(), width=11),
            Column("Starts", lambda p: p.starts_on, "date", width=11),
            Column("Ends", lambda p: p.ends_on, "date", width=11),
            Column("Verified by a source", lambda p: p.verified, "bool", width=10),
            Column("Confidence", lambda p: p.get_confidence_display(), width=22),
            Column("Source", lambda p: p.source_url, width=30),
        ),
    )
)


def _submitted(obj):
    return obj.submitted_at if obj is not None else None


VISITS = register_table(
    Table(
        kind="visits",
        title=_("Visits"),
        order=30,
        rows=lambda user: selectors.visible_visits(selectors.scope_of(user)).order_by("starts_on", "pk"),
        filters={
            "scheme": filters.scheme("pairing__scheme"),
            "city": filters.city("pairing__mentor_city", "pairing__implementing_city"),
            "pairing": filters.integer("pairing_id", _("A pair's number.")),
            "status": filters.exact("status", Visit.Status.values, _("The visit's status.")),
            "kind": filters.exact("kind", Visit.Kind.values, _("Study visit, mentoring visit or other.")),
        },
        columns=(
            Column("Visit", lambda v: v.pk, "int", width=6),
            Column("Pair", lambda v: v.pairing_id, "int", width=6),
            Column("Scheme", lambda v: v.pairing.scheme.code, width=8),
            Column("Mentor city", lambda v: v.pairing.mentor_city.name, width=18),
            Column("Implementing city", lambda v: v.pairing.implementing_city.name, width=18),
            Column("Kind", lambda v: v.get_kind_display(), width=16),
            Column("Host city", lambda v: v.host_city.name, width=18),
            Column("First day", lambda v: v.starts_on, "date", width=11),
            Column("Last day", lambda v: v.ends_on, "date", width=11),
            Column("Days", lambda v: v.days, "int", width=6),
            Column("Status", lambda v: v.get_status_display(), width=11),
            Column("Topics", lambda v: v.topics, width=40),
            Column("Brief due", lambda v: v.brief_due_on, "date", width=11),
            Column("Brief submitted", lambda v: _submitted(v.brief_or_none), "datetime", width=17),
            Column("Report due", lambda v: v.report_due_on, "date", width=11),
            Column("Report submitted", lambda v: _submitted(v.report_or_none), "datetime", width=17),
            Column("Note on the dates", lambda v: v.dates_note, width=30),
        ),
    )
)

RECOMMENDATIONS = register_table(
    Table(
        kind="recommendations",
        title=_("Recommendations"),
        order=40,
        rows=lambda user: selectors.visible_recommendations(selectors.scope_of(user)),
        filters={
            "scheme": filters.scheme("report__visit__pairing__scheme"),
            "city": filters.city("report__visit__pairing__mentor_city", "report__visit__pairing__implementing_city"),
            "pairing": filters.integer("report__visit__pairing_id", _("A pair's number.")),
            "response": filters.exact(
                "response",
                [*Recommendation.Response.values, ""],
                _("adopt, adapt or decline; empty: not answered."),
            ),
            "follow_up": filters.exact("follow_up", [*Recommendation.FollowUp.values, ""], _("The follow-up.")),
            "author": filters.exact("author", Recommendation.Author.values, _("Who recommends.")),
        },
        columns=(
            Column("Pair", lambda r: r.report.visit.pairing_id, "int", width=6),
            Column("Scheme", lambda r: r.report.visit.pairing.scheme.code, width=8),
            Column("Mentor city", lambda r: r.report.visit.pairing.mentor_city.name, width=18),
            Column("Implementing city", lambda r: r.report.visit.pairing.implementing_city.name, width=18),
            Column("Visit", lambda r: r.report.visit_id, "int", width=6),
            Column("Visit's first day", lambda r: r.report.visit.starts_on, "date", width=11),
            Column("Report", lambda r: "draft" if r.report.is_draft else "submitted", width=10),
            Column("Number", lambda r: r.number, "int", width=8),
            Column("Author", lambda r: r.get_author_display(), width=15),
            Column("Charter commitment", lambda r: r.charter_commitment, width=10),
            Column("Recommendation", lambda r: r.text, width=60),
            Column("Answer", lambda r: r.get_response_display(), width=10),
            Column("Reason", lambda r: r.response_reason, width=40),
            Column("Answered", lambda r: r.responded_at, "datetime", width=17),
            Column("Follow-up", lambda r: r.get_follow_up_display(), width=12),
        ),
    )
)

PRACTICES = register_table(
    Table(
        kind="practices",
        title=_("Good practices"),
        order=50,
        rows=lambda user: (
            visible_practices(user).select_related("scheme", "city").prefetch_related("themes").order_by("title", "pk")
        ),
        filters={
            "scheme": filters.scheme("scheme"),
            "city": filters.city("city"),
            "country": filters.Filter(
                help=_("An ISO 3166-1 code, e.g. DE."),
                apply=lambda qs, value: qs.filter(country_code=value.upper()),
                pattern=r"[A-Za-z]{2}",
            ),
            "state": filters.exact("state", GoodPractice.State.values, _("submitted, validated or published.")),
            "language": filters.exact("language", Language.values, _("The practice's language code.")),
        },
        columns=(
            Column("Title", lambda p: p.title, width=40),
            Column("City", lambda p: p.city_name, width=16),
            Column("Country", lambda p: p.country_name, width=14),
            Column("ISO code", lambda p: p.country_code, width=9),
            Column("State", lambda p: p.get_state_display(), width=11),
            Column("Scheme", lambda p: p.scheme.code if p.scheme else "", width=8),
            Column("Language", lambda p: p.get_language_display(), width=11),
            Column("Themes", lambda p: "; ".join(theme.name for theme in p.themes.all()), width=30),
            Column("Summary", lambda p: p.summary, width=60),
            Column("Published", lambda p: p.published_at, "datetime", width=17),
            Column("Demo content", lambda p: p.is_demo, "bool", width=8),
            Column("Address", lambda p: _absolute(p.get_absolute_url()), width=40),
        ),
    )
)

EVENTS = register_table(
    Table(
        kind="events",
        title=_("Events"),
        order=60,
        rows=lambda user: events(),
        filters={
            "kind": filters.exact(
                "kind", ["launch_meeting", "partner_meeting", "conference", "other"], _("The kind of event.")
            )
        },
        columns=(
            Column("Event", lambda e: e.title, width=36),
            Column("Theme", lambda e: e.subtitle, width=36),
            Column("Kind", lambda e: e.get_kind_display(), width=16),
            Column("City", lambda e: e.city_name, width=12),
            Column("Venue", lambda e: e.venue, width=30),
            Column("First day", lambda e: e.starts_on, "date", width=11),
            Column("Last day", lambda e: e.ends_on, "date", width=11),
            Column("Dates", lambda e: e.get_dates_confidence_display(), width=22),
            Column("Note on the dates", lambda e: e.dates_note, width=40),
            Column("Sessions", lambda e: len(e.sessions.all()), "int", width=9),
        ),
    )
)
