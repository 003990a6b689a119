"""Exports of lists as CSV and XLSX, from one table definition per kind.

A `Table` says which rows a person may export (a scoped selector: never more than the person sees on the
site), which filters it takes (citiesgrow.filters, shared with the API) and its columns. A `Column` gives a
header, how to get the value from a row, and its type, so a spreadsheet gets real dates and numbers, not
text. Other apps add their own tables with `register_table` (actionplans/export_tables.py does), and every registered
table is a sheet of the "export everything" workbook."""

import csv
import datetime
import decimal
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheet programs run a cell that starts with one of these as a formula ("CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm", "percent": "0%", "decimal": "0.00"}


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable  # row -> value
    kind: str = "text"  # text | int | decimal | percent | date | datetime | bool
    width: int = 16


@dataclass(frozen=True)
class Table:
    kind: str  # the file name and the sheet's name
    title: str
    columns: tuple
    rows: Callable  # (user) -> an iterable of rows the person may see (a scoped, prepared queryset)
    filters: dict = field(default_factory=dict)
    order: int = 100


@dataclass
class Sheet:
    """Rows ready to write: a table's, or a dashboard's."""

    name: str
    columns: list
    rows: list


_tables = {}


def register_table(table):
    _tables[table.kind] = table
    return table


def _load_builtin():
    from . import export_tables  # noqa: F401 - registers the built-in tables


def tables():
    _load_builtin()
    return sorted(_tables.values(), key=lambda table: (table.order, table.kind))


def table(kind):
    _load_builtin()
    return _tables.get(kind)


def sheet_of(table, user, params=None):
    """The table's rows for `user`, filtered by `params` (raises citiesgrow.filters.FilterError)."""
    from .filters import apply_filters

    rows = table.rows(user)
    if params:
        rows = apply_filters(rows, params, table.filters)
    return Sheet(table.kind, list(table.columns), list(rows))


# Cell values


def _plain(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def headers(columns):
    """Column headers in English whatever the person's language: reporting pipelines read them."""
    with translation.override("en"):
        return [str(column.header) for column in columns]


def csv_value(column, value):
    value = _plain(value)
    if value is None:
        return ""
    if column.kind == "bool":
        return "yes" if value else "no"
    if column.kind == "date" and isinstance(value, datetime.date):
        return value.isoformat()
    if column.kind == "datetime" and isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if column.kind == "percent":
        return f"{round(100 * value)}%"
    if column.kind == "decimal" and isinstance(value, float | decimal.Decimal):
        return f"{value:.2f}"
    return str(value)


def csv_bytes(sheet):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(sheet.columns))
    for row in sheet.rows:
        writer.writerow([csv_value(column, column.value(row)) for column in sheet.columns])
    # A byte-order mark, so spreadsheet programs read the UTF-8 (Gdańsk, Μόναχο) right.
    return ("\ufeff" + buffer.getvalue()).encode()


def xlsx_bytes(sheets):
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.name[:31])
        worksheet.append(headers(sheet.columns))
        for cell in worksheet[1]:
            cell.font = bold
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = max(column.width, len(str(column.header)) + 2)
        for row_number, row in enumerate(sheet.rows, start=2):
            for index, column in enumerate(sheet.columns, start=1):
                value = _plain(column.value(row))
                if column.kind == "bool" and value is not None:
                    value = bool(value)
                cell = worksheet.cell(row=row_number, column=index, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula
                elif column.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[column.kind]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download(sheets, *, filename, fmt):
    """An attachment: one sheet as CSV, or sheets as an XLSX workbook."""
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        (sheet,) = sheets
        response = HttpResponse(csv_bytes(sheet), content_type="text/csv; charset=utf-8")
        name = f"{filename}-{stamp}.csv"
    else:
        response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
        name = f"{filename}-{stamp}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
