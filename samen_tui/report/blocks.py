"""The report model: a verslag is a list of simple blocks.

``Heading``, ``Paragraph``, ``Fields``, ``Bullets``, ``Table`` and ``Bars`` hold
text and numbers only; the renderers (:mod:`samen_tui.report.markdown`,
:mod:`samen_tui.report.rich`, ...) turn them into a document. Every step kind adds
its blocks (``samen_tui/kinds/<kind>/report.py``), :mod:`samen_tui.report.build`
puts them together. Participant text stays text here: each renderer escapes it for
its format.

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


@dataclass(frozen=True)
class Fields:
    """Label: value lines."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str = ""
    """One letter per column, ``l`` or ``r`` (default ``l``)."""

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
    """Horizontal bars on one scale from ``low`` to ``high``."""

    rows: tuple[BarRow, ...]
    low: float
    high: float


Block = Heading | Paragraph | Fields | Bullets | Table | Bars

BAR_WIDTH = 20


def bar_string(value: float | None, low: float, high: float, width: int = BAR_WIDTH) -> str:
    """``████████░░░░`` for ``value`` on ``low..high``; all light when ``None``."""
    if value is None or high <= low:
        return "░" * width
    fraction = min(max((value - low) / (high - low), 0.0), 1.0)
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)
