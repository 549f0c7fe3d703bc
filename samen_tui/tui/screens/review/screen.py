"""The review screen: the saved sessions in a table; filter, sort, mark, open
read-only, compare, export.

The table lists every session file in the sessions folder (date, workshop, title,
place, participants, progress; see ``table``), read in a thread (see ``loading``),
so the screen shows at once and stays responsive while a large folder is read for
the first time. Files that are not readable sessions are listed below the table
with the reason, and never touched. The filter (typed in the input, every word must
occur in some column) and sorting (a click on a column header, or ``s`` to go
through the columns: a second press reverses) work on the plain list of rows and
tell the table how many rows it has now.

Space marks sessions, ``c`` compares the marked ones (see ``screens/compare.py``),
Enter opens one read-only step by step (:class:`SessionViewScreen`), ``e`` exports
a report of the highlighted one.

The screen is handed the app's :class:`~samen_tui.tui.services.Services` (the
folders, the store) and never reaches for the app itself.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Label

from samen_tui.i18n import plural, t
from samen_tui.session.model import Session
from samen_tui.session.store import SessionReadError, SessionStore
from samen_tui.session.summary import SessionSummary, Unreadable
from samen_tui.tui.formatting import format_moment
from samen_tui.tui.screens.review.loading import (
    Listed,
    Loaded,
    Progress,
    WorkshopCache,
    read_folder,
)
from samen_tui.tui.screens.review.table import (
    COLUMNS,
    MARKED,
    NARROW,
    SORTABLE,
    UNMARKED,
    BrokenTable,
    SessionTable,
    WorkshopInfo,
    cell,
    column_widths,
    haystack,
    progress_text,
    sort_rows,
    stem_of,
)
from samen_tui.tui.screens.review.view import SessionViewScreen
from samen_tui.tui.services import Services, close_store
from samen_tui.tui.virtual_table import VirtualTable
from samen_tui.tui.widgets.keybar import KeyBar

FILTER_DELAY = 0.15
"""Seconds of quiet typing before a large table is filtered again."""
FILTER_DELAY_FROM = 2000
"""Tables with fewer rows than this are filtered on every key."""


class ReviewScreen(Screen[None]):
    """The saved sessions: filter, sort, mark, open, compare, export."""

    AUTO_FOCUS = "#review-table"

    DEFAULT_CSS = """
    ReviewScreen #review-filter { margin: 0 1; }
    ReviewScreen #review-table { height: 1fr; margin: 0 1; }
    ReviewScreen #review-status { height: 1; width: 1fr; padding: 0 2; color: $text-muted; }
    ReviewScreen #review-broken-title { height: 1; padding: 0 2; color: $text-error; }
    ReviewScreen #review-broken { height: 1; margin: 0 1; color: $text-error; }
    ReviewScreen .hidden { display: none; }
    """

    BINDINGS = [
        Binding("space", "toggle_mark", "key.mark", id="review.mark", tooltip="tip.mark"),
        Binding("c", "compare", "key.compare", id="review.compare", tooltip="tip.compare"),
        Binding("e", "export", "key.export", id="review.export", tooltip="tip.export"),
        Binding("s", "cycle_sort", "key.sort", id="review.sort", tooltip="tip.sort"),
        Binding(
            "r", "reverse", "key.reverse", show=False, id="review.reverse", tooltip="tip.reverse"
        ),
        Binding("slash", "find", "key.filter", id="review.filter", tooltip="tip.filter"),
        Binding("escape", "back", "key.back", id="review.back", tooltip="tip.back"),
        Binding("f5", "reload", "key.reload", show=False, id="review.reload", tooltip="tip.reload"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.rows: list[SessionSummary] = []
        """Every readable session, in the current sort order."""
        self.shown: list[SessionSummary] = []
        """The rows in the table now (filtered), in order."""
        self.unreadable: list[Unreadable] = []
        self.marked: set[str] = set()
        """The file names of the marked sessions."""
        self.sort_column = "date"
        self.sort_reverse = True
        self.loaded_in: float | None = None
        """Seconds the last listing took (reading the folder and the cache)."""
        self.reading = False
        """True while the folder is being read (the status line says how far)."""
        self.directory: Path = services.sessions_dir
        """The sessions folder the rows are in."""
        self.workshops = WorkshopCache(services.workshop_dirs)
        self._infos: dict[str, WorkshopInfo] = {}
        self._haystacks: dict[str, str] = {}
        """The filter's text of every row, by file name, made the first time it is needed."""
        self._terms: list[str] = []
        self._filter_timer: Timer | None = None
        self._narrow = False
        self._store: SessionStore | None = None
        self._stop = threading.Event()
        """Set when the screen goes: the reading thread stops (the app can quit)."""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=t("review.filter"), id="review-filter")
        yield SessionTable(id="review-table")
        yield Label("", id="review-broken-title", classes="hidden", markup=False)
        yield BrokenTable(id="review-broken", classes="hidden")
        yield Label("", id="review-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = t("review.title")
        self.sub_title = str(self.directory)
        self._narrow = self.app.size.width < NARROW
        table = self.table
        for key in COLUMNS:
            label = self._column_label(key) if key != "mark" else ""
            table.add_column(key, Text(label), cell_len(label) or 1)
        broken = self.query_one("#review-broken", BrokenTable)
        broken.add_column(Text(t("review.col.file")), key="file", width=30)
        broken.add_column(Text(t("review.col.reason")), key="reason", width=40)
        self._store = self.services.new_store()
        table.focus()
        self.reload()

    def on_unmount(self) -> None:
        self._stop.set()  # a listing still running stops after its current file
        close_store(self._store)
        self._store = None

    @property
    def table(self) -> SessionTable:
        return self.query_one("#review-table", SessionTable)

    def info(self, workshop_id: str) -> WorkshopInfo:
        """The workshop of a session as the table shows it (worked out once)."""
        found = self._infos.get(workshop_id)
        if found is None:
            found = self._infos[workshop_id] = WorkshopInfo.of(
                workshop_id, self.workshops.get(workshop_id)
            )
        return found

    def path_of(self, summary: SessionSummary) -> Path:
        return self.directory / summary.name

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the folder again (in a thread) and show it.

        The thread starts at once, while the screen is being laid out and painted:
        its first part is mostly waiting for the file system (measured: the first
        paint is no later, the table comes 0.06 s sooner for 10,000 sessions).
        Meanwhile the status line says how far the reading is; there is no animated
        loading indicator over the table (it would take the interpreter from the
        reading thread 16 times a second, and slow a first reading by a tenth)."""
        self.reading = True
        self._status(t("review.loading"))
        self._stop.set()  # a listing already running gives way to this one
        self._stop = threading.Event()
        self._load(self._stop)

    def action_reload(self) -> None:
        self.reload()

    @work(thread=True, group="review-load")
    def _load(self, stop: threading.Event) -> None:
        """Read the folder and show it (see :func:`~.loading.read_folder`)."""
        store = self._store if self._store is not None else self.services.store()
        read_folder(self, store, self.workshops, stop)

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if message.listing is self._stop and self.reading:
            self._status(message.text)

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        if message.listing is not self._stop:
            return  # a listing that has since been replaced
        self._loaded(message.loaded)
        self.call_after_refresh(message.painted.set)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded_in = loaded.seconds
        self.log.info(f"review: {len(loaded.rows)} sessions in {loaded.seconds:.3f}s")
        self.rows = loaded.rows
        self._infos = dict(loaded.workshops)
        self._haystacks = {}
        if self.marked:
            self.marked &= {summary.name for summary in self.rows}
        self.unreadable = loaded.unreadable
        self._sort_rows()
        self._fit_columns()
        self._fill()
        self._show_unreadable()
        self.reading = False
        self._update_status()
        if self.focused is None or self.focused is self.table:
            self.table.focus()

    def _show_unreadable(self) -> None:
        n = len(self.unreadable)
        title = self.query_one("#review-broken-title", Label)
        title.set_class(not n, "hidden")
        if n:
            title.update(plural("review.unreadable", n))
        broken = self.query_one("#review-broken", BrokenTable)
        broken.show(self.unreadable, max(20, self.size.width - 6))

    @on(DataTable.RowSelected, "#review-broken")
    def _broken_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        for item in self.unreadable:
            if str(item.path) == event.row_key.value:
                self.notify(
                    t("review.unreadable_note", name=item.name, reason=item.reason),
                    severity="error",
                    markup=False,
                    timeout=12,
                )

    # ------------------------------------------------------------------ table

    def _row_cells(self, index: int) -> list[Text]:
        """The cells of a row, made when it is painted."""
        summary = self.shown[index]
        info = self.info(summary.workshop)
        return [
            MARKED if summary.name in self.marked else UNMARKED,
            cell(format_moment(summary.started, self._narrow)),
            cell(info.title),
            cell(summary.title or stem_of(summary.name), "bold"),
            cell(summary.place),
            cell(str(summary.participants), justify="right"),
            Text(
                progress_text(summary, info),
                "green" if summary.complete else "",
                no_wrap=True,
                justify="right",
                end="",
            ),
        ]

    def _fill(self) -> None:
        """Put the rows matching the filter in the table, keeping the cursor's row."""
        table = self.table
        keep = table.highlighted_name
        terms = self._terms
        if terms:
            stacks = self._haystacks
            if len(stacks) < len(self.rows):
                for summary in self.rows:
                    if summary.name not in stacks:
                        stacks[summary.name] = haystack(summary, self.info(summary.workshop))
            self.shown = [b for b in self.rows if all(w in stacks[b.name] for w in terms)]
        else:
            self.shown = self.rows
        shown = self.shown
        directory = self.directory
        table.show_sessions(
            len(shown),
            self._row_cells,
            names=lambda index: shown[index].name,
            keys=lambda index: str(directory / shown[index].name),
        )
        self._restore_cursor(keep)
        self._update_status()

    def _restore_cursor(self, name: str | None) -> None:
        table = self.table
        index = next((i for i, b in enumerate(self.shown) if b.name == name), 0) if name else 0
        table.move_cursor(index)

    def _fit_columns(self) -> None:
        width = self.table.size.width or self.app.size.width - 2
        scrollbar = 2
        rows = self.rows
        widths = column_widths(
            width - scrollbar,
            (b.title for b in rows),
            (b.place for b in rows),
            (self.info(wid).title for wid in {b.workshop for b in rows}),
            self._narrow,
        )
        self.table.set_widths(widths)
        self._label_headers()

    def on_resize(self) -> None:
        narrow = self.app.size.width < NARROW
        if narrow != self._narrow:
            self._narrow = narrow
            self.table.refresh_rows()  # the date cells change
        if self.rows:
            self.call_after_refresh(self._fit_columns)

    def _update_status(self) -> None:
        total = len(self.rows)
        if not total:
            if not self.reading and not self.unreadable:
                self._status(t("review.none", dir=str(self.directory)))
            else:
                self._status("")
            return
        parts: list[str] = []
        if self._terms and not self.shown:
            parts.append(t("review.no_match", text=" ".join(self._terms)))
        elif self._terms:
            parts.append(t("review.status", shown=len(self.shown), total=total))
        else:
            parts.append(
                t("review.status.one") if total == 1 else t("review.status.all", total=total)
            )
        if self.marked:
            parts.append(t("review.status.marked", n=len(self.marked)))
        label = self._column_label(self.sort_column).lower()
        parts.append(
            t("review.status.sorted", column=label, arrow="↓" if self.sort_reverse else "↑")
        )
        self._status(" · ".join(parts))

    def _status(self, text: str) -> None:
        with contextlib.suppress(NoMatches):
            # a fixed size: no layout pass (which a busy loading thread would starve)
            self.query_one("#review-status", Label).update(text, layout=False)

    def _column_label(self, key: str) -> str:
        return t(f"review.col.{key}")

    # ------------------------------------------------------------------ filter

    @on(Input.Changed, "#review-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        terms = event.value.casefold().split()
        if terms == self._terms:
            return
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        if len(self.rows) < FILTER_DELAY_FROM:
            self.apply_filter(terms)
        else:
            self._filter_timer = self.set_timer(FILTER_DELAY, lambda: self.apply_filter(terms))

    def apply_filter(self, terms: list[str]) -> None:
        self._filter_timer = None
        self._terms = terms
        if not self.reading:
            self._fill()

    @on(Input.Submitted, "#review-filter")
    def _filter_done(self) -> None:
        if self._filter_timer is not None:  # Enter: filter now
            self._filter_timer.stop()
            self.apply_filter(self.query_one("#review-filter", Input).value.casefold().split())
        self.table.focus()

    def action_find(self) -> None:
        self.query_one("#review-filter", Input).focus()

    async def action_back(self) -> None:
        search = self.query_one("#review-filter", Input)
        if search.value:
            search.value = ""
            self.apply_filter([])
            self.table.focus()
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            await self.app.run_action("to_start")  # the app's: close what is open, go to start

    # ------------------------------------------------------------------ sort

    @on(VirtualTable.HeaderSelected, "#review-table")
    def _header_clicked(self, event: VirtualTable.HeaderSelected) -> None:
        event.stop()
        column = event.column
        if column not in SORTABLE:
            return
        if column == self.sort_column:
            self.sort_by(column, not self.sort_reverse)
        else:
            self.sort_by(column, column == "date")

    def action_cycle_sort(self) -> None:
        """Ascending, then descending, then the next column ascending."""
        column, reverse = self.sort_column, self.sort_reverse
        first_reverse = column == "date"  # the date starts newest first
        if reverse == first_reverse:
            self.sort_by(column, not reverse)
        else:
            following = SORTABLE[(SORTABLE.index(column) + 1) % len(SORTABLE)]
            self.sort_by(following, following == "date")

    def action_reverse(self) -> None:
        self.sort_by(self.sort_column, not self.sort_reverse)

    def sort_by(self, column: str, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self._sort_rows()
        self._fill()

    def _sort_rows(self) -> None:
        sort_rows(self.rows, self.sort_column, self.sort_reverse, self.info)
        self._label_headers()

    def _label_headers(self) -> None:
        with contextlib.suppress(NoMatches):
            table = self.table
            for column in table.columns:
                if column.key == "mark":
                    continue
                label = self._column_label(column.key)
                style = ""
                if column.key == self.sort_column:
                    style = "bold underline"
                    if cell_len(label) + 2 <= column.width:  # the arrow where it fits
                        label += " ↓" if self.sort_reverse else " ↑"
                column.label = Text(label, style=style)
            table.refresh_rows()

    # ------------------------------------------------------------------ marks

    def action_toggle_mark(self) -> None:
        table = self.table
        name = table.highlighted_name
        if name is None:
            return
        if name in self.marked:
            self.marked.discard(name)
        else:
            self.marked.add(name)
        row = table.cursor_row
        table.refresh_row(row)
        if row + 1 < table.row_count:
            table.move_cursor(row + 1)
        self._update_status()

    def marked_rows(self) -> list[SessionSummary]:
        """The marked sessions, oldest first."""
        chosen = [summary for summary in self.rows if summary.name in self.marked]
        sort_rows(chosen, "date", False, self.info)
        return chosen

    # ------------------------------------------------------------------ actions

    def highlighted(self) -> SessionSummary | None:
        table = self.table
        return self.shown[table.cursor_row] if table.row_count else None

    def _load_session(self, summary: SessionSummary) -> Session | None:
        try:
            return SessionStore(self.directory).load(self.path_of(summary))
        except SessionReadError as exc:
            self.notify(
                t("review.cannot_open", name=summary.name, reason=exc.reason),
                severity="error",
                markup=False,
            )
            return None

    @on(VirtualTable.RowSelected, "#review-table")
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.index < len(self.shown):
            self.open_entry(self.shown[event.index])

    def open_entry(self, summary: SessionSummary) -> None:
        session = self._load_session(summary)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        if workshop is None:
            self.notify(
                t("review.workshop_missing", id=session.workshop), severity="warning", markup=False
            )
        self.app.push_screen(SessionViewScreen(workshop, session, self.path_of(summary)))

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        summary = self.highlighted()
        if summary is None:
            self.notify(t("review.nothing_selected"))
            return
        session = self._load_session(summary)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        # the report stands in for a missing workshop with the records alone
        export_dialog(self, workshop, session, self.path_of(summary))

    def action_compare(self) -> None:
        from samen_tui.session.compare import CompareError, check_sessions
        from samen_tui.tui.screens.compare import CompareScreen

        chosen = self.marked_rows()
        if len(chosen) < 2:
            self.notify(t("review.mark_more"), severity="warning")
            return
        ids = list(dict.fromkeys(b.workshop for b in chosen))
        if len(ids) > 1:
            self.notify(
                t("review.different_workshops", ids=", ".join(ids)),
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        sessions: list[Session] = []
        for summary in chosen:
            session = self._load_session(summary)
            if session is None:
                return
            sessions.append(session)
        workshop = self.workshops.get(ids[0])
        if workshop is None:
            self.notify(
                t(
                    "review.workshop_missing_compare",
                    id=ids[0],
                    reason=self.workshops.problems.get(ids[0], ""),
                ),
                severity="error",
                markup=False,
            )
            return
        try:
            check_sessions(workshop, sessions)
        except CompareError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return
        self.app.push_screen(CompareScreen(workshop, sessions, [self.path_of(b) for b in chosen]))
