"""Shown for a kind whose widget cannot be loaded: its title and kind, nothing lost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.tui.steps.base import StepView


class PlaceholderView(StepView):
    SHOWS_PARTICIPANTS = False  # the step's title and kind only

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        yield Static(t("step.placeholder", kind=self.step.KIND), markup=False)
