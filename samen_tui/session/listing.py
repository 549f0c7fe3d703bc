"""Listing a sessions folder: every file in it summarised, readable or not, and the
quick look that summarises a session file from its top alone.

:func:`list_sessions` reads every file in full. The summary cache
(:mod:`samen_tui.session.index`) summarises the files it has not seen with
:func:`quick_read` instead: the top-level keys and the table headers of a file, as
the app writes them, without decoding every record (ten times faster); a file the
quick look cannot tell is read in full, and the cache reads every file in full
later (a file broken further down is found then).

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, get_type_hints

from samen_tui.i18n import t
from samen_tui.session.codec import date_in_range
from samen_tui.session.errors import SessionReadError, describe_os_error
from samen_tui.session.model import SCHEMA, Session, SessionFormatError
from samen_tui.session.naming import is_session_name
from samen_tui.session.reading import read_bytes, read_plain, read_session
from samen_tui.session.summary import Listing, SessionSummary, Unreadable, start_of


def scan(directory: Path) -> Iterator[os.DirEntry[str]]:
    """The entries of the folder that look like session files. Raises OSError."""
    with os.scandir(directory) as entries:
        for entry in entries:
            if is_session_name(entry.name):
                yield entry


def summarize(path: Path) -> tuple[SessionSummary | Unreadable, os.stat_result | None]:
    """Read one file for the listing; never raises for a bad file."""
    try:
        session, st = read_session(path)
    except SessionReadError as exc:
        return Unreadable(path, exc.reason), None
    return SessionSummary.of(path, session, st), st


# A TOML table header at the start of a line, or any string (which may hold a line that
# looks like a header, and must be skipped): multi-line basic and literal strings first,
# then one-line ones. Comments cannot hold a newline, so they need no care.
_STRUCTURE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^']|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|^\[\[?(?P<header>[^\]\n]*)\]",
    re.MULTILINE,
)
_HEADER = re.compile(r"^\[\[?(?P<header>[^\]\n]*)\]", re.MULTILINE)
_RECORD_ID = re.compile(r'records\.(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_-]+))')

# The top of a session file as tomli_w writes it: one ``key = value`` a line, the value a
# string without escapes, a date-time, a whole number or a boolean (blank lines and
# comments between them). Anything else there is left to tomllib.
_HEAD_LINE = re.compile(
    r"((?:[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?\n)*"
    r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    r'(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
    r"|(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?)"
    r"|(-?(?:0|[1-9]\d{0,17}))"
    r"|(true|false))"
    r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?(?:\r?\n|\Z))"
)
# An array at the top, as tomli_w writes it: one element a line, indented, with a comma.
_HEAD_ARRAY = re.compile(r"^([A-Za-z0-9_-]+) = \[\r?\n((?:    [^\n]*\n)*?)\]\r?\n", re.MULTILINE)
_ARRAY_ELEMENTS = {
    "participants": re.compile(r"(?:    \{[^\n]*\},\r?\n)*"),
    "steps": re.compile(r'(?:    "[^"\\\n]*",\r?\n)*'),
    "seen": re.compile(r'(?:    "[^"\\\n]*",\r?\n)*'),
}
"""The arrays the quick look takes at the top of a file: one inline table a line for
each participant (counted; what is in them is checked by the full read later), one
plain string a line for the step ids and the steps seen (not needed for the listing)."""
# Without multi-line strings, the table headers that count: participants and records.
_PARTICIPANT = "\n[[participants]"
_RECORD_HEADER = re.compile(r'\n\[records\.("(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_-]+)')


@cache
def _head_kinds() -> dict[str, type]:
    """The top-level keys of a session that hold one plain value, and its type."""
    hints = get_type_hints(Session)
    kinds: dict[str, type] = {}
    for name, hint in hints.items():
        if hint in (str, int, bool):
            kinds[name] = hint
        elif hint == (dt.datetime | None):
            kinds[name] = dt.datetime
    return kinds


def _fast_head(head: str) -> dict[str, Any] | None:
    """The top-level values of a session, when every line of ``head`` is a plain
    ``key = value`` of the right type (see ``_HEAD_LINE``), or one of the arrays
    tomli_w writes there, an element a line (``_HEAD_ARRAY``: the participants are
    counted, the step ids skipped); None: let tomllib read it. Raises ValueError for
    a date that does not exist."""
    kinds = _head_kinds()
    values: dict[str, Any] = {}
    if "[\n" in head or "[\r\n" in head:
        arrays = _HEAD_ARRAY.findall(head)
        for key, elements in arrays:
            element = _ARRAY_ELEMENTS.get(key)
            if element is None or key in values or not element.fullmatch(elements):
                return None  # tomllib and the model decide
            values[key] = elements.count("\n")
        head = _HEAD_ARRAY.sub("", head)
    covered = 0
    for whole, key, text, moment, number, flag in _HEAD_LINE.findall(head):
        covered += len(whole)
        kind = kinds.get(key)
        if kind is None or key in values:
            return None  # an unknown or repeated key: tomllib and the model decide
        if kind is str and not (moment or number or flag):
            values[key] = text  # the one value that can be empty: ""
        elif kind is dt.datetime and moment:
            values[key] = dt.datetime.fromisoformat(moment)
            if not date_in_range(values[key]):
                return None  # the full read says why it is refused
        elif kind is int and number:
            values[key] = int(number)
        elif kind is bool and flag:
            values[key] = flag == "true"
        else:
            return None
    # the lines matched one after the other, and nothing but blank space is left
    if head[covered:].strip(" \t\r\n"):
        return None
    schema = values.get("schema")
    if schema is None or schema > SCHEMA:
        return None
    return values


def quick_look(raw: bytes, folder: str, name: str, st: os.stat_result) -> SessionSummary | None:
    """The summary of the session file ``folder/name`` (its bytes ``raw``, its status
    ``st``) from its top-level keys and table headers only, without decoding every
    record; None when this quick look cannot tell (the file must be read in full:
    :func:`summarize`). A file that passes here may still be broken further down: a
    full read later tells."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    records: set[str] = set()
    people = 0
    head: dict[str, Any] | None = None
    multi_line = '"""' in text or "'''" in text
    if multi_line or text.startswith("["):
        # a multi-line string may hold a line that looks like a table header
        pattern = _STRUCTURE if multi_line else _HEADER
        headers = [(m.start(), m.group()) for m in pattern.finditer(text) if m.group("header")]
        # m.group() is the header up to its first "]": "[[participants" or "[records.x"
        head_end = headers[0][0] if headers else len(text)
        for _start, found in headers:
            if found == "[[participants]":
                people += 1
            elif found.startswith("[records."):
                record = _RECORD_ID.match(found[1:])
                if record is not None:
                    records.add(record.group(1) or record.group(2))
        top = text[:head_end]
        if '"""' not in top and "'''" not in top:  # the notes are further down
            try:
                head = _fast_head(top)
            except ValueError:
                head = None
    else:
        # no line can start inside a string: the headers are the lines starting with "["
        first = text.find("\n[")
        head_end = first + 1 if first >= 0 else len(text)
        people = text.count(_PARTICIPANT, head_end - 1)
        records = set(_RECORD_HEADER.findall(text, head_end - 1))
        if '[records."' in text:  # "a" and a are one key
            records = {r[1:-1] if r.startswith('"') else r for r in records}
        try:
            head = _fast_head(text[:head_end])
        except ValueError:  # a date that does not exist: tomllib says why
            head = None
    if head is None:
        try:
            session = Session.from_dict(tomllib.loads(text[:head_end]))
        except (tomllib.TOMLDecodeError, SessionFormatError, ValueError, TypeError, RecursionError):
            return None
        workshop, title, place, trainer = (
            session.workshop,
            session.title,
            session.place,
            session.trainer,
        )
        started, ended, current = session.started, session.ended, session.current
        people += len(session.participants)
    else:
        workshop, title, place, trainer = (
            head.get("workshop", ""),
            head.get("title", ""),
            head.get("place", ""),
            head.get("trainer", ""),
        )
        started, ended, current = head.get("started"), head.get("ended"), head.get("current", "")
        people += head.get("participants", 0)
    stamp, offset = start_of(started)
    return SessionSummary(
        name,
        workshop,
        title,
        place,
        trainer,
        stamp,
        offset,
        people,
        len(records),
        current,
        ended is not None,
        st.st_size,
        st.st_mtime,
        folder,
    )


def quick_read(
    folder: str, name: str, plain: bool = False
) -> tuple[SessionSummary, os.stat_result] | None:
    """:func:`quick_look` at the file ``folder/name``, with the status of the file it
    read; None when the file must be read in full (:func:`summarize`). ``plain``: the
    folder listing saw a regular file, not a link (it is opened without following
    links, fewer checks)."""
    path = f"{folder}{os.sep}{name}"
    found = read_plain(path) if plain else None
    if found is None:
        try:
            found = read_bytes(Path(path))
        except SessionReadError:
            return None
    raw, st = found
    summary = quick_look(raw, folder, name, st)
    return (summary, st) if summary is not None else None


def list_sessions(directory: Path) -> Listing:
    """Every session file in the folder, readable or not, by name. Changes no file."""
    try:
        entries = sorted(scan(directory), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [
            Unreadable(
                directory, t("session.reason.folder_unreadable", reason=describe_os_error(exc))
            )
        ]
    return [summarize(Path(entry.path))[0] for entry in entries]
