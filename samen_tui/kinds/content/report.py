"""The content step in the verslag: its title under "Wat we bespraken" (``DISCUSSED``),
and the trainer's notes in the version with them.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.kinds.content.model import ContentStep
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.report.blocks import Block
from samen_tui.report.helpers import as_record, as_step, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step

DISCUSSED = True
"""The report lists the steps of this kind by title, in order, under "Wat we
bespraken" (the slides are what the group talked about)."""


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """A slide: only the trainer's notes (in the version with them), if any."""
    as_step(step, ContentStep)
    record = as_record(rec, ContentRecord)
    return notes(record.notes) if record is not None else []


def stand_in(step_id: str, rec: Record) -> Step:
    """A slide named by its id."""
    return ContentStep(id=step_id, title=step_id)
