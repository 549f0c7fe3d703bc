"""What a questions step captures: answers per question. Never imports textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.kinds.actions.record import Action
from samen_tui.session.model import GROUP, Record
from samen_tui.values import Values


@dataclass(kw_only=True, eq=False, repr=False)
class Answer(Values):
    id: str = ""
    question: str = ""
    text: str = ""
    who: str = GROUP


@dataclass(kw_only=True, eq=False, repr=False)
class QuestionsRecord(Record):
    KIND: ClassVar[str] = "questions"
    answers: list[Answer] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    """Answers made into actions (key a): wie / wanneer are filled in at the actions step."""

    def held_actions(self) -> Sequence[Action]:
        return self.actions


RECORD = QuestionsRecord
