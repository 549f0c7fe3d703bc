"""Review: the saved sessions in a table; filter, sort, mark, open read-only, compare, export.

The table lists every session file in the sessions folder (date, workshop,
title, place, participants, progress). The folder is read through
:class:`~samen_tui.session.store.SessionStore` with the summary cache
(:class:`~samen_tui.session.index.SessionIndex` in ``paths.cache_dir()``), in a
thread, so the screen shows at once and stays responsive while a large folder is
read for the first time. Files that are not readable sessions are listed below
the table with the reason, and never touched.

Quick with 10,000 sessions: each session's searchable text is made once; the
filter (typed in the input, every word must occur in some column) and sorting (a
click on a column header, or ``s`` to go through the columns: a second press
reverses) work on that list and refill the same table in one go
(:meth:`SessionTable.replace_rows`). Every cell is a fixed-width, one-line
:class:`rich.text.Text` (never markup: titles and places are the user's text),
so the table never measures 70,000 cells.

Space marks sessions, ``c`` compares the marked ones (see ``compare.py``),
Enter opens one read-only step by step (:class:`SessionViewScreen`), ``e``
exports a report of the highlighted one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual._two_way_dict import TwoWayDict
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.data_table import Row, RowKey
from textual.widgets.option_list import Option

from samen_tui.i18n import t
from samen_tui.session.model import Session
from samen_tui.session.store import (
    Listing,
    SessionReadError,
    SessionStore,
    SessionSummary,
    Unreadable,
)
from samen_tui.tui.localize import localize
from samen_tui.workshop.model import Workshop

if TYPE_CHECKING:
    from samen_tui.tui.app import SamenApp

# --------------------------------------------------------------------------- helpers

FILTER_DELAY = 0.15
"""Seconds of quiet typing before a large table is filtered again."""
FILTER_DELAY_FROM = 2000
"""Tables with fewer rows than this are filtered on every key."""
NARROW = 100
"""Below this width the date column shows the day only."""
BROKEN_ROWS = 5
"""At most this many unreadable files are visible at once (the list scrolls)."""
PROGRESS_EVERY = 0.25
"""Seconds between updates of "reading … of …" while a cold cache is filled."""


def the_app(screen: Screen[Any]) -> SamenApp:
    from samen_tui.tui.app import SamenApp

    app = screen.app
    assert isinstance(app, SamenApp)
    return app


def session_store(app: SamenApp) -> SessionStore:
    """The app's sessions folder, listed through the summary cache when it can be used.

    The caller closes ``store.index`` when done (see :func:`close_store`)."""
    try:
        from samen_tui.session.index import SessionIndex
    except ImportError:  # pragma: no cover - the cache is optional
        return SessionStore(app.sessions_dir)
    return SessionStore(app.sessions_dir, index=SessionIndex.default())


def close_store(store: SessionStore | None) -> None:
    index = getattr(store, "index", None)
    if index is not None:
        with contextlib.suppress(Exception):
            index.close()


class WorkshopCache:
    """Workshops by id, each resolved once (``None``: not found or broken, with why)."""

    def __init__(self, dirs: list[tuple[str, Path]]) -> None:
        self._dirs = dirs
        self._found: dict[str, Workshop | None] = {}
        self.problems: dict[str, str] = {}

    def get(self, workshop_id: str) -> Workshop | None:
        if workshop_id not in self._found:
            from samen_tui.workshop.catalog import resolve_workshop

            try:
                self._found[workshop_id] = resolve_workshop(workshop_id, self._dirs)
            except (LookupError, ValueError, OSError) as exc:
                self._found[workshop_id] = None
                self.problems[workshop_id] = str(exc)
        return self._found[workshop_id]


def cell(text: str, style: str = "", justify: str = "left") -> Text:
    """A one-line table cell: the text as it is (no markup), cut with an ellipsis."""
    return Text(
        " ".join(text.split()),
        style=style,
        no_wrap=True,
        overflow="ellipsis",
        justify=justify,  # type: ignore[arg-type]
        end="",
    )


def format_date(moment: dt.datetime | None, short: bool = False) -> str:
    if moment is None:
        return "—"
    return moment.strftime("%Y-%m-%d" if short else "%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------- rows


COLUMNS = ("mark", "date", "workshop", "title", "place", "people", "progress")
SORTABLE = COLUMNS[1:]
MARK = "●"
MARKED = Text(MARK, style="bold", no_wrap=True, end="")
UNMARKED = Text("", no_wrap=True, end="")


@dataclass(eq=False)
class Entry:
    """One readable session as the table shows it."""

    summary: SessionSummary
    workshop_title: str
    position: int | None
    """1-based position of the step the session was left on (None: unknown)."""
    total: int | None
    """How many steps the workshop has (None: workshop not found)."""
    haystack: str
    """Everything shown (and the trainer, the file name), casefolded, for the filter."""
    cells: tuple[Text, ...] = ()
    """The table cells after the mark, made once (for the date format ``narrow``)."""
    narrow: bool = False

    @property
    def key(self) -> str:
        return str(self.summary.path)

    @property
    def progress(self) -> str:
        summary = self.summary
        if self.position is not None and self.total is not None:
            text = f"{self.position:>{len(str(self.total))}}/{self.total}"
        else:
            text = str(summary.steps_done)
        return text + (" ✓" if summary.complete else "  ")

    def sort_key(self, column: str) -> tuple[Any, ...]:
        s = self.summary
        started = s.started.timestamp() if s.started is not None else float("-inf")
        tail = (started, s.name)
        if column == "workshop":
            return (self.workshop_title.casefold(), *tail)
        if column == "title":
            return (s.title.casefold(), *tail)
        if column == "place":
            return (s.place.casefold(), *tail)
        if column == "people":
            return (s.participants, *tail)
        if column == "progress":
            return (s.complete, self.position or 0, s.steps_done, *tail)
        return tail


def make_entry(summary: SessionSummary, workshops: WorkshopCache) -> Entry:
    workshop = workshops.get(summary.workshop)
    title = workshop.title if workshop is not None else summary.workshop
    position = total = None
    if workshop is not None:
        ids = workshop.step_ids()
        total = len(ids)
        if summary.current in ids:
            position = ids.index(summary.current) + 1
    entry = Entry(summary, title, position, total, "")
    words = (
        format_date(summary.started),
        title,
        summary.workshop,
        summary.title,
        summary.place,
        summary.trainer,
        str(summary.participants),
        entry.progress,
        t("review.progress_done") if summary.complete else "",
        summary.name,
    )
    entry.haystack = "\n".join(words).casefold()
    return entry


def matches(entry: Entry, terms: Sequence[str]) -> bool:
    return all(term in entry.haystack for term in terms)


@dataclass(frozen=True)
class Loaded:
    entries: list[Entry]
    unreadable: list[Unreadable]
    seconds: float


class Stopped(Exception):
    """Raised from a progress callback to stop a listing whose screen has gone."""


def list_folder(store: SessionStore, progress: Callable[[int, int], None] | None = None) -> Listing:
    """``store.list()``, following the files that are not in the cache yet with
    ``progress(read, to_read)`` (which may raise :class:`Stopped`). Any thread."""
    if store.index is not None:
        return store.index.summaries(store.directory, progress=progress, quick=True)
    return store.list()


def load_listing(
    store: SessionStore,
    workshops: WorkshopCache,
    progress: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Read the folder (through the cache) and make the table's entries. Any thread."""
    began = time.perf_counter()
    listing = list_folder(store, progress)
    entries: list[Entry] = []
    unreadable: list[Unreadable] = []
    for item in listing:
        if isinstance(item, SessionSummary):
            entries.append(make_entry(item, workshops))
        else:
            unreadable.append(item)
    return Loaded(entries, unreadable, time.perf_counter() - began)


class SessionTable(DataTable[Text]):
    """A DataTable whose columns have widths set by the screen and whose rows are one
    line each, so adding 10,000 rows measures nothing."""

    BINDINGS = [
        Binding("enter", "select_cursor", "key.open", id="review.open", tooltip="tip.open"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        localize(self)

    def _update_dimensions(self, new_rows: Iterable[Any]) -> None:
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
        else:  # fixed widths, one-line rows: only the virtual size needs updating
            super()._update_dimensions(())

    def replace_rows(self, rows: Iterable[tuple[str, Sequence[Text]]]) -> None:
        """Show exactly these rows (key, cells), in this order, in one go.

        ``add_row`` costs about 0.1 ms a row (it revalidates the cursor each time):
        a second for 10,000. Here the row tables are filled directly, the cursor is
        checked once and the table redrawn once. Relies on DataTable's row storage,
        which is why textual is pinned exactly (pyproject.toml)."""
        self.clear()
        keys = [column.key for column in self.ordered_columns]
        locations: dict[RowKey, int] = {}
        for index, (key, cells) in enumerate(rows):
            row_key = RowKey(key)
            locations[row_key] = index
            self._data[row_key] = dict(zip(keys, cells, strict=True))
            self.rows[row_key] = Row(row_key, 1)
        self._row_locations = TwoWayDict(locations)
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate  # clamp to the new rows
        self.check_idle()
        self.refresh()

    def set_widths(self, widths: dict[str, int]) -> None:
        for key, column in self.columns.items():
            width = widths.get(str(key.value))
            if width is not None:
                column.width = width
                column.auto_width = False
        self._require_update_dimensions = True
        self._clear_caches()
        self.refresh(layout=True)

    @property
    def highlighted_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        except Exception:
            return None
        return row_key.value


def column_widths(total: int, entries: Sequence[Entry], narrow: bool) -> dict[str, int]:
    """Widths that fit ``total`` cells: fixed columns first, the rest shared by title,
    place and workshop up to what their longest text needs."""

    def longest(values: Iterable[str], header: str) -> int:
        return max([cell_len(header), *(cell_len(v) for v in values)])

    widths = {
        "mark": 1,
        "date": 10 if narrow else 16,
        "people": max(3, cell_len(t("review.col.people"))),
        "progress": max(7, cell_len(t("review.col.progress"))),
    }
    wanted = {
        "title": min(44, longest((e.summary.title for e in entries), t("review.col.title"))),
        "place": min(20, longest((e.summary.place for e in entries), t("review.col.place"))),
        "workshop": min(26, longest({e.workshop_title for e in entries}, t("review.col.workshop"))),
    }
    least = {"title": 12, "place": 8, "workshop": 8}
    padding = 2 * len(COLUMNS)
    room = total - padding - sum(widths.values())
    for key in wanted:
        widths[key] = min(least[key], wanted[key])
    room -= sum(widths[k] for k in wanted)
    share = {"title": 2, "workshop": 1, "place": 1}
    growing = [key for key in share if widths[key] < wanted[key]]
    while room > 0 and growing:  # round the columns that want more; the title twice as fast
        for key in list(growing):
            extra = min(share[key], room, wanted[key] - widths[key])
            widths[key] += extra
            room -= extra
            if widths[key] >= wanted[key]:
                growing.remove(key)
    return widths


# --------------------------------------------------------------------------- screen


class BrokenTable(DataTable[Text]):
    """The unreadable files: the cursor shows only while the list has the focus."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", show_header=False, show_cursor=False, **kwargs)

    def on_focus(self) -> None:
        self.show_cursor = True

    def on_blur(self) -> None:
        self.show_cursor = False


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

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self.entries: list[Entry] = []
        """Every readable session, in the current sort order."""
        self.shown: list[Entry] = []
        """The entries in the table now (filtered), in order."""
        self.unreadable: list[Unreadable] = []
        self.marked: set[str] = set()
        self.sort_column = "date"
        self.sort_reverse = True
        self.loaded_in: float | None = None
        """Seconds the last listing took (reading the folder and the cache)."""
        self.reading = False
        """True while the folder is being read (``loading`` would cover the whole screen)."""
        self._by_key: dict[str, Entry] = {}
        self._terms: list[str] = []
        self._filter_timer: Timer | None = None
        self._narrow = False
        self._store: SessionStore | None = None
        self._workshops: WorkshopCache | None = None
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
        yield Footer()

    def on_mount(self) -> None:
        app = the_app(self)
        self.title = t("review.title")
        self.sub_title = str(app.sessions_dir)
        self._narrow = self.app.size.width < NARROW
        table = self.table
        labels = {
            "mark": "",
            "date": t("review.col.date"),
            "workshop": t("review.col.workshop"),
            "title": t("review.col.title"),
            "place": t("review.col.place"),
            "people": t("review.col.people"),
            "progress": t("review.col.progress"),
        }
        for key in COLUMNS:
            table.add_column(Text(labels[key]), key=key, width=cell_len(labels[key]) or 1)
        broken = self.query_one("#review-broken", DataTable)
        broken.add_column(Text(t("review.col.file")), key="file", width=30)
        broken.add_column(Text(t("review.col.reason")), key="reason", width=40)
        self._workshops = WorkshopCache(app.workshop_dirs())
        self._store = session_store(app)
        table.focus()
        self.reload()

    def on_unmount(self) -> None:
        self._stop.set()  # a listing still running stops after its current file
        close_store(self._store)
        self._store = None

    @property
    def table(self) -> SessionTable:
        return self.query_one("#review-table", SessionTable)

    @property
    def workshops(self) -> WorkshopCache:
        if self._workshops is None:
            self._workshops = WorkshopCache(the_app(self).workshop_dirs())
        return self._workshops

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the folder again (in a thread) and show it.

        The thread starts once the screen has been painted: reading thousands of
        files holds the interpreter most of the time, and the first paint needs it."""
        self.reading = True
        self.table.loading = True
        self._status(t("review.loading"))
        self._stop.set()  # a listing already running gives way to this one
        self._stop = threading.Event()
        self.call_after_refresh(self._load, self._stop)

    def action_reload(self) -> None:
        self.reload()

    @work(thread=True, group="review-load")
    def _load(self, stop: threading.Event) -> None:
        store = self._store if self._store is not None else the_app(self).store()
        shown_at = 0.0

        def check_stop() -> None:
            if stop.is_set():
                raise Stopped

        def progress(done: int, total: int) -> None:
            nonlocal shown_at
            check_stop()
            moment = time.monotonic()
            if moment - shown_at < PROGRESS_EVERY and done < total:
                return
            shown_at = moment
            text = t("review.reading", done=done, total=total)
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._status, text)

        try:
            loaded = load_listing(store, self.workshops, progress)
        except Stopped:
            return
        if stop.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(self._loaded, loaded)
        # files new to the cache were only summarised quickly: read them in full now,
        # behind the table, and show again if one turns out to be broken further down
        index = store.index
        if index is None or not index.unverified(store.directory):
            return
        try:
            changed = index.verify(store.directory, progress=lambda _d, _t: check_stop())
        except Stopped:
            return
        if changed and not stop.is_set():
            loaded = load_listing(store, self.workshops, None)
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._loaded, loaded)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded_in = loaded.seconds
        self.log.info(f"review: {len(loaded.entries)} sessions in {loaded.seconds:.3f}s")
        self.entries = loaded.entries
        self._by_key = {e.key: e for e in self.entries}
        self.marked &= set(self._by_key)
        self.unreadable = loaded.unreadable
        self._sort_entries()
        self._fit_columns()
        self._fill()
        self._show_unreadable()
        self.table.loading = False
        self.reading = False
        self._update_status()
        if self.focused is None or self.focused is self.table:
            self.table.focus()
        self.refresh_bindings()  # the footer: the table's keys count again

    def _show_unreadable(self) -> None:
        broken = self.query_one("#review-broken", DataTable)
        title = self.query_one("#review-broken-title", Label)
        broken.clear()
        n = len(self.unreadable)
        broken.set_class(not n, "hidden")
        title.set_class(not n, "hidden")
        if not n:
            return
        title.update(t("review.unreadable.one" if n == 1 else "review.unreadable", n=n))
        width = max(20, self.size.width - 6)
        name_width = min(30, max(cell_len(u.name) for u in self.unreadable))
        broken.columns[next(iter(broken.columns))].width = name_width
        reason_key = list(broken.columns)[1]
        broken.columns[reason_key].width = max(10, width - name_width - 4)
        for item in self.unreadable:
            broken.add_row(cell(item.name), cell(item.reason), key=str(item.path))
        broken.styles.height = min(BROKEN_ROWS, n)  # set, not measured: no layout race

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

    def _cells(self, entry: Entry) -> list[Text]:
        if not entry.cells or entry.narrow != self._narrow:
            s = entry.summary
            entry.cells = (
                cell(format_date(s.started, self._narrow)),
                cell(entry.workshop_title),
                cell(s.title or s.path.stem, "bold"),
                cell(s.place),
                cell(str(s.participants), justify="right"),
                Text(
                    entry.progress,
                    "green" if s.complete else "",
                    no_wrap=True,
                    justify="right",
                    end="",
                ),
            )
            entry.narrow = self._narrow
        return [MARKED if entry.key in self.marked else UNMARKED, *entry.cells]

    def _fill(self) -> None:
        """Put the entries matching the filter in the table, keeping the cursor's row."""
        table = self.table
        keep = table.highlighted_key
        terms = self._terms
        self.shown = [e for e in self.entries if matches(e, terms)] if terms else list(self.entries)
        table.replace_rows((entry.key, self._cells(entry)) for entry in self.shown)
        self._restore_cursor(keep)
        self._update_status()

    def _restore_cursor(self, key: str | None) -> None:
        table = self.table
        if key is not None and key in table.rows:
            table.move_cursor(row=table.get_row_index(key), animate=False)
        elif table.row_count:
            table.move_cursor(row=0, animate=False)

    def _fit_columns(self) -> None:
        width = self.table.size.width or self.app.size.width - 2
        scrollbar = 2
        self.table.set_widths(column_widths(width - scrollbar, self.entries, self._narrow))
        self._label_headers()

    def on_resize(self) -> None:
        narrow = self.app.size.width < NARROW
        if narrow != self._narrow:
            self._narrow = narrow
            if self.entries:
                self._fill()  # the date cells change
        if self.entries:
            self.call_after_refresh(self._fit_columns)

    def _update_status(self) -> None:
        total = len(self.entries)
        if not total:
            if not self.reading and not self.unreadable:
                self._status(t("review.none", dir=str(the_app(self).sessions_dir)))
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
        if len(self.entries) < FILTER_DELAY_FROM:
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

    def action_back(self) -> None:
        search = self.query_one("#review-filter", Input)
        if search.value:
            search.value = ""
            self.apply_filter([])
            self.table.focus()
            return
        app = the_app(self)
        if len(app.screen_stack) > 2:
            app.pop_screen()
        else:
            app.action_to_start()

    # ------------------------------------------------------------------ sort

    @on(DataTable.HeaderSelected, "#review-table")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = str(event.column_key.value)
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
        self._sort_entries()
        self._fill()

    def _sort_entries(self) -> None:
        column = self.sort_column
        self.entries.sort(key=lambda e: e.sort_key(column), reverse=self.sort_reverse)
        self._label_headers()

    def _label_headers(self) -> None:
        with contextlib.suppress(NoMatches):
            table = self.table
            for key, column in table.columns.items():
                name = str(key.value)
                if name == "mark":
                    continue
                label = self._column_label(name)
                style = ""
                if name == self.sort_column:
                    style = "bold underline"
                    if cell_len(label) + 2 <= column.width:  # the arrow where it fits
                        label += " ↓" if self.sort_reverse else " ↑"
                column.label = Text(label, style=style)
            table.refresh()

    # ------------------------------------------------------------------ marks

    def action_toggle_mark(self) -> None:
        key = self.table.highlighted_key
        if key is None:
            return
        if key in self.marked:
            self.marked.discard(key)
        else:
            self.marked.add(key)
        self.table.update_cell(key, "mark", MARKED if key in self.marked else UNMARKED)
        row = self.table.cursor_row
        if row + 1 < self.table.row_count:
            self.table.move_cursor(row=row + 1)
        self._update_status()

    def marked_entries(self) -> list[Entry]:
        """The marked sessions, oldest first."""
        chosen = [self._by_key[k] for k in self.marked if k in self._by_key]
        return sorted(chosen, key=lambda e: e.sort_key("date"))

    # ------------------------------------------------------------------ actions

    def highlighted(self) -> Entry | None:
        key = self.table.highlighted_key
        return self._by_key.get(key) if key is not None else None

    def _load_session(self, entry: Entry) -> Session | None:
        try:
            return SessionStore(entry.summary.path.parent).load(entry.summary.path)
        except SessionReadError as exc:
            self.notify(
                t("review.cannot_open", name=entry.summary.name, reason=exc.reason),
                severity="error",
                markup=False,
            )
            return None

    @on(DataTable.RowSelected, "#review-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self._by_key.get(str(event.row_key.value))
        if entry is not None:
            self.open_entry(entry)

    def open_entry(self, entry: Entry) -> None:
        session = self._load_session(entry)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        if workshop is None:
            self.notify(t("review.workshop_missing", id=session.workshop), severity="warning")
        self.app.push_screen(SessionViewScreen(workshop, session, entry.summary.path))

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        entry = self.highlighted()
        if entry is None:
            self.notify(t("review.nothing_selected"))
            return
        session = self._load_session(entry)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        # the report stands in for a missing workshop with the records alone
        export_dialog(self, workshop, session, entry.summary.path)

    def action_compare(self) -> None:
        from samen_tui.session.compare import CompareError, check_sessions
        from samen_tui.tui.screens.compare import CompareScreen

        chosen = self.marked_entries()
        if len(chosen) < 2:
            self.notify(t("review.mark_more"), severity="warning")
            return
        ids = list(dict.fromkeys(e.summary.workshop for e in chosen))
        if len(ids) > 1:
            self.notify(
                t("review.different_workshops", ids=", ".join(ids)),
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        sessions: list[Session] = []
        for entry in chosen:
            session = self._load_session(entry)
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
        self.app.push_screen(CompareScreen(workshop, sessions, [e.summary.path for e in chosen]))


# --------------------------------------------------------------------------- view


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
        localize(self)
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
        yield Footer()

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
        from samen_tui.session import report
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
            blocks = report.report_blocks(self.workshop, self.session)
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


__all__ = [
    "Entry",
    "ReviewScreen",
    "SessionTable",
    "SessionViewScreen",
    "close_store",
    "session_store",
]
