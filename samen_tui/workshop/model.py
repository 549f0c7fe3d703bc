"""Typed model of a workshop file.

Every dataclass here is also the schema of the TOML file: the loader
(`samen_tui.workshop.loader`) walks the fields of these classes, so a TOML key is
exactly a field name, a required field is one without a default, and the type
annotation is the type the file must have. Cross-field rules live in each
class's ``check`` method, which returns ``(field path, message)`` pairs.

This module never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

Problem = tuple[tuple[str | int, ...], str]
"""A problem found by a ``check``: the path of the offending key (relative to the
object checked) and a message."""


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True, kw_only=True)
class Category:
    """A column of a sort step (a motive category)."""

    id: str
    title: str
    hints: tuple[str, ...] = ()
    key: str = ""
    """One key that files a card under this category (default: its position, 1, 2, ...)."""


@dataclass(frozen=True, kw_only=True)
class Scale:
    """A rating scale: whole numbers from ``min`` to ``max`` with one label each."""

    min: int = 1
    max: int = 5
    labels: tuple[str, ...] = (
        "helemaal niet",
        "nauwelijks",
        "deels",
        "grotendeels",
        "helemaal",
    )

    @property
    def values(self) -> range:
        return range(self.min, self.max + 1)

    def label(self, value: int) -> str:
        if self.labels and self.min <= value <= self.max:
            return self.labels[value - self.min]
        return str(value)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.min < 0:
            problems.append((("min",), "the scale must not start below 0"))
        if self.max <= self.min:
            problems.append((("max",), f"max ({self.max}) must be greater than min ({self.min})"))
        elif self.max - self.min > 9:
            problems.append(
                (("max",), "a scale may have at most 10 points (one number key each)")
            )
        elif self.labels and len(self.labels) != self.max - self.min + 1:
            problems.append(
                (
                    ("labels",),
                    f"{len(self.labels)} labels for a scale of {self.max - self.min + 1} points"
                    f" ({self.min}..{self.max}); give one label per point, or none",
                )
            )
        return problems


@dataclass(frozen=True, kw_only=True)
class Group:
    """A cluster of rate items."""

    id: str
    title: str


@dataclass(frozen=True, kw_only=True)
class RateItem:
    id: str
    title: str
    group: str
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class Prompt:
    """A brainstorm column."""

    id: str
    title: str
    question: str = ""


@dataclass(frozen=True, kw_only=True)
class Voting:
    """Dot voting: every voter (each participant, or the group as one) has ``budget`` dots."""

    budget: int = 3
    per: Literal["participant", "group"] = "participant"

    def check(self) -> list[Problem]:
        if self.budget < 1:
            return [(("budget",), "the vote budget must be at least 1")]
        if self.budget > 99:
            return [(("budget",), "the vote budget must be at most 99")]
        return []


@dataclass(frozen=True, kw_only=True)
class ConversationType:
    id: str
    title: str
    question: str
    chain: tuple[str, ...]
    outcome: str


PhaseCapture = Literal["notes", "mandates", "decisions"]


@dataclass(frozen=True, kw_only=True)
class Phase:
    id: str
    title: str
    question: str
    capture: PhaseCapture = "notes"
    """What the trainer captures here besides notes: ``mandates`` (per partner: what
    to take back, who holds the mandate, by when) or ``decisions`` (decisions and
    actions wie/wat/wanneer)."""


@dataclass(frozen=True, kw_only=True)
class Flow:
    id: str
    title: str
    description: str = ""
    phases: tuple[Phase, ...]


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    text: str


@dataclass(frozen=True, kw_only=True)
class Reference:
    title: str
    url: str = ""
    note: str = ""


# --------------------------------------------------------------------------- steps


@dataclass(frozen=True, kw_only=True)
class Step:
    """Base of every step kind. ``text`` is Markdown shown above the exercise."""

    KIND: ClassVar[str] = ""

    id: str
    title: str
    text: str = ""

    def check(self) -> list[Problem]:
        return []


@dataclass(frozen=True, kw_only=True)
class ContentStep(Step):
    """A slide: Markdown text; the trainer may keep notes."""

    KIND: ClassVar[str] = "content"
    notes: bool = True


@dataclass(frozen=True, kw_only=True)
class ParticipantsStep(Step):
    """Who is here: name, organisation, role."""

    KIND: ClassVar[str] = "participants"
    roles: tuple[str, ...] = ()
    """Suggested roles (free text is allowed too)."""


@dataclass(frozen=True, kw_only=True)
class SortStep(Step):
    """Cards sorted into categories (motive mapping)."""

    KIND: ClassVar[str] = "sort"
    categories: tuple[Category, ...]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.categories:
            problems.append((("categories",), "a sort step needs at least one category"))
        if len(self.categories) > 9:
            problems.append((("categories",), "a sort step may have at most 9 categories"))
        seen_keys: dict[str, int] = {}
        for index, category in enumerate(self.categories):
            if category.key:
                if len(category.key) != 1 or not category.key.isprintable():
                    problems.append(
                        (("categories", index, "key"), "a key must be one printable character")
                    )
                elif category.key in seen_keys:
                    problems.append(
                        (
                            ("categories", index, "key"),
                            f"key {category.key!r} is already used by category"
                            f" {self.categories[seen_keys[category.key]].id!r}",
                        )
                    )
                else:
                    seen_keys[category.key] = index
        return problems

    def category_key(self, index: int) -> str:
        return self.categories[index].key or str(index + 1)


@dataclass(frozen=True, kw_only=True)
class RateStep(Step):
    """Items in groups, each rated on a scale (the ingredient checklist)."""

    KIND: ClassVar[str] = "rate"
    scale: Scale = field(default_factory=Scale)
    groups: tuple[Group, ...]
    items: tuple[RateItem, ...]
    per_participant: bool = True
    """Whether each participant may give their own rating besides the group's."""
    weakest: int = 3
    """How many weakest items to mark as where the conversation should start."""

    def check(self) -> list[Problem]:
        problems: list[Problem] = [(("scale", *path), msg) for path, msg in self.scale.check()]
        if not self.groups:
            problems.append((("groups",), "a rate step needs at least one group"))
        if not self.items:
            problems.append((("items",), "a rate step needs at least one item"))
        group_ids = {g.id for g in self.groups}
        for index, item in enumerate(self.items):
            if item.group not in group_ids:
                known = ", ".join(sorted(group_ids)) or "none"
                problems.append(
                    (
                        ("items", index, "group"),
                        f"unknown group {item.group!r} (groups: {known})",
                    )
                )
        for index, group in enumerate(self.groups):
            if not any(item.group == group.id for item in self.items):
                problems.append((("groups", index, "id"), f"group {group.id!r} has no items"))
        if self.weakest < 0:
            problems.append((("weakest",), "weakest must be 0 or more"))
        return problems

    def items_of(self, group_id: str) -> tuple[RateItem, ...]:
        return tuple(item for item in self.items if item.group == group_id)


@dataclass(frozen=True, kw_only=True)
class BrainstormStep(Step):
    """Cards per prompt, optionally dot-voted."""

    KIND: ClassVar[str] = "brainstorm"
    prompts: tuple[Prompt, ...]
    voting: Voting | None = None

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.prompts:
            problems.append((("prompts",), "a brainstorm step needs at least one prompt"))
        if self.voting is not None:
            problems.extend((("voting", *path), msg) for path, msg in self.voting.check())
        return problems


@dataclass(frozen=True, kw_only=True)
class ConversationStep(Step):
    """The conversation types and the phased flows (BOB, BARB) the group can choose."""

    KIND: ClassVar[str] = "conversation"
    types: tuple[ConversationType, ...] = ()
    flows: tuple[Flow, ...]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.flows:
            problems.append((("flows",), "a conversation step needs at least one flow"))
        for index, flow in enumerate(self.flows):
            if not flow.phases:
                problems.append((("flows", index, "phases"), "a flow needs at least one phase"))
            seen: set[str] = set()
            for p_index, phase in enumerate(flow.phases):
                if phase.id in seen:
                    problems.append(
                        (
                            ("flows", index, "phases", p_index, "id"),
                            f"duplicate phase id {phase.id!r} in flow {flow.id!r}",
                        )
                    )
                seen.add(phase.id)
        for index, ctype in enumerate(self.types):
            if not ctype.chain:
                problems.append((("types", index, "chain"), "a chain needs at least one step"))
        return problems


@dataclass(frozen=True, kw_only=True)
class QuestionsStep(Step):
    """Open questions with answers, optionally attributed."""

    KIND: ClassVar[str] = "questions"
    questions: tuple[Question, ...]
    attributed: bool = True

    def check(self) -> list[Problem]:
        if not self.questions:
            return [(("questions",), "a questions step needs at least one question")]
        return []


@dataclass(frozen=True, kw_only=True)
class ActionsStep(Step):
    """Every action of the session in one list (wie / wat / wanneer / status)."""

    KIND: ClassVar[str] = "actions"


@dataclass(frozen=True, kw_only=True)
class ReferencesStep(Step):
    """Titles and addresses."""

    KIND: ClassVar[str] = "references"
    references: tuple[Reference, ...]

    def check(self) -> list[Problem]:
        if not self.references:
            return [(("references",), "a references step needs at least one reference")]
        return []


STEP_CLASSES: dict[str, type[Step]] = {
    cls.KIND: cls
    for cls in (
        ContentStep,
        ParticipantsStep,
        SortStep,
        RateStep,
        BrainstormStep,
        ConversationStep,
        QuestionsStep,
        ActionsStep,
        ReferencesStep,
    )
}
"""Every step kind, by the name used in ``kind = "..."``; see ``samen_tui.kinds``."""


# --------------------------------------------------------------------------- workshop


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    id: str
    title: str
    minutes: int
    steps: tuple[Step, ...]


@dataclass(frozen=True, kw_only=True)
class Meta:
    """The ``[workshop]`` table."""

    id: str
    title: str
    language: Literal["nl", "en"] = "nl"
    version: str = "1"
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class Workshop:
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
