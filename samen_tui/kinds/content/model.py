"""The content step: a slide of Markdown. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.workshop.model import Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ContentStep(Step):
    """A slide: Markdown text; the trainer may keep notes."""

    KIND: ClassVar[str] = "content"
    notes: bool = True


STEP = ContentStep

DUTCH_KEYS = {"notities": "notes"}
