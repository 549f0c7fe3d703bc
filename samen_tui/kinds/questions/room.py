"""questions in the room: each question with the answers given (and who gave them,
when the step is attributed)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.report.helpers import card_who
from samen_tui.session.model import GROUP, Session
from samen_tui.tui.room.view import RoomView, bullets


def answer_text(session: Session, answer: Answer, attributed: bool) -> Text:
    """An answer, and who gave it (dim) when the step says so."""
    line = Text(answer.text)
    if attributed and answer.who != GROUP:
        line.append(f" — {card_who(session, answer.who)}", style="dim")
    return line


class QuestionsRoom(RoomView):
    """Each question, then its answers."""

    DEFAULT_CSS = """
    QuestionsRoom .room-question { height: auto; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        step = self.step
        assert isinstance(step, QuestionsStep)
        record = self.shown.record
        answers = record.answers if isinstance(record, QuestionsRecord) else []
        session = self.shown.session
        yield from self.intro()
        known = {question.id for question in step.questions}
        asked = [(q.text, [a for a in answers if a.question == q.id]) for q in step.questions]
        other = [a for a in answers if a.question not in known]
        if other:
            asked.append((t("report.other"), other))
        for text, given in asked:
            parts = [Static(text, classes="room-heading", markup=False)]
            lines = [answer_text(session, a, step.attributed) for a in given if a.text.strip()]
            if lines:
                parts.append(bullets(lines))
            yield Vertical(*parts, classes="room-question")


ROOM = QuestionsRoom
