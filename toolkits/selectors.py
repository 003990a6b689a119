"""Reads of toolkits, good practices and self-assessments, scoped to the person and prepared for the page.

The library's query count does not depend on the number of practices: every facet and the number of
results are counted in one query, the page's rows come with their themes in one prefetch."""

import html
from dataclasses import dataclass, field

import rules
from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Case, ExpressionWrapper, F, Prefetch, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import City, Pairing, Role, Scheme
from mentoring.selectors import scope_of

from .models import (
    CharterCommitment,
    CharterRole,
    CommitmentRating,
    EuropeanModule,
    GoodPractice,
    GuidingQuestion,
    KeyFactor,
    ModuleComponent,
    Moment,
    Recommendation,
    SelfAssessment,
    Series,
    Theme,
    Toolkit,
    ToolkitComment,
    TransferabilityAssessment,
)

# Frames of reference


def charter_roles():
    return CharterRole.objects.prefetch_related("commitments")


def european_modules():
    return EuropeanModule.objects.prefetch_related("components")


# Toolkits


def _scheme_city_ids_of(scope):
    """Schemes whose unpublished toolkits the scope may read: those of its cities' pairings or its expert
    organisations."""
    return Pairing.objects.filter(
        Q(mentor_city_id__in=scope.city_ids)
        | Q(implementing_city_id__in=scope.city_ids)
        | Q(scheme__facilitator_id__in=scope.expert_organisation_ids)
    ).values("scheme_id")


def visible_toolkits(user):
    toolkits = Toolkit.objects.select_related("scheme__programme", "scheme__facilitator")
    scope = scope_of(user)
    if scope.is_coordinator:
        return toolkits
    published = Q(state=Toolkit.State.PUBLISHED)
    if scope.user_id is None:
        return toolkits.filter(published)
    return toolkits.filter(published | Q(scheme_id__in=_scheme_city_ids_of(scope)))


def toolkit_for_page(slug):
    """A toolkit with its key factors, their questions and published practices, and its recommendations."""
    published = GoodPractice.objects.filter(state=GoodPractice.State.PUBLISHED).only(
        "title", "slug", "city_name", "country_name", "is_demo"
    )
    return Toolkit.objects.select_related("scheme__programme", "scheme__facilitator").prefetch_related(
        Prefetch(
            "key_factors",
            queryset=KeyFactor.objects.prefetch_related(
                Prefetch("questions", queryset=GuidingQuestion.objects.all()),
                Prefetch("practices", queryset=published, to_attr="published_practices"),
            ),
        ),
        Prefetch("recommendations", queryset=Recommendation.objects.prefetch_related("commitments")),
        Prefetch("comments", queryset=ToolkitComment.objects.select_related("author", "city")),
    )


# Good practices


def visible_practices(user):
    """Published practices for everyone; unpublished ones for their city, the scheme's expert, coordinators."""
    scope = scope_of(user)
    practices = GoodPractice.objects.all()
    if scope.is_coordinator:
        return practices
    visible = Q(state=GoodPractice.State.PUBLISHED)
    if scope.user_id is not None:
        visible |= Q(city_id__in=scope.city_ids) | Q(scheme__facilitator_id__in=scope.expert_organisation_ids)
    return practices.filter(visible)


# Columns a list of practices never shows: they stay in the database (the search vector alone is most of a row).
LONG_TEXTS = ["description", "description_text", "results", "evidence", "search_vector"]


def practices_for_api(user):
    """The practices the person may see, by title, as the API gives them: without their long texts."""
    return (
        visible_practices(user)
        .select_related("city", "scheme")
        .prefetch_related("themes")
        .defer(*LONG_TEXTS)
        .order_by("title", "pk")
    )


def practices_to_review(user):
    """Unpublished practices this person may see: their city's submissions, or those awaiting them."""
    return (
        visible_practices(user)
        .exclude(state=GoodPractice.State.PUBLISHED)
        .select_related("scheme", "city")
        .order_by("state", "-submitted_at")
    )


def practice_for_page(slug, user):
    practice = (
        visible_practices(user)
        .select_related("city", "scheme__facilitator", "adapted_from", "submitted_by", "validated_by")
        .prefetch_related(
            "themes",
            Prefetch("commitments", queryset=CharterCommitment.objects.select_related("role")),
            Prefetch("components", queryset=ModuleComponent.objects.select_related("module")),
            Prefetch("key_factors", queryset=KeyFactor.objects.select_related("toolkit")),
            "links",
            "videos",
            Prefetch(
                "adaptations",
                queryset=visible_practices(user).only("title", "slug", "city_name", "adapted_from_id"),
                to_attr="visible_adaptations",
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if practice and practice.adapted_from and not user.has_perm("toolkits.see_practice", practice.adapted_from):
        practice.adapted_from = None
    return practice


def transferability_for(practice, user):
    """The assessments of this practice that the person may see: those of the cities they work with."""
    scope = scope_of(user)
    assessments = TransferabilityAssessment.objects.filter(practice=practice).select_related("city", "assessed_by")
    if scope.is_coordinator:
        return assessments
    if scope.user_id is None:
        return assessments.none()
    cities, _ = scope.reach
    return assessments.filter(city_id__in=cities)


def adoptions_of(practice, user):
    """The action plans that adopted this practice and that the person may see, each once, with its city.

    The actions live in actionplans (Action.adopted_from); toolkits reads them through the relation and the
    plans' permission name only, without importing actionplans."""
    actions = practice.adopting_actions.select_related(
        "objective__plan__pairing__implementing_city", "objective__plan__pairing__scheme"
    ).order_by("objective__plan__pairing__implementing_city__name", "pk")
    plans = {}
    for action in actions:
        plan = action.objective.plan
        if plan.pk not in plans and rules.has_perm("actionplans.see_plan", user, plan):
            plans[plan.pk] = plan
    return list(plans.values())


# The library


FACETS = ["theme", "scheme", "series", "module", "commitment", "country", "city"]
SORTS = {
    "": _("Best match (newest first without search words)"),
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "title": _("Title (A–Z)"),
    "city": _("City (A–Z)"),
}
FACET_TITLES = {
    "theme": _("Theme"),
    "scheme": _("Mentoring scheme"),
    "series": _("Toolkit series"),
    "module": _("European Module"),
    "commitment": _("Charter commitment"),
    "country": _("Country"),
    "city": _("City"),
}
# Markers PostgreSQL puts around matched words in a snippet; the snippet is escaped and only the
# markers become <mark> tags, so a practice's text can never inject HTML.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"


@dataclass
class LibraryQuery:
    """The library's request, validated: unknown filter values are dropped, with a note for the page."""

    text: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    sort_param: str = ""
    page: str = "1"
    notes: list = field(default_factory=list)
    truncated: bool = False


def _without_nul(value):
    """PostgreSQL cannot search for text with a NUL character in it; nobody means to type one."""
    return value.replace("\x00", "")


def parse_library_query(params):
    """Read the search text, filters, sort order and page from GET parameters. Never raises."""
    query = LibraryQuery()
    limit = settings.LIBRARY_QUERY_MAX_LENGTH
    text = " ".join(_without_nul(params.get("q", "")).split())
    if len(text) > limit:
        text, query.truncated = text[:limit], True
        query.notes.append(
            gettext("Your search was longer than %(limit)s characters; only the first %(limit)s were used.")
            % {"limit": limit}
        )
    query.text = text
    for name in FACETS:
        values = [v.strip()[:100] for v in map(_without_nul, params.getlist(name)) if v.strip()]
        if values:
            query.filters[name] = list(dict.fromkeys(values))[:20]
    sort = params.get("sort", "")
    if sort and sort not in SORTS:
        query.notes.append(gettext("Unknown sort order “%(sort)s” ignored.") % {"sort": sort[:40]})
        sort = ""
    query.sort_param = sort
    query.sort = sort or ("relevance" if text else "newest")
    if query.sort == "relevance" and not text:
        query.sort = "newest"
    query.page = params.get("page", "1")
    return query


# Facets whose values live in another table: a practice has several themes, commitments, module components.
MANY_VALUED = {"theme": "themes", "module": "components", "commitment": "commitments"}


def _facet_filter(name, values):
    """The condition "the practice has one of these values" for one facet."""
    if name in MANY_VALUED:
        # A subquery, not a join: a practice with two of the chosen themes is still one practice.
        path = {"theme": "themes__slug", "module": "components__module__number", "commitment": "commitments__code"}
        return Q(pk__in=GoodPractice.objects.filter(**{f"{path[name]}__in": values}).values("pk"))
    column = {"scheme": "scheme_id", "series": "series", "country": "country_code", "city": "city_name"}[name]
    return Q(**{f"{column}__in": values})


def _facet_options():
    """The known values of each reference facet (four small queries, independent of the practices)."""
    return {
        "theme": {t.slug: t.name for t in Theme.objects.all()},
        "scheme": {
            str(s.pk): gettext("%(programme)s scheme %(code)s: %(title)s")
            % {"programme": s.programme.name, "code": s.code, "title": s.short_title}
            for s in Scheme.objects.select_related("programme")
        },
        "series": dict(Series.choices),
        "module": {str(m.number): str(m) for m in EuropeanModule.objects.all()},
        "commitment": {c.code: f"{c.code}: {c.text}" for c in CharterCommitment.objects.all()},
    }


def _is_postgres():
    return connection.vendor == "postgresql"


def _text_match(text):
    """The full-text match (PostgreSQL) or a substring match (SQLite, `make run`)."""
    if _is_postgres():
        from django.contrib.postgres.search import SearchQuery

        # websearch syntax: quotes for phrases, "or", "-" to exclude; any input is valid, never an error.
        # English is stemmed; the `simple` query matches practices in other languages word for word.
        search = SearchQuery(text, search_type="websearch", config="english") | SearchQuery(
            text, search_type="websearch", config="simple"
        )
        return Q(search_vector=search), search
    words = [w.strip("\"'") for w in text.split() if w.strip("\"'-").lower() not in {"", "or", "and"}]
    condition = Q()
    for word in words[:10]:
        condition &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(description_text__icontains=word)
    return condition, None


@dataclass
class LibraryResult:
    query: LibraryQuery
    page: object
    facets: dict
    total: int
    ranked: bool


def search_library(query):
    """Published practices matching the query, one page of them, and the counts of every filter value.

    Facet counts follow the usual rule: each facet counts the practices matching the search and all
    *other* filters, so a person sees how many results each choice would give."""
    options = _facet_options()
    for name, values in list(query.filters.items()):
        if name in options:
            unknown = [v for v in values if v not in options[name]]
            if unknown:
                query.notes.append(
                    gettext("%(filter)s: unknown value “%(values)s” ignored.")
                    % {"filter": FACET_TITLES[name], "values": ", ".join(unknown)[:80]}
                )
                values = [v for v in values if v in options[name]]
        elif name == "country":
            unknown = [v for v in values if not (len(v) == 2 and v.isalpha())]
            if unknown:
                query.notes.append(
                    gettext("Unknown country code “%(values)s” ignored.") % {"values": ", ".join(unknown)[:80]}
                )
            values = [v.upper() for v in values if v not in unknown]
        if values:
            query.filters[name] = values
        else:
            del query.filters[name]

    matching = GoodPractice.objects.filter(state=GoodPractice.State.PUBLISHED)
    search = None
    if query.text:
        match, search = _text_match(query.text)
        matching = matching.filter(match)

    counts, total = _facet_counts(matching, query.filters)
    facets = {name: _facet_items(name, counts[name], options, query.filters.get(name, [])) for name in FACETS}

    results = matching
    for name, values in query.filters.items():
        results = results.filter(_facet_filter(name, values))
    ranked = search is not None
    if ranked:
        from django.contrib.postgres.search import SearchHeadline, SearchRank

        # F(), not the field name: a bare name would make SearchRank re-parse the column without weights.
        results = results.annotate(rank=SearchRank(F("search_vector"), search))
    order = {
        "relevance": ["-rank", "title"] if ranked else ["title"],
        "newest": ["-published_at", "title"],
        "title": ["title"],
        "city": ["city_name", "title"],
    }[query.sort]
    results = results.order_by(*order, "pk").defer(*LONG_TEXTS).prefetch_related("themes")
    page = _CountedPaginator(results, settings.LIBRARY_PAGE_SIZE, count=total).get_page(query.page)
    rows = list(page.object_list)
    if ranked and rows:
        snippets = dict(
            GoodPractice.objects.filter(pk__in=[p.pk for p in rows])
            .annotate(
                snippet=SearchHeadline(
                    Concat("summary", Value(" "), "description_text", output_field=TextField()),
                    search,
                    config=Case(When(language="en", then=Value("english")), default=Value("simple")),
                    start_sel=HIGHLIGHT_START,
                    stop_sel=HIGHLIGHT_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("pk", "snippet")
        )
        for practice in rows:
            practice.snippet = highlighted(snippets.get(practice.pk, ""))
    page.object_list = rows
    return LibraryResult(query=query, page=page, facets=facets, total=total, ranked=ranked)


class _CountedPaginator(Paginator):
    """A paginator that is told how many results there are, instead of asking the database again."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count


def _facet_counts(matching, filters):
    """How many of the `matching` practices have each value of each facet, and how many pass every filter:
    ({facet: [(value, label, count)]}, total), in one query.

    The query reads the matching practices once (a common table expression, with a column per active filter
    saying whether the practice passes it); each facet then counts, among those rows, the practices that
    pass every *other* filter. One pass over the practices instead of one per facet and one more for the
    total: with thousands of practices the full-text match is the expensive part, and it runs once."""
    columns = {
        "practice": F("pk"),
        "f_scheme": F("scheme_id"),
        "f_series": F("series"),
        "f_country": F("country_code"),
        "f_country_name": F("country_name"),
        "f_city": F("city_name"),
    }
    passes = {
        f"passes_{name}": ExpressionWrapper(_facet_filter(name, values), output_field=BooleanField())
        for name, values in filters.items()
    }
    matched_sql, params = (
        matching.order_by().annotate(**columns, **passes).values(*columns, *passes).query.sql_with_params()
    )
    quote = connection.ops.quote_name

    def values_of(relation, *, then=None):
        """JOINs from a matched practice to the rows of a many-to-many relation (and one step further)."""
        field = GoodPractice._meta.get_field(relation)
        target = field.related_model._meta
        joins = (
            f"JOIN {quote(field.remote_field.through._meta.db_table)} link "
            f"ON link.{quote(field.m2m_column_name())} = m.practice "
            f"JOIN {quote(target.db_table)} v ON v.{quote(target.pk.column)} = link.{quote(field.m2m_reverse_name())}"
        )
        if then:
            further = target.get_field(then)
            joins += (
                f" JOIN {quote(further.related_model._meta.db_table)} w "
                f"ON w.{quote(further.related_model._meta.pk.column)} = v.{quote(further.column)}"
            )
        return joins

    # facet: (value, label, joins, extra condition). A practice has a theme or a commitment once (the link
    # tables are unique), but may have two components of one module: only modules count distinct practices.
    branches = {
        "theme": ("v.slug", "''", values_of("themes"), ""),
        "commitment": ("v.code", "''", values_of("commitments"), ""),
        "module": ("CAST(w.number AS TEXT)", "''", values_of("components", then="module"), ""),
        "scheme": ("CAST(m.f_scheme AS TEXT)", "''", "", "m.f_scheme IS NOT NULL"),
        "series": ("m.f_series", "''", "", ""),
        "country": ("m.f_country", "m.f_country_name", "", ""),
        "city": ("m.f_city", "m.f_country_name", "", ""),
        "total": ("''", "''", "", ""),
    }
    selects = []
    for facet, (value, label, joins, condition) in branches.items():
        # A facet counts the practices that pass every filter but its own; the total, every filter.
        where = [condition] + [f"m.passes_{name}" for name in filters if name != facet]
        group = "" if facet == "total" else f"GROUP BY {value}" + (f", {label}" if label != "''" else "")
        count = "COUNT(DISTINCT m.practice)" if facet == "module" else "COUNT(*)"
        selects.append(
            # Every name here comes from the models or from FACETS; what the person typed or chose is only
            # in the parameters of the matched practices' query.
            f"SELECT '{facet}', {value}, {label}, {count} FROM matched m {joins} "  # noqa: S608  # nosec B608
            f"WHERE {' AND '.join(filter(None, where)) or '1 = 1'} {group}"
        )
    sql = f"WITH matched AS ({matched_sql}) {' UNION ALL '.join(selects)} ORDER BY 1, 2"
    counts, total = {name: [] for name in FACETS}, 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, label, n in cursor.fetchall():
            if facet == "total":
                total = n
            else:
                counts[facet].append((value, label, n))
    return counts, total


def _facet_items(name, counted, options, selected):
    """[(value, label, count, selected)] for one facet: every known value of a reference facet (0 when no
    practice has it), the values the practices have for country and city, and any selected value."""
    if name in ("country", "city"):
        merged = {}
        for value, country_name, n in counted:
            label = country_name if name == "country" else f"{value} ({country_name})"
            merged[value] = (label, merged.get(value, ("", 0))[1] + n)
        items = [(value, label, n, value in selected) for value, (label, n) in merged.items()]
        items += [(value, value, 0, True) for value in selected if value not in merged]
        return items
    counts = {value: n for value, _, n in counted if value not in (None, "")}
    return [(value, label, counts.get(value, 0), value in selected) for value, label in options[name].items()]


def highlighted(snippet):
    """Escape a PostgreSQL headline, then turn only its highlight markers into <mark> tags."""
    escaped = html.escape(snippet)
    return mark_safe(  # noqa: S308 - everything but our own markers was escaped above  # nosec B308 B703
        escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


# Charter self-assessment


@dataclass
class CommitmentRow:
    commitment: CharterCommitment
    baseline: int | None
    end: int | None
    partner: int | None
    baseline_evidence: str = ""
    end_evidence: str = ""

    @property
    def latest(self):
        return self.end if self.end is not None else self.baseline

    @property
    def change(self):
        """End minus baseline: how far the city moved during the programme."""
        if self.baseline is None or self.end is None:
            return None
        return self.end - self.baseline

    @property
    def gap(self):
        """How far the latest level is from the top of the scale (4): what is left to do."""
        return None if self.latest is None else 4 - self.latest

    @property
    def gap_to_partner(self):
        """The partner city's latest level minus this city's: positive where the partner is ahead."""
        if self.partner is None or self.latest is None:
            return None
        return self.partner - self.latest


def assessment_rows(commitments, own, partner):
    """One row per commitment. `own` maps moment → {code: (level, evidence)}; `partner` maps code → level."""
    baseline, end = own.get(Moment.BASELINE, {}), own.get(Moment.END, {})
    return [
        CommitmentRow(
            commitment=c,
            baseline=baseline.get(c.code, (None, ""))[0],
            end=end.get(c.code, (None, ""))[0],
            partner=partner.get(c.code),
            baseline_evidence=baseline.get(c.code, (None, ""))[1],
            end_evidence=end.get(c.code, (None, ""))[1],
        )
        for c in commitments
    ]


def ratings_by_moment(city, programme):
    ratings = CommitmentRating.objects.filter(assessment__city=city, assessment__programme=programme).values_list(
        "assessment__moment", "commitment__code", "level", "evidence"
    )
    result = {}
    for moment, code, level, evidence in ratings:
        result.setdefault(moment, {})[code] = (level, evidence)
    return result


def latest_levels(ratings):
    """code → the end level where there is one, else the baseline level."""
    levels = {code: level for code, (level, _) in ratings.get(Moment.BASELINE, {}).items()}
    levels.update({code: level for code, (level, _) in ratings.get(Moment.END, {}).items()})
    return levels


@dataclass
class SelfAssessmentProfile:
    city: City
    programme: object
    pairing: Pairing | None
    partner: City | None
    partner_role: str
    rows: list
    assessments: dict
    partner_rows_visible: bool

    @property
    def is_demo(self):
        return any(a.is_demo for a in self.assessments.values())


def self_assessment_profile(city, programme, user):
    from mentoring.selectors import pairing_for_city

    pairing = pairing_for_city(city, programme) if programme else None
    partner, partner_role = None, ""
    if pairing:
        if pairing.implementing_city_id == city.pk:
            partner, partner_role = pairing.mentor_city, gettext("mentor city")
        else:
            partner, partner_role = pairing.implementing_city, gettext("implementing city")
    own = ratings_by_moment(city, programme)
    partner_levels = latest_levels(ratings_by_moment(partner, programme)) if partner else {}
    commitments = list(CharterCommitment.objects.select_related("role"))
    assessments = {
        a.moment: a for a in SelfAssessment.objects.filter(city=city, programme=programme).select_related("updated_by")
    }
    return SelfAssessmentProfile(
        city=city,
        programme=programme,
        pairing=pairing,
        partner=partner,
        partner_role=partner_role,
        rows=assessment_rows(commitments, own, partner_levels),
        assessments=assessments,
        partner_rows_visible=bool(partner_levels),
    )


def officer_cities(user):
    scope = scope_of(user)
    return City.objects.filter(
        pk__in=[city for city, roles in scope.roles_by_city.items() if Role.CITY_OFFICER in roles]
    )
