"""How deeply a workshop file nests its tables and lists, and where it goes too deep.

tomllib parses nesting by recursion (a few thousand brackets raise RecursionError),
and so do the checks after it: a workshop file may nest :data:`MAX_DEPTH` levels, a
deeper one is one problem at the bracket where it goes too deep.

This module never imports textual.
"""

from __future__ import annotations

from typing import Any

from samen_tui.i18n import t
from samen_tui.workshop.problems import Problem

MAX_DEPTH = 32
"""The deepest nesting of tables and lists a workshop file may have (the format
itself needs five): deeper files are refused before any of the checks, which
walk the document, see them."""


def depth(document: dict[str, Any]) -> int:
    """How deeply tables and lists nest in a parsed document (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def too_deep(path: str, text: str) -> Problem:
    """The problem of a file nested too deeply, at the bracket where the nesting
    passes :data:`MAX_DEPTH` (found by counting brackets outside strings and
    comments; tables count too, so where the brackets alone stay within the limit
    the deepest of them is the place)."""
    depth, line, col = 0, 1, 0
    deepest, where = 0, (1, 1)
    quote = ""
    comment = escaped = False
    for char in text:
        col += 1
        if char == "\n":
            line, col, comment = line + 1, 0, False
            if quote in ('"', "'"):
                quote = ""  # a one-line string does not go on: TOML would say so
            continue
        if comment:
            continue
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(path, line, col, t("workshop.too_deep", max=MAX_DEPTH))
            if depth > deepest:
                deepest, where = depth, (line, col)
        elif char in "]}":
            depth = max(0, depth - 1)
    return Problem(path, *where, t("workshop.too_deep", max=MAX_DEPTH))
