"""Dataclasses <-> TOML-ready dicts, driven by the type annotations.

Writing keeps the field order of the dataclass (stable key order for ``git diff``)
and leaves empty values out (TOML has no null). Reading checks every type and
raises :class:`DecodeError` with the dotted path of the offending key; a missing
key takes the field's default. Every field of a class handled here must have a
default, so that "left out because empty" reads back as the same value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from samen_tui.i18n import t

T = TypeVar("T")
D = TypeVar("D", bound=dt.date)

YEARS = (1900, 2200)
"""The years a date in a session may lie in (both included): a date outside them is
a typo or a crafted file, and one near the ends of what Python holds (year 1, 9999)
overflows as soon as it is shown in local time."""

MAX_ITEMS = 5000
"""The most entries a list in a session may hold: the cards of a sort or brainstorm
step, the participants, the actions of a step... (``docs/workshop-format.md``: a
step holds at most 5,000 cards). A file with more is refused when it is read; the
app refuses to add one more (the sort step's entry says so)."""


class DecodeError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, dict, tuple)) and not value)


_PLAIN = (str, int, float, bool, dt.date)


@cache
def encoded_fields(cls: type) -> tuple[str, ...]:
    """The names of the fields written for a dataclass, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.init and not f.metadata.get("skip"))


def encode(obj: Any) -> Any:
    """Turn a dataclass (or a value inside one) into plain TOML-ready data.

    This runs on the UI thread for every undo snapshot and autosave, so it takes the
    cheap paths first: plain values as they are, field names cached per class."""
    if isinstance(obj, dt.datetime):
        offset = obj.utcoffset()
        if offset is not None and offset % dt.timedelta(minutes=1):
            # TOML offsets are whole minutes (a historic zone may have seconds): keep
            # the same moment, written in UTC
            obj = obj.astimezone(dt.UTC)
        return obj.replace(microsecond=0)
    if isinstance(obj, _PLAIN) or obj is None:
        return obj
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        out: dict[str, Any] = {}
        for key, item in obj.items():
            value = encode(item)
            if not is_empty(value):
                out[str(key)] = value
        return out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields: dict[str, Any] = {}
        for name in encoded_fields(type(obj)):
            value = encode(getattr(obj, name))
            if not is_empty(value):
                fields[name] = value
        return fields
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(cls: type[T], data: Any, path: str = "") -> T:
    """Build ``cls`` from TOML data, checking every type."""
    return typing.cast(T, _decode_value(cls, data, path))


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is str:
        return "text"
    if tp is int:
        return "a whole number"
    if tp is float:
        return "a number"
    if tp is bool:
        return "true or false"
    if tp is dt.date:
        return "a date"
    if tp is dt.datetime:
        return "a date and time"
    if origin in (list, tuple):
        return "a list"
    if origin is dict or dataclasses.is_dataclass(tp):
        return "a table"
    if origin is Literal:
        return " or ".join(repr(a) for a in get_args(tp))
    return str(tp)


def _decode_value(tp: Any, data: Any, path: str) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return _decode_value(args[0], data, path)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(data, Mapping):
            raise DecodeError(path, f"expected a table, found {type(data).__name__}")
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        unknown = [k for k in data if k not in names]
        if unknown:
            raise DecodeError(_join(path, unknown[0]), "unknown key")
        kwargs = {}
        for f in dataclasses.fields(tp):
            if not f.init:
                continue
            if f.name in data:
                kwargs[f.name] = _decode_value(hints[f.name], data[f.name], _join(path, f.name))
        try:
            return tp(**kwargs)
        except TypeError as exc:  # a required field is missing
            raise DecodeError(path, str(exc)) from None
    if origin is Literal:
        if data not in get_args(tp):
            raise DecodeError(path, f"expected {_type_name(tp)}, found {data!r}")
        return data
    if origin is list or origin is tuple:
        if not isinstance(data, list):
            raise DecodeError(path, f"expected a list, found {type(data).__name__}")
        if len(data) > MAX_ITEMS:
            raise DecodeError(path, t("session.reason.too_many", count=len(data), limit=MAX_ITEMS))
        (item_tp, *_rest) = get_args(tp)
        items = [_decode_value(item_tp, v, f"{path}[{i}]") for i, v in enumerate(data)]
        return items if origin is list else tuple(items)
    if origin is dict:
        _key_tp, value_tp = get_args(tp)
        if not isinstance(data, Mapping):
            raise DecodeError(path, f"expected a table, found {type(data).__name__}")
        return {str(k): _decode_value(value_tp, v, _join(path, str(k))) for k, v in data.items()}
    if tp is Any:
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise DecodeError(path, f"expected a number, found {type(data).__name__}")
        return float(data)
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, f"expected a whole number, found {type(data).__name__}")
        return data
    if tp is dt.date:
        if isinstance(data, dt.datetime) or not isinstance(data, dt.date):
            raise DecodeError(path, f"expected a date, found {type(data).__name__}")
        return in_range(data, path)
    if isinstance(tp, type):
        if not isinstance(data, tp):
            raise DecodeError(path, f"expected {_type_name(tp)}, found {type(data).__name__}")
        if isinstance(data, dt.datetime):
            return in_range(data, path)
        return data
    raise DecodeError(path, f"cannot read type {tp!r}")  # pragma: no cover


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def date_in_range(value: dt.date) -> bool:
    """Whether a date (or a date and time, in UTC as well as written) lies in :data:`YEARS`."""
    low, high = YEARS
    if not low <= value.year <= high:
        return False
    if isinstance(value, dt.datetime) and value.utcoffset():
        # 2200-12-31T23:00-12:00 is 2201 in UTC: shown in another zone it may leave
        # the range, but never the years Python can hold
        return low - 1 <= value.astimezone(dt.UTC).year <= high + 1
    return True


def in_range(value: D, path: str) -> D:
    """``value`` if it lies in :data:`YEARS`, else a :class:`DecodeError` saying so."""
    if not date_in_range(value):
        low, high = YEARS
        raise DecodeError(
            path, t("session.reason.date_range", value=value.isoformat(), low=low, high=high)
        )
    return value
