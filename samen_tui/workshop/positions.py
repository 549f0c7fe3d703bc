"""Where every key and value of a TOML text is.

tomllib gives us the data but not where it came from; the loader needs both to
report ``file:line:col`` for a problem. :func:`scan` walks the text once and maps
each key path, such as ``("items", 0, "steps", 2, "categories", 1, "key")``, to a
:class:`Spot`: the line and column of the key and of its value (1-based; columns
count characters, as tomllib's own messages do).

What counts as "the key" and "the value":

* ``key = value``: the key is the last part of the (dotted) key, the value its
  first character (the quote of a string, the ``[`` of an array, the ``{`` of an
  inline table). The parts before the last dot are tables whose spot is their own
  key part.
* ``[a.b]`` and ``[[a.b]]``: the table's key is the name ``b`` in the header, its
  value is the header's opening bracket. An array of tables (``("a", "b")``) has
  the spot of its first header; each element (``("a", "b", 0)``) that of its own.
* Elements of an inline array: key and value are the element's first character.

It only runs on text that tomllib has already accepted, so it does not validate;
it must merely be right on valid TOML: tables, arrays of tables (also nested),
dotted and quoted keys, inline tables, arrays (also multi-line, with comments, of
inline tables), the four kinds of strings, and comments. Line endings are
expected as ``\\n`` (tomllib turns ``\\r\\n`` into ``\\n`` before parsing; do the
same before scanning, so that the columns agree).

This module never imports textual.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import tomllib
from dataclasses import dataclass

KeyPath = tuple[str | int, ...]
LineCol = tuple[int, int]

_SPACE = re.compile(r"[ \t]*")
_BLANK = re.compile(r"(?:[ \t\n]|#[^\n]*)*")
"""Spaces, newlines and comments: what may stand between the elements of an array."""
_LINE_END = re.compile(r"[ \t]*(?:#[^\n]*)?")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}#\n]+")
"""Numbers, booleans, dates and times: everything up to where the value must end."""
_STRING = {
    '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}', re.S),
    "'''": re.compile(r"'''(?:[^']|'(?!''))*''''{0,2}"),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}


@dataclass(frozen=True, slots=True)
class Spot:
    key: LineCol
    """Line and column of the key (of a table: its name in the header)."""
    value: LineCol
    """Line and column of the value (of a table: the header's ``[`` or the ``{``)."""


class Positions:
    """The spots of a scanned text, with fallbacks for paths that are not in it."""

    def __init__(self, spots: dict[KeyPath, Spot] | None = None, *, text: str = "") -> None:
        self._spots = spots
        self._text = text

    @property
    def spots(self) -> dict[KeyPath, Spot]:
        """Scanned on first use when made by :func:`lazy_scan`."""
        if self._spots is None:
            self._spots = scan(self._text).spots
        return self._spots

    def get(self, path: KeyPath) -> Spot | None:
        return self.spots.get(tuple(path))

    def _nearest(self, path: KeyPath) -> Spot | None:
        path = tuple(path)
        while path:
            spot = self.spots.get(path)
            if spot is not None:
                return spot
            path = path[:-1]
        return None

    def key(self, path: KeyPath) -> LineCol:
        """Where the key of ``path`` is (or of its nearest ancestor in the text; else 1:1)."""
        spot = self._nearest(path)
        return spot.key if spot else (1, 1)

    def value(self, path: KeyPath) -> LineCol:
        """Where the value of ``path`` is (or of its nearest ancestor in the text; else 1:1)."""
        spot = self._nearest(path)
        return spot.value if spot else (1, 1)

    def table(self, path: KeyPath) -> LineCol:
        """Where the table ``path`` starts: its header, its ``{``, or 1:1 for the document."""
        return self.value(path) if path else (1, 1)


def lazy_scan(text: str) -> Positions:
    """:func:`scan`, done only when a position is asked for: a valid file (the common
    case, read at every start) is never scanned."""
    return Positions(text=text)


def scan(text: str, until: KeyPath | None = None) -> Positions:
    """Map every key path of ``text`` (valid TOML) to where its key and value are.

    With ``until``, the scan stops once that path's spot is known for good: for one
    position asked of a large text (a session's fault), the rest is not read."""
    scanner = _Scanner(text, until)
    # On text that is not valid TOML after all, keep what was found; callers fall back to 1:1.
    with contextlib.suppress(IndexError, ValueError, tomllib.TOMLDecodeError, _Found):
        scanner.document()
    return Positions(scanner.spots)


class _Found(Exception):
    """The path a scan was asked for is found."""


class _Scanner:
    def __init__(self, text: str, until: KeyPath | None = None) -> None:
        self.src = text
        self.until = tuple(until) if until is not None else None
        self.pos = 0
        self.spots: dict[KeyPath, Spot] = {}
        self.arrays_of_tables: dict[KeyPath, int] = {}
        self._line_starts = [0]
        self._line_starts.extend(m.end() for m in re.finditer("\n", text))

    # ------------------------------------------------------------------ helpers

    def at(self, offset: int) -> LineCol:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def peek(self, text: str) -> bool:
        return self.src.startswith(text, self.pos)

    def char(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def skip(self, pattern: re.Pattern[str]) -> str:
        match = pattern.match(self.src, self.pos)
        if match is None:
            return ""
        self.pos = match.end()
        return match.group()

    def skip_space(self) -> None:
        self.skip(_SPACE)

    def skip_blank(self) -> None:
        """Skip spaces, newlines and comments (inside arrays and between statements)."""
        self.skip(_BLANK)

    def put(self, path: KeyPath, key: LineCol, value: LineCol, *, replace: bool) -> None:
        if replace or path not in self.spots:
            self.spots[path] = Spot(key, value)
            # a spot put with replace is final; one without may still give way to a header
            if replace and path == self.until:
                raise _Found

    # ------------------------------------------------------------------ grammar

    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self.skip_blank()
            if self.pos >= len(self.src):
                return
            if self.peek("[["):
                table = self.header(double=True)
            elif self.peek("["):
                table = self.header(double=False)
            else:
                self.key_value(table)
            self.skip(_LINE_END)

    def header(self, *, double: bool) -> KeyPath:
        start = self.at(self.pos)
        self.pos += 2 if double else 1
        self.skip_space()
        parts = self.key()
        self.skip_space()
        self.pos += 2 if double else 1
        path: KeyPath = ()
        for index, (name, where) in enumerate(parts):
            path = (*path, name)
            last = index == len(parts) - 1
            if last and double:
                count = self.arrays_of_tables.get(path, 0)
                self.arrays_of_tables[path] = count + 1
                self.put(path, where, start, replace=False)
                path = (*path, count)
                self.put(path, where, start, replace=True)
            elif path in self.arrays_of_tables:
                path = (*path, self.arrays_of_tables[path] - 1)
            else:
                # A table named by a header wins over one only implied by a longer header.
                self.put(path, where, start, replace=last)
        return path

    def key(self) -> list[tuple[str, LineCol]]:
        """A possibly dotted key: each part with where it starts."""
        parts: list[tuple[str, LineCol]] = []
        while True:
            self.skip_space()
            where = self.at(self.pos)
            char = self.char()
            if char in ('"', "'"):
                quoted = self.string()
                if "\\" in quoted and char == '"':
                    name = tomllib.loads(f"k = {quoted}")["k"]
                else:
                    name = quoted[1:-1]
            else:
                name = self.skip(_BARE_KEY)
                if not name:
                    raise ValueError(f"no key at {where}")
            parts.append((name, where))
            self.skip_space()
            if self.char() != ".":
                return parts
            self.pos += 1

    def key_value(self, table: KeyPath) -> None:
        parts = self.key()
        self.skip_space()
        if self.char() != "=":
            raise ValueError(f"expected '=' at {self.at(self.pos)}")
        self.pos += 1
        self.skip_space()
        path = table
        for name, where in parts[:-1]:
            path = (*path, name)
            self.put(path, where, where, replace=False)
        name, where = parts[-1]
        path = (*path, name)
        self.put(path, where, self.at(self.pos), replace=True)
        self.value(path)

    def value(self, path: KeyPath) -> None:
        char = self.char()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in ('"', "'"):
            self.string()
        elif not self.skip(_SCALAR):
            raise ValueError(f"no value at {self.at(self.pos)}")

    def array(self, path: KeyPath) -> None:
        self.pos += 1  # [
        index = 0
        while True:
            self.skip_blank()
            if self.char() == "]":
                self.pos += 1
                return
            where = self.at(self.pos)
            element = (*path, index)
            self.put(element, where, where, replace=True)
            self.value(element)
            index += 1
            self.skip_blank()
            if self.char() == ",":
                self.pos += 1
            elif self.char() != "]":
                raise ValueError(f"expected ',' or ']' at {self.at(self.pos)}")

    def inline_table(self, path: KeyPath) -> None:
        self.pos += 1  # {
        while True:
            self.skip_blank()
            if self.char() == "}":
                self.pos += 1
                return
            self.key_value(path)
            self.skip_blank()
            if self.char() == ",":
                self.pos += 1
            elif self.char() != "}":
                raise ValueError(f"expected ',' or '}}' at {self.at(self.pos)}")

    def string(self) -> str:
        """Skip one string of any of the four kinds; return it as written (with quotes)."""
        for opening in ('"""', "'''", '"', "'"):
            if self.peek(opening):
                written = self.skip(_STRING[opening])
                if not written:
                    raise ValueError(f"unterminated string at {self.at(self.pos)}")
                return written
        raise ValueError(f"no string at {self.at(self.pos)}")
