"""A small cache kept between starts, for work whose result only depends on its input.

Starting ``samen run`` parsed the workshop file with tomllib (8 ms) and imported
markdown-it (24 ms) only to parse the first step's text; both are pure functions of
a text. So is building the workshop from its file (:mod:`samen_tui.workshop.built`).
Their results are kept in one file, ``paths.cache_dir() / "start.marshal"``, so that
a second start does none of it: :func:`get` what was :func:`put` before, and
:func:`flush` writes what is new (the app does, after its first paint and on exit).

The file is read and written through :mod:`samen_tui.cachefile`: only the user's
own private folder and file are read, and only when the checksum in its header holds,
so what is unmarshalled here is what this module wrote. Its content is
``marshal.dumps({"version": VERSION, "python": sys.version, SECTION: {key:
marshal.dumps(value)}, ...})``: every value is kept as its own marshal bytes, so
reading the file only copies bytes and a value is unmarshalled when asked for (a
fresh object every time: what a caller does with it cannot change the cache). Only
plain data is cached: what :mod:`marshal` can write and never a code object (a TOML
document holding a date is not cached), and ``None`` is never a cached value. Each
section keeps its newest entries (:data:`LIMITS`; an entry asked for counts as new
again, the next time the file is written anyway).

Reading the file is lazy, once per process (again if ``paths.cache_dir()`` changes,
as it does between tests: unwritten entries are then forgotten). Anything wrong with
it (missing, not the user's own, unreadable, damaged, another :data:`VERSION` or
Python) is an empty cache; a folder that cannot be written is no cache. Neither ever
raises nor says anything. Bump :data:`VERSION` when the meaning of a cached value
changes.

This module imports only builtin modules (:mod:`marshal`, :mod:`os`, :mod:`sys`) and
:mod:`samen_tui.cachefile` (with :mod:`hashlib`).
"""

from __future__ import annotations

import _thread
import marshal
import sys

from samen_tui import cachefile

VERSION = 3
"""Of the file's layout and of what the callers keep in it."""

NAME = "start.marshal"

TOML = "toml"
"""TOML documents (``tomllib.loads``), by the SHA-256 of the file's bytes (hex)."""
SLIDES = "slides"
"""Markdown token streams (:mod:`samen_tui.tui.widgets.slide`), by their text."""
META = "meta"
"""What the callers need to know whether their entries still hold."""
BUILT = "built"
"""Workshops built from their files (:mod:`samen_tui.workshop.built`), by path."""

LIMITS = {TOML: 64, SLIDES: 2000, META: 16, BUILT: 16}
"""The most entries each section keeps; the oldest go first."""

_lock = _thread.allocate_lock()


class _State:
    """The cache of one folder, as read (or empty), and whether it changed since."""

    __slots__ = ("dirty", "folder", "sections")

    def __init__(self, folder: str, sections: dict[str, dict[str, bytes]]) -> None:
        self.folder = folder
        self.sections = sections
        self.dirty = False


_state: _State | None = None


def _loads(data: bytes) -> object:
    """Plain data from marshal bytes: never a code object (refused from Python 3.13 on;
    before, the checksum of :mod:`samen_tui.cachefile` and :func:`_plain` guard it)."""
    if sys.version_info >= (3, 13):
        return marshal.loads(data, allow_code=False)  # type: ignore[call-arg,unused-ignore]
    return marshal.loads(data)


def _empty() -> dict[str, dict[str, bytes]]:
    return {section: {} for section in LIMITS}


def _read(folder: str) -> dict[str, dict[str, bytes]]:
    """The sections in the file in ``folder``; empty for anything wrong with it."""
    data = cachefile.read(NAME, path=folder)
    if data is None:
        return _empty()
    try:
        content = _loads(data)
    except Exception:  # cannot happen for bytes that pass the checksum; no cache if it does
        return _empty()
    if (
        type(content) is not dict
        or content.get("version") != VERSION
        or content.get("python") != sys.version
    ):
        return _empty()
    sections = _empty()
    for section in LIMITS:
        entries = content.get(section)
        if type(entries) is not dict:
            return _empty()
        if not all(type(k) is str and type(v) is bytes for k, v in entries.items()):
            return _empty()
        sections[section] = entries
    return sections


def _current() -> _State:
    """The cache of the current folder, read on first use. Call with ``_lock`` held."""
    global _state
    folder = cachefile.folder()
    state = _state
    if state is None or state.folder != folder:
        state = _state = _State(folder, _read(folder))
    return state


def _plain(value: object) -> bool:
    """Whether ``value`` is plain data: what marshal writes, without a code object."""
    kind = type(value)
    if kind in (str, int, float, bool, bytes, type(None)):
        return True
    if kind in (tuple, list, frozenset, set):
        return all(_plain(item) for item in value)  # type: ignore[attr-defined]
    if kind is dict:
        return all(_plain(k) and _plain(v) for k, v in value.items())  # type: ignore[attr-defined]
    return False


def get(section: str, key: str) -> object | None:
    """The value kept for ``key``, a new object each time; None if there is none."""
    with _lock:
        try:
            entries = _current().sections[section]
        except Exception:  # no cache folder to be found: no cache
            return None
        blob = entries.get(key)
        if blob is None:
            return None
        del entries[key]  # newest again (written out with the next change)
        entries[key] = blob
    try:
        value: object = _loads(blob)
        # what put keeps is plain data: anything else (a code object, on a Python
        # whose marshal still reads them) was not written here
        return value if _plain(value) else None
    except Exception:  # cannot happen for bytes put wrote; no cache if it does
        return None


def put(section: str, key: str, value: object) -> bool:
    """Keep ``value`` for ``key`` (until the next :func:`flush`, in memory only);
    False if it is not plain data marshal can write (nothing is kept then)."""
    limit = LIMITS[section]
    try:
        if not _plain(value):  # a date, a code object, ...
            return False
    except RecursionError:
        return False
    try:
        blob = marshal.dumps(value)  # type: ignore[arg-type]
    except Exception:  # too deep, say
        return False
    with _lock:
        try:
            state = _current()
        except Exception:
            return False
        entries = state.sections[section]
        if entries.get(key) == blob:
            return True
        entries.pop(key, None)
        entries[key] = blob
        while len(entries) > limit:
            del entries[next(iter(entries))]
        state.dirty = True
    return True


def drop(section: str) -> None:
    """Forget every entry of ``section`` (they no longer hold)."""
    with _lock:
        try:
            state = _current()
        except Exception:
            return
        entries = state.sections[section]
        if entries:
            entries.clear()
            state.dirty = True


def flush() -> bool:
    """Write the cache if it changed; True if it was written. Never raises: a folder
    that cannot be written (read-only, full, not the user's own) only means no cache."""
    with _lock:
        state = _state
        if state is None or not state.dirty:
            return False
        try:
            data = marshal.dumps({"version": VERSION, "python": sys.version, **state.sections})
        except Exception:
            return False
        if not cachefile.write(NAME, data, path=state.folder):
            return False
        state.dirty = False
        return True


def reset() -> None:
    """Forget the cache in memory (unwritten entries too): the next use reads the file."""
    global _state
    with _lock:
        _state = None
