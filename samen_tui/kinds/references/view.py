"""references: titles and addresses, shown as a list."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from samen_tui.kinds.references.model import ReferencesStep
from samen_tui.tui.steps.base import StepView

_SAFE_LINK = re.compile(r"(?:https?://|mailto:)[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def link_style(url: str) -> Style:
    """Underlined, and a link the terminal can open when it is a plain web or mail
    address: the workshop's text is never parsed as a style, and nothing else (no
    control character, no space, no other scheme) goes into the terminal's link."""
    if _SAFE_LINK.fullmatch(url):
        return Style(underline=True, link=url)
    return Style(underline=True)


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
                line.append(ref.url, style=link_style(ref.url))
            yield Static(line, classes="reference")


VIEW = ReferencesView
