"""The line above the step: where the trainer is in the agenda."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

SEPARATOR = "  ›  "
SHORTEST_ITEM = 8
"""Below this many cells an item title is left out rather than cut to a stub."""


class StepTitle(Widget):
    """``3. Item title  ›  Step title   (5/14)`` on one line. When it does not fit, the
    item's title gives way first (the agenda shows it too), cut with an ellipsis or left
    out; the step's own title goes last. Participant text never appears here, and the
    titles are text, never markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts = ("", "", "")

    def show(self, item: str, step: str, position: str) -> None:
        """Show the item (numbered), the step and its position, e.g. ``(5/14)``."""
        parts = (item, step, position)
        if parts != self._parts:
            self._parts = parts
            self.refresh()

    def render(self) -> Text:
        item, step, position = self._parts
        suffix = f"   {position}" if position else ""
        width = self.content_size.width
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        room = width - cell_len(SEPARATOR) - cell_len(step) - cell_len(suffix)
        if item and room >= min(cell_len(item), SHORTEST_ITEM):
            if cell_len(item) > room:
                item = set_cell_size(item, room - 1).rstrip() + "…"
            line.append(item, style="dim")
            line.append(SEPARATOR)
        line.append(step, style="bold")
        line.append(suffix, style="dim")
        return line
