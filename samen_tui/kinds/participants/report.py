"""The participants step in the verslag: how many, from how many organisations (the
table of who was there heads the report), and the trainer's notes (only in the
version with them).

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import plural
from samen_tui.kinds.participants.model import ParticipantsStep
from samen_tui.kinds.participants.record import ParticipantsRecord
from samen_tui.report.blocks import Block, Paragraph
from samen_tui.report.helpers import as_record, as_step, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Who was there in one line (the table is at the top of the report) and notes."""
    as_step(step, ParticipantsStep)
    record = as_record(rec, ParticipantsRecord)
    blocks: list[Block] = []
    if session.participants:
        orgs = {p.organisation.strip() for p in session.participants if p.organisation.strip()}
        count = len(session.participants)
        if orgs:
            orgs_text = plural("report.participants.orgs", len(orgs))
            line = plural("report.participants.count_orgs", count, orgs=orgs_text)
        else:
            line = plural("report.participants.count", count)
        blocks.append(Paragraph(line))
    if record is not None:
        blocks.extend(notes(record.notes))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """The step named by its id."""
    return ParticipantsStep(id=step_id, title=step_id)
