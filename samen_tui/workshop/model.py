"""Typed model of a workshop file: the agenda, and the base of every step.

Every dataclass here, and every step class of a kind (samen_tui/kinds/<kind>/model.py),
is also the schema of the TOML file: the loader (`samen_tui.workshop.loader`) walks
the fields of these classes, so a TOML key is exactly a field name, a required field
is one without a default, and the type annotation is the type the file must have.
Cross-field rules live in each class's ``check`` method, which returns
``(field path, message)`` pairs. The step classes come from the kind folders
(`samen_tui.kinds.step_classes`).

This module never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from samen_tui.i18n import t
from samen_tui.values import FrozenValues

Problem = tuple[tuple[str | int, ...], str]
"""A problem found by a ``check``: the path of the offending key (relative to the
object checked) and a message."""


# --------------------------------------------------------------------------- words


def fill(text: str, values: dict[str, object]) -> str:
    """``text`` with each ``{name}`` of ``values`` filled in: a facilitator's text is
    never given to ``str.format`` (no ``{0.__class__}``, no error for a lone ``{``)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Words(FrozenValues):
    """The words a step shows, as the file sets them (its ``words`` table).

    Each field of a kind's words is one text of its screen or its verslag; a field
    left empty is the catalog's text (:data:`CATALOG`: field -> key), which is the
    default workshop's word in the interface language. A text may hold the
    ``{name}`` placeholders its catalog text has (``{n}``, ``{choices}``, ...)."""

    CATALOG: ClassVar[dict[str, str]] = {}

    def get(self, name: str, /, **values: object) -> str:
        own: str = getattr(self, name)
        if own:
            return fill(own, values)
        return t(self.CATALOG[name], **values)


# --------------------------------------------------------------------------- steps


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Step(FrozenValues):
    """Base of every step kind. ``text`` is Markdown shown above the exercise."""

    KIND: ClassVar[str] = ""

    id: str
    title: str
    text: str = ""
    help: str = ""
    """What F1 shows for this step (Markdown); empty: the kind's own help."""
    minutes: int = 0
    """The step's own timebox (0: none; the item's timer still runs)."""
    rounds: tuple[int, ...] = ()
    """Timed rounds inside the step, in minutes each (1-2-4-All: 1, 2, 4, 5)."""
    breakouts: tuple[str, ...] = ()
    """Breakout groups a card or answer can be credited to (pairs, tables, W³ groups)."""

    def check(self) -> list[Problem]:
        return []

    @property
    def timebox_minutes(self) -> int:
        """The step's own time: its ``minutes``, or its rounds together; 0 for none."""
        return self.minutes or sum(self.rounds)


# --------------------------------------------------------------------------- workshop


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AgendaItem(FrozenValues):
    id: str
    title: str
    minutes: int
    steps: tuple[Step, ...]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Meta(FrozenValues):
    """The ``[workshop]`` table."""

    id: str
    title: str
    language: Literal["nl", "en"] = "nl"
    version: str = "1"
    description: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Workshop(FrozenValues):
    meta: Meta
    items: tuple[AgendaItem, ...]
    path: Path | None = None
    fingerprint: str = ""
    """``sha256:<hex>`` of the file's bytes."""

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def steps(self) -> list[tuple[AgendaItem, Step]]:
        """Every step in agenda order, with its item."""
        return [(item, step) for item in self.items for step in item.steps]

    def step(self, step_id: str) -> Step | None:
        for _item, step in self.steps():
            if step.id == step_id:
                return step
        return None

    def item_of(self, step_id: str) -> AgendaItem | None:
        for item, step in self.steps():
            if step.id == step_id:
                return item
        return None

    def step_ids(self) -> list[str]:
        return [step.id for _item, step in self.steps()]
