"""Reads of the mentoring network, scoped to what a person may see."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, Q

from .models import City, Membership, Organisation, Pairing, Programme, Role, Scheme


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


def programme_schemes(programme):
    return (
        Scheme.objects.filter(programme=programme)
        .select_related("facilitator", "programme")
        .prefetch_related(
            Prefetch("pairings", queryset=Pairing.objects.select_related("mentor_city", "implementing_city"))
        )
    )


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


def pairing_for_city(city, programme):
    return _pairings().filter(programme=programme).filter(Q(mentor_city=city) | Q(implementing_city=city)).first()
