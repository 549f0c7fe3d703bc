"""The actions step: every action of the session in one list. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.workshop.model import Step


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ActionsStep(Step):
    """Every action of the session in one list (wie / wat / wanneer / status)."""

    KIND: ClassVar[str] = "actions"


STEP = ActionsStep
