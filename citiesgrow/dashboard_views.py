"""The dashboards (coordinator, expert partner, city) and the exports. Thin: check permission, read through
citiesgrow.dashboard and the apps' selectors, render or download."""

import rules
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext

from mentoring import selectors
from mentoring.models import Scheme
from pagecache import kept_per_viewer

from . import charts, dashboard, exports, filters
from . import rules as _rules  # noqa: F401 - registers the dashboards' permissions
from .filters import FilterError, apply_filters
from .pagination import HEAVY_PAGE_SIZE, PREVIEW_SIZE, Preview, page_of

SCHEME_FILTER = {"scheme": filters.scheme("scheme")}


def _denied(request, reason):
    return render(request, "dashboards/denied.html", {"reason": reason}, status=403)


def _bad_request(request, error):
    return render(request, "dashboards/bad_request.html", {"error": str(error)}, status=400)


def _programme_pairings(scope):
    programme = selectors.current_programme()
    pairings = selectors.visible_pairings(scope)
    return programme, (pairings.filter(programme=programme) if programme else pairings.none())


def _coordinator_data(request):
    scope = selectors.scope_of(request.user)
    programme, pairings = _programme_pairings(scope)
    pairings = apply_filters(pairings, request.GET, SCHEME_FILTER)
    context = dashboard.DashboardContext(scope=scope)
    rows = dashboard.pair_rows(pairings, context)
    return programme, rows


def _charts(rows):
    visits = charts.bar_chart(
        (
            f"{row.pairing.scheme.code} · {row.pairing.mentor_city} → {row.pairing.implementing_city}",
            [(row.values["visits_held"], "chart-held"), (row.values["visits_planned"], "chart-planned")],
            gettext("%(held)s held, %(planned)s planned")
            % {"held": row.values["visits_held"], "planned": row.values["visits_planned"]},
            row.at_risk,
        )
        for row in rows
    )
    uptake = charts.bar_chart(
        (
            f"{row.pairing.scheme.code} · {row.pairing.mentor_city} → {row.pairing.implementing_city}",
            [(row.values["uptake"] or 0, "chart-uptake")],
            gettext("no recommendations yet")
            if row.values["uptake"] is None
            else f"{round(100 * row.values['uptake'])} %",
            False,
        )
        for row in rows
    )
    return visits, uptake


def _columns():
    return [column for column in dashboard.pair_columns() if column.kind != "hidden"]


@login_required
@kept_per_viewer
def coordinator(request):
    if not rules.has_perm("dashboards.see_coordinator_dashboard", request.user):
        return _denied(request, gettext("The programme dashboard is for the EUROCITIES team."))
    try:
        programme, rows = _coordinator_data(request)
    except FilterError as error:
        return _bad_request(request, error)
    # The scheme totals count every pair; the table of pairs and its charts show a page of them.
    page = page_of(request, rows, HEAVY_PAGE_SIZE)
    visits_chart, uptake_chart = _charts(page)
    filters = request.GET.copy()
    filters.pop("page", None)
    return render(
        request,
        "dashboards/coordinator.html",
        {
            "programme": programme,
            "page": page,
            "rows": page.object_list,
            "schemes": dashboard.by_scheme(rows),
            "columns": _columns(),
            "scheme_options": Scheme.objects.filter(programme=programme).order_by("code") if programme else [],
            "selected_scheme": request.GET.get("scheme", "").upper(),
            "plan_stuck_days": settings.PLAN_STUCK_DAYS,
            "visits_chart": visits_chart,
            "uptake_chart": uptake_chart,
            "query": filters.urlencode(),
        },
    )


def _export_format(fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404("Exports are CSV or XLSX.")
    return fmt


@login_required
def coordinator_export(request, fmt):
    _export_format(fmt)
    if not rules.has_perm("dashboards.see_coordinator_dashboard", request.user):
        return _denied(request, gettext("The programme dashboard is for the EUROCITIES team."))
    try:
        _, rows = _coordinator_data(request)
    except FilterError as error:
        return _bad_request(request, error)
    sheets = [exports.Sheet("pairs", dashboard.pair_export_columns(), rows)]
    if fmt == "xlsx":
        sheets.append(exports.Sheet("schemes", SCHEME_COLUMNS, dashboard.by_scheme(rows)))
    return exports.download(sheets, filename="programme-dashboard", fmt=fmt, request=request)


SCHEME_COLUMNS = [
    exports.Column("Scheme", lambda s: s.scheme.code, width=8),
    exports.Column("Title", lambda s: s.scheme.short_title, width=40),
    exports.Column("Pairs", lambda s: len(s.rows), "int", width=7),
    exports.Column("Pairs at risk", lambda s: s.at_risk, "int", width=9),
    exports.Column("Visits held", lambda s: s.total("visits_held"), "int", width=9),
    exports.Column("Visits planned", lambda s: s.total("visits_planned"), "int", width=9),
    exports.Column("Briefs overdue", lambda s: s.total("briefs_overdue"), "int", width=9),
    exports.Column("Reports overdue", lambda s: s.total("reports_overdue"), "int", width=9),
    exports.Column("Recommendations", lambda s: s.uptake.total, "int", width=9),
    exports.Column("Uptake", lambda s: s.uptake.rate, "percent", width=9),
]


def _expert_pairings(request):
    scope = selectors.scope_of(request.user)
    _, pairings = _programme_pairings(scope)
    return scope, pairings.filter(scheme__facilitator_id__in=scope.expert_organisation_ids)


def _todos(pairings, context):
    """Every to-do of the pairs (for their next deadlines), and those waiting for the expert partner."""
    items = dashboard.todos(pairings, context)
    organisations = context.scope.expert_organisation_ids
    return items, [t for t in items if t.organisation is not None and t.organisation.pk in organisations]


@login_required
@kept_per_viewer
def expert(request):
    if not rules.has_perm("dashboards.see_expert_dashboard", request.user):
        return _denied(
            request,
            gettext("This dashboard is for expert partners: it shows the pairs of the schemes they facilitate."),
        )
    scope, pairings = _expert_pairings(request)
    pairings = list(pairings)
    items, own = _todos(pairings, dashboard.DashboardContext(scope=scope))
    # The figures of the pairs on this page only; what waits for the expert comes from all of them.
    page = page_of(request, pairings, HEAVY_PAGE_SIZE)
    rows = dashboard.attach_next_todos(dashboard.pair_rows(page, dashboard.DashboardContext(scope=scope)), items)
    return render(
        request,
        "dashboards/expert.html",
        {"page": page, "rows": rows, "todos": Preview(own[:PREVIEW_SIZE], len(own)), "columns": _columns()},
    )


@login_required
def expert_export(request, fmt):
    _export_format(fmt)
    if not rules.has_perm("dashboards.see_expert_dashboard", request.user):
        return _denied(request, gettext("This dashboard is for expert partners."))
    scope, pairings = _expert_pairings(request)
    pairings = list(pairings)
    context = dashboard.DashboardContext(scope=scope)
    items, _ = _todos(pairings, context)
    rows = dashboard.attach_next_todos(dashboard.pair_rows(pairings, context), items)
    sheet = exports.Sheet("pairs", dashboard.pair_export_columns(with_next_deadline=True), rows)
    return exports.download([sheet], filename="my-schemes", fmt=fmt, request=request)


def _city_data(request):
    scope = selectors.scope_of(request.user)
    _, pairings = _programme_pairings(scope)
    cities = scope.city_ids
    pairings = list(pairings.filter(Q(mentor_city_id__in=cities) | Q(implementing_city_id__in=cities)))
    context = dashboard.DashboardContext(scope=scope)
    todos = [todo for todo in dashboard.todos(pairings, context) if todo.city is not None and todo.city.pk in cities]
    return pairings, dashboard.pair_rows(pairings, context), todos


@login_required
@kept_per_viewer
def city(request):
    if not rules.has_perm("dashboards.see_city_dashboard", request.user):
        return _denied(request, gettext("This dashboard is for the people of a city: it lists their city's to-dos."))
    pairings, rows, todos = _city_data(request)
    return render(
        request,
        "dashboards/city.html",
        {"rows": rows, "todos": todos, "columns": _columns(), "overdue": sum(1 for t in todos if t.is_overdue)},
    )


@login_required
def city_export(request, fmt):
    _export_format(fmt)
    if not rules.has_perm("dashboards.see_city_dashboard", request.user):
        return _denied(request, gettext("This dashboard is for the people of a city."))
    _, _, todos = _city_data(request)
    sheet = exports.Sheet("to-dos", _absolute_todo_columns(request), todos)
    return exports.download([sheet], filename="my-city-to-dos", fmt=fmt, request=request)


def _absolute_todo_columns(request):
    columns = list(dashboard.TODO_EXPORT_COLUMNS)
    columns[-1] = exports.Column("Address", lambda t: request.build_absolute_uri(t.url), width=50)
    return columns


# Exports of the lists


@login_required
def export_index(request):
    return render(request, "dashboards/exports.html", {"tables": exports.tables()})


@login_required
def export(request, kind, fmt):
    _export_format(fmt)
    table = exports.table(kind)
    if table is None:
        raise Http404("No such export.")
    if not rules.has_perm("dashboards.export", request.user):
        return _denied(request, gettext("Sign in to export."))
    params = request.GET
    # A pair one may not open is "not found", as on its own page: an export does not reveal it exists.
    if "pairing" in params and "pairing" in table.filters:
        pairing = params.get("pairing")
        if not pairing.isdigit() or int(pairing) not in selectors.scope_of(request.user).pairing_ids:
            raise Http404("Not found.")
    try:
        sheet = exports.sheet_of(table, request.user, params)
    except FilterError as error:
        return _bad_request(request, error)
    return exports.download([sheet], filename=table.kind, fmt=fmt, request=request)


@login_required
def export_everything(request):
    if not rules.has_perm("dashboards.export", request.user):
        return _denied(request, gettext("Sign in to export."))
    if request.GET:
        return _bad_request(request, FilterError(gettext("The workbook of everything takes no filters.")))
    sheets = [exports.sheet_of(table, request.user) for table in exports.tables()]
    return exports.download(sheets, filename="cities-grow-everything", fmt="xlsx", request=request)
