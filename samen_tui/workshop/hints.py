"""What ``samen check`` adds to a message so that a facilitator knows what to write.

Three kinds of hint, each found from the model alone (so a new kind gets them too):

* a key about time (``minutes``, ``duur``, ``tijd``, ``duration``, ...) where no time
  goes: where ``minutes`` belongs instead;
* the words that are easy to mix up: ``text`` and ``question`` (a question of a
  ``questions`` step is its ``text``, a prompt's or a phase's is its ``question``),
  ``name`` and ``title``, ``title`` for a question's ``text``;
* a table-valued field given as something else: an example of the table, built from
  the fields of its class (``scale = { min = 1, max = 5 }``).

This module never imports textual.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, Union, get_args, get_origin

from samen_tui.i18n import t

DUTCH_KEYS: dict[str, str] = {
    "titel": "title",
    "naam": "title",
    "tekst": "text",
    "stappen": "steps",
    "stap": "steps",
    "agenda": "items",
    "agendapunten": "items",
    "minuten": "minutes",
    "duur": "minutes",
    "soort": "kind",
    "taal": "language",
    "versie": "version",
    "omschrijving": "description",
    "beschrijving": "description",
}
"""Dutch words a facilitator may write for a key of the agenda, and the key meant;
each kind adds its own (``DUTCH_KEYS`` in its model, :func:`samen_tui.kinds.dutch_keys`)."""

TIME_KEYS = frozenset(
    {
        "minutes",
        "minute",
        "min",
        "mins",
        "minuten",
        "minuut",
        "duur",
        "tijd",
        "time",
        "duration",
        "timebox",
        "tijdsduur",
    }
)
"""Keys a facilitator writes for a step's or an item's time."""

MIX_UPS: dict[str, tuple[tuple[str, str], ...]] = {
    "question": (("text", "workshop.hint.question_is_text"),),
    "vraag": (("text", "workshop.hint.question_is_text"),),
    "text": (("question", "workshop.hint.text_is_question"),),
    "title": (("text", "workshop.hint.title_is_text"),),
    "name": (("title", "workshop.hint.name_is_title"),),
    "label": (("title", "workshop.hint.name_is_title"),),
}
"""A key written, and for each key it may mean (when that key is known where it
stands and the key written is not): the hint that says so."""


def time_hint(key: str, known: Sequence[str]) -> str | None:
    """Where a time key belongs, for a key about time written where none goes."""
    if key.lower() not in TIME_KEYS or "minutes" in known:
        return None
    if "rounds" in known:
        return None
    return t("workshop.hint.time")


def mix_up(key: str, known: Sequence[str]) -> tuple[str, str] | None:
    """The key meant and the hint, for a key mixed up with one known here."""
    if key.lower() in TIME_KEYS and "minutes" in known and key != "minutes":
        return "minutes", t("workshop.hint.minutes")
    for meant, hint in MIX_UPS.get(key.lower(), ()):
        if meant in known and key not in known:
            return meant, t(hint)
    return None


# --------------------------------------------------------------------------- examples


def _value(hint: Any, default: Any) -> str | None:
    """How a value of type ``hint`` is written in an example (None: leave the field out)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return _value(options[0], default) if len(options) == 1 else None
    if origin is Literal:
        return f'"{get_args(hint)[0]}"'
    if hint is bool:
        return "true" if default is dataclasses.MISSING else str(bool(default)).lower()
    if hint is int:
        return str(default) if isinstance(default, int) else "1"
    if hint is str:
        return '"…"'
    if origin is tuple:
        (element, *_rest) = get_args(hint)
        if element is str:
            return '["…", "…"]'
        if isinstance(element, type) and dataclasses.is_dataclass(element):
            return f"[{inline_table(element)}]"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return inline_table(hint)
    return None


def inline_table(cls: type) -> str:
    """``{ id = "…", title = "…" }``: the required fields of ``cls`` (or, if it has
    none, its plain fields with their defaults), as one inline table."""
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    required = [
        f
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    parts: list[str] = []
    for f in required or fields:
        if not required and get_origin(hints[f.name]) is tuple:
            continue  # a list with a default: the example stays short
        if not required and f.default is dataclasses.MISSING:
            continue
        written = _value(hints[f.name], f.default)
        if written is not None:
            parts.append(f"{f.name} = {written}")
    return "{ " + ", ".join(parts) + " }" if parts else "{ }"


def nests_tables(cls: type) -> bool:
    """Whether ``cls`` holds an array of tables (too big for a one-line example)."""
    for hint in typing.get_type_hints(cls).values():
        if get_origin(hint) is tuple:
            element = get_args(hint)[0]
            if isinstance(element, type) and dataclasses.is_dataclass(element):
                return True
    return False


def table_example(name: str | int, cls: type, *, many: bool) -> str:
    """The hint for a table (``many``: an array of tables) given as something else."""
    table = inline_table(cls)
    if isinstance(name, int):
        return t("workshop.hint.example_element", example=table)
    written = f"[{table}]" if many else table
    return t("workshop.hint.example", example=f"{name} = {written}")
