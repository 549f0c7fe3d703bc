"""references: titles and addresses, shown as a list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from samen_tui.kinds.references.model import ReferencesStep
from samen_tui.tui.steps.base import StepView


class ReferencesView(StepView):
    HELP = "help.step.references"
    SHOWS_PARTICIPANTS = False  # the workshop's references only

    def compose(self) -> ComposeResult:
        assert isinstance(self.step, ReferencesStep)
        if text := self.intro():
            yield text
        for ref in self.step.references:
            line = Text()
            line.append("• ", style="bold")
            line.append(ref.title, style="bold")
            if ref.note:
                line.append(f"\n  {ref.note}")
            if ref.url:
                line.append("\n  ")
                line.append(ref.url, style=f"underline link {ref.url}")
            yield Static(line, classes="reference")


VIEW = ReferencesView
