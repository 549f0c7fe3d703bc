"""The verslag's pictures as inline SVG, drawn from the report model's chart blocks.

Small, dependency-free drawing: bars from zero (counts, votes), bars on a scale
(cluster means), scores on a scale (mean, range, group score, the weakest marked),
time used against time planned, and a radar. Each picture is an ``<svg role="img">``
named by its ``<title>`` and described by a ``<desc>`` that gives its numbers in
words; every mark carries a ``<title>`` of its own. Participant text is escaped
(``html.escape``) wherever it goes: labels, titles, descriptions. Nothing is loaded:
no fonts, no images, no script. Labels too long for the picture are shortened with
"…" (the full text is in the mark's title and in the table beside the picture).

This module never imports textual.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from samen_tui.report.blocks import (
    BarChart,
    BarRow,
    Bars,
    Chart,
    RadarChart,
    RangeChart,
    TimeChart,
)

WIDTH = 400
"""The width of a picture's own units: about its width in CSS pixels on a phone, so
that its 13-unit text stays readable there (it grows a little on a wider screen)."""
LABEL_END = 170
"""Labels are right-aligned up to here; marks start a little to the right."""
LABEL_CHARS = 22
ROW = 26
FONT = 13

INK = "#1d2430"
MUTED = "#5b6472"
GRID = "#d5dae1"
ACCENT = "#1f6f8b"
ACCENT_SOFT = "#9cc3d1"
WEAK = "#b3261e"
WEAK_SOFT = "#fdecea"
OVER = "#c77700"
PLANNED = "#c9ced6"


def esc(text: str) -> str:
    """Text for SVG (and HTML): ``&``, ``<``, ``>`` and quotes escaped."""
    return html.escape(text, quote=True)


def clip(text: str, limit: int) -> str:
    """``text`` on one line, shortened to ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def num(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(
    ident: str, title: str, desc: str, height: float, body: Iterable[str], width: int = WIDTH
) -> str:
    return "".join(
        [
            f'<svg class="chart" viewBox="0 0 {width} {num(height)}" width="{width}"'
            f' height="{num(height)}" role="img" aria-labelledby="{ident}-t {ident}-d"'
            f' font-size="{FONT}">',
            f'<title id="{ident}-t">{esc(title)}</title>',
            f'<desc id="{ident}-d">{esc(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _label(y: float, text: str, *, weak: bool = False, limit: int = LABEL_CHARS) -> str:
    style = f' fill="{WEAK}" font-weight="bold"' if weak else f' fill="{INK}"'
    return (
        f'<text x="{LABEL_END}" y="{num(y)}" text-anchor="end"{style}>'
        f"{esc(clip(text, limit))}</text>"
    )


def _bars(ident: str, title: str, rows: list[tuple[BarRow, float | None, bool]]) -> str:
    """Horizontal bars; each row's fraction of the full length (``None``: no bar)."""
    start, full = LABEL_END + 8, WIDTH - LABEL_END - 8 - 56
    body: list[str] = []
    for index, (row, fraction, mark) in enumerate(rows):
        top = 4 + index * ROW
        colour = WEAK if mark else ACCENT
        length = 0.0 if fraction is None else max(min(fraction, 1.0), 0.0) * full
        body.append(f"<g><title>{esc(f'{row.label}: {row.text}')}</title>")
        body.append(_label(top + ROW / 2 + 4.5, row.label, weak=mark))
        body.append(
            f'<rect x="{start}" y="{num(top + 4)}" width="{full}" height="{ROW - 8}"'
            f' fill="#f1f3f6"/>'
        )
        if length > 0:
            body.append(
                f'<rect x="{start}" y="{num(top + 4)}" width="{num(length)}"'
                f' height="{ROW - 8}" fill="{colour}"/>'
            )
        body.append(
            f'<text x="{num(start + length + 6)}" y="{num(top + ROW / 2 + 4.5)}"'
            f' fill="{INK}">{esc(row.text)}</text></g>'
        )
    desc = "; ".join(f"{row.label}: {row.text}" for row, _f, _m in rows)
    return _svg(ident, title, desc, 8 + len(rows) * ROW, body)


def bar_chart(chart: BarChart, ident: str) -> str:
    """Bars from zero to the largest value."""
    top = max((bar.value for bar in chart.bars), default=0.0) or 1.0
    rows: list[tuple[BarRow, float | None, bool]] = [
        (BarRow(b.label, b.value, b.text), b.value / top, b.mark) for b in chart.bars
    ]
    return _bars(ident, chart.title, rows)


def scale_bars(block: Bars, ident: str) -> str:
    """Bars on the scale ``low..high`` (a cluster's mean)."""
    span = block.high - block.low
    rows: list[tuple[BarRow, float | None, bool]] = [
        (row, None if row.value is None or span <= 0 else (row.value - block.low) / span, False)
        for row in block.rows
    ]
    return _bars(ident, block.title, rows)


def range_chart(chart: RangeChart, ident: str) -> str:
    """Each item on the scale: a line from its lowest to its highest score, a dot at
    the participants' mean, a diamond at the group's score; the weakest on a red band
    with their number."""
    head = 24
    x0, x1 = LABEL_END + 20.0, WIDTH - 34.0
    span = max(chart.high - chart.low, 1)

    def x(value: float) -> float:
        return x0 + (value - chart.low) / span * (x1 - x0)

    height = head + len(chart.rows) * ROW + 6
    body: list[str] = []
    for value in range(chart.low, chart.high + 1):
        body.append(
            f'<line x1="{num(x(value))}" y1="{head - 6}" x2="{num(x(value))}"'
            f' y2="{num(height - 4)}" stroke="{GRID}"/>'
        )
        body.append(
            f'<text x="{num(x(value))}" y="{head - 10}" text-anchor="middle"'
            f' fill="{MUTED}">{value}</text>'
        )
    for index, row in enumerate(chart.rows):
        top = head + index * ROW
        mid = top + ROW / 2
        body.append(f"<g><title>{esc(row.text or row.label)}</title>")
        if row.weak:
            body.append(
                f'<rect x="0" y="{num(top + 1)}" width="{WIDTH}" height="{ROW - 2}"'
                f' fill="{WEAK_SOFT}"/>'
            )
        body.append(_label(mid + 4.5, row.label, weak=bool(row.weak), limit=LABEL_CHARS - 2))
        if row.lowest is not None and row.highest is not None and row.highest > row.lowest:
            body.append(
                f'<line x1="{num(x(row.lowest))}" y1="{num(mid)}" x2="{num(x(row.highest))}"'
                f' y2="{num(mid)}" stroke="{ACCENT_SOFT}" stroke-width="6"'
                ' stroke-linecap="round"/>'
            )
        if row.group is not None:
            gx = x(row.group)
            body.append(
                f'<path d="M{num(gx)} {num(mid - 8)}L{num(gx + 8)} {num(mid)}'
                f'L{num(gx)} {num(mid + 8)}L{num(gx - 8)} {num(mid)}Z" fill="#ffffff"'
                f' stroke="{INK}" stroke-width="2"/>'
            )
        if row.mean is not None:
            body.append(
                f'<circle cx="{num(x(row.mean))}" cy="{num(mid)}" r="5.5"'
                f' fill="{WEAK if row.weak else ACCENT}"/>'
            )
        if row.mean is None and row.group is None:
            body.append(f'<text x="{num(x0)}" y="{num(mid + 4.5)}" fill="{MUTED}">–</text>')
        if row.weak:
            body.append(
                f'<circle cx="{WIDTH - 12}" cy="{num(mid)}" r="9" fill="{WEAK}"/>'
                f'<text x="{WIDTH - 12}" y="{num(mid + 4.5)}" text-anchor="middle"'
                f' fill="#ffffff" font-weight="bold">{row.weak}</text>'
            )
        body.append("</g>")
    desc = "; ".join(row.text or row.label for row in chart.rows)
    return _svg(ident, chart.title, desc, height, body)


def time_chart(chart: TimeChart, ident: str) -> str:
    """Per agenda item a grey bar for the time planned and, under it, one for the
    time used (orange when longer than planned)."""
    row_height = 30
    start, full = LABEL_END + 8, WIDTH - LABEL_END - 8 - 70
    top_value = max([1, *(r.planned for r in chart.rows), *(r.used or 0 for r in chart.rows)])
    body: list[str] = []
    for index, row in enumerate(chart.rows):
        top = 4 + index * row_height
        body.append(f"<g><title>{esc(row.text or row.label)}</title>")
        body.append(_label(top + row_height / 2 + 4.5, row.label))
        planned = row.planned / top_value * full
        body.append(
            f'<rect x="{start}" y="{top + 5}" width="{num(planned)}" height="9" fill="{PLANNED}"/>'
        )
        end = planned
        if row.used is not None:
            used = row.used / top_value * full
            colour = OVER if row.used > row.planned else ACCENT
            body.append(
                f'<rect x="{start}" y="{top + 15}" width="{num(used)}" height="9" fill="{colour}"/>'
            )
            end = max(end, used)
        shown = f"{row.used if row.used is not None else '–'} / {row.planned}"
        body.append(
            f'<text x="{num(start + end + 6)}" y="{num(top + row_height / 2 + 4.5)}"'
            f' fill="{INK}">{esc(shown)}</text></g>'
        )
    desc = "; ".join(row.text or row.label for row in chart.rows)
    return _svg(ident, chart.title, desc, 8 + len(chart.rows) * row_height, body)


def radar_chart(chart: RadarChart, ident: str) -> str:
    """One axis per item around a circle, a ring per point of the scale (the centre is
    ``low``), and the values joined into a polygon."""
    count = len(chart.axes)
    width, height = (560, 400.0) if chart.labelled else (500, 340.0)
    cx, cy, radius = width / 2, height / 2 - 4, 115.0
    span = max(chart.high - chart.low, 1)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = max(min((value - chart.low) / span, 1.0), 0.0) * radius
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def polygon(value: float) -> str:
        return " ".join(
            f"{num(px)},{num(py)}" for px, py in (point(i, value) for i in range(count))
        )

    body: list[str] = []
    for value in range(chart.low + 1, chart.high + 1):
        body.append(f'<polygon points="{polygon(value)}" fill="none" stroke="{GRID}"/>')
        _px, py = point(0, value)
        body.append(
            f'<text x="{num(cx + 4)}" y="{num(py + 12)}" fill="{MUTED}"'
            f' font-size="11">{value}</text>'
        )
    values = [row.value if row.value is not None else float(chart.low) for row in chart.axes]
    for index, row in enumerate(chart.axes):
        ex, ey = point(index, chart.high)
        body.append(
            f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(ex)}" y2="{num(ey)}" stroke="{GRID}"/>'
        )
        angle = -math.pi / 2 + 2 * math.pi * index / count
        lx = cx + (radius + 12) * math.cos(angle)
        ly = cy + (radius + 12) * math.sin(angle) + 4
        if math.sin(angle) < -0.9:
            ly -= 4
        elif math.sin(angle) > 0.9:
            ly += 12
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        if chart.labelled:
            rank = chart.weak[index] if index < len(chart.weak) else 0
            body.append(_radar_label(row, lx, ly, anchor, math.sin(angle), rank))
            continue
        body.append(
            f"<g><title>{esc(f'{row.label}: {row.text}')}</title>"
            f'<text x="{num(lx)}" y="{num(ly)}" text-anchor="{anchor}" fill="{INK}"'
            f' font-size="12">{esc(clip(row.label, 15))}</text></g>'
        )
    shape = " ".join(
        f"{num(px)},{num(py)}" for px, py in (point(i, v) for i, v in enumerate(values))
    )
    body.append(
        f'<polygon points="{shape}" fill="{ACCENT}" fill-opacity="0.2" stroke="{ACCENT}"'
        ' stroke-width="2"/>'
    )
    for index, row in enumerate(chart.axes):
        if row.value is None:
            continue
        px, py = point(index, row.value)
        body.append(
            f'<circle cx="{num(px)}" cy="{num(py)}" r="4" fill="{ACCENT}">'
            f"<title>{esc(f'{row.label}: {row.text}')}</title></circle>"
        )
    desc = "; ".join(f"{row.label}: {row.text}" for row in chart.axes)
    return _svg(ident, chart.title, desc, height, body, width)


def _radar_label(row: BarRow, x: float, y: float, anchor: str, sin: float, rank: int) -> str:
    """A whole label at the tip of its axis: over two lines where it is long, its value
    (bold) on the line under it; the weakest in red with their number."""
    words = row.label.split()
    lines = [" ".join(words)]
    if len(lines[0]) > 16 and len(words) > 1:
        cut = min(
            range(1, len(words)),
            key=lambda n: abs(len(" ".join(words[:n])) - len(" ".join(words[n:]))),
        )
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    value = f"▼{rank} {row.text}" if rank else row.text
    lines.append(value)
    height = 15
    if sin < -0.9:  # above the web: the last line just above the tip
        y -= (len(lines) - 1) * height
    elif abs(sin) <= 0.9:  # beside it: centred on the tip
        y -= (len(lines) - 1) * height / 2
    colour = WEAK if rank else INK
    weight = ' font-weight="bold"' if rank else ""
    spans = "".join(
        f'<tspan x="{num(x)}" dy="{0 if n == 0 else height}"'
        + (' font-weight="bold"' if n == len(lines) - 1 else "")
        + f">{esc(text)}</tspan>"
        for n, text in enumerate(lines)
    )
    return (
        f"<g><title>{esc(f'{row.label}: {row.text}')}</title>"
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" fill="{colour}"{weight}'
        f' font-size="14">{spans}</text></g>'
    )


def draw(block: Chart | Bars, ident: str) -> str:
    """The SVG of a chart block (or of ``Bars``); ``ident`` is unique in the page."""
    if isinstance(block, Bars):
        return scale_bars(block, ident)
    if isinstance(block, BarChart):
        return bar_chart(block, ident)
    if isinstance(block, RangeChart):
        return range_chart(block, ident)
    if isinstance(block, TimeChart):
        return time_chart(block, ident)
    return radar_chart(block, ident)
