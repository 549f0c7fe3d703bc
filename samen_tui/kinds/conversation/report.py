"""The conversation step in the verslag: the flow chosen, the notes per phase, the
mandates and the decisions (its actions are in the action list).

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import plural, t
from samen_tui.kinds.conversation.model import ConversationStep, Flow, Phase
from samen_tui.kinds.conversation.record import ConversationRecord
from samen_tui.report.blocks import Block, Bullets, Heading, Paragraph, Table
from samen_tui.report.helpers import action_who, as_record, as_step, fmt_day
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The chosen flow, the notes per phase, mandates and decisions (the actions
    are in the action list)."""
    conversation = as_step(step, ConversationStep)
    record = as_record(rec, ConversationRecord)
    if record is None or record.is_empty():
        return []
    blocks: list[Block] = []
    flow = next((f for f in conversation.flows if f.id == record.flow), None)
    if record.flow:
        chosen = flow.title if flow is not None else record.flow
        if flow is not None and flow.phases:
            chosen += " (" + ", ".join(p.title for p in flow.phases) + ")"
        blocks.append(Paragraph(chosen, label=conversation.words.get("report_flow")))
    phases: list[Phase] = list(flow.phases) if flow is not None else []
    for other in conversation.flows:
        phases.extend(p for p in other.phases if p.id not in {q.id for q in phases})
    titles = {p.id: p.title for p in phases}
    order = [p.id for p in phases]
    for phase_id in sorted(
        (k for k, v in record.notes.items() if v.strip()),
        key=lambda k: order.index(k) if k in order else len(order),
    ):
        blocks.append(Heading(titles.get(phase_id, phase_id), level=4))
        blocks.append(Paragraph(record.notes[phase_id]))
    if record.mandates:
        blocks.append(Heading(t("report.conversation.mandates"), level=4))
        blocks.append(
            Table(
                (
                    t("report.mandate.partner"),
                    t("report.mandate.take_back"),
                    t("report.mandate.holder"),
                    t("report.mandate.by"),
                ),
                tuple(
                    (m.partner, m.take_back, action_who(session, m.holder), fmt_day(m.by))
                    for m in record.mandates
                ),
                caption=t("report.mandate.caption"),
            )
        )
    if record.decisions:
        blocks.append(Heading(t("report.conversation.decisions"), level=4))
        blocks.append(Bullets(tuple(d.text for d in record.decisions)))
    if record.actions:
        count = plural("report.conversation.actions", len(record.actions))
        blocks.append(Paragraph(count, note=True))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """The flow the record names, with the phases it has notes for (titled by ids)."""
    assert isinstance(rec, ConversationRecord)
    phases = tuple(Phase(id=k, title=k, question="") for k in rec.notes)
    flows = (Flow(id=rec.flow, title=rec.flow, phases=phases),) if rec.flow else ()
    return ConversationStep(id=step_id, title=step_id, flows=flows)
