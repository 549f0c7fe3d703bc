"""content: a slide of Markdown, with room for the trainer's notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from samen_tui.i18n import t
from samen_tui.kinds.content.model import ContentStep
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.tui.steps.base import StepView


class ContentView(StepView):
    HELP = "help.step.content"
    SHOWS_PARTICIPANTS = False  # the workshop text and its own notes only

    def compose(self) -> ComposeResult:
        assert isinstance(self.step, ContentStep)
        if text := self.intro():
            yield text
        record = self.record
        assert isinstance(record, ContentRecord)
        if not self.step.notes:
            return
        yield Label(t("content.notes"), classes="field-label")
        if self.read_only:
            if record.notes:
                yield Static(record.notes, markup=False, classes="notes-text")
        else:
            yield TextArea(record.notes, id="notes", classes="notes", soft_wrap=True)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        record = self.record
        assert isinstance(record, ContentRecord)
        if event.text_area.text != record.notes:
            self.capture.typing(f"{self.step.id}:notes")
            record.notes = event.text_area.text

    def focus_first(self) -> None:
        """The notes field; NoMatches until it is composed (the screen tries again)."""
        assert isinstance(self.step, ContentStep)
        if self.step.notes and not self.read_only:
            self.query_one("#notes", TextArea).focus()


VIEW = ContentView
