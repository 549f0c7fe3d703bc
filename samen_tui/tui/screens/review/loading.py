"""Reading the sessions folder for the review, in a thread: the listing (through the
summary cache), and afterwards, at an unhurried pace, the full reading of the files
that were new to the cache.

The folder is read through :class:`~samen_tui.session.index.SessionIndex` (in
``paths.cache_dir()``), in a thread, so the screen shows at once and stays
responsive while a large folder is read for the first time. ``samen review`` starts
listing the folder in a helper process the moment it starts
(``session/reader.py``), while the interface is imported and painted;
:func:`load_listing` takes that listing when it is there, and reads the folder
itself otherwise (when opened from the start screen, or when the helper could not
run). The thread tells the screen everything with messages (:class:`Progress`,
:class:`Listed`) and never waits for the interface, except for the first paint of
the table before it verifies.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message
from textual.message_pump import MessagePump

from samen_tui.i18n import t
from samen_tui.session.reader import take_prefetch
from samen_tui.session.store import SessionStore
from samen_tui.session.summary import Listing, SessionSummary, Unreadable
from samen_tui.tui.screens.review.table import WorkshopInfo
from samen_tui.workshop.model import Workshop

PROGRESS_EVERY = 0.25
"""Seconds between updates of "reading … of …" while a cold cache is filled."""
VERIFY_WORK = 0.04
VERIFY_PAUSE = 0.02
"""Reading files in full behind the table: this many seconds of work, then a pause."""
VERIFY_AFTER = 0.3
"""Seconds after the table is painted before the reading thread verifies."""
VERIFY_WAIT = 10.0
"""Seconds the reading thread waits for the table to be painted before it verifies."""


class WorkshopCache:
    """Workshops by id, each resolved once (``None``: not found or broken, with why)."""

    def __init__(self, dirs: list[tuple[str, Path]]) -> None:
        self._dirs = dirs
        self._found: dict[str, Workshop | None] = {}
        self.problems: dict[str, str] = {}

    def get(self, workshop_id: str) -> Workshop | None:
        if workshop_id not in self._found:
            from samen_tui.workshop.catalog import session_workshop

            try:  # by id only: a session naming a path (a pipe, /dev/zero) opens nothing
                self._found[workshop_id] = session_workshop(workshop_id, self._dirs)
            except Exception as exc:  # one session's workshop never stops the review
                self._found[workshop_id] = None
                self.problems[workshop_id] = str(exc)
        return self._found[workshop_id]


@dataclass(frozen=True)
class Loaded:
    """The folder as read: the readable sessions by name, the unreadable files, what
    the table shows of their workshops, and how long the listing took."""

    rows: list[SessionSummary]
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
        rows, unreadable = store.index.readable_and_unreadable(
            store.directory, progress=progress, quick=True
        )
    else:
        listing = store.list()
        rows = [item for item in listing if isinstance(item, SessionSummary)]
        unreadable = [item for item in listing if isinstance(item, Unreadable)]
    ids = {summary.workshop for summary in rows}
    infos = {wid: WorkshopInfo.of(wid, workshops.get(wid)) for wid in sorted(ids)}
    return Loaded(rows, unreadable, infos, time.perf_counter() - began)


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


def read_folder(
    screen: MessagePump, store: SessionStore, workshops: WorkshopCache, stop: threading.Event
) -> None:
    """Read the folder and tell ``screen`` (:class:`Listed`); then read in full, at an
    unhurried pace, the files that were new to the cache, and tell again if one
    turns out to be broken. Runs in a thread until ``stop`` is set."""
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
        screen.post_message(Progress(t("review.reading", done=done, total=total), stop))

    try:
        loaded = load_listing(store, workshops, progress)
    except Stopped:
        return
    if stop.is_set():
        return
    listed = Listed(loaded, stop)
    if not screen.post_message(listed):
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
        screen.post_message(Listed(load_listing(store, workshops, None), stop))
