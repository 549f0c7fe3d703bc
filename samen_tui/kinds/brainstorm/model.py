"""The brainstorm step: cards per prompt, optionally dot-voted. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Prompt(FrozenValues):
    """A brainstorm column."""

    id: str
    title: str
    question: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Voting(FrozenValues):
    """Dot voting: every voter (each participant, or the group as one) has ``budget`` dots."""

    budget: int = 3
    per: Literal["participant", "group"] = "participant"

    def check(self) -> list[Problem]:
        if self.budget < 1:
            return [(("budget",), t("workshop.check.budget_low"))]
        if self.budget > 99:
            return [(("budget",), t("workshop.check.budget_high"))]
        return []


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class BrainstormStep(Step):
    """Cards per prompt, optionally dot-voted."""

    KIND: ClassVar[str] = "brainstorm"
    prompts: tuple[Prompt, ...]
    voting: Voting | None = None

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.prompts:
            problems.append((("prompts",), t("workshop.check.no_prompts")))
        if self.voting is not None:
            problems.extend((("voting", *path), msg) for path, msg in self.voting.check())
        return problems


STEP = BrainstormStep

DUTCH_KEYS = {"vraag": "question", "stemmen": "voting"}
