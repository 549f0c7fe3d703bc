"""A cache of session summaries, so that listing 10,000 sessions stays fast.

:class:`SessionIndex` keeps one row per session file in an SQLite database in the
user cache folder (``paths.cache_dir() / "index.sqlite3"``), keyed by the file's
folder and name and checked against its size, modification time (ns) and inode.
:meth:`SessionIndex.summaries` scans the folder, takes unchanged files from the
cache, reads only new or changed ones (unreadable files are cached with their
reason too), drops the rows of files that are gone, and writes all changes in one
transaction.

The cache is only a cache: a damaged, foreign or unreadable database is deleted and
made anew; where the cache folder cannot be written an in-memory database is used;
a database locked by another copy of the app is simply not used this time. None of
this ever raises: the listing is always returned. No session file is ever changed.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samen_tui import paths
from samen_tui.i18n import t
from samen_tui.session import store as _store
from samen_tui.session.model import SCHEMA
from samen_tui.session.store import Listing, SessionSummary, Unreadable

INDEX_VERSION = 2
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
    PRIMARY KEY (dir, name)
) WITHOUT ROWID
"""
_SELECT = f"SELECT {', '.join(_COLUMNS[1:])} FROM files WHERE dir = ?"
_INSERT = (
    f"INSERT OR REPLACE INTO files ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
)

Key = tuple[int, int, int]
"""(size, mtime_ns, inode) of a file: when it changes the file is read again."""

Row = tuple[Any, ...]


def _key(st: os.stat_result) -> Key:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass(frozen=True)
class _Entry:
    name: str
    path: Path
    key: Key


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


def _storable(text: str) -> bool:
    """Whether SQLite can store the text (file names may hold undecodable bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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

    def _cached(self, directory: str) -> dict[str, Row] | None:
        """The rows of this folder, or None when the cache cannot be used now."""
        for _ in range(2):
            try:
                conn = self._open()
                return {str(row[0]): row for row in conn.execute(_SELECT, (directory,))}
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    return None
                self._recover(exc)
        return None

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

    def summaries(
        self,
        directory: Path | str,
        progress: Callable[[int, int], None] | None = None,
        *,
        quick: bool = False,
    ) -> Listing:
        """Every session file in the folder, readable or not, by name.

        ``quick``: files not in the cache are summarised from their top-level keys
        only (ten times faster; see ``store.quick_summarize``) and cached as not yet
        verified; :meth:`verify` reads them in full later.

        ``progress(read, to_read)`` is called after each file that had to be read
        (a cold cache of many sessions takes a while; run this in a worker thread).
        """
        directory = Path(directory)
        try:
            with os.scandir(directory) as it:
                scanned = [e for e in it if _store.is_session_name(e.name)]
        except FileNotFoundError:
            scanned = []
        except OSError as exc:
            reason = t("session.reason.folder_unreadable", reason=_store.describe_os_error(exc))
            return [Unreadable(directory, reason)]
        entries: list[_Entry] = []
        for dir_entry in scanned:
            found = _stat_entry(dir_entry)
            if found is not None:
                entries.append(_Entry(dir_entry.name, directory / dir_entry.name, _key(found)))
        entries.sort(key=lambda e: e.name)
        folder = os.path.abspath(directory)
        with self._lock:
            # a folder name that is not valid UTF-8 cannot be a key: list without cache
            cached = self._cached(folder) if _storable(folder) else None
            generation = self.generation
            rows = cached if cached is not None else {}
            stale = [e for e in entries if (r := rows.get(e.name)) is None or r[1:4] != e.key]
            fresh: dict[str, SessionSummary | Unreadable] = {}
            fresh_rows: dict[str, Row] = {}
            pending: list[Row] = []
            for done, entry in enumerate(stale, start=1):
                item: SessionSummary | Unreadable | None = None
                st: os.stat_result | None = None
                verified = True
                if quick:
                    item, st = _store.quick_summarize(entry.path)
                    verified = item is None
                if item is None:
                    item, st = _store.summarize(entry.path)
                self.parsed += 1
                fresh[entry.name] = item
                key = _key(st) if st is not None else entry.key
                if not _storable(entry.name):
                    continue  # read every time, like a folder without cache
                row = fresh_rows[entry.name] = _to_row(folder, entry.name, key, item, verified)
                pending.append(row)
                if cached is not None and len(pending) >= self.BATCH:
                    # a long first listing keeps what it has read, even if stopped
                    self._store_rows(folder, pending, [])
                    pending = []
                if progress is not None:
                    progress(done, len(stale))
            if cached is not None:
                present = {e.name for e in entries}
                gone = [name for name in cached if name not in present]
                if pending or gone:
                    self._store_rows(folder, pending, gone)
                if self.generation != generation:
                    # the cache was made anew while writing: put every row in it
                    everything = [
                        fresh_rows.get(e.name) or (folder, *rows[e.name])
                        for e in entries
                        if e.name in fresh_rows or e.name in rows
                    ]
                    self._store_rows(folder, everything, [])
        return [
            fresh[e.name] if e.name in fresh else _from_row(e.path, rows[e.name]) for e in entries
        ]

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
        with self._lock:
            try:
                conn = self._open()
                todo = [
                    (str(row[0]), row)
                    for row in conn.execute(_SELECT + " AND verified = 0", (folder,))
                ]
            except sqlite3.Error:
                return 0
            rows: list[Row] = []
            for done, (name, cached) in enumerate(todo, start=1):
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
                    progress(done, len(todo))
            if rows:
                self._store_rows(folder, rows, [])
        return changed
