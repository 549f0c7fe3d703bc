"""The questions step: open questions with answers. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step, Words


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Question(FrozenValues):
    id: str
    text: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class QuestionsWords(Words):
    """The words of a questions step's screen and verslag (empty: the default workshop's)."""

    CATALOG: ClassVar[dict[str, str]] = {
        "placeholder": "questions.new_answer",
        "empty": "questions.no_answers",
    }
    placeholder: str = ""
    """A question's entry field: "Antwoord (Enter voegt toe)"."""
    empty: str = ""
    """A question without answers: "Nog geen antwoorden."."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class QuestionsStep(Step):
    """Open questions with answers, optionally attributed."""

    KIND: ClassVar[str] = "questions"
    words: QuestionsWords = field(default_factory=QuestionsWords)
    questions: tuple[Question, ...]
    attributed: bool = True
    anonymous: bool = False
    """Whether answers name nobody (``attributed`` is then false whatever it says)."""

    def check(self) -> list[Problem]:
        if not self.questions:
            return [(("questions",), t("workshop.check.no_questions"))]
        return []


STEP = QuestionsStep

DUTCH_KEYS = {"vragen": "questions"}
