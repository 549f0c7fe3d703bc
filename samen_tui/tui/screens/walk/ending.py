"""Ending a session: pagedown on the last step (or the palette) opens "Sessie
afronden": the time used per agenda item and what was captured, a confirmation
(escape or "Terug" cancels), and then the export dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from samen_tui.i18n import plural, t
from samen_tui.session.ending import EndSummary, end_summary
from samen_tui.tui.screens.dialogs import Dialog, export_dialog

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def summary_table(summary: EndSummary) -> Table:
    """Agenda item, planned and used minutes; an item that ran over in the error colour."""
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
    table.add_column(t("end.col.item"), ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column(t("end.col.planned"), justify="right")
    table.add_column(t("end.col.used"), justify="right")
    for number, item in enumerate(summary.items, start=1):
        over = item.seconds > item.planned_minutes * 60
        table.add_row(
            Text(f"{number}. {item.title}"),
            f"{item.planned_minutes}:00",
            Text(clock(item.seconds), style="bold red" if over else ""),
        )
    table.add_row(
        Text(t("end.total"), style="bold"),
        f"{summary.planned_minutes}:00",
        Text(clock(summary.seconds), style="bold"),
    )
    return table


def counts_line(summary: EndSummary) -> str:
    """``7 deelnemers · 1 kaartje · ...``: each count in its own number."""
    counts = (
        ("end.people", summary.participants),
        ("end.cards", summary.cards),
        ("end.votes", summary.votes),
        ("end.decisions", summary.decisions),
        ("end.actions", summary.open_actions),
    )
    return " · ".join(plural(key, n) for key, n in counts)


class EndDialog(Dialog):
    """The summary and the question; answers "yes" to end, None to go back."""

    DEFAULT_CSS = """
    EndDialog > Vertical { width: 76; }
    EndDialog #end-summary { height: auto; max-height: 16; }
    EndDialog #end-counts { margin: 1 0 0 0; }
    EndDialog #end-question { margin: 1 0; }
    """

    def __init__(self, summary: EndSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("end.title"), classes="dialog-title")
            with VerticalScroll(id="end-summary"):
                yield Static(summary_table(self.summary), id="end-items")
            yield Static(counts_line(self.summary), id="end-counts", markup=False)
            yield Static(t("end.question"), id="end-question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("end.back"), id="no")
                yield Button(t("end.confirm"), id="yes", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # Enter typed on by mistake ends nothing

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss("yes" if event.button.id == "yes" else None)


def ask_to_end(screen: WalkScreen) -> None:
    """The dialog; on "yes" the session ends, then the export is offered."""

    def answered(answer: str | None) -> None:
        if answer != "yes":
            return
        screen.end_session()
        export_dialog(screen, screen.workshop, screen.session, screen.path)

    screen.app.push_screen(EndDialog(end_summary(screen.workshop, screen.session)), answered)
