"""Review: the saved sessions in a table; filter, sort, mark, open read-only, compare, export.

The table lists every session file in the sessions folder (date, workshop,
title, place, participants, progress). The folder is read through the summary
cache (:class:`~samen_tui.session.index.SessionIndex` in ``paths.cache_dir()``),
in a thread, so the screen shows at once and stays responsive while a large
folder is read for the first time. Files that are not readable sessions are
listed below the table with the reason, and never touched.

Quick with 10,000 sessions: the listing is a plain list of
:class:`~samen_tui.session.index.Brief` tuples (strings and numbers, the texts that
repeat held once), and the table is a :class:`~samen_tui.tui.virtual_table.VirtualTable`
that makes the cells of a row only when that row is painted: of 10,000 rows only
the thirty or so in view ever become :class:`rich.text.Text` (never markup: titles
and places are the user's text). The filter (typed in the input, every word must
occur in some column) and sorting (a click on a column header, or ``s`` to go
through the columns: a second press reverses) work on the plain list and tell the
table how many rows it has now. What a workshop contributes (its title, the
position of each step) is worked out once per workshop, not per session.

``samen review`` starts listing the folder in a helper process the moment it starts
(``session/reader.py``), while the interface is imported and painted; the screen
takes that listing when it is there, and reads the folder itself otherwise (when
opened from the start screen, or when the helper could not run).

Space marks sessions, ``c`` compares the marked ones (see ``compare.py``),
Enter opens one read-only step by step (:class:`SessionViewScreen`), ``e``
exports a report of the highlighted one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from samen_tui.i18n import plural, t
from samen_tui.session.index import Brief
from samen_tui.session.model import Session
from samen_tui.session.reader import take_prefetch
from samen_tui.session.store import (
    Listing,
    SessionReadError,
    SessionStore,
    SessionSummary,
    Unreadable,
)
from samen_tui.tui.virtual_table import VirtualTable
from samen_tui.tui.widgets.keybar import KeyBar
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
VERIFY_WORK = 0.04
VERIFY_PAUSE = 0.02
"""Reading files in full behind the table: this many seconds of work, then a pause."""
VERIFY_AFTER = 0.3
"""Seconds after the table is painted before the reading thread verifies."""
VERIFY_WAIT = 10.0
"""Seconds the reading thread waits for the table to be painted before it verifies."""


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


@dataclass(frozen=True)
class WorkshopInfo:
    """What the table shows of a session's workshop, worked out once per workshop."""

    title: str
    positions: dict[str, int]
    """1-based position of every step, by id (empty: the workshop was not found)."""
    total: int | None
    """How many steps the workshop has (None: not found)."""

    @classmethod
    def of(cls, workshop_id: str, workshop: Workshop | None) -> WorkshopInfo:
        if workshop is None:
            return cls(workshop_id, {}, None)
        ids = workshop.step_ids()
        positions: dict[str, int] = {}
        for number, step_id in enumerate(ids, start=1):
            positions.setdefault(step_id, number)
        return cls(workshop.title, positions, len(ids))


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


def stem_of(name: str) -> str:
    return os.path.splitext(name)[0]


# --------------------------------------------------------------------------- rows


COLUMNS = ("mark", "date", "workshop", "title", "place", "people", "progress")
SORTABLE = COLUMNS[1:]
MARK = "●"
MARKED = Text(MARK, style="bold", no_wrap=True, end="")
UNMARKED = Text("", no_wrap=True, end="")
NAME = attrgetter("name")
STARTED = attrgetter("started")
PARTICIPANTS = attrgetter("participants")
STEPS_DONE = attrgetter("steps_done")
COMPLETE = attrgetter("complete")


def progress_text(brief: Brief, info: WorkshopInfo) -> str:
    """``position/total`` of the step the session was left on (the number of steps
    with something captured when the workshop is not known), ``✓`` when finished."""
    position = info.positions.get(brief.current)
    if position is not None and info.total is not None:
        text = f"{position:>{len(str(info.total))}}/{info.total}"
    else:
        text = str(brief.steps_done)
    return text + (" ✓" if brief.complete else "  ")


def sort_rows(
    rows: list[Brief], column: str, reverse: bool, info: Callable[[str], WorkshopInfo]
) -> None:
    """Sort the rows by ``column``, then by date, then by file name (in place).

    As one sort on the key (column, date, name) would, but done as stable sorts on
    one plain value each, last key first: no key tuple per row, and the date is a
    number already."""
    keys: list[Callable[[Brief], Any]] = [NAME, STARTED]
    if column == "workshop":
        keys.append(lambda b: info(b.workshop).title.casefold())
    elif column == "title":
        keys.append(lambda b: b.title.casefold())
    elif column == "place":
        keys.append(lambda b: b.place.casefold())
    elif column == "people":
        keys.append(PARTICIPANTS)
    elif column == "progress":
        keys += [
            STEPS_DONE,
            lambda b: info(b.workshop).positions.get(b.current, 0),
            COMPLETE,
        ]
    for key in keys:
        rows.sort(key=key, reverse=reverse)


def haystack(brief: Brief, info: WorkshopInfo) -> str:
    """Everything shown (and the trainer, the file name), casefolded, for the filter."""
    words = (
        format_date(brief.moment),
        info.title,
        brief.workshop,
        brief.title,
        brief.place,
        brief.trainer,
        str(brief.participants),
        progress_text(brief, info),
        t("review.progress_done") if brief.complete else "",
        brief.name,
    )
    return "\n".join(words).casefold()


@dataclass(frozen=True)
class Loaded:
    rows: list[Brief]
    unreadable: list[Unreadable]
    workshops: dict[str, WorkshopInfo]
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
    """Read the folder (through the cache) into the table's rows. Any thread."""
    began = time.perf_counter()
    prefetched = take_prefetch(store.directory)
    found = prefetched.result(progress) if prefetched is not None else None
    if found is not None:  # listed by a helper process while the interface started
        rows, unreadable = found
    elif store.index is not None:
        rows, unreadable = store.index.briefs(store.directory, progress=progress, quick=True)
    else:
        listing = store.list()
        rows = [Brief.of(item) for item in listing if isinstance(item, SessionSummary)]
        unreadable = [item for item in listing if isinstance(item, Unreadable)]
    ids = {brief.workshop for brief in rows}
    infos = {wid: WorkshopInfo.of(wid, workshops.get(wid)) for wid in sorted(ids)}
    return Loaded(rows, unreadable, infos, time.perf_counter() - began)


class SessionTable(VirtualTable):
    """The sessions: a :class:`VirtualTable` whose rows are the screen's ``shown``
    list (the screen makes the cells of a row when it is painted)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "key.open", id="review.open", tooltip="tip.open"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keys: Callable[[int], str] = lambda index: ""
        self._names: Callable[[int], str] = lambda index: ""

    def show_sessions(
        self,
        count: int,
        cells: Callable[[int], Sequence[Text]],
        names: Callable[[int], str],
        keys: Callable[[int], str],
    ) -> None:
        """Show ``count`` rows: their cells, file names and keys (paths) by index."""
        self._names, self._keys = names, keys
        self.show_rows(count, cells)

    def row_key(self, index: int) -> str:
        """The path of the session in row ``index``."""
        return self._keys(index)

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index`` as they are shown."""
        return list(self.row_cells(index))

    def get_row_index(self, key: str) -> int:
        """The row of the session with this path (or file name); ValueError if none."""
        name = os.path.basename(key)
        for index in range(self.row_count):
            if self._names(index) == name:
                return index
        raise ValueError(f"no row for {key}")

    @property
    def highlighted_key(self) -> str | None:
        return self._keys(self.cursor_row) if self.row_count else None

    @property
    def highlighted_name(self) -> str | None:
        return self._names(self.cursor_row) if self.row_count else None


def column_widths(
    total: int,
    titles: Iterable[str],
    places: Iterable[str],
    workshops: Iterable[str],
    narrow: bool,
) -> dict[str, int]:
    """Widths that fit ``total`` cells: fixed columns first, the rest shared by title,
    place and workshop up to what their longest text needs."""

    def longest(values: Iterable[str], header: str) -> int:
        return max([cell_len(header), *(cell_len(v) for v in set(values))])

    widths = {
        "mark": 1,
        "date": 10 if narrow else 16,
        "people": max(3, cell_len(t("review.col.people"))),
        "progress": max(7, cell_len(t("review.col.progress"))),
    }
    wanted = {
        "title": min(44, longest(titles, t("review.col.title"))),
        "place": min(20, longest(places, t("review.col.place"))),
        "workshop": min(26, longest(workshops, t("review.col.workshop"))),
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
        self.rows: list[Brief] = []
        """Every readable session, in the current sort order."""
        self.shown: list[Brief] = []
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
        self.directory = Path()
        """The sessions folder the rows are in."""
        self._infos: dict[str, WorkshopInfo] = {}
        self._haystacks: dict[str, str] = {}
        """The filter's text of every row, by file name, made the first time it is needed."""
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
        yield KeyBar()

    def on_mount(self) -> None:
        app = the_app(self)
        self.title = t("review.title")
        self.sub_title = str(app.sessions_dir)
        self.directory = Path(app.sessions_dir)
        self._narrow = self.app.size.width < NARROW
        table = self.table
        for key in COLUMNS:
            label = self._column_label(key) if key != "mark" else ""
            table.add_column(key, Text(label), cell_len(label) or 1)
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

    def info(self, workshop_id: str) -> WorkshopInfo:
        """The workshop of a session as the table shows it (worked out once)."""
        found = self._infos.get(workshop_id)
        if found is None:
            found = self._infos[workshop_id] = WorkshopInfo.of(
                workshop_id, self.workshops.get(workshop_id)
            )
        return found

    def path_of(self, brief: Brief) -> Path:
        return self.directory / brief.name

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

    class Progress(Message):
        """From the reading thread: how far it is (posted, never waited for)."""

        def __init__(self, text: str, stop: threading.Event) -> None:
            super().__init__()
            self.text = text
            self.listing = stop
            """The stop event of the listing: which listing this came from."""

    class Listed(Message):
        """From the reading thread: the folder as read. ``painted`` is set once the
        table shows it (the thread waits for that before it reads any further)."""

        def __init__(self, loaded: Loaded, stop: threading.Event) -> None:
            super().__init__()
            self.loaded = loaded
            self.listing = stop
            self.painted = threading.Event()

    @work(thread=True, group="review-load")
    def _load(self, stop: threading.Event) -> None:
        """Read the folder, show it; then read in full, at an unhurried pace, the files
        that were new to the cache, and show again if one turns out to be broken.

        Everything goes to the screen as messages: this thread never waits for the
        interface, except for the first paint of the table before it verifies."""
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
            self.post_message(self.Progress(t("review.reading", done=done, total=total), stop))

        try:
            loaded = load_listing(store, self.workshops, progress)
        except Stopped:
            return
        if stop.is_set():
            return
        listed = self.Listed(loaded, stop)
        if not self.post_message(listed):
            return  # the screen is going
        # files new to the cache were only summarised quickly: read them in full now,
        # behind the table, and show again if one turns out to be broken further down
        index = store.index
        if index is None:
            return
        waited = 0.0
        while not listed.painted.wait(0.05):  # the table is painted first
            waited += 0.05
            if stop.is_set() or waited > VERIFY_WAIT:
                return
        if stop.wait(VERIFY_AFTER):  # and written to the terminal
            return
        if not index.unverified(store.directory):
            return
        worked_from = time.monotonic()

        def unhurried(_done: int, _total: int) -> None:
            # reading in full holds the interpreter: pause now and then, so that the
            # interface (which needs it for every key) stays quick meanwhile
            nonlocal worked_from
            check_stop()
            if time.monotonic() - worked_from >= VERIFY_WORK:
                time.sleep(VERIFY_PAUSE)
                worked_from = time.monotonic()

        try:
            changed = index.verify(store.directory, progress=unhurried)
        except Stopped:
            return
        if changed and not stop.is_set():
            self.post_message(self.Listed(load_listing(store, self.workshops, None), stop))

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
            self.marked &= {brief.name for brief in self.rows}
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
        broken = self.query_one("#review-broken", DataTable)
        title = self.query_one("#review-broken-title", Label)
        broken.clear()
        n = len(self.unreadable)
        broken.set_class(not n, "hidden")
        title.set_class(not n, "hidden")
        if not n:
            return
        title.update(plural("review.unreadable", n))
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

    def _row_cells(self, index: int) -> list[Text]:
        """The cells of a row, made when it is painted."""
        brief = self.shown[index]
        info = self.info(brief.workshop)
        return [
            MARKED if brief.name in self.marked else UNMARKED,
            cell(format_date(brief.moment, self._narrow)),
            cell(info.title),
            cell(brief.title or stem_of(brief.name), "bold"),
            cell(brief.place),
            cell(str(brief.participants), justify="right"),
            Text(
                progress_text(brief, info),
                "green" if brief.complete else "",
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
                for brief in self.rows:
                    if brief.name not in stacks:
                        stacks[brief.name] = haystack(brief, self.info(brief.workshop))
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

    def marked_rows(self) -> list[Brief]:
        """The marked sessions, oldest first."""
        chosen = [brief for brief in self.rows if brief.name in self.marked]
        sort_rows(chosen, "date", False, self.info)
        return chosen

    # ------------------------------------------------------------------ actions

    def highlighted(self) -> Brief | None:
        table = self.table
        return self.shown[table.cursor_row] if table.row_count else None

    def _load_session(self, brief: Brief) -> Session | None:
        try:
            return SessionStore(self.directory).load(self.path_of(brief))
        except SessionReadError as exc:
            self.notify(
                t("review.cannot_open", name=brief.name, reason=exc.reason),
                severity="error",
                markup=False,
            )
            return None

    @on(VirtualTable.RowSelected, "#review-table")
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        if 0 <= event.index < len(self.shown):
            self.open_entry(self.shown[event.index])

    def open_entry(self, brief: Brief) -> None:
        session = self._load_session(brief)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        if workshop is None:
            self.notify(t("review.workshop_missing", id=session.workshop), severity="warning")
        self.app.push_screen(SessionViewScreen(workshop, session, self.path_of(brief)))

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        brief = self.highlighted()
        if brief is None:
            self.notify(t("review.nothing_selected"))
            return
        session = self._load_session(brief)
        if session is None:
            return
        workshop = self.workshops.get(session.workshop)
        # the report stands in for a missing workshop with the records alone
        export_dialog(self, workshop, session, self.path_of(brief))

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
        for brief in chosen:
            session = self._load_session(brief)
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
    "ReviewScreen",
    "SessionTable",
    "SessionViewScreen",
    "close_store",
    "session_store",
]
