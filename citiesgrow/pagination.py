"""Lists that grow with the network, shown a page at a time, and sections that show their first rows and
link to the full list. Templates render a page's navigation with `includes/pagination.html`."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Window

PAGE_SIZE = 50  # rows of a list
LIGHT_PAGE_SIZE = 100  # short rows, a name and a line: the people list (the demo's 53 fit on one page)
HEAVY_PAGE_SIZE = 25  # rows with many figures: the dashboards' tables of pairs, drawn again as charts
PREVIEW_SIZE = 10  # rows of a section that links to the full list


def page_of(request, rows, per_page=PAGE_SIZE):
    """The page `?page=` asks for: the first when the number is missing or not a number, the last when it is
    past the end, so an old or mistyped link still shows rows rather than an error. `rows` is a queryset
    (counted, then sliced: two queries at any size) or a list; the page's rows are read at once."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
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
    """The first `size` rows of the queryset and its length, in one query (the total is a window count)."""
    rows = list(queryset.annotate(preview_total=Window(Count("pk")))[:size])
    return Preview(rows, rows[0].preview_total if rows else 0)
