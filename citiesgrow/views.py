import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.cache import never_cache

from mentoring import selectors
from mentoring.models import Pairing, Role
from pagecache import kept_per_viewer

from .celery import app as celery_app
from .middleware import database_error
from .pagination import PREVIEW_SIZE


@kept_per_viewer
def home(request):
    """The programme for visitors; "my work" for a signed-in person."""
    programme = selectors.current_programme()
    if not request.user.is_authenticated:
        return render(request, "home_public.html", {"programme": programme})
    scope = selectors.scope_of(request.user)
    pairings = selectors.visible_pairings(scope).filter(programme=programme) if programme else Pairing.objects.none()
    own_cities = scope.city_ids
    city_pairings = list(selectors.pairings_of_cities(programme, own_cities) if own_cities and programme else [])
    memberships = list(request.user.memberships.select_related("city", "organisation"))
    people = {}
    if city_pairings:
        for membership in selectors.memberships_of_pairings(city_pairings):
            people.setdefault(membership.scope, []).append(membership)
    expert_pairings = pairings.filter(scheme__facilitator_id__in=scope.expert_organisation_ids)
    context = {
        "programme": programme,
        "memberships": memberships,
        "is_coordinator": scope.is_coordinator,
        "is_expert": bool(scope.expert_organisation_ids),
        "has_city": bool(scope.city_ids),
        "city_pairings": [
            {
                "pairing": p,
                "mentor_people": people.get(p.mentor_city, []),
                "implementing_people": people.get(p.implementing_city, []),
                "expert_people": people.get(p.scheme.facilitator, []),
                "own_side": "mentor" if p.mentor_city_id in own_cities else "implementing",
            }
            for p in city_pairings
        ],
        # A scheme's pairings grow with the network: the home page names the first and links to the scheme.
        "expert_schemes": selectors.first_pairings_by_scheme(expert_pairings, PREVIEW_SIZE)
        if scope.expert_organisation_ids
        else [],
        "all_schemes": selectors.first_pairings_by_scheme(pairings, PREVIEW_SIZE) if scope.is_coordinator else [],
        "roles": Role,
    }
    return render(request, "home.html", context)


@never_cache
def healthz(request):
    """Database and broker reachability, for load balancers and docker-compose."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
        checks["database"] = f"error: {error.__class__.__name__}"
    if celery_app.conf.task_always_eager:
        checks["broker"] = "not configured: tasks run in-process"
    else:
        try:
            with celery_app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            checks["broker"] = "ok"
        except Exception as error:  # noqa: BLE001
            checks["broker"] = f"error: {error.__class__.__name__}"
    healthy = all(value == "ok" or value.startswith("not configured") for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def server_error(request):
    """handler500: a database error outside a view (a middleware saving the session) still gets the 503 page."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_error(request, error, getattr(request, "database_writes", None))
    return defaults.server_error(request)
