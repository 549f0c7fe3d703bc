"""The rate step (the ingredient checklist): items in groups, rated on a scale.
Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step, Words

RADAR_AXES = 3
"""The fewest items a radar has (with two it is a line)."""


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
        elif self.max - self.min > 9 and self.max > 10:
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
    group: str = ""
    """The id of its group; none when the step has no groups."""
    description: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RateWords(Words):
    """The words of a rate step's screen and verslag (empty: the default workshop's)."""

    CATALOG: ClassVar[dict[str, str]] = {
        "weakest": "rate.weakest",
        "weakest_none": "rate.weakest_none",
        "note": "rate.note_placeholder",
        "report_weakest": "report.rate.weakest",
        "report_bars": "report.rate.bars_title",
        "report_item": "report.rate.item",
    }
    weakest: str = ""
    """Before the weakest items: "Begin het gesprek bij:"."""
    weakest_none: str = ""
    """No ratings yet: "nog geen scores; hier komen de {n} zwakste ingrediënten"."""
    note: str = ""
    """The note field: "Notitie bij {item}: Enter of Esc is klaar"."""
    report_weakest: str = ""
    """The verslag's line before the weakest items."""
    report_bars: str = ""
    """The verslag's chart of the group means: "Gemiddelde per cluster"."""
    report_item: str = ""
    """The verslag's column of the items: "Onderdeel"."""
    item_noun: str = ""
    """What one item is called in the keys' help (F1), with its article: "de dimensie".
    Empty: the default workshop's words ("Ander ingrediënt", "het gekozen
    ingrediënt")."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RateStep(Step):
    """Items in groups, each rated on a scale (the ingredient checklist)."""

    KIND: ClassVar[str] = "rate"
    words: RateWords = field(default_factory=RateWords)
    scale: Scale = field(default_factory=Scale)
    groups: tuple[Group, ...] = ()
    """The clusters; without them every item is in one group named after the step."""
    items: tuple[RateItem, ...] = ()
    """The items (at least one), unless they come from an earlier step (``from``)."""
    from_: str = ""
    """The id of an earlier step whose cards are the items (``from`` in the file)."""
    top: int = 0
    """With ``from``: how many (the most dots, the weakest; 0: all)."""
    category: str = ""
    """With ``from`` a sort step: the category whose cards are the items."""
    per_participant: bool = True
    """Whether each participant may give their own rating besides the group's."""
    weakest: int = 3
    """How many weakest items to mark as where the conversation should start."""
    lower_is_better: bool = False
    """Whether a low score is good (effort, pain, risk): the weakest are then the highest."""
    totals: bool = True
    """Whether the mean per group is shown (a bar per cluster); false: the items only."""
    anonymous: bool = False
    """Whether the own scores are kept under numbers ("Anoniem 1"), never a name."""
    chart: Literal["bars", "radar"] = "bars"
    """How the scores are pictured: ``bars`` (a score and a bar per item, the default)
    or ``radar`` (a web with one axis per item, besides the list; three items or more)."""

    def __post_init__(self) -> None:
        if not self.groups:  # no groups in the file: one, holding every item
            object.__setattr__(self, "groups", (Group(id="", title=self.title),))

    @property
    def grouped(self) -> bool:
        """Whether the file gave groups (not the one made for a step without them)."""
        return not (len(self.groups) == 1 and self.groups[0].id == "")

    def check(self) -> list[Problem]:
        problems: list[Problem] = [(("scale", *path), msg) for path, msg in self.scale.check()]
        if not self.items and not self.from_:
            problems.append((("items",), t("workshop.check.no_items")))
        if self.from_ and self.items:
            problems.append((("items",), t("workshop.check.items_and_from")))
        if self.top < 0:
            problems.append((("top",), t("workshop.check.top")))
        groups = self.groups if getattr(self, "groups", ()) else ()
        if not groups or not self.grouped:
            for index, item in enumerate(self.items):
                if item.group:
                    problems.append(
                        (
                            ("items", index, "group"),
                            t("workshop.check.no_groups_given", group=item.group),
                        )
                    )
            return problems + self._check_weakest()
        group_ids = {g.id for g in self.groups}
        for index, item in enumerate(self.items):
            if not item.group:
                problems.append(
                    (("items", index), t("workshop.check.item_without_group", item=item.id))
                )
            elif item.group not in group_ids:
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
        return problems + self._check_weakest()

    def _check_weakest(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.weakest < 0:
            problems.append((("weakest",), t("workshop.check.weakest")))
        if self.chart == "radar":
            if self.items and len(self.items) < RADAR_AXES:
                problems.append((("chart",), t("workshop.check.radar_items", n=len(self.items))))
            elif self.from_ and 0 < self.top < RADAR_AXES:
                problems.append((("top",), t("workshop.check.radar_top", top=self.top)))
        return problems

    @property
    def radar(self) -> bool:
        """Whether the scores are pictured as a radar: asked for, and three items or
        more (items from an earlier step may be fewer: then the list alone)."""
        return self.chart == "radar" and len(self.items) >= RADAR_AXES

    def items_of(self, group_id: str) -> tuple[RateItem, ...]:
        return tuple(item for item in self.items if item.group == group_id)


STEP = RateStep

DUTCH_KEYS = {
    "schaal": "scale",
    "groepen": "groups",
    "groep": "group",
    "grafiek": "chart",
}
