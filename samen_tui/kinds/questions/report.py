"""The questions step in the verslag: each question with its answers.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds.questions.model import Question, QuestionsStep
from samen_tui.kinds.questions.record import QuestionsRecord
from samen_tui.report.blocks import Block, Bullets, Heading
from samen_tui.report.helpers import as_record, as_step, card_who
from samen_tui.session.model import GROUP, Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Each question with its answers (and who gave them, when attributed)."""
    questions = as_step(step, QuestionsStep)
    record = as_record(rec, QuestionsRecord)
    if record is None or not record.answers:
        return []
    asked = list(questions.questions)
    known = {q.id for q in asked}
    extra = [a for a in record.answers if a.question not in known]
    blocks: list[Block] = []
    for question in asked:
        answers = [a for a in record.answers if a.question == question.id and a.text.strip()]
        if not answers:
            continue
        blocks.append(Heading(question.text, level=4))
        blocks.append(
            Bullets(
                tuple(
                    t("report.said_by", text=a.text, who=card_who(session, a.who))
                    if a.who in questions.breakouts
                    or (questions.attributed and not questions.anonymous and a.who != GROUP)
                    else a.text
                    for a in answers
                )
            )
        )
    if extra:
        blocks.append(Heading(t("report.other"), level=4))
        blocks.append(
            Bullets(
                tuple(
                    t("report.said_by", text=a.text, who=card_who(session, a.who))
                    if a.who != GROUP
                    else a.text
                    for a in extra
                )
            )
        )
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """The questions the answers name (their ids as their text)."""
    assert isinstance(rec, QuestionsRecord)
    return QuestionsStep(
        id=step_id,
        title=step_id,
        questions=tuple(
            Question(id=q, text=q) for q in dict.fromkeys(a.question for a in rec.answers) if q
        ),
    )
