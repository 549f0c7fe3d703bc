"""references in the room: the titles and addresses to take home. Never the
trainer's notes."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult

from samen_tui.kinds.references.model import ReferencesStep
from samen_tui.room.shown import Shown
from samen_tui.tui.room.view import RoomView, bullets


class ReferencesRoom(RoomView):
    """Each reference: its title, its address, its note."""

    FOLLOW_END = False

    def key(self, shown: Shown) -> object:
        return None  # nothing captured is shown (the notes are the trainer's)

    def compose(self) -> ComposeResult:
        step = self.step
        assert isinstance(step, ReferencesStep)
        if self.step.text.strip():
            yield from super().compose()
        lines = []
        for reference in step.references:
            line = Text(reference.title, style="bold")
            if reference.url:
                line.append("\n")
                line.append(reference.url, style=Style(underline=True, link=reference.url))
            if reference.note:
                line.append("\n")
                line.append(reference.note, style="dim")
            lines.append(line)
        yield bullets(lines, gap=1)


ROOM = ReferencesRoom
