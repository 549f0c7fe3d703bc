"""The agenda panel: items with planned and actual minutes, their steps, done marks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop


def minutes(seconds: float) -> int:
    return int(seconds // 60)


class AgendaPanel(OptionList):
    """One option per step (selectable) under a heading per agenda item (disabled)."""

    def __init__(self, workshop: Workshop, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workshop = workshop
        self.session = session
        self.border_title = "Agenda"

    def on_mount(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Redraw every line (cheap: one line per step)."""
        step_ids = self.workshop.step_ids()
        current = self.session.current
        current_index = step_ids.index(current) if current in step_ids else -1
        options: list[Option] = []
        index = 0
        for number, item in enumerate(self.workshop.items, start=1):
            spent = self.session.items.get(item.id)
            actual = minutes(spent.seconds) if spent else 0
            head = Text(no_wrap=True, overflow="ellipsis")
            times = Text(f"{actual:>3}/{item.minutes:<3}", style="dim")
            if actual > item.minutes:
                times.stylize("bold red")
            head.append_text(times)
            head.append(f"{number}. {item.title}", style="bold")
            options.append(Option(head, id=f"item:{item.id}", disabled=True))
            for step in item.steps:
                record = self.session.records.get(step.id)
                done = index < current_index or (record is not None and not record.is_empty())
                mark = "▶" if step.id == current else ("✓" if done else " ")
                line = Text(no_wrap=True, overflow="ellipsis")
                line.append(f"       {mark} ", style="bold green" if done else "bold")
                line.append(step.title)
                options.append(Option(line, id=f"step:{step.id}"))
                index += 1
        highlighted = self.highlighted
        self.set_options(options)
        if current:
            try:
                self.highlighted = self.get_option_index(f"step:{current}")
            except Exception:
                self.highlighted = highlighted
