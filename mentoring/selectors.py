"""Reads of the mentoring network, scoped to what a person may see."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext

from .models import (
    AgendaItem,
    City,
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


@dataclass
class Scope:
    """Where a person works: their cities and organisations, by role.

    Built once per request (cached on the user object) from one query."""

    user_id: int | None = None
    is_coordinator: bool = False
    roles_by_city: dict = field(default_factory=dict)
    roles_by_organisation: dict = field(default_factory=dict)

    @property
    def city_ids(self):
        return set(self.roles_by_city)

    @property
    def expert_organisation_ids(self):
        return {org for org, roles in self.roles_by_organisation.items() if Role.EXPERT_PARTNER in roles}

    def has_city_role(self, city_id, role):
        return role in self.roles_by_city.get(city_id, set())

    @cached_property
    def pairing_ids(self):
        """Pairings whose private workspace this person may enter."""
        return set(visible_pairings(self).values_list("pk", flat=True))

    @cached_property
    def reach(self):
        """The cities and organisations whose people this person works with."""
        cities, organisations = set(self.city_ids), set(self.roles_by_organisation)
        for mentor, implementing, facilitator in visible_pairings(self).values_list(
            "mentor_city_id", "implementing_city_id", "scheme__facilitator_id"
        ):
            cities.update((mentor, implementing))
            organisations.add(facilitator)
        if self.user_id is not None:
            organisations.update(
                Organisation.objects.filter(kind=Organisation.Kind.COORDINATOR).values_list("pk", flat=True)
            )
        return cities, organisations


def scope_of(user):
    if not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_citiesgrow_scope", None)
    if cached is not None:
        return cached
    scope = Scope(user_id=user.pk, is_coordinator=user.is_superuser)
    for role, city_id, organisation_id in Membership.objects.filter(user=user).values_list(
        "role", "city_id", "organisation_id"
    ):
        if city_id:
            scope.roles_by_city.setdefault(city_id, set()).add(role)
        else:
            scope.roles_by_organisation.setdefault(organisation_id, set()).add(role)
        if role == Role.COORDINATOR:
            scope.is_coordinator = True
    user._citiesgrow_scope = scope
    return scope


def current_programme():
    return Programme.objects.select_related("coordinator").first()


def _pairings():
    return Pairing.objects.select_related(
        "scheme__facilitator", "scheme__programme", "mentor_city", "implementing_city"
    )


def visible_pairings(scope):
    """Pairings whose workspace (people, visits, plans in draft) the scope may see."""
    if scope.user_id is None:
        return Pairing.objects.none()
    if scope.is_coordinator:
        return _pairings()
    return _pairings().filter(
        Q(mentor_city_id__in=scope.city_ids)
        | Q(implementing_city_id__in=scope.city_ids)
        | Q(scheme__facilitator_id__in=scope.expert_organisation_ids)
    )


def network_pairings(programme):
    """Every pairing of a programme: who mentors whom is public knowledge."""
    return _pairings().filter(programme=programme)


def network_pairings_all():
    """Every pairing of every programme (the network is public knowledge)."""
    return _pairings().order_by("programme__starts_on", "scheme__code", "implementing_city__name")


def network_pairings_for_api():
    """Every pairing, in pages: with what the API gives of it (no expert partner, a join fewer to plan for every
    page) and the pk last, so that no pair is on two pages or on none."""
    return Pairing.objects.select_related("scheme__programme", "mentor_city", "implementing_city").order_by(
        "programme__starts_on", "scheme__code", "implementing_city__name", "pk"
    )


@dataclass
class SchemePairings:
    """A scheme, the first of its pairings and how many it has."""

    scheme: Scheme
    pairings: list
    total: int

    @property
    def more(self):
        return self.total - len(self.pairings)


def first_pairings_by_scheme(pairings, size):
    """The first `size` of the `pairings` (a queryset from `_pairings()`) of each scheme, by implementing city,
    and how many each scheme has among them: [SchemePairings] in scheme order. Two queries at any size: the ids
    of all of them in order (a few bytes a pairing), then the rows shown. (A window function would read only
    the rows shown, but Django takes longer to compile it than PostgreSQL to send a programme's ids.)"""
    order = ("scheme__code", "scheme_id", "implementing_city__name", "pk")
    shown, totals = [], {}
    for pk, scheme_id in pairings.order_by(*order).values_list("pk", "scheme_id"):
        totals[scheme_id] = totals.get(scheme_id, 0) + 1
        if totals[scheme_id] <= size:
            shown.append(pk)
    groups = {}
    for pairing in pairings.filter(pk__in=shown).order_by(*order):
        group = groups.setdefault(pairing.scheme_id, SchemePairings(pairing.scheme, [], totals[pairing.scheme_id]))
        group.pairings.append(pairing)
    return list(groups.values())


def programme_scheme_pairings(programme, size):
    """Every scheme of the programme with its first `size` pairings and their number, in three queries."""
    groups = {group.scheme.pk: group for group in first_pairings_by_scheme(network_pairings(programme), size)}
    schemes = Scheme.objects.filter(programme=programme).select_related("facilitator", "programme")
    return [groups.get(scheme.pk) or SchemePairings(scheme, [], 0) for scheme in schemes]


def scheme_pairings(scheme):
    """A scheme's pairings in a stable order, for its page."""
    return scheme.pairings.select_related("mentor_city", "implementing_city").order_by("implementing_city__name", "pk")


def pairings_of_cities(programme, city_ids):
    """The programme's pairings in which any of the cities is mentor or implementing city."""
    return network_pairings(programme).filter(Q(mentor_city_id__in=city_ids) | Q(implementing_city_id__in=city_ids))


def visible_cities(scope):
    """Cities whose private page (people, work) the scope may open."""
    if scope.is_coordinator:
        return City.objects.all()
    cities, _ = scope.reach
    return City.objects.filter(pk__in=cities)


def visible_memberships(scope):
    """The people (with their roles) this scope works with."""
    memberships = Membership.objects.select_related("user", "city", "organisation").filter(user__is_active=True)
    if scope.user_id is None:
        return memberships.none()
    if scope.is_coordinator:
        return memberships
    cities, organisations = scope.reach
    return memberships.filter(Q(city_id__in=cities) | Q(organisation_id__in=organisations))


def memberships_of_pairings(pairings):
    """The people of the pairings' cities and of their schemes' expert partners, in one query."""
    cities = {city for p in pairings for city in (p.mentor_city_id, p.implementing_city_id)}
    organisations = {p.scheme.facilitator_id for p in pairings}
    return Membership.objects.select_related("user", "city", "organisation").filter(
        Q(city_id__in=cities) | Q(organisation_id__in=organisations), user__is_active=True
    )


def pairing_memberships(pairing):
    return memberships_of_pairings([pairing])


def participant_candidates(visit, scope):
    """The people `scope` may add to the visit as themselves: the two cities' people, the scheme's expert
    partner and EUROCITIES, less those already taking part. As many as the pairing has people, whatever
    the size of the network."""
    coordinators = Membership.objects.filter(role=Role.COORDINATOR)
    taking_part = Participant.objects.filter(visit=visit, user__isnull=False).values("user_id")
    return (
        get_user_model()
        .objects.filter(
            Q(pk__in=pairing_memberships(visit.pairing).values("user_id")) | Q(pk__in=coordinators.values("user_id"))
        )
        .filter(pk__in=visible_memberships(scope).values("user_id"))
        .exclude(pk__in=taking_part)
        .order_by("name")
    )


def pairing_for_city(city, programme):
    return _pairings().filter(programme=programme).filter(Q(mentor_city=city) | Q(implementing_city=city)).first()


# ---------------------------------------------------------------------------
# Visits, reports and the recommendation register
# ---------------------------------------------------------------------------


def _visits():
    return Visit.objects.select_related(
        "pairing__scheme__facilitator",
        "pairing__scheme__programme",
        "pairing__mentor_city",
        "pairing__implementing_city",
        "brief",
        "report",
    )


def all_visits():
    """Every visit, joined for the pages; callers check permission on the one they pick."""
    return _visits()


def visible_visits(scope):
    """Visits of the pairings whose workspace the scope may see."""
    if scope.user_id is None:
        return Visit.objects.none()
    if scope.is_coordinator:
        return _visits()
    return _visits().filter(pairing__in=visible_pairings(scope).values("pk"))


def pairing_visits(pairing):
    return _visits().filter(pairing=pairing).annotate(recommendation_count=Count("report__recommendations"))


def visit_for_page():
    """Visits with everything the visit page shows, in a fixed number of queries."""
    return _visits().prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "pk")),
        Prefetch("participants", queryset=Participant.objects.select_related("user").order_by("pk")),
        "attachments",
    )


def report_recommendations(report):
    return report.recommendations.select_related("responded_by").order_by("number")


def register_recommendations(pairing_ids):
    """Recommendations of the pairings' registers: their submitted reports' and those of other origins."""
    return Recommendation.objects.filter(
        Q(report__visit__pairing_id__in=pairing_ids, report__submitted_at__isnull=False) | Q(pairing_id__in=pairing_ids)
    )


def visible_reports(scope):
    """Reports the scope may read (as the rule `mentoring.see_report` says): all reports, drafts included, of
    its own pairings; the submitted public reports of the others."""
    reports = VisitReport.objects.select_related(
        "visit__pairing__scheme", "visit__pairing__mentor_city", "visit__pairing__implementing_city"
    )
    if scope.user_id is None:
        return reports.none()
    if scope.is_coordinator:
        return reports
    return reports.filter(
        Q(visit__pairing__in=visible_pairings(scope).values("pk")) | Q(is_public=True, submitted_at__isnull=False)
    )


def visible_recommendations(scope):
    """The recommendations of the reports the scope may read, and those of other origins (the review of an action
    plan) of the pairings it works in; in visit order."""
    recommendations = Recommendation.objects.select_related(
        "report__visit__pairing__scheme",
        "report__visit__pairing__mentor_city",
        "report__visit__pairing__implementing_city",
    ).order_by("report__visit__starts_on", "report__visit_id", "number")
    if scope.user_id is None:
        return recommendations.none()
    if scope.is_coordinator:
        return recommendations
    return recommendations.filter(
        Q(report__in=visible_reports(scope).values("pk"))
        | Q(report__isnull=True, pairing__in=visible_pairings(scope).values("pk"))
    )


def pairing_register(pairing):
    """The register: the recommendations of the pairing's submitted reports and of its other origins (the
    review of the action plan), in the order they were made: a report's by its visit's first day."""
    return (
        register_recommendations([pairing.pk])
        .select_related(
            "report__visit__pairing__mentor_city",
            "report__visit__pairing__implementing_city",
            "pairing__implementing_city",
            "responded_by",
        )
        .order_by(
            Coalesce("report__visit__starts_on", TruncDate("created_at")),
            "report__visit_id",
            "origin_key",
            "number",
        )
    )


def recommendations_by_plan_section(pairing):
    """The register's recommendations that concern a section of the action plan, grouped by section key."""
    grouped = {}
    for recommendation in pairing_register(pairing).exclude(plan_section=""):
        grouped.setdefault(recommendation.plan_section, []).append(recommendation)
    return grouped


@dataclass
class Uptake:
    """What an implementing city did with recommendations: (adopted + adapted) / all."""

    total: int = 0
    adopted: int = 0
    adapted: int = 0
    declined: int = 0
    done: int = 0

    @property
    def answered(self):
        return self.adopted + self.adapted + self.declined

    @property
    def unanswered(self):
        return self.total - self.answered

    @property
    def taken_up(self):
        return self.adopted + self.adapted

    @property
    def rate(self):
        """A fraction between 0 and 1, or None when there is nothing to answer yet."""
        return self.taken_up / self.total if self.total else None

    @property
    def percent(self):
        return None if self.rate is None else round(100 * self.rate)

    def add(self, other):
        for name in ("total", "adopted", "adapted", "declined", "done"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def uptake_of(recommendations):
    uptake = Uptake()
    for recommendation in recommendations:
        _count(uptake, recommendation.response, recommendation.follow_up, 1)
    return uptake


def _count(uptake, response, follow_up, n):
    uptake.total += n
    if response == Recommendation.Response.ADOPT:
        uptake.adopted += n
    elif response == Recommendation.Response.ADAPT:
        uptake.adapted += n
    elif response == Recommendation.Response.DECLINE:
        uptake.declined += n
    if follow_up == Recommendation.FollowUp.DONE:
        uptake.done += n


def _countable_recommendations(scope, pairing_ids):
    """The register's recommendations that count in the scope's uptake: those of the submitted reports it may
    read (all of its own pairings', the public ones of the others) and of its own pairings' other origins."""
    recommendations = register_recommendations(pairing_ids)
    if not scope.is_coordinator:
        # Other origins (the plan's review) are the pairing's own business: counted for its people only.
        recommendations = recommendations.filter(
            Q(report__visit__pairing_id__in=scope.pairing_ids)
            | Q(report__is_public=True)
            | Q(pairing_id__in=scope.pairing_ids)
        )
    return recommendations


def uptake_by_pairing(scope, pairings):
    """Uptake per pairing, in one query, counting only the submitted reports the
    scope may read: all of its own pairings', the public ones of the others."""
    pairing_ids = [p.pk for p in pairings]
    recommendations = _countable_recommendations(scope, pairing_ids)
    result = {pk: Uptake() for pk in pairing_ids}
    rows = recommendations.values_list(
        Coalesce("report__visit__pairing_id", "pairing_id"), "response", "follow_up"
    ).annotate(n=Count("pk"))
    for pairing_id, response, follow_up, n in rows.order_by():
        _count(result[pairing_id], response, follow_up, n)
    return result


def scheme_uptake(scope, scheme):
    """The uptake of all of a scheme's pairings together, counted as `uptake_by_pairing` counts, in one query."""
    total = Uptake()
    recommendations = _countable_recommendations(scope, Pairing.objects.filter(scheme=scheme).values("pk"))
    for response, follow_up, n in (
        recommendations.values_list("response", "follow_up").annotate(n=Count("pk")).order_by()
    ):
        _count(total, response, follow_up, n)
    return total


@dataclass
class CalendarEntry:
    """One line of the calendar: a visit, or a deadline of a visit."""

    kind: str  # "visit", "brief_due", "report_due"
    starts_on: datetime.date
    ends_on: datetime.date
    visit: Visit
    done: bool = False

    @property
    def title(self):
        visit = self.visit
        pair = f"{visit.pairing.mentor_city} → {visit.pairing.implementing_city}"
        if self.kind == "brief_due":
            return gettext("Learning-needs brief due: %(visit)s (%(pairing)s)") % {
                "visit": visit.title,
                "pairing": pair,
            }
        if self.kind == "report_due":
            return gettext("Visit report due: %(visit)s (%(pairing)s)") % {"visit": visit.title, "pairing": pair}
        return f"{visit.title} ({pair})"

    @property
    def uid(self):
        return f"visit-{self.visit.pk}-{self.kind}@cities-grow"


def calendar_entries(visits):
    """Visits and their deadlines, in date order. `visits` must come from a visits selector."""
    entries = []
    for visit in visits:
        entries.append(CalendarEntry("visit", visit.starts_on, visit.ends_on, visit))
        brief, report = visit.brief_or_none, visit.report_or_none
        if visit.brief_due_on:
            done = brief is not None and brief.submitted_at is not None
            entries.append(CalendarEntry("brief_due", visit.brief_due_on, visit.brief_due_on, visit, done))
        if visit.report_due_on:
            done = report is not None and report.submitted_at is not None
            entries.append(CalendarEntry("report_due", visit.report_due_on, visit.report_due_on, visit, done))
    entries.sort(key=lambda entry: (entry.starts_on, entry.visit.pk, entry.kind))
    return entries


def eligible_participants(pairing):
    """The memberships of people who take part in a pairing's visits as themselves (not as guests):
    the two cities, the scheme's expert partner and the coordinator."""
    return Membership.objects.select_related("user", "city", "organisation").filter(
        Q(city_id__in=[pairing.mentor_city_id, pairing.implementing_city_id])
        | Q(organisation_id=pairing.scheme.facilitator_id)
        | Q(role=Role.COORDINATOR),
        user__is_active=True,
    )
