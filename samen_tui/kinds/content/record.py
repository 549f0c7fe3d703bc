"""What a content step captures: the trainer's notes. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.session.model import Record


@dataclass(kw_only=True, eq=False, repr=False)
class ContentRecord(Record):
    KIND: ClassVar[str] = "content"
    notes: str = ""


RECORD = ContentRecord
