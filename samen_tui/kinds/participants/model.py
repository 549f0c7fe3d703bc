"""The participants step: who is here. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.workshop.model import Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ParticipantsStep(Step):
    """Who is here: name, organisation, role."""

    KIND: ClassVar[str] = "participants"
    roles: tuple[str, ...] = ()
    """Suggested roles (free text is allowed too)."""


STEP = ParticipantsStep

DUTCH_KEYS = {"rollen": "roles"}
