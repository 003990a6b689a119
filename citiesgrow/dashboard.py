"""What the dashboards show, and the seams other apps plug into.

Two registries:

* **Pair columns** (`register_pair_column`): one figure per pair (visits held, reports overdue, uptake…).
  A column's `load(pairings, context)` returns {pairing id: value} for all pairs at once — one query for the
  whole table, never one per row — and may say when a value puts the pair at risk. The coordinator's and the
  expert's dashboards, and their exports, show every registered column.
* **To-do providers** (`register_todo_provider`): things a city has to do (a brief due, recommendations to
  answer), or the scheme's expert partner (a plan to review). `provider(pairings, context)` returns `Todo`s
  for the given pairs, in one query. The city dashboard lists its cities' to-dos; the expert dashboard lists
  its organisation's and shows each pair's next deadline.

The action plans register theirs in actionplans/dashboard.py (plan state, days in state, review turnaround,
plans stuck; comments to resolve, indicator check-ins, reviews waiting).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mentoring.models import Pairing, Recommendation, Visit
from mentoring.selectors import Uptake, uptake_by_pairing
from toolkits.models import CommitmentRating, Moment

from .exports import Column


@dataclass
class DashboardContext:
    scope: object
    today: datetime.date = field(default_factory=timezone.localdate)
    _cache: dict = field(default_factory=dict)

    def once(self, loader, pairings):
        """Run a loader once per dashboard, however many columns read from it."""
        if loader not in self._cache:
            self._cache[loader] = loader(pairings, self)
        return self._cache[loader]


@dataclass(frozen=True)
class PairColumn:
    key: str
    header: str
    load: Callable  # (pairings, context) -> {pairing_id: value}
    kind: str = "int"  # int | percent | decimal | text | date
    at_risk: Callable | None = None  # value -> bool
    risk_label: str = ""  # what an at-risk value means, for the row's explanation
    order: int = 100
    help: str = ""


@dataclass
class Todo:
    pairing: object
    city: object | None  # whose to-do it is: a city's…
    kind: str  # e.g. "brief_due"
    title: str
    url: str
    due_on: datetime.date | None = None
    today: datetime.date | None = None
    organisation: object | None = None  # …or, without a city, the scheme's expert partner's

    @property
    def owner(self):
        return self.city if self.city is not None else self.organisation

    @property
    def is_overdue(self):
        return self.due_on is not None and self.today is not None and self.due_on < self.today


@dataclass
class Cell:
    text: str
    at_risk: bool = False


@dataclass
class PairRow:
    pairing: object
    values: dict
    risks: list
    columns: list = field(default_factory=list)
    next_todo: Todo | None = None

    @property
    def at_risk(self):
        return bool(self.risks)

    @cached_property
    def cells(self):
        """The figures as the table prints them: worked out only for the rows a page shows."""
        return [
            Cell(display(column.kind, self.values[column.key]), _is_at_risk(column, self.values[column.key]))
            for column in self.columns
            if column.kind != "hidden"
        ]


def _is_at_risk(column, value):
    return column.at_risk is not None and value is not None and column.at_risk(value)


def display(kind, value):
    """A figure as the dashboards print it; exports keep the typed value."""
    if value is None:
        return "—"
    if kind == "percent":
        return f"{round(100 * value)} %"
    if kind == "decimal":
        return ("+" if value >= 0 else "") + number_format(value, 2)
    if kind == "date":
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


_pair_columns = {}
_todo_providers = {}


def register_pair_column(column):
    _pair_columns[column.key] = column
    return column


def register_todo_provider(key, provider):
    _todo_providers[key] = provider
    return provider


def pair_columns():
    return sorted(_pair_columns.values(), key=lambda column: (column.order, column.key))


def pair_rows(pairings, context):
    """One row per pair with every registered figure, and why it is at risk, in a fixed number of queries."""
    pairings = list(pairings)
    columns = pair_columns()
    loaded = {column.key: column.load(pairings, context) for column in columns}
    rows = []
    for pairing in pairings:
        values = {column.key: loaded[column.key].get(pairing.pk) for column in columns}
        risks = [
            str(column.risk_label or column.header) for column in columns if _is_at_risk(column, values[column.key])
        ]
        rows.append(PairRow(pairing, values, risks, columns))
    return rows


def todos(pairings, context):
    """Every provider's to-dos for the pairs, soonest first; those without a date last."""
    pairings = list(pairings)
    items = [todo for provider in _todo_providers.values() for todo in provider(pairings, context)]
    for item in items:
        item.today = context.today
    items.sort(key=lambda t: (t.due_on is None, t.due_on or datetime.date.max, t.pairing.pk, t.kind, t.title))
    return items


def attach_next_todos(rows, items):
    """The earliest dated to-do of each pair (overdue ones first, since they are the earliest)."""
    by_pairing = {}
    for item in items:
        if item.due_on is not None:
            by_pairing.setdefault(item.pairing.pk, item)
    for row in rows:
        row.next_todo = by_pairing.get(row.pairing.pk)
    return rows


@dataclass
class SchemeSummary:
    scheme: object
    rows: list

    @property
    def at_risk(self):
        return sum(1 for row in self.rows if row.at_risk)

    def total(self, key):
        return sum(row.values.get(key) or 0 for row in self.rows)

    @property
    def held(self):
        return self.total("visits_held")

    @property
    def planned(self):
        return self.total("visits_planned")

    @property
    def briefs_overdue(self):
        return self.total("briefs_overdue")

    @property
    def reports_overdue(self):
        return self.total("reports_overdue")

    @property
    def uptake(self):
        total = Uptake()
        for row in self.rows:
            if row.values.get("uptake_detail"):
                total.add(row.values["uptake_detail"])
        return total


def by_scheme(rows):
    schemes = {}
    for row in rows:
        schemes.setdefault(row.pairing.scheme, []).append(row)
    return [SchemeSummary(scheme, scheme_rows) for scheme, scheme_rows in schemes.items()]


# Exports of the dashboards' tables (citiesgrow.exports)


def pair_export_columns(with_next_deadline=False):
    columns = [
        Column("Pair", lambda r: r.pairing.pk, "int", width=6),
        Column("Scheme", lambda r: r.pairing.scheme.code, width=8),
        Column("Mentor city", lambda r: r.pairing.mentor_city.name, width=18),
        Column("Implementing city", lambda r: r.pairing.implementing_city.name, width=18),
    ]
    for column in pair_columns():
        if column.kind == "hidden":
            continue
        columns.append(Column(column.header, lambda r, key=column.key: r.values.get(key), column.kind, width=14))
    columns.append(Column("At risk", lambda r: "; ".join(r.risks), width=30))
    if with_next_deadline:
        columns += [
            Column("Next deadline", lambda r: r.next_todo.due_on if r.next_todo else None, "date", width=12),
            Column("What is due", lambda r: r.next_todo.title if r.next_todo else "", width=50),
        ]
    return columns


TODO_EXPORT_COLUMNS = [
    Column("City", lambda t: t.owner.name, width=18),
    Column("Pair", lambda t: t.pairing.pk, "int", width=6),
    Column("To do", lambda t: t.title, width=60),
    Column("Due", lambda t: t.due_on, "date", width=11),
    Column("Overdue", lambda t: t.is_overdue, "bool", width=9),
    Column("Address", lambda t: t.url, width=40),
]


# ---------------------------------------------------------------------------
# The built-in figures: visits, briefs, reports (mentoring), uptake, the Charter self-assessment (toolkits)
# ---------------------------------------------------------------------------

HELD = [Visit.Status.HELD, Visit.Status.REPORTED]
PLANNED = [Visit.Status.PLANNED, Visit.Status.CONFIRMED]


def visit_figures(pairings, context):
    today = context.today
    brief_open = Q(visits__brief__isnull=True) | Q(visits__brief__submitted_at__isnull=True)
    report_open = Q(visits__report__isnull=True) | Q(visits__report__submitted_at__isnull=True)
    rows = (
        Pairing.objects.filter(pk__in=[p.pk for p in pairings])
        .annotate(
            held=Count("visits", filter=Q(visits__status__in=HELD), distinct=True),
            planned=Count("visits", filter=Q(visits__status__in=PLANNED), distinct=True),
            briefs_overdue=Count("visits", filter=Q(visits__brief_due_on__lt=today) & brief_open, distinct=True),
            reports_overdue=Count("visits", filter=Q(visits__report_due_on__lt=today) & report_open, distinct=True),
        )
        .values("pk", "held", "planned", "briefs_overdue", "reports_overdue")
    )
    return {row["pk"]: row for row in rows}


def _visit_figure(name):
    def load(pairings, context):
        return {pk: figures[name] for pk, figures in context.once(visit_figures, pairings).items()}

    return load


def uptake_figures(pairings, context):
    return uptake_by_pairing(context.scope, pairings)


def _uptake(pick):
    def load(pairings, context):
        return {pk: pick(uptake) for pk, uptake in context.once(uptake_figures, pairings).items()}

    return load


def charter_change(pairings, context):
    """The implementing city's mean Charter level at the end minus at the baseline (None without both)."""
    cities = {p.implementing_city_id: p.pk for p in pairings}
    programmes = {p.programme_id for p in pairings}
    means = {}
    rows = (
        CommitmentRating.objects.filter(assessment__city_id__in=cities, assessment__programme_id__in=programmes)
        .values_list("assessment__city_id", "assessment__moment")
        .annotate(mean=Avg("level"))
        .order_by()
    )
    for city_id, moment, mean in rows:
        means.setdefault(city_id, {})[moment] = mean
    result = {}
    for city_id, pairing_id in cities.items():
        levels = means.get(city_id, {})
        if Moment.BASELINE in levels and Moment.END in levels:
            result[pairing_id] = round(float(levels[Moment.END]) - float(levels[Moment.BASELINE]), 2)
    return result


def _positive(value):
    return value > 0


register_pair_column(PairColumn("visits_held", _("Visits held"), _visit_figure("held"), order=10))
register_pair_column(PairColumn("visits_planned", _("Visits planned"), _visit_figure("planned"), order=20))
register_pair_column(
    PairColumn(
        "briefs_overdue",
        _("Briefs overdue"),
        _visit_figure("briefs_overdue"),
        at_risk=_positive,
        risk_label=_("brief overdue"),
        order=30,
        help=_("Learning-needs briefs not submitted by their due date."),
    )
)
register_pair_column(
    PairColumn(
        "reports_overdue",
        _("Reports overdue"),
        _visit_figure("reports_overdue"),
        at_risk=_positive,
        risk_label=_("report overdue"),
        order=40,
        help=_("Visit reports not submitted by their due date."),
    )
)
register_pair_column(
    PairColumn(
        "recommendations",
        _("Recommendations"),
        _uptake(lambda u: u.total),
        order=50,
        help=_("Of submitted reports."),
    )
)
register_pair_column(
    PairColumn(
        "uptake",
        _("Uptake"),
        _uptake(lambda u: u.rate),
        kind="percent",
        order=60,
        help=_("Recommendations adopted or adapted, of all."),
    )
)
register_pair_column(PairColumn("unanswered", _("Unanswered"), _uptake(lambda u: u.unanswered), order=70))
register_pair_column(PairColumn("uptake_detail", "", _uptake(lambda u: u), kind="hidden", order=71))
register_pair_column(
    PairColumn(
        "charter_change",
        _("Charter change"),
        charter_change,
        kind="decimal",
        order=80,
        help=_("The implementing city's mean self-assessed level (1–4) at the end minus at the baseline."),
    )
)


# To-dos


def briefs_due(pairings, context):
    visits = Visit.objects.filter(pairing__in=[p.pk for p in pairings], brief_due_on__isnull=False).filter(
        Q(brief__isnull=True) | Q(brief__submitted_at__isnull=True)
    )
    by_pk = {p.pk: p for p in pairings}
    return [
        Todo(
            pairing=by_pk[visit.pairing_id],
            city=by_pk[visit.pairing_id].implementing_city,
            kind="brief_due",
            title=gettext("Learning-needs brief for the %(visit)s")
            % {"visit": _visit_title(visit, by_pk[visit.pairing_id])},
            url=reverse("mentoring:visit_brief", args=[visit.pk]),
            due_on=visit.brief_due_on,
        )
        for visit in visits.only("pk", "pairing_id", "kind", "host", "starts_on", "brief_due_on")
    ]


def reports_due(pairings, context):
    visits = Visit.objects.filter(pairing__in=[p.pk for p in pairings], report_due_on__isnull=False).filter(
        Q(report__isnull=True) | Q(report__submitted_at__isnull=True)
    )
    by_pk = {p.pk: p for p in pairings}
    return [
        Todo(
            pairing=by_pk[visit.pairing_id],
            city=by_pk[visit.pairing_id].mentor_city,
            kind="report_due",
            title=gettext("Visit report of the %(visit)s") % {"visit": _visit_title(visit, by_pk[visit.pairing_id])},
            url=reverse("mentoring:visit_report", args=[visit.pk]),
            due_on=visit.report_due_on,
        )
        for visit in visits.only("pk", "pairing_id", "kind", "host", "starts_on", "report_due_on")
    ]


def recommendations_to_answer(pairings, context):
    rows = (
        Recommendation.objects.filter(
            report__visit__pairing__in=[p.pk for p in pairings], report__submitted_at__isnull=False, response=""
        )
        .values_list("report__visit_id", "report__visit__pairing_id", "report__visit__kind", "report__visit__starts_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_pk = {p.pk: p for p in pairings}
    items = []
    for visit_id, pairing_id, kind, starts_on, n in rows:
        pairing = by_pk[pairing_id]
        items.append(
            Todo(
                pairing=pairing,
                city=pairing.implementing_city,
                kind="recommendations_to_answer",
                title=ngettext(
                    "Answer %(n)s recommendation of the report of the %(visit)s (%(date)s)",
                    "Answer %(n)s recommendations of the report of the %(visit)s (%(date)s)",
                    n,
                )
                % {"n": n, "visit": VISIT_IN_SENTENCE[kind], "date": date_format(starts_on, "SHORT_DATE_FORMAT")},
                url=reverse("mentoring:visit_report", args=[visit_id]),
            )
        )
    return items


# A visit's kind inside a sentence: its own words, since a lower-cased label is wrong in German.
# Translators: with its article, as the object of "for", "of the report on": "den Studienbesuch".
VISIT_IN_SENTENCE = {
    Visit.Kind.STUDY: pgettext_lazy("visit in a sentence", "study visit"),
    Visit.Kind.MENTORING: pgettext_lazy("visit in a sentence", "mentoring visit"),
    Visit.Kind.OTHER: pgettext_lazy("visit in a sentence", "other visit"),
}


def _visit_title(visit, pairing):
    host = pairing.mentor_city if visit.host == Visit.Host.MENTOR else pairing.implementing_city
    return gettext("%(visit)s to %(city)s (%(date)s)") % {
        "visit": VISIT_IN_SENTENCE[visit.kind],
        "city": host,
        "date": date_format(visit.starts_on, "SHORT_DATE_FORMAT"),
    }


register_todo_provider("briefs_due", briefs_due)
register_todo_provider("reports_due", reports_due)
register_todo_provider("recommendations_to_answer", recommendations_to_answer)
