"""questions: open questions, each with the answers the group gives.

Under each question: a field (Enter adds the answer) and, when the step is
attributed, who gave it (the group unless a participant is chosen). In the list
of answers: Enter edits, Delete removes, Escape stops editing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import Input, Label, Select

from samen_tui.i18n import t
from samen_tui.kinds.participants.anonymous import who_options
from samen_tui.kinds.questions.model import Question, QuestionsStep
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.session.model import GROUP, new_id
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.widgets.forms import CardEntry, CardList
from samen_tui.tui.widgets.inputs import EntryInput


class QuestionBlock(CardEntry):
    """One question: its text, the field for an answer, the answers."""

    def __init__(self, question: Question, number: int, view: QuestionsView) -> None:
        super().__init__(id=f"q-{question.id}", classes="question-block")
        self.question = question
        self.number = number
        self.view = view

    def compose(self) -> ComposeResult:
        title = Text.assemble((f"{self.number}. ", "bold"), (self.question.text, "bold"))
        yield Label(title, classes="question-text")
        step = self.view.questions_step
        if not self.view.read_only and self.question.id:
            with Horizontal(classes="answer-row"):
                yield EntryInput(
                    placeholder=step.words.get("placeholder"),
                    classes="answer-input",
                    max_length=500,
                )
                if (step.attributed and not step.anonymous) or step.breakouts:
                    people = [(p.id, p.name) for p in self.view.session.participants]
                    hidden = step.anonymous or not step.attributed
                    found = who_options(t("questions.the_group"), people, step.breakouts, hidden)
                    options = [(Text(n, no_wrap=True, overflow="ellipsis"), w) for n, w in found]
                    yield Select(options, value=GROUP, allow_blank=False, classes="answer-who")
        yield CardList(classes="answer-list")
        yield Label(step.words.get("empty"), classes="no-answers")

    @property
    def who_select(self) -> Select[str] | None:
        found = self.query(".answer-who")
        return found.first(Select) if found else None

    @property
    def answers(self) -> CardList:
        return self.cards


class QuestionsView(StepView):
    HELP = "help.step.questions"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "escape",
            "cancel_edit",
            "key.questions.cancel",
            id="questions.cancel",
            show=False,
            tooltip="tip.questions.cancel",
        ),
    ]

    DEFAULT_CSS = """
    QuestionsView .question-block { height: auto; margin-bottom: 1; }
    QuestionsView .question-text { width: 1fr; }
    QuestionsView .answer-row { height: auto; }
    QuestionsView .answer-input { width: 1fr; }
    QuestionsView .answer-who { width: 26; }
    QuestionsView .answer-who SelectCurrent Static#label {
        height: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    QuestionsView .answer-list { height: auto; max-height: 12; border: none; padding: 0 0 0 2; }
    QuestionsView .answer-list:focus { border: none; }
    QuestionsView .no-answers { color: $text-muted; padding: 0 2; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assert isinstance(self.step, QuestionsStep)
        self.questions_step: QuestionsStep = self.step

    @property
    def answers_record(self) -> QuestionsRecord:
        record = self.record
        assert isinstance(record, QuestionsRecord)
        return record

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        for number, question in enumerate(self.questions_step.questions, start=1):
            yield QuestionBlock(question, number, self)
        known = {q.id for q in self.questions_step.questions}
        if any(a.question not in known for a in self.answers_record.answers):
            yield QuestionBlock(Question(id="", text=t("questions.other")), 0, self)

    def on_mount(self) -> None:
        self.call_after_refresh(self.show_answers)

    def record_changed(self) -> None:
        """A phone added to the record (#18): shown without composing anew."""
        self.show_answers()

    def focus_first(self) -> None:
        """Raises NoMatches while the blocks are not composed: the screen tries again
        a little later (a step has at least one question)."""
        block = self.query_one(QuestionBlock)
        (block.answers if self.read_only else block.input).focus()

    def answer_text(self, answer: Answer) -> Text:
        text = Text("• ")
        text.append(answer.text)
        if answer.who != GROUP:
            text.append(f" — {self.session.who_name(answer.who)}", style="dim italic")
        return text

    def show_answers(self, select: str | None = None) -> None:
        known = {q.id for q in self.questions_step.questions}
        for block in self.query(QuestionBlock):
            qid = block.question.id
            answers = [
                a
                for a in self.answers_record.answers
                if (a.question == qid if qid else a.question not in known)
            ]
            try:
                cards = block.answers
            except NoMatches:
                self.call_after_refresh(self.show_answers, select)
                return
            cards.show(((a.id, self.answer_text(a)) for a in answers), select=select)
            cards.display = bool(answers)
            block.query_one(".no-answers", Label).display = not answers

    def _block_of(self, widget: Any) -> QuestionBlock:
        node = widget
        while node is not None and not isinstance(node, QuestionBlock):
            node = node.parent
        assert isinstance(node, QuestionBlock)
        return node

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers_record.answers if a.id == answer_id), None)

    @on(Input.Submitted, ".answer-input")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        block = self._block_of(event.input)
        text = event.value.strip()
        if not text:
            self.notify(t("questions.empty_answer"), severity="warning")
            if isinstance(event.input, EntryInput):
                event.input.refused()
            return
        select = block.who_select
        who = select.value if select is not None and isinstance(select.value, str) else GROUP
        editing = self.answer(block.editing) if block.editing else None
        with self.capture.change():
            if editing is not None:
                editing.text = text
                editing.who = who
                answer_id = editing.id
            else:
                answer_id = new_id("q")
                self.answers_record.answers.append(
                    Answer(id=answer_id, question=block.question.id, text=text, who=who)
                )
        block.stop_editing(event.value)  # keeps what was typed after the Enter
        if select is not None:
            select.value = GROUP  # the next answer is the group's unless someone is chosen
        self.show_answers(select=answer_id)
        block.input.focus()

    @on(Select.Changed, ".answer-who")
    def who_chosen(self, event: Select.Changed) -> None:
        """Back to the answer once its author is chosen (choose first or last)."""
        event.stop()
        focused = self.screen.focused
        if focused is not None and (focused is event.select or event.select in focused.ancestors):
            self._block_of(event.select).input.focus()

    def edit_card(self, cards: CardList, answer_id: str) -> None:
        answer = self.answer(answer_id)
        if answer is None:
            return
        block = self._block_of(cards)
        block.start_editing(answer.id, answer.text, t("questions.editing"))
        select = block.who_select
        if select is not None and (
            answer.who in {GROUP, *self.questions_step.breakouts}
            or self.session.participant(answer.who) is not None
        ):
            select.value = answer.who
        block.input.focus()

    def card_to_action(self, cards: CardList, answer_id: str) -> None:
        if (answer := self.answer(answer_id)) is not None:
            self.make_action(answer.text, answer.id)

    def remove_card(self, cards: CardList, answer_id: str) -> None:
        answer = self.answer(answer_id)
        if answer is None:
            return
        with self.capture.change():
            self.answers_record.answers.remove(answer)
        block = self._block_of(cards)
        if block.editing == answer_id:
            block.stop_editing()
        self.show_answers()
        self.notify(t("questions.removed", text=answer.text), markup=False)
        if not cards.option_count and not self.read_only:
            block.input.focus()

    def action_cancel_edit(self) -> None:
        if self.read_only:
            return
        for block in self.query(QuestionBlock):
            if block.editing is not None:
                block.stop_editing()
                self.notify(t("questions.edit_cancelled"))


VIEW = QuestionsView
