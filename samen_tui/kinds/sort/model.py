"""The sort step (motive mapping): cards sorted into categories. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step, Words

CATEGORY_KEYS = "1234567890abcdefghijklmnopqrstuvwxyz"
"""The keys a category may have: one digit or lowercase letter. The view binds each of
them once, for every sort step, and shows the ones a step uses."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Category(FrozenValues):
    """A column of a sort step (a motive category)."""

    id: str
    title: str
    hints: tuple[str, ...] = ()
    key: str = ""
    """One key that files a card under this category (default: its position, 1, 2, ...):
    a digit or a lowercase letter (:data:`CATEGORY_KEYS`)."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SortWords(Words):
    """The words of a sort step's screen and verslag (empty: the default workshop's)."""

    CATALOG: ClassVar[dict[str, str]] = {
        "placeholder": "sort.placeholder",
        "pick": "sort.pick_question",
        "hint": "sort.hint",
        "empty": "sort.empty",
        "total": "sort.total",
        "total_one": "sort.total.one",
        "per_category": "sort.per_category",
        "per_organisation": "sort.per_organisation",
        "report_counts": "report.sort.counts_caption",
        "report_per_organisation": "report.sort.per_organisation",
        "report_per_organisation_caption": "report.sort.per_organisation_caption",
        "unsorted": "sort.unsorted",
    }
    placeholder: str = ""
    """The entry field's text: "Typ een kaartje: waarom doet iemand mee?"."""
    pick: str = ""
    """The question after Enter: "Welk motief?"."""
    hint: str = ""
    """The line under the field; ``{keys}`` are the category keys."""
    empty: str = ""
    """An empty column: "nog geen kaartjes"."""
    total: str = ""
    """The number of cards: "{n} kaartjes"."""
    total_one: str = ""
    """One card: "1 kaartje"."""
    per_category: str = ""
    """The counts per category: "Per motief:"."""
    per_organisation: str = ""
    """The counts per organisation: "Per organisatie ({keys}):"."""
    report_counts: str = ""
    """The verslag's caption of the counts: "Aantal kaartjes per motief"."""
    report_per_organisation: str = ""
    """The verslag's heading: "Per organisatie"."""
    report_per_organisation_caption: str = ""
    """The verslag's caption of that table: "Kaartjes per organisatie en motief"."""
    unsorted: str = ""
    """The unsorted pile (``unsorted = true``): "Nog niet gesorteerd"."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SortStep(Step):
    """Cards sorted into categories (motive mapping)."""

    KIND: ClassVar[str] = "sort"
    categories: tuple[Category, ...]
    open: bool = False
    """Whether categories may be added and renamed in the app (themes that emerge)."""
    unsorted: bool = False
    """Whether a card may stay unsorted: a pile of its own (key 0, or the first free).
    Always so with ``from``: the earlier step's cards arrive there."""
    from_: str = ""
    """The id of an earlier step whose cards arrive in the unsorted pile (``from`` in
    the file; see :mod:`samen_tui.kinds.sort.taken`)."""
    top: int = 0
    """With ``from``: how many (the most dots of a brainstorm, ...; 0: all)."""
    category: str = ""
    """With ``from`` a sort step: only the cards of this category."""
    words: SortWords = field(default_factory=SortWords)

    def __post_init__(self) -> None:
        if self.from_:  # the earlier step's cards arrive in the unsorted pile
            object.__setattr__(self, "unsorted", True)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.top < 0:
            problems.append((("top",), t("workshop.check.top")))
        if not self.categories:
            problems.append((("categories",), t("workshop.check.no_categories")))
        if len(self.categories) > 9:
            problems.append((("categories",), t("workshop.check.too_many_categories")))
        seen_keys: dict[str, int] = {}
        for index, category in enumerate(self.categories):
            if category.key:
                if len(category.key) != 1 or category.key not in CATEGORY_KEYS:
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


UNSORTED = "-"
"""The category id of the unsorted pile (no id in a file can be it)."""


STEP = SortStep

DUTCH_KEYS = {
    "categorieen": "categories",
    "categorieën": "categories",
    "toets": "key",
    "woorden": "words",
}
