"""A small cache kept between starts, for work whose result only depends on its input.

Starting ``samen run`` parsed the workshop file with tomllib (8 ms) and imported
markdown-it (24 ms) only to parse the first step's text; both are pure functions of
a text. So are building the workshop from its file (:mod:`samen_tui.workshop.built`)
and compiling the methods of the dataclasses made while starting
(:mod:`samen_tui.codecache`). Their results are kept in one file,
``paths.cache_dir() / "start.marshal"``, so that a second start does none of it:
:func:`get` what was :func:`put` before, and :func:`flush` writes what is new (the
app does, after its first paint and on exit).

The file holds ``marshal.dumps({"version": VERSION, "python": sys.version,
SECTION: {key: marshal.dumps(value)}, ...})``: every value is kept as its own
marshal bytes, so reading the file only copies bytes and a value is unmarshalled
when asked for (a fresh object every time: what a caller does with it cannot change
the cache). Only what :mod:`marshal` can write is cached (a TOML document holding a
date is not), and ``None`` is never a cached value. Each section keeps its newest
entries (:data:`LIMITS`; an entry asked for counts as new again, the next time the
file is written anyway).

Reading the file is lazy, once per process (again if ``paths.cache_dir()`` changes,
as it does between tests: unwritten entries are then forgotten). Anything wrong with
it (missing, unreadable, corrupt, another :data:`VERSION` or Python) is an empty
cache; a folder that cannot be written is no cache. Neither ever raises nor says
anything. Bump :data:`VERSION` when the meaning of a cached value changes.

This module imports only builtin modules (:mod:`marshal`, :mod:`os`, :mod:`sys`),
and :mod:`samen_tui.paths` when first used.
"""

from __future__ import annotations

import _thread
import marshal
import os
import sys

VERSION = 2
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
CODE = "code"
"""Code compiled from the source texts of dataclass methods (:mod:`samen_tui.codecache`),
by the text."""

LIMITS = {TOML: 64, SLIDES: 2000, META: 16, BUILT: 16, CODE: 400}
"""The most entries each section keeps; the oldest go first."""

_lock = _thread.allocate_lock()


class _State:
    """The cache of one file, as read (or empty), and whether it changed since."""

    __slots__ = ("dirty", "path", "sections")

    def __init__(self, path: str, sections: dict[str, dict[str, bytes]]) -> None:
        self.path = path
        self.sections = sections
        self.dirty = False


_state: _State | None = None


def cache_file() -> str:
    """Where the cache lives now (``$SAMEN_CACHE`` moves it)."""
    from samen_tui import paths

    return os.path.join(paths.cache_dir(), NAME)


def _empty() -> dict[str, dict[str, bytes]]:
    return {section: {} for section in LIMITS}


def _read(path: str) -> dict[str, dict[str, bytes]]:
    """The sections in the file at ``path``; empty for anything wrong with it."""
    try:
        with open(path, "rb") as file:
            data = file.read()
        if sys.version_info >= (3, 13):
            content = marshal.loads(data, allow_code=False)
        else:
            content = marshal.loads(data)
    except Exception:  # missing, unreadable, truncated, not marshal data
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
    """The cache of the current file, read on first use. Call with ``_lock`` held."""
    global _state
    path = cache_file()
    state = _state
    if state is None or state.path != path:
        state = _state = _State(path, _read(path))
    return state


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
        value: object = marshal.loads(blob)
    except Exception:  # cannot happen for bytes marshal wrote; no cache if it does
        return None
    return value


def put(section: str, key: str, value: object) -> bool:
    """Keep ``value`` for ``key`` (until the next :func:`flush`, in memory only);
    False if marshal cannot write it (nothing is kept then)."""
    limit = LIMITS[section]
    try:
        blob = marshal.dumps(value)  # type: ignore[arg-type]
    except Exception:  # an object marshal does not know (a date, say)
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
    that cannot be written (read-only, full) only means no cache."""
    with _lock:
        state = _state
        if state is None or not state.dirty:
            return False
        try:
            data = marshal.dumps({"version": VERSION, "python": sys.version, **state.sections})
        except Exception:
            return False
        if not write_file(state.path, data):
            return False
        state.dirty = False
        return True


def write_file(path: str, data: bytes) -> bool:
    """Put ``data`` in the file at ``path`` (its folder made if need be) through a
    temporary file renamed into place: a reader sees the old file or the new one, never
    a part. False, and the old file as it was, if it cannot be written. (Also for the
    stylesheets of :mod:`samen_tui.tui.csscache`.)"""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        _remove(temporary)
        return False
    return True


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        return


def reset() -> None:
    """Forget the cache in memory (unwritten entries too): the next use reads the file."""
    global _state
    with _lock:
        _state = None
