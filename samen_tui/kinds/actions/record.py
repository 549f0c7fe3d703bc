"""Actions (wie doet wat wanneer), and what an actions step captures.

:class:`Action` is shared: the conversation step records actions too (in its deciding
phase), and the session lists every action of every step (``Session.all_actions``).
Never imports textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from samen_tui.session.model import Record
from samen_tui.values import Values

ActionStatus = Literal["open", "done"]


@dataclass(kw_only=True, eq=False, repr=False)
class Action(Values):
    """Wie doet wat wanneer."""

    id: str = ""
    who: str = ""
    what: str = ""
    when: dt.date | None = None
    status: ActionStatus = "open"
    origin: str = ""
    """Where it came from: a session file name when taken over from an earlier session."""


@dataclass(kw_only=True, eq=False, repr=False)
class ActionsRecord(Record):
    KIND: ClassVar[str] = "actions"
    actions: list[Action] = field(default_factory=list)

    def held_actions(self) -> Sequence[Action]:
        return self.actions


RECORD = ActionsRecord
