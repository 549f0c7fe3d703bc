"""What a conversation step captures: the flow chosen, notes per phase, mandates,
decisions and actions. Never imports textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.kinds.actions.record import Action
from samen_tui.session.model import Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Decision(Values):
    id: str = ""
    text: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class Mandate(Values):
    """Achterbanraadpleging: what a partner takes back, who holds the mandate, by when."""

    id: str = ""
    partner: str = ""
    take_back: str = ""
    holder: str = ""
    by: dt.date | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class ConversationRecord(Record):
    KIND: ClassVar[str] = "conversation"
    flow: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    """Notes per phase id."""
    mandates: list[Mandate] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def held_actions(self) -> Sequence[Action]:
        return self.actions

    def held_decisions(self) -> Sequence[Decision]:
        return self.decisions


RECORD = ConversationRecord
