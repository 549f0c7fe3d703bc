"""What a brainstorm step captures: ideas per prompt, with their dots.
Never imports textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.kinds.actions.record import Action
from samen_tui.session.model import GROUP, Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Idea(Values):
    """A brainstorm card."""

    id: str = ""
    prompt: str = ""
    text: str = ""
    who: str = GROUP
    votes: dict[str, int] = field(default_factory=dict)
    """Dots per voter: participant id, or "groep" for the group."""

    @property
    def total_votes(self) -> int:
        return sum(self.votes.values())


@dataclass(kw_only=True, eq=False, repr=False)
class BrainstormRecord(Record):
    KIND: ClassVar[str] = "brainstorm"
    ideas: list[Idea] = field(default_factory=list)
    prompts: dict[str, str] = field(default_factory=dict)
    """With ``from``: the text of each prompt a card was added under (by the prompt's
    id, the earlier step's card id), as it read then; its column keeps that title
    should the card be gone from the earlier step (removed or merged)."""
    notes: str = ""
    actions: list[Action] = field(default_factory=list)
    """Cards made into actions (key a): wie / wanneer are filled in at the actions step."""

    def held_actions(self) -> Sequence[Action]:
        return self.actions


RECORD = BrainstormRecord
