"""The rows of the summary cache (:mod:`samen_tui.session.index`): its table, the key
that tells whether a file changed, a file read into its row, a row back into a
summary, and the scan of a folder that finds what must be read.

The helper process that reads half of a first listing (:mod:`samen_tui.session.halves`)
sends these rows too.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

from samen_tui.session.codec import YEARS
from samen_tui.session.listing import quick_read, summarize
from samen_tui.session.model import SCHEMA
from samen_tui.session.naming import SUFFIX, is_session_name
from samen_tui.session.summary import NEVER, SessionSummary, Unreadable

INDEX_VERSION = 4
"""Bump when the table or the meaning of a column changes: old caches are rebuilt.
(4: the start as a number and an offset only, as :class:`SessionSummary` holds it.)"""

USER_VERSION = INDEX_VERSION * 1000 + SCHEMA
COLUMNS = (
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
    "start_stamp",
    "start_offset",
    "participants",
    "steps_done",
    "current",
    "complete",
    "verified",
)
CREATE = """
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
    start_stamp REAL,
    start_offset INTEGER,
    participants INTEGER NOT NULL DEFAULT 0,
    steps_done INTEGER NOT NULL DEFAULT 0,
    current TEXT NOT NULL DEFAULT '',
    complete INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (dir, name)
) WITHOUT ROWID
"""
SUMMARY = (
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
    "file_size",
    "file_mtime",
)
"""The columns a listing takes (:func:`summaries_of`): the name, the key, the rest."""
SELECT = f"SELECT {', '.join(SUMMARY)} FROM files WHERE dir = ?"
INSERT = (
    f"INSERT OR REPLACE INTO files ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)})"
)


def _stamp(year: int) -> float:
    return dt.datetime(year, 1, 1, tzinfo=dt.UTC).timestamp()


_LOW, _HIGH = YEARS
INVALID = f"""
SELECT name FROM files WHERE NOT (
    typeof(dir) = 'text' AND typeof(name) = 'text'
    AND name LIKE '%{SUFFIX}' AND name NOT LIKE '.%' AND instr(name, '/') = 0
    AND typeof(size) = 'integer' AND typeof(mtime_ns) = 'integer' AND typeof(ino) = 'integer'
    AND (reason IS NULL OR typeof(reason) = 'text')
    AND typeof(file_size) = 'integer' AND file_size >= 0
    AND typeof(file_mtime) IN ('real', 'integer') AND abs(file_mtime) < 1e11
    AND typeof(workshop) = 'text' AND typeof(title) = 'text'
    AND typeof(place) = 'text' AND typeof(trainer) = 'text' AND typeof(current) = 'text'
    AND (start_stamp IS NULL OR (typeof(start_stamp) IN ('real', 'integer')
        AND start_stamp BETWEEN {_stamp(_LOW) - 86400} AND {_stamp(_HIGH + 2) + 86400}))
    AND (start_offset IS NULL OR (typeof(start_offset) = 'integer'
        AND start_offset BETWEEN -86399 AND 86399))
    AND typeof(participants) = 'integer' AND participants >= 0
    AND typeof(steps_done) = 'integer' AND steps_done >= 0
    AND typeof(complete) = 'integer' AND complete IN (0, 1)
    AND typeof(verified) = 'integer' AND verified IN (0, 1)
) LIMIT 1
"""
"""The first row that no listing could have written (a wrong type, a value out of
range, a name that is no session file's): a cache holding one is made anew, as a
damaged one is. Types are checked one by one because SQLite keeps whatever a crafted
file holds, whatever the column's declared type (``quick_check`` does not look)."""

pick: Callable[[Row], Row] = itemgetter(*(COLUMNS.index(c) for c in SUMMARY))
"""The columns of :data:`SUMMARY` from a full row (a file read just now)."""

Key = tuple[int, int, int]
"""(size, mtime_ns, inode) of a file: when it changes the file is read again."""

Row = tuple[Any, ...]


def key_of(st: os.stat_result) -> Key:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


_BITS = 64
_MASK = (1 << _BITS) - 1


def pack(size: int, mtime_ns: int, ino: int) -> int:
    """A key as one number (a third of the memory of the tuple: 10,000 files are
    held while a folder is listed). Exact for every value of 64 bits, signed or not."""
    return ((size & _MASK) << 2 * _BITS) | ((mtime_ns & _MASK) << _BITS) | (ino & _MASK)


def unpack(packed: int) -> Key:
    def signed(value: int) -> int:
        return value - (1 << _BITS) if value >> (_BITS - 1) else value

    return (signed(packed >> 2 * _BITS), signed((packed >> _BITS) & _MASK), packed & _MASK)


NO_KEY = -1
"""The key of a file not looked at (a packed key is never negative)."""


_NOTHING_READ = (0, 0.0, "", "", "", "", None, None, 0, 0, "", 0, 1)
"""The columns after ``reason`` of an unreadable file."""


def to_row(
    directory: str, name: str, key: Key, item: SessionSummary | Unreadable, verified: bool = True
) -> Row:
    """The cache row of a file: ``verified`` False when only its top was looked at."""
    if isinstance(item, Unreadable):
        return (directory, name, *key, item.reason, *_NOTHING_READ)
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
        None if item.start_stamp == NEVER else item.start_stamp,
        item.start_offset,
        item.participants,
        item.steps_done,
        item.current,
        int(item.complete),
        int(verified),
    )


def read_row(folder: str, directory: Path, name: str, key: int, quick: bool, plain: bool) -> Row:
    """Read one file (quickly if it can be) into its cache row. Never raises."""
    if quick:
        found = quick_read(str(directory), name, plain)
        if found is not None:
            summary, seen = found
            return to_row(folder, name, key_of(seen), summary, verified=False)
    path = directory / name
    item, st = summarize(path)
    if st is None and key == NO_KEY:  # not readable, and not looked at yet: as scan()
        try:
            st = os.stat(path)
        except OSError:
            with contextlib.suppress(OSError):
                st = os.lstat(path)  # a broken link
    if st is not None:
        return to_row(folder, name, key_of(st), item)
    return to_row(folder, name, unpack(key) if key != NO_KEY else (0, 0, 0), item)


def summaries_of(directory: Path) -> Callable[[str, Row], SessionSummary | Unreadable]:
    """What makes the listing's items of ``directory`` from rows of :data:`SUMMARY`
    columns: the texts that repeat (the workshop, the place, the trainer) held once,
    and no path made for a readable session."""
    folder = str(directory)
    pool: dict[str, str] = {}
    share = pool.setdefault
    offsets: dict[int, int] = {}

    def make(name: str, row: Row) -> SessionSummary | Unreadable:
        if row[4] is not None:
            return Unreadable(directory / name, str(row[4]))
        return SessionSummary(
            name,
            share(row[5], row[5]),
            share(row[6], row[6]),
            share(row[7], row[7]),
            share(row[8], row[8]),
            NEVER if row[9] is None else row[9],
            row[10] if row[10] is None else offsets.setdefault(row[10], row[10]),
            row[11],
            row[12],
            share(row[13], row[13]),
            bool(row[14]),
            row[15],
            row[16],
            folder,
        )

    return make


# --------------------------------------------------------------------------- the folder


def _stat_entry(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat()
    except OSError:
        try:
            return entry.stat(follow_symlinks=False)  # a broken symlink
        except OSError:
            return None  # removed meanwhile


def scan(directory: Path, stat: bool = True) -> tuple[dict[str, int], set[str]]:
    """The session files of the folder: name → key (:func:`pack`; :data:`NO_KEY`
    without ``stat``, when no file can be in the cache: reading a file tells its key),
    and the names that are not plain files (links, folders, pipes: read with every
    check). Raises OSError; a missing folder has no files."""
    keys: dict[str, int] = {}
    odd: set[str] = set()
    is_session, mask = is_session_name, _MASK  # locals: 10,000 times round
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
                )  # pack(), written out
                if not plain:
                    odd.add(name)
    except FileNotFoundError:
        return {}, set()
    return keys, odd


class Found:
    """The session files found in a folder; :meth:`SessionIndex._from_cache` takes the
    unchanged ones out of ``keys``, what is left is read."""

    def __init__(self, directory: Path, stat: bool = True) -> None:
        self.directory = directory
        self.stat = stat
        self.keys, self._odd = scan(directory, stat)

    def rescan(self) -> dict[str, int]:
        self.keys, self._odd = scan(self.directory, self.stat)
        return self.keys

    def plain(self, name: str) -> bool:
        return name not in self._odd


def storable(text: str) -> bool:
    """Whether SQLite can store the text (file names may hold undecodable bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
