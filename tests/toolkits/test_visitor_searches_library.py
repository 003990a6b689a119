"""A visitor searches the good-practice library: ranking, snippets, filters with counts, bad input."""

import pytest
from django.http import QueryDict

from tests.factories import GoodPracticeFactory, ThemeFactory
from toolkits.models import CharterCommitment, GoodPractice, Language, ModuleComponent, Series
from toolkits.selectors import parse_library_query, search_library

pytestmark = pytest.mark.django_db


def search(querystring):
    return search_library(parse_library_query(QueryDict(querystring)))


def titles(result):
    return [p.title for p in result.page.object_list]


def test_a_title_match_ranks_above_a_summary_match_above_a_description_match():
    GoodPracticeFactory(title="Language cafés", description="<p>Volunteers meet mentoring newcomers.</p>")
    GoodPracticeFactory(title="Job fairs", summary="Employers meet job seekers through mentoring.")
    GoodPracticeFactory(title="Mentoring for entrepreneurs", summary="Start-up advice.")
    GoodPracticeFactory(title="Unrelated", summary="Nothing to see.")

    result = search("q=mentoring")

    assert titles(result) == ["Mentoring for entrepreneurs", "Job fairs", "Language cafés"]
    assert result.total == 3
    assert result.ranked


def test_english_words_match_their_other_forms():
    GoodPracticeFactory(title="Supporting entrepreneurs", summary="Advice desks.")

    assert titles(search("q=entrepreneur")) == ["Supporting entrepreneurs"]


def test_a_practice_in_another_language_is_found_by_its_own_words():
    GoodPracticeFactory(
        title="Interkulturelle Öffnung der Verwaltung", summary="Schulungen für Beschäftigte.", language=Language.GERMAN
    )

    assert titles(search("q=Schulungen")) == ["Interkulturelle Öffnung der Verwaltung"]


def test_the_snippet_highlights_the_words_and_escapes_the_rest():
    GoodPracticeFactory(title="Tenders", summary="Value <script>alert(1)</script> in public tenders & contracts.")

    (practice,) = search("q=tenders").page.object_list

    assert "<mark>tenders</mark>" in practice.snippet
    assert "<script>" not in practice.snippet
    assert "&amp; contracts" in practice.snippet


def test_unpublished_practices_are_not_in_the_library():
    GoodPracticeFactory(title="Mentoring draft", state=GoodPractice.State.SUBMITTED, published_at=None)

    assert search("q=mentoring").total == 0
    assert search("").total == 0


@pytest.mark.parametrize(
    "querystring",
    [
        "q=",
        "q=%20%20",
        'q="unclosed quote',
        "q=mentoring OR -jobs",
        "q=a:b %26 | ! ( ) <-> *",
        "q=" + "mentoring " * 200,
        "page=abc",
        "page=99999",
        "sort=drop table",
        "theme=no-such-theme",
        "scheme=999999&scheme=x",
        "module=7",
        "commitment=Z9",
        "country=Narnia",
        "city=" + "x" * 500,
        "series=1999",
    ],
)
def test_odd_input_gives_a_page_not_an_error(querystring):
    GoodPracticeFactory(title="Mentoring for entrepreneurs")

    result = search(querystring)

    assert result.page.number >= 1


def test_a_very_long_query_is_cut_and_the_page_says_so(settings):
    settings.LIBRARY_QUERY_MAX_LENGTH = 50

    result = search("q=" + "mentoring " * 20)

    assert len(result.query.text) == 50
    assert any("only the first 50" in note for note in result.query.notes)


def test_unknown_filter_values_are_ignored_with_a_note():
    GoodPracticeFactory(title="Mentoring for entrepreneurs")

    result = search("theme=no-such-theme&commitment=Z9&country=Narnia")

    assert result.total == 1
    assert len(result.query.notes) == 3


def test_filters_narrow_the_results_and_each_facet_counts_the_others():
    jobs, business = ThemeFactory(slug="jobs", name="Jobs"), ThemeFactory(slug="business", name="Business")
    p1, b1 = CharterCommitment.objects.get(code="P1"), CharterCommitment.objects.get(code="B1")
    one = GoodPracticeFactory(title="One", country_code="BE", country_name="Belgium", city_name="Ghent")
    one.themes.set([jobs, business])
    one.commitments.set([p1])
    two = GoodPracticeFactory(title="Two", country_code="FI", country_name="Finland", city_name="Tampere")
    two.themes.set([jobs])
    two.commitments.set([p1, b1])
    three = GoodPracticeFactory(
        title="Three", country_code="FI", country_name="Finland", city_name="Helsinki", series=Series.MIXITIES
    )
    three.themes.set([business])

    result = search("theme=jobs")

    assert sorted(titles(result)) == ["One", "Two"]
    facet = {value: count for value, _, count, _ in result.facets["theme"]}
    assert facet["jobs"] == 2 and facet["business"] == 2  # the theme facet ignores its own filter
    countries = {value: count for value, _, count, _ in result.facets["country"]}
    assert countries == {"BE": 1, "FI": 1}
    commitments = {value: count for value, _, count, _ in result.facets["commitment"]}
    assert commitments["P1"] == 2 and commitments["B1"] == 1 and commitments["E1"] == 0

    result = search("theme=jobs&theme=business&country=FI")
    assert sorted(titles(result)) == ["Three", "Two"]
    assert {value: count for value, _, count, _ in result.facets["series"]}["mixities"] == 1


def test_sorting_by_title_and_by_city():
    GoodPracticeFactory(title="B practice", city_name="Athens")
    GoodPracticeFactory(title="A practice", city_name="Riga")

    assert titles(search("sort=title")) == ["A practice", "B practice"]
    assert titles(search("sort=city")) == ["B practice", "A practice"]


def test_a_nul_character_in_the_search_or_a_filter_is_dropped_not_a_server_error(client):
    GoodPracticeFactory(title="Mentoring for entrepreneurs")

    assert titles(search("q=mentor%00ing&city=Ghe%00nt")) == ["Mentoring for entrepreneurs"]
    assert client.get("/library/?q=%00").status_code == 200


def test_module_and_scheme_facets_count_each_practice_once(network):
    first, second = ModuleComponent.objects.filter(module__number=1)[:2]
    scheme = network.pairing.scheme
    both = GoodPracticeFactory(title="Two components of module 1", scheme=scheme)
    both.components.set([first, second])
    GoodPracticeFactory(title="One component of module 1", scheme=scheme).components.set([first])
    GoodPracticeFactory(title="No module")

    result = search(f"q=module&scheme={scheme.pk}")

    assert {value: count for value, _, count, _ in result.facets["module"]}["1"] == 2
    assert {value: count for value, _, count, _ in result.facets["scheme"]}[str(scheme.pk)] == 2
    assert result.total == 2  # "No module" matches the words but not the scheme


def test_a_page_past_the_last_shows_the_last_page(settings):
    settings.LIBRARY_PAGE_SIZE = 2
    for n in range(5):
        GoodPracticeFactory(title=f"Mentoring {n}")

    result = search("sort=title&page=99")

    assert (result.total, result.page.number, result.page.paginator.num_pages) == (5, 3, 3)
    assert titles(result) == ["Mentoring 4"]
