"""Server-side geometry of the dashboards' bar charts, drawn as SVG by a template: no script, sharp in print,
and every chart has a table with the same figures next to it. Colours are classes in site.css (the
Content-Security-Policy forbids inline styles)."""

from dataclasses import dataclass

LABEL_WIDTH = 230
BAR_AREA = 320
ROW_HEIGHT = 26
TOP = 8
BAR_HEIGHT = 16


@dataclass
class Segment:
    x: int
    width: int
    css: str
    value: float


@dataclass
class Bar:
    label: str
    y: int
    text_y: int
    segments: list
    value_text: str
    value_x: int
    at_risk: bool = False


@dataclass
class BarChart:
    width: int
    height: int
    bars: list
    label_width: int
    axis_x: int


def bar_chart(rows, *, maximum=None):
    """`rows`: (label, [(value, css class), …], value text, at risk). Segments are stacked left to right."""
    rows = list(rows)
    if maximum is None:
        maximum = max((sum(value or 0 for value, _ in segments) for _, segments, _, _ in rows), default=0)
    scale = BAR_AREA / maximum if maximum else 0
    bars = []
    for index, (label, segments, value_text, at_risk) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        x, drawn = LABEL_WIDTH, []
        for value, css in segments:
            width = round((value or 0) * scale)
            if width:
                drawn.append(Segment(x=x, width=width, css=css, value=value))
            x += width
        bars.append(
            Bar(
                label=label,
                y=y,
                text_y=y + BAR_HEIGHT - 4,
                segments=drawn,
                value_text=value_text,
                value_x=x + 6,
                at_risk=at_risk,
            )
        )
    return BarChart(
        width=LABEL_WIDTH + BAR_AREA + 60,
        height=TOP + len(rows) * ROW_HEIGHT + 4,
        bars=bars,
        label_width=LABEL_WIDTH,
        axis_x=LABEL_WIDTH,
    )
