"""A cache of session summaries, so that listing 10,000 sessions stays fast.

:class:`SessionIndex` keeps one row per session file in an SQLite database in the
user cache folder (``paths.cache_dir() / "index.sqlite3"``), keyed by the file's
folder and name and checked against its size, modification time (ns) and inode.
:meth:`SessionIndex.summaries` scans the folder, takes unchanged files from the
cache, reads only new or changed ones (unreadable files are cached with their
reason too), drops the rows of files that are gone, and writes the changes in
batches. :meth:`SessionIndex.briefs` lists the same for the review table as plain
tuples (:class:`Brief`): the cached rows are streamed, never all held at once, and
the texts that repeat are held once. A folder that has no rows in the cache yet is
not stat()ed file by file (reading a file tells its key), and a first listing of
many files is read from both ends, here and in a helper process
(:mod:`samen_tui.session.reader`).

The cache is only a cache: a damaged, foreign or unreadable database is deleted and
made anew; where the cache folder cannot be written an in-memory database is used;
a database locked by another copy of the app is simply not used this time. None of
this ever raises: the listing is always returned. No session file is ever changed.

This module never imports textual.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from samen_tui import paths
from samen_tui.i18n import t
from samen_tui.session import reader as _reader
from samen_tui.session import store as _store
from samen_tui.session.model import SCHEMA
from samen_tui.session.store import Listing, SessionSummary, Unreadable

INDEX_VERSION = 3
"""Bump when the table or the meaning of a column changes: old caches are rebuilt."""

_USER_VERSION = INDEX_VERSION * 1000 + SCHEMA
_COLUMNS = (
    "dir",
    "name",
    "size",
    "mtime_ns",
    "ino",
    "reason",
    "file_size",
    "file_mtime",
    "workshop",
    "title",
    "place",
    "trainer",
    "started",
    "ended",
    "participants",
    "steps_done",
    "current",
    "complete",
    "verified",
    "start_stamp",
    "start_offset",
)
_CREATE = """
CREATE TABLE files (
    dir TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    reason TEXT,
    file_size INTEGER NOT NULL DEFAULT 0,
    file_mtime REAL NOT NULL DEFAULT 0,
    workshop TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    trainer TEXT NOT NULL DEFAULT '',
    started TEXT,
    ended TEXT,
    participants INTEGER NOT NULL DEFAULT 0,
    steps_done INTEGER NOT NULL DEFAULT 0,
    current TEXT NOT NULL DEFAULT '',
    complete INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 1,
    start_stamp REAL,
    start_offset INTEGER,
    PRIMARY KEY (dir, name)
) WITHOUT ROWID
"""
_SUMMARY = _COLUMNS[1:19]
"""The columns a :class:`SessionSummary` is made from (:func:`_from_row`), name first."""
_BRIEF = (
    "name",
    "size",
    "mtime_ns",
    "ino",
    "reason",
    "workshop",
    "title",
    "place",
    "trainer",
    "start_stamp",
    "start_offset",
    "participants",
    "steps_done",
    "current",
    "complete",
)
"""The columns a :class:`Brief` is made from, name first (the start as a number:
nothing to parse for 10,000 rows)."""
_SELECT = f"SELECT {', '.join(_SUMMARY)} FROM files WHERE dir = ?"
_INSERT = (
    f"INSERT OR REPLACE INTO files ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
)

Key = tuple[int, int, int]
"""(size, mtime_ns, inode) of a file: when it changes the file is read again."""

Row = tuple[Any, ...]
T = TypeVar("T")


def _key(st: os.stat_result) -> Key:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


_BITS = 64
_MASK = (1 << _BITS) - 1


def _pack(size: int, mtime_ns: int, ino: int) -> int:
    """A key as one number (a third of the memory of the tuple: 10,000 files are
    held while a folder is listed). Exact for every value of 64 bits, signed or not."""
    return ((size & _MASK) << 2 * _BITS) | ((mtime_ns & _MASK) << _BITS) | (ino & _MASK)


def _unpack(packed: int) -> Key:
    def signed(value: int) -> int:
        return value - (1 << _BITS) if value >> (_BITS - 1) else value

    return (signed(packed >> 2 * _BITS), signed((packed >> _BITS) & _MASK), packed & _MASK)


def _stat_entry(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat()
    except OSError:
        try:
            return entry.stat(follow_symlinks=False)  # a broken symlink
        except OSError:
            return None  # removed meanwhile


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _to_row(
    directory: str, name: str, key: Key, item: SessionSummary | Unreadable, verified: bool = True
) -> Row:
    if isinstance(item, Unreadable):
        return (
            directory,
            name,
            *key,
            item.reason,
            0,
            0.0,
            "",
            "",
            "",
            "",
            None,
            None,
            0,
            0,
            "",
            0,
            1,
            None,
            None,
        )
    return (
        directory,
        name,
        *key,
        None,
        item.size,
        item.mtime,
        item.workshop,
        item.title,
        item.place,
        item.trainer,
        _iso(item.started),
        _iso(item.ended),
        item.participants,
        item.steps_done,
        item.current,
        int(item.complete),
        int(verified),
        *_start_columns(item.started),
    )


def _from_row(path: Path, row: Row) -> SessionSummary | Unreadable:
    (
        _name,
        _size,
        _mtime_ns,
        _ino,
        reason,
        file_size,
        file_mtime,
        workshop,
        title,
        place,
        trainer,
        started,
        ended,
        participants,
        steps_done,
        current,
        complete,
        _verified,
    ) = row
    if reason is not None:
        return Unreadable(path, str(reason))
    return SessionSummary(
        path=path,
        size=int(file_size),
        mtime=float(file_mtime),
        workshop=str(workshop),
        title=str(title),
        place=str(place),
        trainer=str(trainer),
        started=_from_iso(started),
        ended=_from_iso(ended),
        participants=int(participants),
        steps_done=int(steps_done),
        current=str(current),
        complete=bool(complete),
    )


NEVER = float("-inf")
"""The start of a session whose start is not known (sorts first)."""


class Brief(NamedTuple):
    """One readable session as the review table lists it (see :meth:`SessionIndex.briefs`):
    plain values only, no path and no date objects, so that 10,000 stay small."""

    name: str
    """The file name in the sessions folder."""
    workshop: str
    title: str
    place: str
    trainer: str
    started: float
    """When the session started, as a POSIX timestamp (:data:`NEVER`: not known)."""
    offset: int | None
    """The UTC offset of the start as written in the file, in seconds (None: written
    without one, in local time)."""
    participants: int
    steps_done: int
    current: str
    complete: bool

    @property
    def moment(self) -> dt.datetime | None:
        """The start as written in the file (None: not known)."""
        if self.started == NEVER:
            return None
        if self.offset is None:
            return dt.datetime.fromtimestamp(self.started)
        zone = dt.timezone(dt.timedelta(seconds=self.offset))
        return dt.datetime.fromtimestamp(self.started, zone)

    @classmethod
    def of(cls, summary: SessionSummary) -> Brief:
        started, offset = _start(summary.started)
        return cls(
            summary.name,
            summary.workshop,
            summary.title,
            summary.place,
            summary.trainer,
            started,
            offset,
            summary.participants,
            summary.steps_done,
            summary.current,
            summary.complete,
        )


def _start_columns(moment: dt.datetime | None) -> tuple[float | None, int | None]:
    """The cache's ``start_stamp`` and ``start_offset`` of a start (NULL if unknown)."""
    stamp, offset = _start(moment)
    return (None if stamp == NEVER else stamp), offset


def _start(moment: dt.datetime | None) -> tuple[float, int | None]:
    """A start as (timestamp, offset in seconds or None); (NEVER, None) if unknown."""
    if moment is None:
        return NEVER, None
    try:
        stamp = moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return NEVER, None
    offset = moment.utcoffset()
    return stamp, None if offset is None else int(offset.total_seconds())


def look_row(directory: str, name: str, look: _store.QuickLook, st: os.stat_result) -> Row:
    """The cache row of a file summarised by a quick look: not yet verified."""
    return (
        directory,
        name,
        *_key(st),
        None,
        st.st_size,
        st.st_mtime,
        look.workshop,
        look.title,
        look.place,
        look.trainer,
        _iso(look.started),
        _iso(look.ended),
        look.participants,
        look.steps_done,
        look.current,
        int(look.ended is not None),
        0,
        *_start_columns(look.started),
    )


def _read_row(folder: str, directory: Path, name: str, key: int, quick: bool, plain: bool) -> Row:
    """Read one file (quickly if it can be) into its cache row. Never raises."""
    if quick:
        found = _store.quick_read(f"{directory}{os.sep}{name}", plain)
        if found is not None:
            return look_row(folder, name, *found)
    path = directory / name
    item, st = _store.summarize(path)
    if st is None and key == NO_KEY:  # not readable, and not looked at yet: as _scan
        try:
            st = os.stat(path)
        except OSError:
            with contextlib.suppress(OSError):
                st = os.lstat(path)  # a broken link
    if st is not None:
        return _to_row(folder, name, _key(st), item)
    return _to_row(folder, name, _unpack(key) if key != NO_KEY else (0, 0, 0), item)


NO_KEY = -1
"""The key of a file not looked at (a packed key is never negative)."""


def _scan(directory: Path, stat: bool = True) -> tuple[dict[str, int], set[str]]:
    """The session files of the folder: name → key (:func:`_pack`; :data:`NO_KEY`
    without ``stat``, when no file can be in the cache: reading a file tells its key),
    and the names that are not plain files (links, folders, pipes: read with every
    check). Raises OSError; a missing folder has no files."""
    keys: dict[str, int] = {}
    odd: set[str] = set()
    is_session, mask = _store.is_session_name, _MASK  # locals: 10,000 times round
    try:
        with os.scandir(directory) as it:
            for entry in it:
                name = entry.name
                if not is_session(name):
                    continue
                if not stat:
                    try:
                        plain = entry.is_file(follow_symlinks=False)  # no system call
                    except OSError:
                        plain = False
                    keys[name] = NO_KEY
                    if not plain:
                        odd.add(name)
                    continue
                try:
                    st = entry.stat()
                    plain = entry.is_file(follow_symlinks=False)  # no system call on Linux
                except OSError:
                    found, plain = _stat_entry(entry), False  # a broken link
                    if found is None:
                        continue  # gone meanwhile
                    st = found
                keys[name] = (
                    ((st.st_size & mask) << 2 * _BITS)
                    | ((st.st_mtime_ns & mask) << _BITS)
                    | (st.st_ino & mask)
                )  # _pack(), written out
                if not plain:
                    odd.add(name)
    except FileNotFoundError:
        return {}, set()
    return keys, odd


class _Found:
    """The session files found in a folder; :meth:`SessionIndex._from_cache` takes the
    unchanged ones out of ``keys``, what is left is read."""

    def __init__(self, directory: Path, stat: bool = True) -> None:
        self.directory = directory
        self.stat = stat
        self.keys, self._odd = _scan(directory, stat)

    def rescan(self) -> dict[str, int]:
        self.keys, self._odd = _scan(self.directory, self.stat)
        return self.keys

    def plain(self, name: str) -> bool:
        return name not in self._odd


def _storable(text: str) -> bool:
    """Whether SQLite can store the text (file names may hold undecodable bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _View:
    """Which columns a listing takes from the cache (name first), and the same columns
    picked from a full row of ``_COLUMNS`` (a file read just now)."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.select = f"SELECT {', '.join(columns)} FROM files WHERE dir = ? ORDER BY name"
        self.pick: Callable[[Row], Row] = itemgetter(*(_COLUMNS.index(c) for c in columns))


_SUMMARY_VIEW = _View(_SUMMARY)
_BRIEF_VIEW = _View(_BRIEF)


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class SessionIndex:
    """The summary cache. ``cache_file=None`` keeps it in memory only.

    Safe to share between threads (calls are serialised).
    """

    BATCH = 1000
    """Rows written per transaction while a long listing reads many files."""

    TIMEOUT = 2.0
    """Seconds to wait for another copy of the app that is writing the cache."""

    VERIFY_CHUNK = 200
    """Rows :meth:`verify` takes from the cache at a time."""

    HELPER_FROM = 1500
    """A first listing of at least this many files is read by two processes (see
    :mod:`samen_tui.session.reader`)."""

    CACHE_KIB = 512
    """SQLite's page cache, in KiB (its default is 2,000)."""

    def __init__(self, cache_file: Path | str | None) -> None:
        self.cache_file = Path(cache_file) if cache_file is not None else None
        self._conn: sqlite3.Connection | None = None
        self._memory = cache_file is None
        self._lock = threading.Lock()
        self.parsed = 0
        """How many files were read (not taken from the cache), in all calls so far."""
        self.rebuilt = 0
        """How many times a damaged cache was thrown away and made anew."""
        self.generation = 0
        """Counts the databases opened: a change means the cache started empty again."""

    @classmethod
    def default(cls) -> SessionIndex:
        return cls(paths.cache_dir() / "index.sqlite3")

    @property
    def in_memory(self) -> bool:
        """Whether the cache lives in memory (no cache file, or it could not be used)."""
        return self._memory

    # ------------------------------------------------------------------ database

    def _open(self) -> sqlite3.Connection:
        """The connection; a damaged cache file is replaced, a busy one raises."""
        if self._conn is not None:
            return self._conn
        self.generation += 1
        if not self._memory and self.cache_file is not None:
            for _ in range(2):
                try:
                    self._conn = self._open_file(self.cache_file)
                    return self._conn
                except sqlite3.Error as exc:
                    if _is_busy(exc):
                        raise  # in use by another copy of the app: not damaged
                    self._discard_file()
                except OSError:
                    self._discard_file()
                if self._memory:
                    break
            self._memory = True
        self._conn = self._prepare(
            sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        )
        return self._conn

    def _open_file(self, file: Path) -> sqlite3.Connection:
        file.parent.mkdir(parents=True, exist_ok=True)
        if file.exists() and not file.is_file():
            raise OSError(f"{file} is not a file")
        conn = sqlite3.connect(
            str(file), timeout=self.TIMEOUT, isolation_level=None, check_same_thread=False
        )
        try:
            # a small page cache: the table is read through once per listing, and the
            # check below would otherwise keep the whole file in memory
            conn.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
            check = conn.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise sqlite3.DatabaseError(f"damaged cache: {check[:3]}")
            conn.execute("PRAGMA synchronous = NORMAL")
            return self._prepare(conn)
        except BaseException:
            conn.close()
            raise

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """Make sure the table is the one this version writes; recreate it if not."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(files)"))
        if version != _USER_VERSION or columns != _COLUMNS:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DROP TABLE IF EXISTS files")
                conn.execute(_CREATE)
                conn.execute(f"PRAGMA user_version = {_USER_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        return conn

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _discard_file(self) -> None:
        """Delete the cache file (and its journals); if that fails, use memory."""
        self._close()
        if self.cache_file is None:
            return
        self.rebuilt += 1
        for suffix in ("", "-journal", "-wal", "-shm"):
            target = self.cache_file.with_name(self.cache_file.name + suffix)
            try:
                target.unlink(missing_ok=True)
            except OSError:
                if suffix == "":
                    self._memory = True

    def _recover(self, exc: sqlite3.Error) -> None:
        """After a failure: a busy database is left alone, anything else is rebuilt."""
        if _is_busy(exc):
            return
        if self._memory:
            self._close()  # a fresh in-memory database next time
        else:
            self._discard_file()

    def close(self) -> None:
        with self._lock:
            self._close()

    # ------------------------------------------------------------------ listing

    def _store_rows(self, directory: str, rows: list[Row], gone: list[str]) -> None:
        for _ in range(2):
            try:
                conn = self._open()
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(
                        "DELETE FROM files WHERE dir = ? AND name = ?",
                        [(directory, name) for name in gone],
                    )
                    conn.executemany(_INSERT, rows)
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
                return
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    return  # another copy is writing: it will be cached next time
                self._recover(exc)

    def _has_rows(self, folder: str) -> bool:
        """Whether the cache holds any file of this folder (False if it cannot tell)."""
        try:
            query = "SELECT 1 FROM files WHERE dir = ? LIMIT 1"
            return self._open().execute(query, (folder,)).fetchone() is not None
        except sqlite3.Error:
            return False

    def _from_cache(
        self,
        folder: str,
        found: _Found,
        view: _View,
        take: Callable[[str, Row], T],
        out: list[T],
    ) -> list[str] | None:
        """Put the cached rows of unchanged files through ``take`` into ``out``, and take
        those files out of ``found.keys`` (what is left must be read). Returns the names
        of cached files that are gone, or None when the cache cannot be used now.

        The rows are streamed, never all in memory at once."""
        keys = found.keys
        for attempt in range(2):
            gone: list[str] = []
            try:
                conn = self._open()
                for row in conn.execute(view.select, (folder,)):
                    name = row[0]
                    key = keys.get(name)
                    if key is None:
                        gone.append(name)
                    elif key == _pack(row[1], row[2], row[3]):
                        out.append(take(name, row))
                        del keys[name]
                return gone
            except sqlite3.Error as exc:
                if _is_busy(exc) or attempt:
                    return None
                self._recover(exc)
                out.clear()  # taken from a damaged cache: start again from the folder
                found.keys = keys = found.rescan()
        return None  # pragma: no cover - the loop always returns

    def _listing(
        self,
        directory: Path,
        progress: Callable[[int, int], None] | None,
        quick: bool,
        view: _View,
        take: Callable[[str, Row], T],
    ) -> list[T] | Unreadable:
        """Every session file in the folder through ``take(name, row)`` (``row``: the
        columns of ``view``), in no particular order; an :class:`Unreadable` for a
        folder that cannot be listed. The core of :meth:`summaries` and :meth:`briefs`."""
        folder = os.path.abspath(directory)
        with self._lock:
            # a folder name that is not valid UTF-8 cannot be a key: list without cache
            storable = _storable(folder)
            try:
                # the first listing of a folder: every file is read, which tells its key
                found = _Found(directory, stat=storable and self._has_rows(folder))
            except OSError as exc:
                reason = _store.describe_os_error(exc)
                return Unreadable(directory, t("session.reason.folder_unreadable", reason=reason))
            out: list[T] = []
            gone = self._from_cache(folder, found, view, take, out) if storable else None
            cached = gone is not None
            generation = self.generation
            stale = sorted(found.keys)
            pending: list[Row] = []
            done = 0

            def add(name: str, row: Row) -> None:
                nonlocal pending, done
                self.parsed += 1
                out.append(take(name, view.pick(row)))
                if _storable(name):  # else read every time, like a folder without cache
                    pending.append(row)
                if cached and len(pending) >= self.BATCH:
                    # a long first listing keeps what it has read, even if stopped
                    self._store_rows(folder, pending, [])
                    pending = []
                done += 1
                if progress is not None:
                    progress(done, len(stale))

            def read(name: str) -> None:
                key, plain = found.keys[name], found.plain(name)
                add(name, _read_row(folder, directory, name, key, quick, plain))

            helper = None
            if quick and not found.stat and len(stale) >= self.HELPER_FROM:
                # a first listing of many files: a second process reads half of them
                helper = _reader.Reader.start(directory, folder)
            if helper is None:
                for name in stale:
                    read(name)
            else:
                self._read_with(helper, stale, read, add)
            if cached and (pending or gone):
                self._store_rows(folder, pending, gone or [])
            if cached and self.generation != generation:
                # the cache was made anew while writing (the rows it had are lost): fill
                # it again, this once, so that the next listing reads nothing
                out = []
                found = _Found(directory)
                if self._from_cache(folder, found, view, take, out) is not None:
                    rows = [
                        _read_row(folder, directory, name, key, quick, found.plain(name))
                        for name, key in found.keys.items()
                    ]
                    self.parsed += len(rows)
                    out.extend(take(row[1], view.pick(row)) for row in rows)
                    self._store_rows(folder, [r for r in rows if _storable(r[1])], [])
        return out

    @staticmethod
    def _read_with(
        helper: _reader.Reader,
        stale: list[str],
        read: Callable[[str], None],
        add: Callable[[str, Row], None],
    ) -> None:
        """Read ``stale`` (sorted) from the first name up while ``helper`` reads from the
        last name down, until they meet; then what neither has read (the helper reads
        plain files only, and may have seen another folder's contents)."""
        taken: set[str] = set()
        redo: set[str] = set()
        mine = 0  # how many of ``stale`` (from the first) are read here

        def accept(rows: list[tuple[str, Any]]) -> None:
            for name, row in rows:
                position = bisect.bisect_left(stale, name)
                if position == len(stale) or stale[position] != name or name in taken:
                    continue  # not one of ours (new meanwhile), or sent twice
                if position < mine:
                    continue  # read here already
                taken.add(name)
                if row is None:
                    redo.add(name)  # the quick look could not tell: read in full
                else:
                    add(name, row)

        try:
            for name in stale:
                accept(helper.rows())
                if helper.low is not None and name >= helper.low:
                    break  # met: the helper has read this one and all after it
                read(name)
                mine += 1
            accept(helper.rest())
        finally:
            helper.close()
        for name in stale[mine:]:
            if name not in taken or name in redo:
                read(name)

    def summaries(
        self,
        directory: Path | str,
        progress: Callable[[int, int], None] | None = None,
        *,
        quick: bool = False,
    ) -> Listing:
        """Every session file in the folder, readable or not, by name.

        ``quick``: files not in the cache are summarised from their top-level keys
        only (ten times faster; see ``store.quick_look``) and cached as not yet
        verified; :meth:`verify` reads them in full later.

        ``progress(read, to_read)`` is called after each file that had to be read
        (a cold cache of many sessions takes a while; run this in a worker thread).
        """
        directory = Path(directory)
        listing = self._listing(
            directory,
            progress,
            quick,
            _SUMMARY_VIEW,
            lambda name, row: _from_row(directory / name, row),
        )
        if isinstance(listing, Unreadable):
            return [listing]
        listing.sort(key=lambda item: item.path.name)
        return listing

    def briefs(
        self,
        directory: Path | str,
        progress: Callable[[int, int], None] | None = None,
        *,
        quick: bool = False,
    ) -> tuple[list[Brief], list[Unreadable]]:
        """What :meth:`summaries` lists, as the review table needs it: the readable
        sessions as :class:`Brief` tuples (no objects per file, and every text that
        repeats, such as the workshop, the place or the trainer, held once) and the
        unreadable files, both by name."""
        directory = Path(directory)
        pool: dict[str, str] = {}
        share = pool.setdefault
        offsets: dict[int, int] = {}

        def take(name: str, row: Row) -> Brief | Unreadable:
            # the columns of _BRIEF
            if row[4] is not None:
                return Unreadable(directory / name, str(row[4]))
            offset = row[10]
            return Brief(
                name,
                share(row[5], row[5]),
                share(row[6], row[6]),
                share(row[7], row[7]),
                share(row[8], row[8]),
                NEVER if row[9] is None else row[9],
                offset if offset is None else offsets.setdefault(offset, offset),
                row[11],
                row[12],
                share(row[13], row[13]),
                bool(row[14]),
            )

        listing = self._listing(directory, progress, quick, _BRIEF_VIEW, take)
        if isinstance(listing, Unreadable):
            return [], [listing]
        briefs = [item for item in listing if isinstance(item, Brief)]
        briefs.sort()
        broken = [item for item in listing if isinstance(item, Unreadable)]
        broken.sort(key=lambda item: item.path.name)
        return briefs, broken

    def unverified(self, directory: Path | str) -> int:
        """How many cached files of the folder were only summarised quickly."""
        folder = os.path.abspath(directory)
        with self._lock:
            try:
                conn = self._open()
                row = conn.execute(
                    "SELECT COUNT(*) FROM files WHERE dir = ? AND verified = 0", (folder,)
                ).fetchone()
            except sqlite3.Error:
                return 0
        return int(row[0])

    def verify(
        self,
        directory: Path | str,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Read in full every file that was only summarised quickly; a file that turns
        out to be broken further down is cached as unreadable, with its reason.
        Returns how many files changed their listing (0: the quick look was right)."""
        directory = Path(directory)
        folder = os.path.abspath(directory)
        changed = 0
        unverified = _SELECT + " AND verified = 0"
        with self._lock:
            try:
                count = "SELECT COUNT(*) FROM files WHERE dir = ? AND verified = 0"
                (total,) = self._open().execute(count, (folder,)).fetchone()
            except sqlite3.Error:
                return 0
            done = 0
            after = ""
            rows: list[Row] = []
            while True:  # a chunk at a time: never every row in memory at once
                try:
                    chunk = (
                        self._open()
                        .execute(
                            unverified + " AND name > ? ORDER BY name LIMIT ?",
                            (folder, after, self.VERIFY_CHUNK),
                        )
                        .fetchall()
                    )
                except sqlite3.Error:
                    break
                if not chunk:
                    break
                after = str(chunk[-1][0])
                for cached in chunk:
                    done += 1
                    name = str(cached[0])
                    path = directory / name
                    key: Key = (int(cached[1]), int(cached[2]), int(cached[3]))
                    item, st = _store.summarize(path)
                    self.parsed += 1
                    if st is not None and _key(st) != key:
                        continue  # changed meanwhile: the next listing reads it again
                    if item != _from_row(path, cached):
                        changed += 1
                    rows.append(_to_row(folder, name, key, item, True))
                    if len(rows) >= self.BATCH:
                        self._store_rows(folder, rows, [])
                        rows = []
                    if progress is not None:
                        progress(done, total)
            if rows:
                self._store_rows(folder, rows, [])
        return changed
