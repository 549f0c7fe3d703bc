"""The agenda panel: items with planned and actual minutes, their steps, done marks."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.reactive import Reactive, reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop


def minutes(seconds: float) -> int:
    return int(seconds // 60)


class AgendaPanel(OptionList):
    """One option per step (selectable) under a heading per agenda item (disabled).

    Every line is one line high (no wrapping), so a change of a line or of the
    highlight repaints that line only: Textual's OptionList repainted all of them (the
    38 lines of the agenda at 120x40 were 4-9 ms of every pagedown)."""

    highlighted: Reactive[int | None] = reactive(None, repaint=False)

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
        return options

    def rebuild(self) -> None:
        """Show the marks and minutes as they are now.

        Only the lines that changed are drawn again: a step change alters two or three
        of them, and drawing every line anew (``set_options``) cost 8 ms of each
        pagedown and a third of the first paint. A changed agenda (a reloaded
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
                option._set_prompt(new.prompt)
                cache = self._option_render_cache  # only this line's renders are stale
                stale = [key for key in cache.keys() if key[0] is option]  # noqa: SIM118
                for key in stale:
                    cache.discard(key)
                self._repaint_option(index)
        self._highlight_current(self.highlighted)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(new)
        for index in (old, new):
            if index is not None:
                self._repaint_option(index)

    def _repaint_option(self, index: int) -> None:
        """Repaint the line(s) of the option at ``index``."""
        line = self._index_to_line.get(index)
        height = self._heights.get(index)
        region = self.scrollable_content_region
        if line is None or height is None or not region:
            self.refresh()  # not counted yet: it is drawn with all the others
            return
        self.refresh(Region(0, line - self.scroll_offset.y, region.width, height))

    def _highlight_current(self, fallback: int | None) -> None:
        current = self.session.current
        if current:
            try:
                self.highlighted = self.get_option_index(f"step:{current}")
            except Exception:
                self.highlighted = fallback
