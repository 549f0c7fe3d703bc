"""brainstorm in the room: the cards per prompt, and, when the step has dot voting
and the trainer reveals it (F7), the ranking with the dots. Never the trainer's notes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.brainstorm.stats import ranked, ranks
from samen_tui.kinds.flow import resolve
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import Columns, RoomView, bullets, counted
from samen_tui.workshop.model import Step

MAX_DOTS = 10
"""More votes than this are one dot and the number."""


def dots(votes: int) -> Text:
    """An idea's votes as dots and the number: ``●●● 3``."""
    shown = "●" * votes if votes <= MAX_DOTS else "●×"
    out = Text(shown, style="bold")
    out.append(f" {votes}" if votes else "–", style="dim" if not votes else "")
    return out


def ranking(ideas: list[Idea]) -> Static:
    """Ideas most voted first: the rank, the dots, the text (wrapped under itself)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, justify="right", style="dim")
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for rank, idea in zip(ranks(ideas), ideas, strict=True):
        grid.add_row(f"{rank}.", dots(idea.total_votes), Text(idea.text))
    return Static(grid, classes="room-lines")


def prompts_of(step: BrainstormStep, record: BrainstormRecord | None) -> list[Prompt]:
    """The step's prompts, then any prompt an idea names that the step no longer has."""
    prompts = list(step.prompts)
    known = {prompt.id for prompt in prompts}
    for idea in record.ideas if record is not None else ():
        if idea.prompt not in known:
            prompts.append(Prompt(id=idea.prompt, title=idea.prompt or t("report.other")))
            known.add(idea.prompt)
    return prompts


class BrainstormRoom(RoomView):
    """A column per prompt with its cards; ranked with dots once revealed."""

    @classmethod
    def hides_results(cls, step: Step) -> bool:
        """The dot votes wait for the trainer's reveal (the cards do not)."""
        return isinstance(step, BrainstormStep) and step.voting is not None

    def key(self, shown: Shown) -> object:
        record = shown.record
        ideas = record.ideas if isinstance(record, BrainstormRecord) else []
        key = (encode(ideas), shown.revealed)  # not the notes: the trainer's
        step = shown.step
        if isinstance(step, BrainstormStep) and step.from_:  # its prompts: that step's cards
            return key, encode(shown.session.records.get(step.from_))
        return key

    def compose(self) -> ComposeResult:
        step = resolve(self.step, self.shown.session, self.shown.workshop)
        assert isinstance(step, BrainstormStep)
        record = self.shown.record
        rec = record if isinstance(record, BrainstormRecord) else None
        voting = self.hides_results(step)
        results = voting and self.shown.revealed
        yield from self.intro()
        columns = [self._column(step, rec, prompt, results) for prompt in prompts_of(step, rec)]
        yield Columns(*columns, classes="room-columns")
        if rec is None or not rec.ideas:
            yield self.note(t("room.brainstorm.none"))
        elif voting and not results:
            yield self.note(t("room.brainstorm.hidden"), "room-hidden")

    def _column(
        self, step: BrainstormStep, rec: BrainstormRecord | None, prompt: Prompt, results: bool
    ) -> Widget:
        ideas = [idea for idea in (rec.ideas if rec else []) if idea.prompt == prompt.id]
        heading = counted(prompt.title, len(ideas))
        parts: list[Widget] = [Static(heading, classes="room-heading")]
        if prompt.question.strip():
            parts.append(Static(prompt.question, classes="room-hint", markup=False))
        if ideas:
            if results:
                parts.append(ranking(ranked(step, rec, prompt.id)))
            else:
                parts.append(bullets(idea.text for idea in ideas))
        return Vertical(*parts, classes="room-column")


ROOM = BrainstormRoom
