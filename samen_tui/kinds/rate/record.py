"""What a rate step captures: a rating and a note per item. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.session.model import Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Rating(Values):
    group: int | None = None
    """The group's rating."""
    by: dict[str, int] = field(default_factory=dict)
    """Ratings per participant id."""
    note: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class RateRecord(Record):
    KIND: ClassVar[str] = "rate"
    ratings: dict[str, Rating] = field(default_factory=dict)
    notes: str = ""


RECORD = RateRecord
