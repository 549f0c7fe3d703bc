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

    def __init__(
        self, workshop: Workshop, session: Session, *, id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.workshop = workshop
        self.session = session
        self.border_title = "Agenda"

    def on_mount(self) -> None:
        self.rebuild()

    def lines(self) -> list[Option]:
        """What the agenda shows now: a heading per item, a line per step."""
        current = self.session.current
        seen = set(self.session.seen)
        options: list[Option] = []
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
                # done: something captured, or on screen long enough (never just passed)
                done = (
                    step.id in seen
                    or (record is not None and not record.is_empty())
                    or (step.KIND == "participants" and bool(self.session.participants))
                )
                mark = "▶" if step.id == current else ("✓" if done else " ")
                line = Text(no_wrap=True, overflow="ellipsis")
                line.append(f"       {mark} ", style="bold green" if done else "bold")
                line.append(step.title)
                options.append(Option(line, id=f"step:{step.id}"))
        return options

    def rebuild(self) -> None:
        """Show the marks and minutes as they are now: the lines that changed are
        replaced (a step change alters two or three); a changed agenda (a reloaded
        workshop) is set anew."""
        fresh = self.lines()
        kept = self.options
        if [o.id for o in kept] != [o.id for o in fresh]:
            highlighted = self.highlighted
            self.set_options(fresh)
            self._highlight_current(highlighted)
            return
        for index, (option, new) in enumerate(zip(kept, fresh, strict=True)):
            if option.prompt != new.prompt:
                self.replace_option_prompt_at_index(index, new.prompt)
        self._highlight_current(self.highlighted)

    def _highlight_current(self, fallback: int | None) -> None:
        current = self.session.current
        if current:
            try:
                self.highlighted = self.get_option_index(f"step:{current}")
            except Exception:
                self.highlighted = fallback
