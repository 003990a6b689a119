"""SVG charts drawn on the server: sharp in print, and accessible (role="img", a title and a
description; every chart is followed by a table with the same figures).

Colours are presentation attributes, not style attributes, so the pages' Content-Security-Policy
(no inline styles) allows them; they are told apart by pattern of position and label too."""

import datetime

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

FONT = "Noto Sans, DejaVu Sans, sans-serif"
INK = "#212529"
GRID = "#ced4da"
# Blue and orange: distinguishable with the common colour-vision deficiencies, dark enough on white.
SERIES_COLOURS = ("#0b3d6e", "#b35900", "#146c43", "#5a2a82")


def _text(x, y, content, *, size=11, anchor="start", weight="normal", fill=INK):
    return format_html(
        '<text x="{}" y="{}" font-family="{}" font-size="{}" font-weight="{}" text-anchor="{}" fill="{}">{}</text>',
        round(x, 1),
        round(y, 1),
        FONT,
        size,
        weight,
        anchor,
        fill,
        content,
    )


def _svg(chart_id, title, description, width, height, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{0}-title {0}-desc" '
        'viewBox="0 0 {1} {2}" width="{1}" height="{2}" class="chart" id="{0}">'
        '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>{5}</svg>',
        chart_id,
        width,
        height,
        title,
        description,
        body,
    )


def bar_chart(*, chart_id, title, description, categories, series, maximum=None, unit="", width=640):
    """Horizontal grouped bars: `categories` are the rows' labels, `series` a list of
    (name, [value per category]); a value of None is drawn as "—" (nothing to measure)."""
    label_width, value_width, bar_height, gap = 190, 46, 13, 9
    plot_width = width - label_width - value_width
    values = [v for _, vs in series for v in vs if v is not None]
    maximum = maximum or max(values + [1])
    row_height = bar_height * len(series) + gap
    legend_height = 24
    height = legend_height + row_height * len(categories) + 6
    parts = []
    for index, (name, _) in enumerate(series):
        x = label_width + index * 170
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(format_html('<rect x="{}" y="4" width="12" height="12" fill="{}"/>', x, colour))
        parts.append(_text(x + 17, 14.5, name))
    for step in range(5):
        x = label_width + plot_width * step / 4
        parts.append(
            format_html(
                '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="0.6"/>',
                round(x, 1),
                legend_height,
                height - 4,
                GRID,
            )
        )
    for row, label in enumerate(categories):
        top = legend_height + row * row_height
        parts.append(_text(label_width - 6, top + row_height / 2 + 2, label, anchor="end"))
        for index, (_, vs) in enumerate(series):
            value = vs[row]
            y = top + index * bar_height
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            length = 0 if value is None else plot_width * value / maximum
            if length:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                        label_width,
                        y + 1,
                        round(length, 1),
                        bar_height - 2,
                        colour,
                    )
                )
            shown = "—" if value is None else f"{value:g}{unit}"
            parts.append(_text(label_width + length + 4, y + bar_height - 3, shown, size=10))
    return _svg(chart_id, title, description, width, height, format_html_join("", "{}", ((part,) for part in parts)))


def timeline(*, chart_id, title, description, starts_on, ends_on, events, width=640, empty=None):
    """Events ({"label", "starts_on", "ends_on", "series"}) on a line from starts_on to ends_on, one row each;
    `empty` is what the chart says when there is none."""
    label_width, row_height, axis_height = 230, 20, 22
    plot_width = width - label_width - 10
    span = max((ends_on - starts_on).days, 1)
    height = axis_height + row_height * max(len(events), 1) + 6

    def x_of(day):
        return label_width + plot_width * min(max((day - starts_on).days, 0), span) / span

    parts = [
        format_html(
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}" stroke-width="1"/>',
            label_width,
            axis_height - 6,
            label_width + plot_width,
            INK,
        )
    ]
    year = starts_on.year
    while datetime.date(year, 1, 1) <= ends_on:
        day = max(datetime.date(year, 1, 1), starts_on)
        x = x_of(day)
        parts.append(
            format_html(
                '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="0.6"/>',
                round(x, 1),
                axis_height - 10,
                height - 4,
                GRID,
            )
        )
        parts.append(_text(x + 2, axis_height - 10, str(year), size=10))
        year += 1
    for row, event in enumerate(events):
        top = axis_height + row * row_height
        colour = SERIES_COLOURS[event.get("series", 0) % len(SERIES_COLOURS)]
        start, end = x_of(event["starts_on"]), x_of(event["ends_on"])
        parts.append(_text(label_width - 6, top + 13, event["label"], size=10, anchor="end"))
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="10" rx="2" fill="{}"/>',
                round(start - 3, 1),
                top + 4,
                round(max(end - start, 0) + 6, 1),
                colour,
            )
        )
    if not events:
        parts.append(_text(label_width, axis_height + 13, empty or gettext("No visits yet."), size=10))
    return _svg(chart_id, title, description, width, height, format_html_join("", "{}", ((part,) for part in parts)))
