"""The references step: titles and addresses. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.i18n import t
from samen_tui.values import FrozenValues
from samen_tui.workshop.model import Problem, Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Reference(FrozenValues):
    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ReferencesStep(Step):
    """Titles and addresses."""

    KIND: ClassVar[str] = "references"
    references: tuple[Reference, ...]

    def check(self) -> list[Problem]:
        if not self.references:
            return [(("references",), t("workshop.check.no_references"))]
        return []


STEP = ReferencesStep

DUTCH_KEYS = {
    "verwijzingen": "references",
    "bronnen": "references",
    "adres": "url",
    "opmerking": "note",
}
