"""What a participants step keeps besides ``Session.participants``: notes.
Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.session.model import Record


@dataclass(kw_only=True, eq=False, repr=False)
class ParticipantsRecord(Record):
    """The participants themselves live in ``Session.participants``; this keeps notes."""

    KIND: ClassVar[str] = "participants"
    notes: str = ""


RECORD = ParticipantsRecord
