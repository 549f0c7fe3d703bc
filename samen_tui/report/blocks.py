"""The report model: a verslag is a list of simple blocks.

Text blocks (``Heading``, ``Paragraph``, ``Fields``, ``Bullets``, ``Outline``,
``Links``, ``Table``, ``Bars``) hold text and numbers only; the renderers
(:mod:`samen_tui.report.markdown`, :mod:`samen_tui.report.html`,
:mod:`samen_tui.report.rich`) turn them into a document. Charts (``BarChart``,
``RangeChart``, ``TimeChart``, ``RadarChart``) hold the numbers of a picture as data:
only the HTML draws them (inline SVG, :mod:`samen_tui.report.svg`), the other
renderers leave them out, so a chart's numbers must also be in a table or text beside
it. Every step kind adds its blocks (``samen_tui/kinds/<kind>/report.py``),
:mod:`samen_tui.report.build` puts them together. Participant text stays text here:
each renderer escapes it for its format.

This module never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    """1 for the report's title, 2 for an agenda item, 3 for a step, 4 below that."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""
    """Shown bold before the text."""
    note: bool = False
    """A remark of the report itself (shown in italics), not captured content."""
    private: bool = False
    """The trainer's own notes (only in the version with ``--with-notes``)."""


@dataclass(frozen=True)
class Fields:
    """Label: value lines."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Outline:
    """A list whose entries may have a list of their own (the text of an entry says
    its number, if it has one)."""

    items: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Link:
    text: str
    url: str = ""
    """Made clickable when it is an ``http``, ``https`` or ``mailto`` address."""
    note: str = ""


@dataclass(frozen=True)
class Links:
    items: tuple[Link, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    """One per column, never empty."""
    rows: tuple[tuple[str, ...], ...]
    align: str = ""
    """One letter per column, ``l`` or ``r`` (default ``l``)."""
    caption: str = ""
    """What the table shows (a caption in HTML)."""
    row_headers: bool = False
    """The first column names each row (``<th scope="row">`` in HTML)."""

    def justify(self, column: int) -> Literal["left", "right"]:
        return "right" if self.align[column : column + 1] == "r" else "left"


@dataclass(frozen=True)
class BarRow:
    label: str
    value: float | None
    text: str
    """The value as shown (formatted), or why there is none."""


@dataclass(frozen=True)
class Bars:
    """Horizontal bars on one scale from ``low`` to ``high`` (text bars in Markdown)."""

    rows: tuple[BarRow, ...]
    low: float
    high: float
    title: str = ""
    """What the bars show (the chart's accessible name in HTML)."""


# --------------------------------------------------------------------------- charts


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float
    text: str
    """The value as shown."""
    mark: bool = False
    """Drawn in the warning colour (and said so in its title)."""


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars from 0 (counts, votes)."""

    title: str
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class RangeRow:
    label: str
    mean: float | None
    """The mean of the participants' scores (``None``: nobody scored it alone)."""
    lowest: int | None
    highest: int | None
    group: int | None
    """The group's own score."""
    weak: int = 0
    """Its place among the weakest items (1 is the weakest), 0 when not among them."""
    text: str = ""
    """The numbers in words, for the row's title."""


@dataclass(frozen=True)
class RangeChart:
    """Scores on a scale: the mean of the participants' scores, the range from the
    lowest to the highest, the group's score; the weakest items marked."""

    title: str
    rows: tuple[RangeRow, ...]
    low: int
    high: int
    legend: str = ""


@dataclass(frozen=True)
class TimeRow:
    label: str
    planned: int
    """Minutes planned."""
    used: int | None
    """Minutes used (``None``: not recorded)."""
    text: str = ""


@dataclass(frozen=True)
class TimeChart:
    """Time used against time planned, per agenda item."""

    title: str
    rows: tuple[TimeRow, ...]
    legend: str = ""


@dataclass(frozen=True)
class RadarChart:
    """One value per axis on a scale, as a polygon (five or more axes)."""

    title: str
    axes: tuple[BarRow, ...]
    """One per axis: its label, its value (``None``: none, drawn at the centre) and
    the value as shown."""
    low: int
    high: int
    legend: str = ""
    labelled: bool = False
    """Each label whole (over two lines where long) with its value under it, the
    weakest marked (a step's own radar, ``chart = "radar"``); else shortened."""
    weak: tuple[int, ...] = ()
    """Per axis its place among the weakest items (1 the weakest), 0 when not."""


Chart = BarChart | RangeChart | TimeChart | RadarChart

Block = Heading | Paragraph | Fields | Bullets | Outline | Links | Table | Bars | Chart

CHARTS = (BarChart, RangeChart, TimeChart, RadarChart)
"""The blocks only a renderer that draws shows (``isinstance(block, CHARTS)``)."""

BAR_WIDTH = 20


def bar_string(value: float | None, low: float, high: float, width: int = BAR_WIDTH) -> str:
    """``████████░░░░`` for ``value`` on ``low..high``; all light when ``None``."""
    if value is None or high <= low:
        return "░" * width
    fraction = min(max((value - low) / (high - low), 0.0), 1.0)
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)
