"""The questions step: open questions with answers. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Question(FrozenValues):
    id: str
    text: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class QuestionsStep(Step):
    """Open questions with answers, optionally attributed."""

    KIND: ClassVar[str] = "questions"
    questions: tuple[Question, ...]
    attributed: bool = True

    def check(self) -> list[Problem]:
        if not self.questions:
            return [(("questions",), t("workshop.check.no_questions"))]
        return []


STEP = QuestionsStep

DUTCH_KEYS = {"vragen": "questions"}
