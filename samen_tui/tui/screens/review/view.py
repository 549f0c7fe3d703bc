"""One saved session, read-only, step by step (opened from the review with Enter).

The steps on the left, the step's own widget on the right showing what was
captured (without inputs: :class:`~samen_tui.tui.steps.base.ReadOnlyCapture`), and
the report as the last page; ``e`` exports it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from samen_tui.i18n import t
from samen_tui.session.model import Session
from samen_tui.tui.screens.review.table import NARROW
from samen_tui.tui.widgets.keybar import KeyBar
from samen_tui.workshop.model import Workshop


class SessionViewScreen(Screen[None]):
    """One saved session, read-only, step by step: the steps on the left, the step's own
    widget (showing what was captured, without inputs) on the right."""

    DEFAULT_CSS = """
    SessionViewScreen #view-body { height: 1fr; }
    SessionViewScreen #view-steps {
        width: 34; height: 1fr; border: round $primary 50%;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    SessionViewScreen.narrow #view-steps { width: 26; }
    SessionViewScreen #view-steps.collapsed { display: none; }
    SessionViewScreen #view-main { width: 1fr; height: 1fr; }
    SessionViewScreen #view-step-title { height: 1; padding: 0 1; width: 1fr; }
    SessionViewScreen #view-host { height: 1fr; }
    SessionViewScreen .view-report { padding: 0 1; }
    """

    BINDINGS = [
        Binding(
            "pagedown", "next_step", "key.next", priority=True, id="view.next", tooltip="tip.next"
        ),
        Binding(
            "pageup",
            "previous_step",
            "key.previous",
            priority=True,
            id="view.previous",
            tooltip="tip.previous",
        ),
        Binding("escape", "back", "key.back", id="view.back", tooltip="tip.back"),
        Binding("e", "export", "key.export", id="view.export", tooltip="tip.export"),
        Binding("f2", "toggle_steps", "key.steps", id="view.steps", tooltip="tip.steps"),
    ]

    REPORT = "report"

    def __init__(self, workshop: Workshop | None, session: Session, path: Path) -> None:
        super().__init__()
        self.workshop = workshop
        self.session = session
        self.path = path
        self.pages: list[str] = [s.id for _i, s in workshop.steps()] if workshop else []
        self.pages.append(self.REPORT)
        self.page = 0
        """Index in ``pages`` of what is shown: the review reads from the first step."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="view-body"):
            yield OptionList(*self._options(), id="view-steps")
            with Vertical(id="view-main"):
                yield Label("", id="view-step-title")
                yield Vertical(id="view-host")
        yield KeyBar()

    def _options(self) -> list[Option]:
        options: list[Option] = []
        captured = {k for k, rec in self.session.records.items() if not rec.is_empty()}
        if self.workshop is not None:
            for number, item in enumerate(self.workshop.items, start=1):
                options.append(Option(Text(f"{number}. {item.title}", style="bold"), disabled=True))
                for step in item.steps:
                    line = Text("  ")
                    line.append("● " if step.id in captured else "  ", style="green")
                    line.append(step.title)
                    options.append(Option(line, id=f"step:{step.id}"))
        options.append(Option(Text(t("view.report"), style="italic"), id=f"step:{self.REPORT}"))
        return options

    def on_mount(self) -> None:
        from samen_tui.session.compare import session_label

        self.title = self.workshop.title if self.workshop else self.session.workshop
        self.sub_title = f"{session_label(self.session)} · {t('view.read_only')}"
        self.set_class(self.app.size.width < NARROW, "narrow")
        steps = self.query_one("#view-steps", OptionList)
        steps.focus()
        self.show_page(self.page)

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < NARROW, "narrow")

    @property
    def step_view(self) -> Any:
        from samen_tui.tui.steps.base import StepView

        views = self.query(StepView)
        return views.first() if views else None

    def show_page(self, index: int) -> None:
        from samen_tui import report
        from samen_tui.tui.screens.walk import widget_class
        from samen_tui.tui.steps.base import ReadOnlyCapture

        index = max(0, min(index, len(self.pages) - 1))
        self.page = index
        page_id = self.pages[index]
        host = self.query_one("#view-host")
        host.remove_children()
        heading = self.query_one("#view-step-title", Label)
        count = (f"{index + 1}/{len(self.pages)}  ", "dim")
        if page_id == self.REPORT or self.workshop is None:
            heading.update(Text.assemble(count, (t("view.report"), "bold")))
            options = report.Options(with_notes=True)  # the trainer's own screen
            blocks = report.report_blocks(self.workshop, self.session, options)
            host.mount(VerticalScroll(Static(report.to_rich(blocks), classes="view-report")))
        else:
            item = self.workshop.item_of(page_id)
            step = self.workshop.step(page_id)
            assert step is not None
            number = self.workshop.items.index(item) + 1 if item is not None else 0
            line = Text.assemble(count, (step.title, "bold"), no_wrap=True, overflow="ellipsis")
            if item is not None:
                line.append(f"   {number}. {item.title}", style="dim")
            heading.update(line)
            capture = ReadOnlyCapture(self.session, self.workshop)
            host.mount(widget_class(step.KIND)(step, capture))
        steps = self.query_one("#view-steps", OptionList)
        with contextlib.suppress(Exception):
            option_index = steps.get_option_index(f"step:{page_id}")
            if steps.highlighted != option_index:
                with self.prevent(OptionList.OptionHighlighted):
                    steps.highlighted = option_index

    @on(OptionList.OptionHighlighted, "#view-steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id or ""
        page_id = option_id.removeprefix("step:")
        if page_id in self.pages and self.pages.index(page_id) != self.page:
            self.show_page(self.pages.index(page_id))

    def action_next_step(self) -> None:
        if self.page + 1 < len(self.pages):
            self.show_page(self.page + 1)

    def action_previous_step(self) -> None:
        if self.page > 0:
            self.show_page(self.page - 1)

    def action_toggle_steps(self) -> None:
        self.query_one("#view-steps").toggle_class("collapsed")

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        export_dialog(self, self.workshop, self.session, self.path)
