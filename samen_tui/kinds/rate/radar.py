"""A radar (spider web) in the terminal, drawn with braille dots: one axis per item
around a circle, the centre the scale's lowest point and the outer ring its highest,
and each series of values joined into a polygon.

Pure: :func:`radar` turns labels, the values per series and the scale into lines of
Rich text of the size asked for; nothing here imports textual. The app's rate view
(:mod:`samen_tui.kinds.rate.view_radar`) and the room (:mod:`samen_tui.kinds.rate.room`)
draw it at their own sizes.

A braille cell holds 2 x 4 dots, and a terminal cell is about twice as tall as it is
wide, so a dot is about square: a circle of ``r`` dots is ``r`` cells wide and
``r / 2`` rows high. The values are drawn as they are (the centre is ``low``); an item
without a value leaves its corner out of the polygon (no line to it), rather than
pretending it scored ``low``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

BRAILLE = 0x2800
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The bit of the braille cell for the dot at (row within the cell, column)."""

GRID = 0
"""The layer of the rings and the spokes; series are drawn on layers 1, 2, ..."""
MIN_ROWS = 9
"""The fewest rows a radar is drawn in (its labels above and below included)."""
MIN_WIDTH = 24


@dataclass(frozen=True)
class Series:
    """One polygon: a value per axis (``None``: no value) and how it is drawn."""

    values: tuple[float | None, ...]
    style: Style | str = "bold"
    marks: bool = True
    """A small cross of dots at each corner (the mean); else the line alone."""


def angle(index: int, count: int) -> float:
    """The angle of axis ``index`` of ``count``: the first points up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def fraction(value: float, low: float, high: float) -> float:
    """Where ``value`` lies on the scale, from 0 (``low``, the centre) to 1 (``high``)."""
    if high <= low:
        return 0.0
    return max(0.0, min(1.0, (value - low) / (high - low)))


def point(
    index: int,
    count: int,
    value: float,
    low: float,
    high: float,
    centre: tuple[float, float],
    r: float,
) -> tuple[float, float]:
    """The dot (x, y) of ``value`` on axis ``index`` of ``count``, for a web around
    ``centre`` with radius ``r`` (in dots)."""
    a = angle(index, count)
    f = fraction(value, low, high) * r
    return centre[0] + f * math.cos(a), centre[1] + f * math.sin(a)


def dot(value: float) -> int:
    """The dot a coordinate falls on (halves up: ``round`` takes them to the even
    neighbour, which turns a straight line at .5 into a dotted one)."""
    return math.floor(value + 0.5)


class Canvas:
    """Braille dots, each on a layer: a cell shows the style of its highest layer."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.bits = [[0] * cols for _ in range(rows)]
        self.layer = [[-1] * cols for _ in range(rows)]

    def dot(self, x: float, y: float, layer: int) -> None:
        ix, iy = dot(x), dot(y)
        if not (0 <= ix < self.cols * 2 and 0 <= iy < self.rows * 4):
            return
        col, row = ix // 2, iy // 4
        self.bits[row][col] |= DOT_BITS[iy % 4][ix % 2]
        self.layer[row][col] = max(self.layer[row][col], layer)

    def line(
        self, start: tuple[float, float], end: tuple[float, float], layer: int, every: int = 1
    ) -> None:
        """Dots from ``start`` to ``end``; ``every`` > 1: a dotted line."""
        steps = max(1, math.ceil(max(abs(end[0] - start[0]), abs(end[1] - start[1]))))
        for step in range(0, steps + 1, every):
            t = step / steps
            self.dot(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t, layer)

    def cell(self, col: int, row: int) -> tuple[str, int]:
        """The character of a cell and its layer (-1: empty)."""
        bits = self.bits[row][col]
        return (chr(BRAILLE + bits) if bits else " "), self.layer[row][col]


@dataclass(frozen=True)
class Layout:
    """Where the web lies in a block of ``width`` x ``height`` cells."""

    top: int
    """Rows above the web (the label of the axis pointing up)."""
    left: int
    """Cells left of the web."""
    cols: int
    rows: int
    centre: tuple[float, float]
    """The centre in dots of the web's own canvas."""
    radius: float


SHORT_LABEL = 16
"""A side label may be shortened to this many cells when the web needs the room."""


def layout(count: int, width: int, height: int, label: int = 0) -> Layout:
    """The largest round web that leaves a row above and below it for the labels of
    the axes pointing up and down, and room beside it for the labels on the sides
    (``label``: the widest; when the web needs the room they are shortened, to
    :data:`SHORT_LABEL` cells at the least)."""
    below = 1 if any(math.sin(angle(i, count)) > 0.9 for i in range(count)) else 0
    rows = max(1, height - 1 - below)
    by_height = max(1.0, rows * 2 - 1.0)
    side = label + 3
    if width - 2 * side - 2 < by_height / 2:  # whole labels would leave a small web
        side = max(min(side, SHORT_LABEL + 3), (width - math.ceil(by_height) - 2) // 2)
    by_width = max(1.0, float(width - 2 * side - 2))
    radius = min(by_height, by_width)
    cols = math.ceil(radius) + 2
    used = min(rows, math.ceil((2 * radius + 3) / 4))
    top = 1 + (rows - used) // 2
    left = (width - cols) // 2
    centre = (float(cols), (used * 4 - 1) / 2)  # x: the middle of ``cols`` cells of 2 dots
    return Layout(top=top, left=left, cols=cols, rows=used, centre=centre, radius=radius)


def _grid(canvas: Canvas, count: int, where: Layout) -> None:
    ring = [point(i, count, 1, 0, 1, where.centre, where.radius) for i in range(count)]
    half = [point(i, count, 0.5, 0, 1, where.centre, where.radius) for i in range(count)]
    for index in range(count):
        canvas.line(where.centre, ring[index], GRID, every=2)
        canvas.line(ring[index], ring[(index + 1) % count], GRID)
        canvas.line(half[index], half[(index + 1) % count], GRID, every=2)


def _series(
    canvas: Canvas, series: Series, layer: int, low: float, high: float, where: Layout
) -> None:
    count = len(series.values)
    corners = [
        None if v is None else point(i, count, v, low, high, where.centre, where.radius)
        for i, v in enumerate(series.values)
    ]
    for index, corner in enumerate(corners):
        following = corners[(index + 1) % count]
        if corner is not None and following is not None:
            canvas.line(corner, following, layer)
        if corner is not None:
            canvas.dot(*corner, layer)
            if series.marks:
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    canvas.dot(corner[0] + dx, corner[1] + dy, layer)


def _place_labels(
    labels: Sequence[Text], values: Sequence[Text], where: Layout, width: int, height: int
) -> dict[int, list[tuple[int, Text]]]:
    """Each label beside the tip of its axis: above or below the web for an axis
    pointing up or down, else to the right or the left of the tip; shortened to the
    room there, moved a row when another label is in the way. Per row: (first cell,
    label)."""
    count = len(labels)
    taken = [[False] * width for _ in range(height)]
    placed: dict[int, list[tuple[int, Text]]] = {}
    for index, label in enumerate(labels):
        a = angle(index, count)
        tip = point(index, count, 1, 0, 1, where.centre, where.radius)
        col = where.left + dot(tip[0]) // 2
        row = where.top + dot(tip[1]) // 4
        cos, sin = math.cos(a), math.sin(a)
        upright = abs(cos) < 0.3
        if upright:
            row = where.top - 1 if sin < 0 else min(height - 1, where.top + where.rows)
            room = width
        elif cos > 0:
            room = width - (col + 3)
        else:
            room = col - 2
        if room < 1:
            continue
        value = values[index] if index < len(values) else Text()
        text = label.copy()
        if value.cell_len:
            text.truncate(max(room - value.cell_len - 1, 1), overflow="ellipsis")
            text = Text.assemble(text, " ", value)
        text.truncate(room, overflow="ellipsis")
        size = text.cell_len
        if upright:
            start = max(0, min(width - size, col - size // 2))
        elif cos > 0:
            start = col + 3
        else:
            start = col - 2 - size
        shifts = (0,) if upright else (0, 1, -1, 2, -2)
        for shift in shifts:
            at = row + shift
            if 0 <= at < height and not any(taken[at][start : start + size]):
                break
        else:
            continue
        taken[at][start : start + size] = [True] * size
        placed.setdefault(at, []).append((start, text))
    return placed


def radar(
    labels: Sequence[str | Text],
    series: Sequence[Series],
    low: float,
    high: float,
    width: int,
    height: int,
    *,
    values: Sequence[str | Text] = (),
    grid_style: Style | str = "dim",
) -> list[Text]:
    """The web as ``height`` lines of ``width`` cells: an axis per label (at least
    three), the rings of ``low`` (the centre), the middle of the scale and ``high``
    (the outer ring), and a polygon per series (a later series is drawn over an
    earlier one). Labels stand at the tips of their axes, shortened to the room; a
    label's value (``values``, one per label) follows it and is never shortened."""
    count = len(labels)
    if count < 3 or width < 1 or height < 1:
        return [Text(" " * max(width, 0)) for _ in range(max(height, 0))]
    texts = [lab if isinstance(lab, Text) else Text(lab) for lab in labels]
    shown = [v if isinstance(v, Text) else Text(v) for v in values]
    widest = max(
        t.cell_len + (shown[i].cell_len + 1 if i < len(shown) else 0) for i, t in enumerate(texts)
    )
    where = layout(count, width, height, widest)
    canvas = Canvas(where.cols, where.rows)
    _grid(canvas, count, where)
    for layer, one in enumerate(series, start=1):
        _series(canvas, one, layer, low, high, where)
    placed = _place_labels(texts, shown, where, width, height)
    styles: list[Style | str] = [grid_style, *(one.style for one in series)]
    lines = []
    for y in range(height):
        cells: list[tuple[str, int]] = [(" ", -1)] * width
        row = y - where.top
        if 0 <= row < where.rows:
            for col in range(where.cols):
                x = where.left + col
                if 0 <= x < width:
                    cells[x] = canvas.cell(col, row)
        line = Text(no_wrap=True, end="")
        labels_here = sorted(placed.get(y, []), key=lambda p: p[0])
        x = 0
        for start, label in [*labels_here, (width, Text())]:
            for char, layer in cells[x:start]:
                line.append(char, style=styles[layer] if layer >= 0 else None)
            line.append_text(label)
            x = start + label.cell_len
        lines.append(line)
    return lines
