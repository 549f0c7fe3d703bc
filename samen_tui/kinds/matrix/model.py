"""The matrix step: every item scored on two scales, placed in one of four named
quadrants (a 2×2: impact and effort). Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Axis(FrozenValues):
    """One of the two scales: whole numbers from ``min`` to ``max`` (at most 0–9)."""

    title: str
    min: int = 1
    max: int = 5

    def check(self) -> list[Problem]:
        if not 0 <= self.min < self.max <= 9:
            return [(("max",), t("matrix.check.axis", min=self.min, max=self.max))]
        return []

    @property
    def middle(self) -> float:
        return (self.min + self.max) / 2


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Quadrants(FrozenValues):
    """The names of the four quadrants (``high`` is the top of ``y``, ``right`` of ``x``)."""

    high_left: str = ""
    high_right: str = ""
    low_left: str = ""
    low_right: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class MatrixItem(FrozenValues):
    id: str
    title: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class MatrixStep(Step):
    """Items on two scales at once, each in a named quadrant."""

    KIND: ClassVar[str] = "matrix"
    x: Axis
    y: Axis
    quadrants: Quadrants = field(default_factory=Quadrants)
    items: tuple[MatrixItem, ...] = ()
    """The items, unless they come from an earlier step (``from``)."""
    from_: str = ""
    """The id of an earlier step whose cards are the items (``from`` in the file)."""
    top: int = 0
    """With ``from``: how many (the most dots, the weakest; 0: all)."""
    category: str = ""
    """With ``from`` a sort step: the category whose cards are the items."""

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.items and not self.from_:
            problems.append((("items",), t("workshop.check.matrix_no_items")))
        if self.from_ and self.items:
            problems.append((("items",), t("workshop.check.items_and_from")))
        if self.top < 0:
            problems.append((("top",), t("workshop.check.top")))
        return problems

    def quadrant(self, x: int | None, y: int | None) -> str:
        """The name of the quadrant of a point (its position when it has no name);
        "" while a score is missing. The middle of a scale counts as low."""
        if x is None or y is None:
            return ""
        high = y > self.y.middle
        right = x > self.x.middle
        name = {
            (True, False): self.quadrants.high_left,
            (True, True): self.quadrants.high_right,
            (False, False): self.quadrants.low_left,
            (False, True): self.quadrants.low_right,
        }[(high, right)]
        if name:
            return name
        return t(f"matrix.quadrant.{'high' if high else 'low'}_{'right' if right else 'left'}")


STEP = MatrixStep

DUTCH_KEYS = {"kwadranten": "quadrants", "assen": "x"}
