"""The brainstorm step: cards per prompt, optionally dot-voted. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step, Words


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
class BrainstormWords(Words):
    """The words of a brainstorm step's screen and verslag (empty: the default workshop's)."""

    CATALOG: ClassVar[dict[str, str]] = {
        "placeholder": "brainstorm.new_card",
        "empty": "brainstorm.no_cards",
        "report_idea": "report.brainstorm.idea",
        "report_caption": "report.brainstorm.caption",
    }
    placeholder: str = ""
    """A column's entry field: "Nieuw kaartje (Enter)"."""
    empty: str = ""
    """An empty column: "Nog geen kaartjes."."""
    report_idea: str = ""
    """The verslag's column of the cards: "Idee"."""
    report_caption: str = ""
    """The verslag's caption of a ranking: "{prompt}: de ideeën op volgorde van stemmen"."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class BrainstormStep(Step):
    """Cards per prompt, optionally dot-voted."""

    KIND: ClassVar[str] = "brainstorm"
    words: BrainstormWords = field(default_factory=BrainstormWords)
    prompts: tuple[Prompt, ...] = ()
    """The columns (at least one), unless they come from an earlier step (``from``)."""
    from_: str = ""
    """The id of an earlier step whose cards are the prompts (``from`` in the file): the
    winning How-Might-We of a voted brainstorm becomes the ideation's column."""
    top: int = 0
    """With ``from``: how many (the most dots, the weakest; 0: all)."""
    category: str = ""
    """With ``from`` a sort step: the category whose cards are the prompts."""
    voting: Voting | None = None
    anonymous: bool = False
    """Whether cards name nobody and dots are kept under numbers ("Anoniem 1")."""
    overall: bool = False
    """Whether the ranking is also given across all prompts (the app's ranked view, the
    verslag)."""

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.prompts and not self.from_:
            problems.append((("prompts",), t("workshop.check.no_prompts")))
        if self.from_ and self.prompts:
            problems.append((("prompts",), t("workshop.check.prompts_and_from")))
        if self.top < 0:
            problems.append((("top",), t("workshop.check.top")))
        if self.voting is not None:
            problems.extend((("voting", *path), msg) for path, msg in self.voting.check())
        return problems


STEP = BrainstormStep

DUTCH_KEYS = {"vraag": "question", "stemmen": "voting"}
