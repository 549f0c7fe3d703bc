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

from samen_tui.i18n import t
from samen_tui.values import FrozenValues

Problem = tuple[tuple[str | int, ...], str]
"""A problem found by a ``check``: the path of the offending key (relative to the
object checked) and a message."""


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Category(FrozenValues):
    """A column of a sort step (a motive category)."""

    id: str
    title: str
    hints: tuple[str, ...] = ()
    key: str = ""
    """One key that files a card under this category (default: its position, 1, 2, ...)."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Scale(FrozenValues):
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
            problems.append((("min",), t("workshop.check.scale_below_zero")))
        if self.max <= self.min:
            problems.append((("max",), t("workshop.check.scale_max", max=self.max, min=self.min)))
        elif self.max - self.min > 9:
            problems.append((("max",), t("workshop.check.scale_too_long")))
        elif self.labels and len(self.labels) != self.max - self.min + 1:
            problems.append(
                (
                    ("labels",),
                    t(
                        "workshop.check.scale_labels",
                        labels=len(self.labels),
                        points=self.max - self.min + 1,
                        min=self.min,
                        max=self.max,
                    ),
                )
            )
        return problems


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Group(FrozenValues):
    """A cluster of rate items."""

    id: str
    title: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RateItem(FrozenValues):
    id: str
    title: str
    group: str
    description: str = ""


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
class ConversationType(FrozenValues):
    id: str
    title: str
    question: str
    chain: tuple[str, ...]
    outcome: str


PhaseCapture = Literal["notes", "mandates", "decisions"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Phase(FrozenValues):
    id: str
    title: str
    question: str
    capture: PhaseCapture = "notes"
    """What the trainer captures here besides notes: ``mandates`` (per partner: what
    to take back, who holds the mandate, by when) or ``decisions`` (decisions and
    actions wie/wat/wanneer)."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Flow(FrozenValues):
    id: str
    title: str
    description: str = ""
    phases: tuple[Phase, ...]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Question(FrozenValues):
    id: str
    text: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Reference(FrozenValues):
    title: str
    url: str = ""
    note: str = ""


# --------------------------------------------------------------------------- steps


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Step(FrozenValues):
    """Base of every step kind. ``text`` is Markdown shown above the exercise."""

    KIND: ClassVar[str] = ""

    id: str
    title: str
    text: str = ""

    def check(self) -> list[Problem]:
        return []


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ContentStep(Step):
    """A slide: Markdown text; the trainer may keep notes."""

    KIND: ClassVar[str] = "content"
    notes: bool = True


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ParticipantsStep(Step):
    """Who is here: name, organisation, role."""

    KIND: ClassVar[str] = "participants"
    roles: tuple[str, ...] = ()
    """Suggested roles (free text is allowed too)."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SortStep(Step):
    """Cards sorted into categories (motive mapping)."""

    KIND: ClassVar[str] = "sort"
    categories: tuple[Category, ...]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.categories:
            problems.append((("categories",), t("workshop.check.no_categories")))
        if len(self.categories) > 9:
            problems.append((("categories",), t("workshop.check.too_many_categories")))
        seen_keys: dict[str, int] = {}
        for index, category in enumerate(self.categories):
            if category.key:
                if len(category.key) != 1 or not category.key.isprintable():
                    problems.append((("categories", index, "key"), t("workshop.check.key_char")))
                elif category.key in seen_keys:
                    problems.append(
                        (
                            ("categories", index, "key"),
                            t(
                                "workshop.check.key_used",
                                key=category.key,
                                category=self.categories[seen_keys[category.key]].id,
                            ),
                        )
                    )
                else:
                    seen_keys[category.key] = index
        return problems

    def category_key(self, index: int) -> str:
        return self.categories[index].key or str(index + 1)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
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
            problems.append((("groups",), t("workshop.check.no_groups")))
        if not self.items:
            problems.append((("items",), t("workshop.check.no_items")))
        group_ids = {g.id for g in self.groups}
        for index, item in enumerate(self.items):
            if item.group not in group_ids:
                known = ", ".join(sorted(group_ids)) or t("workshop.check.none")
                problems.append(
                    (
                        ("items", index, "group"),
                        t("workshop.check.unknown_group", group=item.group, known=known),
                    )
                )
        for index, group in enumerate(self.groups):
            if not any(item.group == group.id for item in self.items):
                problems.append(
                    (("groups", index, "id"), t("workshop.check.group_empty", group=group.id))
                )
        if self.weakest < 0:
            problems.append((("weakest",), t("workshop.check.weakest")))
        return problems

    def items_of(self, group_id: str) -> tuple[RateItem, ...]:
        return tuple(item for item in self.items if item.group == group_id)


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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ConversationStep(Step):
    """The conversation types and the phased flows (BOB, BARB) the group can choose."""

    KIND: ClassVar[str] = "conversation"
    types: tuple[ConversationType, ...] = ()
    flows: tuple[Flow, ...]

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not self.flows:
            problems.append((("flows",), t("workshop.check.no_flows")))
        for index, flow in enumerate(self.flows):
            if not flow.phases:
                problems.append((("flows", index, "phases"), t("workshop.check.no_phases")))
            seen: set[str] = set()
            for p_index, phase in enumerate(flow.phases):
                if phase.id in seen:
                    problems.append(
                        (
                            ("flows", index, "phases", p_index, "id"),
                            t("workshop.check.duplicate_phase", phase=phase.id, flow=flow.id),
                        )
                    )
                seen.add(phase.id)
        for index, ctype in enumerate(self.types):
            if not ctype.chain:
                problems.append((("types", index, "chain"), t("workshop.check.empty_chain")))
        return problems


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


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ActionsStep(Step):
    """Every action of the session in one list (wie / wat / wanneer / status)."""

    KIND: ClassVar[str] = "actions"


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ReferencesStep(Step):
    """Titles and addresses."""

    KIND: ClassVar[str] = "references"
    references: tuple[Reference, ...]

    def check(self) -> list[Problem]:
        if not self.references:
            return [(("references",), t("workshop.check.no_references"))]
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
