from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from . import selectors
from .models import City, Pairing, Programme


def _require(request, perm, obj=None):
    """404 rather than 403 for objects, so outsiders cannot probe what exists."""
    if not request.user.has_perm(perm, obj):
        if obj is not None:
            raise Http404("Not found.")
        raise PermissionDenied


@login_required
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("coordinator"), slug=slug)
    _require(request, "mentoring.see_network")
    scope = selectors.scope_of(request.user)
    schemes = _mark_open_pairings(selectors.programme_schemes(programme), scope)
    return render(
        request,
        "mentoring/programme_detail.html",
        {
            "programme": programme,
            "schemes": schemes,
            "cities": City.objects.all(),
            "my_city_ids": set(selectors.visible_cities(scope).values_list("pk", flat=True)),
        },
    )


def _mark_open_pairings(schemes, scope):
    schemes = list(schemes)
    for scheme in schemes:
        for pairing in scheme.pairings.all():
            pairing.can_open = pairing.pk in scope.pairing_ids
    return schemes


@login_required
def scheme_detail(request, slug, code):
    scheme = get_object_or_404(selectors.programme_schemes(get_object_or_404(Programme, slug=slug)), code=code.upper())
    _require(request, "mentoring.see_network")
    _mark_open_pairings([scheme], selectors.scope_of(request.user))
    return render(request, "mentoring/scheme_detail.html", {"scheme": scheme})


@login_required
def pairing_detail(request, pk):
    pairing = get_object_or_404(
        Pairing.objects.select_related("scheme__facilitator", "scheme__programme", "mentor_city", "implementing_city"),
        pk=pk,
    )
    _require(request, "mentoring.see_pairing", pairing)
    people = list(selectors.pairing_memberships(pairing))
    return render(
        request,
        "mentoring/pairing_detail.html",
        {
            "pairing": pairing,
            "mentor_people": [m for m in people if m.city_id == pairing.mentor_city_id],
            "implementing_people": [m for m in people if m.city_id == pairing.implementing_city_id],
            "expert_people": [m for m in people if m.organisation_id == pairing.scheme.facilitator_id],
        },
    )


@login_required
def city_list(request):
    _require(request, "mentoring.see_network")
    programme = selectors.current_programme()
    roles = {}
    if programme:
        for pairing in selectors.network_pairings(programme):
            roles[pairing.mentor_city_id] = ("Mentor city", pairing)
            roles[pairing.implementing_city_id] = ("Implementing city", pairing)
    visible = set(selectors.visible_cities(selectors.scope_of(request.user)).values_list("pk", flat=True))
    rows = [{"city": city, "role": roles.get(city.pk), "can_open": city.pk in visible} for city in City.objects.all()]
    return render(request, "mentoring/city_list.html", {"rows": rows})


@login_required
def city_detail(request, slug):
    city = get_object_or_404(City, slug=slug)
    _require(request, "mentoring.see_city", city)
    programme = selectors.current_programme()
    pairing = selectors.pairing_for_city(city, programme) if programme else None
    people = selectors.visible_memberships(selectors.scope_of(request.user)).filter(city=city)
    return render(
        request,
        "mentoring/city_detail.html",
        {
            "city": city,
            "pairing": pairing,
            "can_open_pairing": pairing is not None and request.user.has_perm("mentoring.see_pairing", pairing),
            "people": people,
        },
    )


@login_required
def people_list(request):
    _require(request, "mentoring.see_people")
    memberships = selectors.visible_memberships(selectors.scope_of(request.user)).order_by(
        "city__name", "organisation__name", "user__name"
    )
    groups = {}
    for membership in memberships:
        groups.setdefault(membership.scope, []).append(membership)
    return render(request, "mentoring/people_list.html", {"groups": groups.items()})
