"""What a references step captures: notes. Never imports textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from samen_tui.session.model import Record


@dataclass(kw_only=True, eq=False, repr=False)
class ReferencesRecord(Record):
    KIND: ClassVar[str] = "references"
    notes: str = ""


RECORD = ReferencesRecord
