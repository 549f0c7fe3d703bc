"""Two or more sessions of one workshop side by side.

One column per session (A, B, C, … with a legend above), oldest first:

* the ingredient checklist: each cluster's mean as a bar and a number (``i`` also
  shows every ingredient), and with two sessions the difference B − A;
* the motive mix: cards per category, with a bar for its share of the session's cards;
* decisions and actions, each once, with its status in every session.

The numbers come from :mod:`samen_tui.session.compare` (``compare_ratings``,
``compare_motives``, ``compare_actions``), the same as an export of the comparison
(``e``: Markdown through ``compare_blocks``). Participant text only ever reaches
the screen inside :class:`rich.text.Text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from samen_tui import report
from samen_tui.i18n import plural, t
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.sort.model import SortStep
from samen_tui.session import compare
from samen_tui.session.model import Session
from samen_tui.tui.formatting import format_moment
from samen_tui.tui.widgets.keybar import KeyBar
from samen_tui.workshop.model import Workshop

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


def bar(value: float | None, low: float, high: float, width: int) -> Text:
    """A bar of ``width`` cells: filled part in the accent colour, the rest dim."""
    shape = report.bar_string(value, low, high, width)
    filled = len(shape.rstrip("░"))
    return Text.assemble((shape[:filled], "cyan"), (shape[filled:], "dim"))


def session_header(index: int, session: Session) -> Text:
    date = format_moment(session.started, short=True)
    return Text.assemble((letter(index), "bold"), "\n", (date, "dim"))


def legend(sessions: Sequence[Session], names: Sequence[str]) -> RenderableType:
    """Which letter is which session: title and date, place, participants, file name."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for index, (session, name) in enumerate(zip(sessions, names, strict=True)):
        details = [session.place.strip(), plural("compare.people", len(session.participants))]
        line = Text(compare.session_label(session), style="bold")
        line.append("  " + " · ".join([d for d in details if d] + [name]), style="dim")
        grid.add_row(Text(letter(index), style="bold"), line)
    return grid


def _bar_width(screen_width: int, columns: int) -> int:
    room = max(20, screen_width - 34) // max(1, columns)
    return max(4, min(12, room - 6))


def ratings(
    workshop: Workshop, sessions: Sequence[Session], *, details: bool, width: int = 80
) -> RenderableType:
    """Per rate step: each cluster's mean per session as a bar and a number."""
    rows = compare.compare_ratings(workshop, sessions)
    if not any(m is not None for row in rows for m in row.means):
        return Text(t("compare.no_ratings"), style="italic dim")
    two = len(sessions) == 2
    bar_width = _bar_width(width, len(sessions) + (1 if two else 0))
    parts: list[RenderableType] = []
    for _item, step in workshop.steps():
        if not isinstance(step, RateStep):
            continue
        low, high = step.scale.min, step.scale.max
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
        table.add_column(
            Text(t("compare.ingredient") if details else t("compare.cluster")), ratio=1
        )
        for index, session in enumerate(sessions):
            table.add_column(session_header(index, session), no_wrap=True)
        if two:
            table.add_column(Text(t("compare.difference")), justify="right", no_wrap=True)
        for row in rows:
            if row.step_id != step.id or (not row.is_group and not details):
                continue
            style = "bold" if row.is_group and details else ""
            label = Text(row.title if row.is_group else f"  {row.title}", style=style)
            cells: list[RenderableType] = [label]
            for mean in row.means:
                cells.append(
                    Text.assemble(
                        bar(mean, low, high, bar_width),
                        f" {report.fmt_number(mean):>3}",
                        style="" if row.is_group else "dim",
                    )
                )
            if two:
                cells.append(_difference(row.means[0], row.means[1]))
            table.add_row(*cells)
        title = Text.assemble(
            (step.title, "bold"), ("  " + t("compare.scale", low=low, high=high), "dim")
        )
        parts += [title, table]
    return Group(*parts)


def _difference(first: float | None, second: float | None) -> Text:
    if first is None or second is None:
        return Text("")
    delta = round(second - first, 1)
    if delta == 0:
        return Text(report.fmt_number(0.0), style="dim")
    sign = "+" if delta > 0 else "−"
    return Text(sign + report.fmt_number(abs(delta)), style="green" if delta > 0 else "red")


def motives(workshop: Workshop, sessions: Sequence[Session], *, width: int = 80) -> RenderableType:
    """Per sort step: the cards per category in each session, with their share."""
    rows = compare.compare_motives(workshop, sessions)
    if not any(c for row in rows for c in row.counts):
        return Text(t("compare.no_motives"), style="italic dim")
    bar_width = _bar_width(width, len(sessions))
    parts: list[RenderableType] = []
    for _item, step in workshop.steps():
        if not isinstance(step, SortStep):
            continue
        mine = [row for row in rows if row.step_id == step.id]
        totals = [sum(row.counts[i] for row in mine) for i in range(len(sessions))]
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
        table.add_column(Text(t("compare.category")), ratio=1)
        for index, session in enumerate(sessions):
            table.add_column(session_header(index, session), no_wrap=True)
        for row in mine:
            cells: list[RenderableType] = [Text(row.title)]
            for index, count in enumerate(row.counts):
                share = count / totals[index] if totals[index] else None
                cells.append(Text.assemble(bar(share, 0, 1, bar_width), f" {count:>2}"))
            table.add_row(*cells)
        table.add_row(
            Text(""),
            *(Text(plural("compare.cards", n), style="dim") for n in totals),
            end_section=False,
        )
        parts += [Text(step.title, style="bold"), table]
    return Group(*parts)


def actions(workshop: Workshop, sessions: Sequence[Session]) -> RenderableType:
    """Decisions and actions, each once, with where they are and their status."""
    rows = compare.compare_actions(workshop, sessions)
    if not rows:
        return Text(t("compare.no_actions"), style="italic dim")
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False, expand=True
    )
    table.add_column(Text(t("compare.kind")), no_wrap=True)
    table.add_column(Text(t("report.action.what")), ratio=2)
    table.add_column(Text(t("report.action.who")), ratio=1)
    table.add_column(Text(t("report.action.when")), no_wrap=True)
    for index in range(len(sessions)):
        table.add_column(Text(letter(index), style="bold"), no_wrap=True)
    for row in rows:
        cells: list[RenderableType] = [
            Text(t(f"compare.{row.kind}"), style="dim"),
            Text(row.text),
            Text(row.who),
            Text(report.fmt_when(row.when)),
        ]
        for index in range(len(sessions)):
            cells.append(_status(row, index))
        table.add_row(*cells)
    return table


def _status(row: compare.ActionRow, index: int) -> Text:
    if not row.present[index]:
        return Text(t("compare.absent"), style="dim")
    status = row.statuses[index]
    if status is None:
        return Text(t("compare.present"))
    return Text(t(f"report.status.{status}"), style="yellow" if status == "open" else "green")


def section(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", style="cyan")


class CompareScreen(Screen[None]):
    """The marked sessions of one workshop side by side."""

    DEFAULT_CSS = """
    CompareScreen #compare-body { height: 1fr; padding: 0 1; }
    CompareScreen #compare-body > Static { margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape", "back", "key.back", id="compare.back", tooltip="tip.back"),
        Binding("i", "toggle_details", "key.details", id="compare.details", tooltip="tip.details"),
        Binding("e", "export", "key.export", id="compare.export", tooltip="tip.export_compare"),
    ]

    def __init__(
        self, workshop: Workshop, sessions: Sequence[Session], paths: Sequence[Path]
    ) -> None:
        compare.check_sessions(workshop, sessions)
        super().__init__()
        self.workshop = workshop
        self.sessions = list(sessions)
        self.paths = list(paths)
        self.details = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare-body"):
            yield Static(id="compare-legend")
            yield Static(id="compare-ratings")
            yield Static(id="compare-motives")
            yield Static(id="compare-actions")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = f"{t('compare.screen')}: {self.workshop.title}"
        self.sub_title = " · ".join(
            f"{letter(i)} {compare.session_label(s)}" for i, s in enumerate(self.sessions)
        )
        self.query_one("#compare-body").focus()
        self.show()

    def on_resize(self) -> None:
        self.show()

    def show(self) -> None:
        width = self.app.size.width
        names = [path.name for path in self.paths]
        self.query_one("#compare-legend", Static).update(
            Group(section(t("compare.sessions")), legend(self.sessions, names))
        )
        self.query_one("#compare-ratings", Static).update(
            Group(
                section(t("compare.ratings")),
                ratings(self.workshop, self.sessions, details=self.details, width=width),
            )
        )
        self.query_one("#compare-motives", Static).update(
            Group(
                section(t("compare.motives")),
                motives(self.workshop, self.sessions, width=width),
            )
        )
        self.query_one("#compare-actions", Static).update(
            Group(section(t("compare.actions")), actions(self.workshop, self.sessions))
        )

    def action_toggle_details(self) -> None:
        self.details = not self.details
        self.show()
        self.notify(t("compare.details_on" if self.details else "compare.details_off"))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import PathDialog, write_export

        def chosen(value: str | None) -> None:
            if not value:
                return
            blocks = compare.compare_blocks(self.workshop, self.sessions)
            write_export(self, Path(value).expanduser(), lambda: report.to_markdown(blocks))

        default = Path.cwd() / f"{t('compare.title').lower()}-{self.workshop.id}.md"
        self.app.push_screen(PathDialog(t("compare.export_title"), str(default)), chosen)
