"""What a sort step captures: cards, each filed under a category. Never imports textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.kinds.actions.record import Action
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
    follows: str = ""
    """The card of the earlier step (``from``) this one still follows: set while it lies
    unsorted and untouched; "" once it was sorted, edited or given a "who" here (or
    for a card typed here). See :mod:`samen_tui.kinds.sort.taken`."""


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
    merged: dict[str, str] = field(default_factory=dict)
    """Categories merged in the app: category id -> the one its cards went to. A merged
    category is no longer shown; its key stays its own, so no other key changes."""
    taken: list[str] = field(default_factory=list)
    """With ``from``: the ids of the earlier step's cards that arrived here (each once:
    a card deleted here does not come back)."""
    actions: list[Action] = field(default_factory=list)
    """Cards made into actions (key a): wie / wanneer are filled in at the actions step."""

    def held_actions(self) -> Sequence[Action]:
        return self.actions


RECORD = SortRecord
