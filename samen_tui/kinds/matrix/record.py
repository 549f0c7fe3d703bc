"""What a matrix step captures: two scores per item. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.session.model import Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Point(Values):
    x: int | None = None
    y: int | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class MatrixRecord(Record):
    KIND: ClassVar[str] = "matrix"
    points: dict[str, Point] = field(default_factory=dict)
    """Per item id: its place on the two scales."""
    notes: str = ""


RECORD = MatrixRecord
