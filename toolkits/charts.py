"""Server-side geometry of the self-assessment chart (rendered as SVG by a template, so it prints sharply
and needs no script). Colours come from classes in site.css: the Content-Security-Policy forbids inline
styles."""

from dataclasses import dataclass

LABEL_WIDTH = 48
LEVEL_WIDTH = 90
ROW_HEIGHT = 34
TOP = 30
BAR_HEIGHT = 10


@dataclass
class ChartRow:
    code: str
    y: int
    baseline_width: int | None
    end_width: int | None
    partner_x: int | None
    label_y: int
    end_y: int
    partner_points: str


@dataclass
class Chart:
    width: int
    height: int
    rows: list
    gridlines: list  # (x, level)
    scale_x0: int


def self_assessment_chart(rows):
    """Bars for the baseline and end levels of each commitment, a diamond for the partner city's level."""
    chart_rows = []
    for index, row in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        partner_x = LABEL_WIDTH + row.partner * LEVEL_WIDTH if row.partner else None
        middle = y + BAR_HEIGHT + 1
        chart_rows.append(
            ChartRow(
                code=row.commitment.code,
                y=y,
                label_y=y + BAR_HEIGHT + 4,
                baseline_width=row.baseline * LEVEL_WIDTH if row.baseline else None,
                end_width=row.end * LEVEL_WIDTH if row.end else None,
                partner_x=partner_x,
                end_y=y + BAR_HEIGHT + 2,
                partner_points=_diamond(partner_x, middle) if partner_x else "",
            )
        )
    return Chart(
        width=LABEL_WIDTH + 4 * LEVEL_WIDTH + 20,
        height=TOP + len(rows) * ROW_HEIGHT + 10,
        rows=chart_rows,
        gridlines=[(LABEL_WIDTH + level * LEVEL_WIDTH, level) for level in range(5)],
        scale_x0=LABEL_WIDTH,
    )


def _diamond(x, y, r=7):
    return f"{x},{y - r} {x + r - 1},{y} {x},{y + r} {x - r + 1},{y}"
