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
    source: str = ""
    """The card, answer or decision (its id) it was made from, in the step that holds it."""


def held_list(record: Record | None) -> list[Action] | None:
    """The list of actions a record keeps (``actions``), if it keeps one."""
    held = getattr(record, "actions", None)
    return held if isinstance(held, list) else None


def made_from(record: Record, source: str) -> Action | None:
    """The action made from card ``source`` of this record, if one was."""
    return next((a for a in held_list(record) or [] if a.source == source), None)


@dataclass(kw_only=True, eq=False, repr=False)
class ActionsRecord(Record):
    KIND: ClassVar[str] = "actions"
    actions: list[Action] = field(default_factory=list)

    def held_actions(self) -> Sequence[Action]:
        return self.actions


RECORD = ActionsRecord
