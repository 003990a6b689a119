"""Lists that grow with the network, shown a page at a time, and sections that show their first rows and
link to the full list. Templates render a page's navigation with `includes/pagination.html`."""

from dataclasses import dataclass

from django.core.paginator import Paginator

PAGE_SIZE = 50  # rows of a list
LIGHT_PAGE_SIZE = 100  # short rows, a name and a line: the people list (the demo's 53 fit on one page)
HEAVY_PAGE_SIZE = 25  # rows with many figures: the dashboards' tables of pairs, drawn again as charts
PREVIEW_SIZE = 10  # rows of a section that links to the full list


def page_of(request, rows, per_page=PAGE_SIZE):
    """The page `?page=` asks for: the first when the number is missing or not a number, the last when it is
    past the end, so an old or mistyped link still shows rows rather than an error. `rows` is a queryset
    (counted, then read: two queries at any size, none for a list); the page's rows are read at once."""
    paginator = Paginator(rows, per_page)
    page = paginator.get_page(request.GET.get("page"))
    # A list that fits on one page is read without LIMIT: PostgreSQL takes twice as long to plan a query of
    # many joins with one (about 2 ms), which the demo's pages would pay for nothing.
    page.object_list = list(rows if paginator.num_pages == 1 else page.object_list)
    return page


@dataclass
class Preview:
    """The first rows of a list, and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self):
        return self.total - len(self.rows)


def preview(queryset, size=PREVIEW_SIZE):
    """The first `size` rows of the queryset and its length, in two queries at any size."""
    return Preview(list(queryset[:size]), queryset.count())
