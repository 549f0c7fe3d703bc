"""The references step in the verslag: the references to take home (clickable links in
HTML), and the trainer's notes in the version with them.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.kinds.references.model import ReferencesStep
from samen_tui.kinds.references.record import ReferencesRecord
from samen_tui.report.blocks import Block, Link, Links
from samen_tui.report.helpers import as_record, as_step, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The references from the workshop (to take home) and any notes."""
    references = as_step(step, ReferencesStep)
    record = as_record(rec, ReferencesRecord)
    blocks: list[Block] = []
    if references.references:
        blocks.append(Links(tuple(Link(r.title, r.url, r.note) for r in references.references)))
    if record is not None:
        blocks.extend(notes(record.notes))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """The step named by its id, without references (the workshop has them)."""
    return ReferencesStep(id=step_id, title=step_id, references=())
