"""What a sort step captures: cards, each filed under a category. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.session.model import GROUP, Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Card(Values):
    """A card on the motive map (sort step)."""

    id: str = ""
    text: str = ""
    category: str = ""
    who: str = GROUP
    """Participant id, or "" for the group."""


@dataclass(kw_only=True, eq=False, repr=False)
class Added(Values):
    """A category added in the app (a sort step with ``open = true``)."""

    id: str = ""
    title: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class SortRecord(Record):
    KIND: ClassVar[str] = "sort"
    cards: list[Card] = field(default_factory=list)
    notes: str = ""
    added: list[Added] = field(default_factory=list)
    """Categories added in the app, after the file's."""
    titles: dict[str, str] = field(default_factory=dict)
    """Categories renamed in the app: category id -> the new title."""


RECORD = SortRecord
