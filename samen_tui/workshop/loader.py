"""Read a workshop file into the typed model, reporting every problem with its place.

Parsing is generic: the dataclasses of :mod:`samen_tui.workshop.model` are the
schema. A TOML key is a field name, a field without a default is required, and
the annotation is the type the value must have (``str``, ``int``, ``float``,
``bool``, ``tuple[X, ...]``, nested dataclasses, ``X | None``, ``Literal[...]``).
A field typed as :class:`~samen_tui.workshop.model.Step` takes the step class of
any kind (:func:`samen_tui.kinds.step_classes`), chosen by the table's ``kind``;
so a new kind needs no change here. On top of the types, a few rules hold for
every class: a field called ``id`` is a well-formed id, ids are unique within
their list (step ids across the whole workshop), required text is not empty, and
each object's ``check()`` is asked for the rules that span fields.

Every problem found is reported, each with the line and column of the key or
value it is about (see :mod:`samen_tui.workshop.positions`), as
``path:line:col: message`` in the language of :mod:`samen_tui.i18n`.

This module never imports textual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import re
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from samen_tui import kinds, startcache
from samen_tui.i18n import t
from samen_tui.workshop.depth import MAX_DEPTH as MAX_DEPTH
from samen_tui.workshop.depth import depth, too_deep
from samen_tui.workshop.hints import DUTCH_KEYS as _DUTCH_KEYS
from samen_tui.workshop.hints import mix_up, nests_tables, table_example, time_hint
from samen_tui.workshop.model import AgendaItem, Meta, Step, Workshop
from samen_tui.workshop.positions import KeyPath, LineCol, Positions, lazy_scan
from samen_tui.workshop.problems import ID_PATTERN as ID_PATTERN
from samen_tui.workshop.problems import MAX_BYTES as MAX_BYTES
from samen_tui.workshop.problems import Problem as Problem
from samen_tui.workshop.problems import WorkshopError as WorkshopError
from samen_tui.workshop.problems import file_problem as file_problem
from samen_tui.workshop.problems import read_file
from samen_tui.workshop.rules import MAX_MINUTES as MAX_MINUTES
from samen_tui.workshop.rules import field_rule, flow_problems, step_rules

# --------------------------------------------------------------------------- reading


def load_workshop(path: Path) -> Workshop:
    """Read and validate the workshop file at ``path``; raises :class:`WorkshopError`."""
    return parse_workshop(read_file(path), path)


def parse_workshop(text: str | bytes, path: Path | str) -> Workshop:
    """Validate the text of a workshop file; ``path`` is used in messages as given."""
    label = str(path)
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    digest = hashlib.sha256(data).hexdigest()  # the fingerprint, and the cache's key
    source, document = read_toml(data, label, digest=digest)
    converter = _Converter(label, lazy_scan(source))
    meta, items = converter.document(document)
    if converter.problems or meta is None or items is None:
        raise WorkshopError(converter.sorted_problems())
    return Workshop(
        meta=meta,
        items=items,
        path=Path(path),
        fingerprint="sha256:" + digest,
    )


def read_toml(data: bytes, path: str, *, digest: str = "") -> tuple[str, dict[str, Any]]:
    """Decode and parse a file's bytes: the text (``\\r\\n`` as ``\\n``) and the TOML data.

    Raises :class:`WorkshopError` for a file over :data:`MAX_BYTES`, bytes that are
    not UTF-8, and TOML syntax errors (with tomllib's position). A document parsed
    before, in this process or an earlier one, comes from :mod:`samen_tui.startcache`,
    by the SHA-256 of ``data`` (``digest``, if the caller has it already).
    """
    if len(data) > MAX_BYTES:
        raise WorkshopError([Problem(path, 1, 1, t("workshop.too_big", size=len(data)))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        message = t("workshop.not_utf8", byte=f"{data[exc.start]:02X}")
        raise WorkshopError([Problem(path, line, col, message)]) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    # A file parsed before comes from the start-up cache (a fresh copy: nobody's
    # changes reach the cache). Only documents are kept, never errors.
    key = digest or hashlib.sha256(data).hexdigest()
    cached = startcache.get(startcache.TOML, key)
    if type(cached) is dict:
        return text, cached
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WorkshopError([_syntax_problem(path, text, str(exc))]) from None
    except RecursionError:
        raise WorkshopError([too_deep(path, text)]) from None
    if depth(document) > MAX_DEPTH:
        raise WorkshopError([too_deep(path, text)])
    startcache.put(startcache.TOML, key, document)  # not if it holds dates
    return text, document


def _byte_position(data: bytes, offset: int) -> LineCol:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    # Everything before the first bad byte is valid UTF-8: count its characters.
    col = len(data[line_start:offset].decode("utf-8")) + 1
    if line == 1 and data.startswith(b"\xef\xbb\xbf"):
        col -= 1
    return line, col


# tomllib's messages (Python 3.11 to 3.13), each with the catalog key that says it in our words.
_TOML_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), key)
    for p, key in [
        (r"Invalid statement", "workshop.toml.invalid_statement"),
        (
            r"Expected newline or end of document after a statement",
            "workshop.toml.expected_newline",
        ),
        (r"Expected '\]' at the end of a table declaration", "workshop.toml.expected_table_end"),
        (r"Expected '\]\]' at the end of an array declaration", "workshop.toml.expected_array_end"),
        (r"Expected '=' after a key in a key/value pair", "workshop.toml.expected_equals"),
        (r"Expected (?P<what>.+)", "workshop.toml.expected"),
        (r"Found invalid character '\\n'", "workshop.toml.string_newline"),
        (r"Found invalid character (?P<char>.+)", "workshop.toml.invalid_character"),
        (r"Cannot declare (?P<name>.+) twice", "workshop.toml.declared_twice"),
        (r"Cannot overwrite a value", "workshop.toml.overwrite"),
        (r"Cannot mutate immutable namespace (?P<name>.+)", "workshop.toml.immutable"),
        (r"Cannot redefine namespace (?P<name>.+)", "workshop.toml.redefine"),
        (r"Invalid initial character for a key part", "workshop.toml.invalid_key"),
        (r"Unclosed array", "workshop.toml.unclosed_array"),
        (r"Duplicate inline table key (?P<key>.+)", "workshop.toml.duplicate_inline_key"),
        (r"Unclosed inline table", "workshop.toml.unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "workshop.toml.unescaped_backslash"),
        (r"Invalid hex value", "workshop.toml.invalid_hex"),
        (r"Escaped character is not a Unicode scalar value", "workshop.toml.not_scalar"),
        (r"Unterminated string", "workshop.toml.unterminated_string"),
        (r"Illegal character '\\n'", "workshop.toml.string_newline"),
        (r"Illegal character (?P<char>.+)", "workshop.toml.illegal_character"),
        (r"Invalid date or datetime", "workshop.toml.invalid_date"),
        (r"Invalid value", "workshop.toml.invalid_value"),
    ]
]
_TOML_WHERE = re.compile(
    r"(?P<message>.*?) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)",
    re.S,
)


def _dotted(name: str) -> str:
    """tomllib names tables as tuples (``('items', 'steps')``); we write ``items.steps``."""
    if not name.startswith("("):
        return name
    return ".".join(a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", name))


def _syntax_problem(path: str, text: str, raw: str) -> Problem:
    match = _TOML_WHERE.fullmatch(raw)
    message = match["message"] if match else raw
    if match and match["line"]:
        line, col = int(match["line"]), int(match["col"])
    else:  # at the end of the document
        line = text.count("\n") + 1
        col = len(text) - (text.rfind("\n") + 1) + 1
    for pattern, key in _TOML_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            values = {name: _dotted(value) for name, value in found.groupdict().items()}
            message = t(key, **values) if values else t(key)
            break
    return Problem(path, line, col, t("workshop.toml", message=message))


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class _Field:
    name: str
    hint: Any
    required: bool

    @property
    def key(self) -> str:
        """The TOML key: the name, without the ``_`` a Python keyword needs (``from_``)."""
        return self.name.removesuffix("_")


@cache
def _fields(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        _Field(
            f.name,
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


def _has_id(cls: type) -> bool:
    return any(f.name == "id" for f in _fields(cls))


def _registry(cls: type) -> tuple[str, Mapping[str, type]] | None:
    """A base class whose tables name their own class: the key that does so, and the classes."""
    if cls is Step:
        return "kind", kinds.step_classes()
    return None


_GLOBAL_IDS: dict[type, str] = {Step: "workshop.duplicate_step_id"}
"""Classes whose ids must be unique in the whole file (sessions key records by step id)."""

_TOP_LEVEL: dict[str, str] = {"workshop": "meta", "items": "items"}
"""File key -> field of :class:`Workshop` (``path`` and ``fingerprint`` are not in the file)."""


def _close(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely meant (a misspelling, or the Dutch word for it)."""
    options = list(choices)
    meant = _DUTCH_KEYS.get(word.lower()) or kinds.dutch_keys().get(word.lower())
    if meant in options:
        return meant
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    return matches[0] if matches else None


def _found(value: object) -> str:
    if isinstance(value, bool):
        name = "bool"
    elif isinstance(value, int):
        name = "int"
    elif isinstance(value, float):
        name = "float"
    elif isinstance(value, str):
        name = "str"
    elif isinstance(value, list):
        name = "list"
    elif isinstance(value, dict):
        name = "table"
    elif isinstance(value, dt.datetime):
        name = "datetime"
    elif isinstance(value, dt.date):
        name = "date"
    else:
        name = "time"
    return t(f"workshop.found.{name}")


def _table_name(path: KeyPath) -> str:
    return ".".join(str(part) for part in path if isinstance(part, str))


class _Invalid:
    """The result of converting a value that has problems."""


INVALID = _Invalid()


class _Converter:
    def __init__(self, path: str, positions: Positions) -> None:
        self.path = path
        self.positions = positions
        self.problems: list[tuple[LineCol, int, str]] = []
        self._seen: set[tuple[LineCol, str]] = set()
        self._structural: set[KeyPath] = set()
        self._global_ids: dict[type, dict[str, KeyPath]] = {}

    # ------------------------------------------------------------------ reporting

    def report(self, where: LineCol, message: str) -> None:
        if (where, message) not in self._seen:
            self._seen.add((where, message))
            self.problems.append((where, len(self.problems), message))

    def bad_value(self, path: KeyPath, message: str) -> None:
        self._structural.add(path)
        self.report(self.positions.value(path), message)

    def sorted_problems(self) -> list[Problem]:
        return [
            Problem(self.path, line, col, message)
            for (line, col), _order, message in sorted(self.problems)
        ]

    def unknown_keys(
        self, table: Mapping[str, object], path: KeyPath, known: Sequence[str]
    ) -> set[str]:
        """Report the keys of ``table`` that are not ``known``; return the keys suggested.

        A required key that is missing because it was misspelled is then not
        reported a second time as missing: "did you mean" says it all.
        """
        suggested: set[str] = set()
        for key in table:
            if key not in known:
                message = t("workshop.unknown_key", key=key)
                suggestion = _close(key, known)
                mixed = None if suggestion else mix_up(key, known)
                suggestion = mixed[0] if mixed else suggestion
                if suggestion:
                    suggested.add(suggestion)
                    message = t("workshop.did_you_mean", message=message, suggestion=suggestion)
                if mixed:
                    message = f"{message}; {mixed[1]}"
                elif (hint := time_hint(key, known)) is not None:
                    message = f"{message}; {hint}"
                self._structural.add((*path, key))
                self.report(self.positions.key((*path, key)), message)
        return suggested

    def missing(self, path: KeyPath, name: str, choices: Sequence[str] = ()) -> None:
        message = t("workshop.missing", field=name)
        if choices:
            message = t("workshop.choose_from", message=message, choices=", ".join(choices))
        self.report(self.positions.table(path), message)

    def wrong_type(
        self, path: KeyPath, expected: str, value: object, example: type | None = None
    ) -> None:
        message = t("workshop.wrong_type", expected=expected, found=_found(value))
        if example is not None and len(path) > 1 and not nests_tables(example):
            many = expected != t("workshop.expected.table")
            message = f"{message}; {table_example(path[-1], example, many=many)}"
        self.bad_value(path, message)

    # ------------------------------------------------------------------ the file

    def document(self, data: dict[str, Any]) -> tuple[Meta | None, tuple[AgendaItem, ...] | None]:
        suggested = self.unknown_keys(data, (), list(_TOP_LEVEL))
        hints = typing.get_type_hints(Workshop)
        values: dict[str, Any] = {}
        for key, name in _TOP_LEVEL.items():
            if key not in data:
                if key in suggested:
                    continue
                if key == "items":
                    self.report((1, 1), t("workshop.empty_agenda"))
                else:
                    self.missing((), key)
                continue
            value = self.convert(data[key], hints[name], (key,))
            if value is not INVALID:
                values[name] = value
        items = values.get("items")
        if items == ():
            self.bad_value(("items",), t("workshop.empty_agenda"))
        for where, message in flow_problems(items or ()):
            self.report(self.positions.value(where), message)
        return values.get("meta"), items

    # ------------------------------------------------------------------ values

    def convert(self, value: object, hint: Any, path: KeyPath) -> Any:
        origin = get_origin(hint)
        if origin is Literal:
            return self.choice(value, get_args(hint), path)
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(hint) if arg is not type(None)]
            if len(options) != 1:
                raise TypeError(f"unsupported type in the workshop model: {hint!r}")
            return self.convert(value, options[0], path)  # TOML has no null
        if origin is tuple:
            args = get_args(hint)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"unsupported type in the workshop model: {hint!r}")
            return self.sequence(value, args[0], path)
        if hint is bool:
            if isinstance(value, bool):
                return value
            self.wrong_type(path, t("workshop.expected.bool"), value)
            return INVALID
        if hint is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            self.wrong_type(path, t("workshop.expected.int"), value)
            return INVALID
        if hint is float:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            self.wrong_type(path, t("workshop.expected.float"), value)
            return INVALID
        if hint is str:
            if isinstance(value, str):
                return value
            self.wrong_type(path, t("workshop.expected.str"), value)
            return INVALID
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            registry = _registry(hint)
            if registry is not None:
                return self.polymorphic(value, registry, path)
            return self.table(value, hint, path)
        raise TypeError(f"unsupported type in the workshop model: {hint!r}")

    def choice(self, value: object, allowed: tuple[Any, ...], path: KeyPath) -> Any:
        if value in allowed and type(value) in {type(a) for a in allowed}:
            return value
        if not isinstance(value, str) and all(isinstance(a, str) for a in allowed):
            self.wrong_type(path, t("workshop.expected.str"), value)
            return INVALID
        names = [str(a) for a in allowed]
        message = t("workshop.bad_choice", value=value)
        suggestion = _close(str(value), names)
        if suggestion:
            message = t("workshop.did_you_mean", message=message, suggestion=suggestion)
        else:
            message = t("workshop.choose_from", message=message, choices=", ".join(names))
        self.bad_value(path, message)
        return INVALID

    def sequence(self, value: object, element: Any, path: KeyPath) -> Any:
        if not isinstance(value, list):
            if isinstance(element, type) and dataclasses.is_dataclass(element):
                expected = t("workshop.expected.tables", name=_table_name(path))
                if _registry(element) is None:
                    self.wrong_type(path, expected, value, element)
                    return INVALID
            else:
                expected = t("workshop.expected.list")
            self.wrong_type(path, expected, value)
            return INVALID
        results = [self.convert(v, element, (*path, i)) for i, v in enumerate(value)]
        if isinstance(element, type) and dataclasses.is_dataclass(element) and _has_id(element):
            self.unique_ids(value, element, path)
        if any(r is INVALID for r in results):
            return INVALID
        return tuple(results)

    def unique_ids(self, values: list[Any], element: type, path: KeyPath) -> None:
        scope = next((c for c in _GLOBAL_IDS if issubclass(element, c)), None)
        seen = self._global_ids.setdefault(scope, {}) if scope else {}
        message_key = _GLOBAL_IDS[scope] if scope else "workshop.duplicate_id"
        for index, raw in enumerate(values):
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                continue
            ident = raw["id"]
            here = (*path, index, "id")
            if ident in seen:
                line = self.positions.value(seen[ident])[0]
                self.bad_value(here, t(message_key, id=ident, line=line))
            else:
                seen[ident] = here

    def polymorphic(
        self, value: object, registry: tuple[str, Mapping[str, type]], path: KeyPath
    ) -> Any:
        key, classes = registry
        if not isinstance(value, dict):
            self.wrong_type(path, t("workshop.expected.table"), value)
            return INVALID
        if key not in value:
            self.missing(path, key, list(classes))
            return INVALID
        name = value[key]
        if not isinstance(name, str):
            self.wrong_type((*path, key), t("workshop.expected.str"), name)
            return INVALID
        if name not in classes:
            message = t("workshop.unknown_kind", kind=name)
            suggestion = _close(name, classes)
            if suggestion:
                message = t("workshop.did_you_mean", message=message, suggestion=suggestion)
            else:
                message = t("workshop.choose_from", message=message, choices=", ".join(classes))
            self.bad_value((*path, key), message)
            return INVALID
        return self.table(value, classes[name], path, extra=(key,))

    def table(self, value: object, cls: type, path: KeyPath, extra: Sequence[str] = ()) -> Any:
        if not isinstance(value, dict):
            self.wrong_type(path, t("workshop.expected.table"), value, None if extra else cls)
            return INVALID
        fields = _fields(cls)
        suggested = self.unknown_keys(value, path, [*extra, *(f.key for f in fields)])
        kwargs: dict[str, Any] = {}
        bad: set[str] = set()
        for f in fields:
            here = (*path, f.key)
            if f.key not in value:
                if f.key in suggested:  # misspelled: the table is not what was meant
                    bad.add(f.key)
                if f.required:
                    if f.key not in suggested:
                        self.missing(path, f.key)
                    bad.add(f.key)
                continue
            converted = self.convert(value[f.key], f.hint, here)
            if converted is INVALID:
                bad.add(f.key)
                continue
            self.field_rules(cls, f, converted, here)
            kwargs[f.name] = converted
        if bad:
            self.partial_check(cls, kwargs, bad, path)
            return INVALID
        obj = cls(**kwargs)
        self.run_check(obj, cls, path)
        return obj

    def partial_check(
        self, cls: type, kwargs: dict[str, Any], bad: set[str], path: KeyPath
    ) -> None:
        """The rules that span fields, for a table some of whose fields are wrong: a type
        error must not hide the other problems of its step. The wrong fields take their
        defaults (a required one stays unset: a rule that needs it is not asked), and
        what the rules say about the wrong fields is left out (said already)."""
        obj: Any = object.__new__(cls)
        for f in dataclasses.fields(cls):
            if f.name in kwargs:
                object.__setattr__(obj, f.name, kwargs[f.name])
            elif f.name.removesuffix("_") in bad and not isinstance(
                f.default, str | int | float | bool
            ):
                continue  # a wrong list or table: rules about what it holds are not asked
            elif f.default is not dataclasses.MISSING:
                object.__setattr__(obj, f.name, f.default)
            elif f.default_factory is not dataclasses.MISSING:
                object.__setattr__(obj, f.name, f.default_factory())
        check = getattr(obj, "check", None)
        if not callable(check):
            return
        try:
            found = check()
        except AttributeError:  # a rule needs a required field that is wrong
            return
        for relative, message in found:
            if relative and relative[0] in bad:
                continue
            here = (*path, *relative)
            if here not in self._structural:
                self.report(self.positions.value(here), message)

    def field_rules(self, cls: type, f: _Field, value: Any, path: KeyPath) -> None:
        if f.required and isinstance(value, str) and not value.strip():
            self.bad_value(path, t("workshop.empty_text", field=f.name))
        elif f.name == "id" and isinstance(value, str) and not ID_PATTERN.fullmatch(value):
            self.bad_value(path, t("workshop.bad_id", id=value))
        rule = field_rule(cls, f.name)
        if rule is not None and (message := rule(value)) is not None:
            self.bad_value(path, message)

    def run_check(self, obj: object, cls: type, path: KeyPath) -> None:
        check = getattr(obj, "check", None)
        if not callable(check):
            return
        for relative, message in [*check(), *step_rules(obj)]:
            here = (*path, *relative)
            if here in self._structural:
                continue  # already reported in other words (a duplicate id, say)
            self.report(self.positions.value(here), message)
