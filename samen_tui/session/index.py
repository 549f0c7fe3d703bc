"""A cache of session summaries, so that listing 10,000 sessions stays fast.

:class:`SessionIndex` keeps one row per session file in an SQLite database in the
user cache folder (``paths.cache_dir() / "index.sqlite3"``), keyed by the file's
folder and name and checked against its size, modification time (ns) and inode
(the table and its rows: :mod:`samen_tui.session.rows`).
:meth:`SessionIndex.summaries` scans the folder, takes unchanged files from the
cache, reads only new or changed ones (unreadable files are cached with their
reason too), drops the rows of files that are gone, and writes the changes in
batches. :meth:`SessionIndex.readable_and_unreadable` lists the same for the review
table, the readable sessions apart from the rest: the cached rows are streamed,
never all held at once, and the texts that repeat are held once. A folder that has
no rows in the cache yet is not stat()ed file by file (reading a file tells its
key), and a first listing of many files is read from both ends, here and in a
helper process (:mod:`samen_tui.session.halves`).

The cache is only a cache: a damaged, foreign or unreadable database is deleted and
made anew; where the cache folder cannot be written an in-memory database is used;
a database locked by another copy of the app is simply not used this time. None of
this ever raises: the listing is always returned. No session file is ever changed.

This module never imports textual.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import secrets
import sqlite3
import stat
import threading
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path
from typing import Any

from samen_tui import paths, safefile
from samen_tui.i18n import t
from samen_tui.session import rows as _rows
from samen_tui.session.errors import describe_os_error
from samen_tui.session.halves import Reader
from samen_tui.session.listing import summarize
from samen_tui.session.rows import Found, Key, Row, key_of, pack, read_row, storable, to_row
from samen_tui.session.summary import Listing, SessionSummary, Unreadable

Item = SessionSummary | Unreadable
_NAME = attrgetter("name")
_ORDERED = _rows.SELECT + " ORDER BY name"


class _NotPrivate(Exception):
    """The cache folder is not the user's own private folder: the cache is kept in
    memory, and nothing in that folder is read, written or removed."""


_JOURNALS = ("-journal", "-wal", "-shm")


def _fresh_file(file: Path) -> None:
    """An empty, private (``0600``) cache file at ``file``, put in place by a rename:
    whatever was there (a damaged cache, a symlink, a pipe) is replaced as a name,
    never written through. SQLite's journals of the old file go with it (a journal
    left over would be played into the new file). Raises OSError."""
    temp = file.with_name(f".{file.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(
        temp,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | safefile.O_NOFOLLOW | safefile.O_CLOEXEC,
        safefile.FILE_MODE,
    )
    os.close(fd)
    try:
        for suffix in _JOURNALS:
            journal = file.with_name(file.name + suffix)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(journal)
        os.replace(temp, file)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _private_file(file: Path) -> None:
    """Make sure the cache file is a regular file of the user's own, private: missing,
    it is made; a symlink, anything but a regular file, or a file another user owns
    is replaced by an empty one (:func:`_fresh_file`); a file others may read loses
    that permission. So SQLite never opens anything through a link. Raises OSError."""
    try:
        info = os.lstat(file)
    except FileNotFoundError:
        _fresh_file(file)
        return
    if not stat.S_ISREG(info.st_mode) or not safefile.owned_and_private(info):
        _fresh_file(file)
        return
    for suffix in _JOURNALS:  # a journal that is a link or no file: never opened
        journal = file.with_name(file.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            if not stat.S_ISREG(os.lstat(journal).st_mode):
                _fresh_file(file)
                return
    if stat.S_IMODE(info.st_mode) & 0o077:
        fd = os.open(file, os.O_RDONLY | safefile.O_NOFOLLOW | safefile.O_CLOEXEC)
        try:
            os.fchmod(fd, safefile.FILE_MODE)
        finally:
            os.close(fd)


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
                except _NotPrivate:
                    self._memory = True  # a folder that is not the user's own: not used
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
        if not safefile.private_folder(file.parent):
            raise _NotPrivate(str(file.parent))
        _private_file(file)
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
            conn = self._prepare(conn)
            bad = conn.execute(_rows.INVALID).fetchone()
            if bad is not None:  # a row no listing wrote: a crafted or damaged cache
                raise sqlite3.DatabaseError(f"a row that is not valid: {bad[0]!r}")
            return conn
        except BaseException:
            conn.close()
            raise

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """Make sure the table is the one this version writes; recreate it if not."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(files)"))
        if version != _rows.USER_VERSION or columns != _rows.COLUMNS:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DROP TABLE IF EXISTS files")
                conn.execute(_rows.CREATE)
                conn.execute(f"PRAGMA user_version = {_rows.USER_VERSION}")
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
        """Replace the cache file by an empty one (atomically: a symlink in its place
        is replaced, its target never touched) and delete its journals; if that
        fails, use memory."""
        self._close()
        if self.cache_file is None:
            return
        self.rebuilt += 1
        try:
            _fresh_file(self.cache_file)
        except OSError:
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
                    conn.executemany(_rows.INSERT, rows)
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
        found: Found,
        take: Callable[[str, Row], Item],
        out: list[Item],
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
                for row in conn.execute(_ORDERED, (folder,)):
                    name = row[0]
                    key = keys.get(name)
                    if key is None:
                        gone.append(name)
                    elif key == pack(row[1], row[2], row[3]):
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
    ) -> list[Item] | Unreadable:
        """Every session file in the folder, in no particular order; an
        :class:`Unreadable` for a folder that cannot be listed. The core of
        :meth:`summaries` and :meth:`readable_and_unreadable`."""
        take = _rows.summaries_of(directory)
        pick = _rows.pick
        folder = os.path.abspath(directory)
        with self._lock:
            # a folder name that is not valid UTF-8 cannot be a key: list without cache
            can_store = storable(folder)
            try:
                # the first listing of a folder: every file is read, which tells its key
                found = Found(directory, stat=can_store and self._has_rows(folder))
            except OSError as exc:
                reason = describe_os_error(exc)
                return Unreadable(directory, t("session.reason.folder_unreadable", reason=reason))
            out: list[Item] = []
            gone = self._from_cache(folder, found, take, out) if can_store else None
            cached = gone is not None
            generation = self.generation
            stale = sorted(found.keys)
            pending: list[Row] = []
            done = 0

            def add(name: str, row: Row) -> None:
                nonlocal pending, done
                self.parsed += 1
                out.append(take(name, pick(row)))
                if storable(name):  # else read every time, like a folder without cache
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
                add(name, read_row(folder, directory, name, key, quick, plain))

            helper = None
            if quick and not found.stat and len(stale) >= self.HELPER_FROM:
                # a first listing of many files: a second process reads half of them
                helper = Reader.start(directory, folder)
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
                found = Found(directory)
                if self._from_cache(folder, found, take, out) is not None:
                    rows = [
                        read_row(folder, directory, name, key, quick, found.plain(name))
                        for name, key in found.keys.items()
                    ]
                    self.parsed += len(rows)
                    out.extend(take(row[1], pick(row)) for row in rows)
                    self._store_rows(folder, [r for r in rows if storable(r[1])], [])
        return out

    @staticmethod
    def _read_with(
        helper: Reader,
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
        only (ten times faster; see ``listing.quick_look``) and cached as not yet
        verified; :meth:`verify` reads them in full later.

        ``progress(read, to_read)`` is called after each file that had to be read
        (a cold cache of many sessions takes a while; run this in a worker thread).
        """
        listing = self._listing(Path(directory), progress, quick)
        if isinstance(listing, Unreadable):
            return [listing]
        listing.sort(key=_NAME)
        return listing

    def readable_and_unreadable(
        self,
        directory: Path | str,
        progress: Callable[[int, int], None] | None = None,
        *,
        quick: bool = False,
    ) -> tuple[list[SessionSummary], list[Unreadable]]:
        """What :meth:`summaries` lists, as the review table needs it: the readable
        sessions and the unreadable files apart, both by name."""
        listing = self._listing(Path(directory), progress, quick)
        if isinstance(listing, Unreadable):
            return [], [listing]
        readable = [item for item in listing if isinstance(item, SessionSummary)]
        readable.sort(key=_NAME)
        broken = [item for item in listing if isinstance(item, Unreadable)]
        broken.sort(key=_NAME)
        return readable, broken

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
        unverified = _rows.SELECT + " AND verified = 0"
        make = _rows.summaries_of(directory)
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
                    item, st = summarize(path)
                    self.parsed += 1
                    if st is not None and key_of(st) != key:
                        continue  # changed meanwhile: the next listing reads it again
                    if item != make(name, cached):
                        changed += 1
                    rows.append(to_row(folder, name, key, item, True))
                    if len(rows) >= self.BATCH:
                        self._store_rows(folder, rows, [])
                        rows = []
                    if progress is not None:
                        progress(done, total)
            if rows:
                self._store_rows(folder, rows, [])
        return changed
