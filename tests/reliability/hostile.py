"""Malformed sessions for the reliability suite (#21 items 3, 9, 12), and the check a
review makes of each: made by value, run in-process, countable before and after.

:func:`variants` turns one realistic session (every step kind captured) into
hundreds of files that are wrong in one way each: every value of every key replaced
by a value of each other TOML type; every date moved to the ends of the calendar and
just outside 1900-2200; the ``workshop`` key empty, missing, a path (``/dev/zero``, a
pipe, a folder, a file elsewhere), an id with a typo, an id whose file has a typo;
lists over the limit; nesting too deep. :func:`check` does to one file what the
review and ``samen export`` do, each part in a thread with a time limit: read it,
list it (in full, and through the summary cache, quickly), find its workshop as the
review does, show its start as the table does, make its report; and says what
happened: ``refused`` (an unreadable file, with a reason), ``opened`` (read, and
every part went well), ``crash`` (anything raised that should not have been) or
``hang``. The file must be byte-identical afterwards.

Uses only what the code of ``eb979a8`` has too, so that ``before`` can be counted
by running this module against it (see docs/reliability.md).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import os
import threading
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

TIMEOUT = 10.0
"""Seconds one part of a check may take before it counts as a hang."""

ODD_VALUES: dict[str, Any] = {
    "text": "tekst",
    "empty": "",
    "int": 7,
    "negative": -1,
    "huge": 2**62,
    "float": 1.5,
    "bool": True,
    "list": ["a", 1],
    "table": {"x": 1},
    "date": dt.date(2026, 1, 1),
    "datetime": dt.datetime(2026, 1, 1, 9, 0),
    "markup": "[/] [@click=app.quit]x[/]",
}
EXTREME_DATES: dict[str, Any] = {
    "year-9999-west": dt.datetime(
        9999, 12, 31, 23, 59, tzinfo=dt.timezone(-dt.timedelta(hours=12))
    ),
    "year-1-east": dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=14))),
    "year-1899": dt.datetime(1899, 12, 31, 23, 59),
    "year-2201": dt.datetime(2201, 1, 1, 0, 0),
    "date-9999": dt.date(9999, 12, 31),
    "date-0001": dt.date(1, 1, 1),
}


@dataclass
class Variant:
    """One malformed file: its bytes are made when first asked for (the quick mode
    uses a sixth of the variants, and writing each out was most of its time)."""

    name: str
    make: Callable[[], bytes]

    @functools.cached_property
    def data(self) -> bytes:
        return self.make()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path of a parsed document, tables and lists included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):  # the first two of a list are enough
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _set(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(document)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


def _toml(document: dict[str, Any]) -> bytes:
    return tomli_w.dumps(document).encode("utf-8")


def _with(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> Callable[[], bytes]:
    """What makes ``document`` with ``value`` at ``path``, as TOML."""
    return lambda: _toml(_set(document, path, value))


def _bytes(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _kind_of(value: Any) -> str:
    for name, example in ODD_VALUES.items():
        if type(value) is type(example) and name in ("text", "int", "float", "bool"):
            return name
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    return "other"


def variants(good: bytes, places: dict[str, str]) -> list[Variant]:
    """Malformed versions of the session ``good`` (its bytes). ``places``: paths the
    ``workshop`` key is set to (name -> path: a pipe, a folder, a file elsewhere)."""
    document = tomllib.loads(good.decode("utf-8"))
    out: list[Variant] = []
    for path in _paths(document):
        node: Any = document
        for part in path:
            node = node[part]
        kind = _kind_of(node)
        label = ".".join(str(p) for p in path)
        for name, odd in ODD_VALUES.items():
            if name == kind or (
                name in ("empty", "negative", "huge", "markup") and kind not in ("text", "int")
            ):
                continue
            out.append(Variant(f"{label}={name}", _with(document, path, odd)))
        if kind in ("date", "datetime"):
            for name, date in EXTREME_DATES.items():
                out.append(Variant(f"{label}={name}", _with(document, path, date)))
    for name, date in EXTREME_DATES.items():
        if isinstance(date, dt.datetime):
            for key in ("started", "ended"):
                out.append(Variant(f"{key}={name}", _with(document, (key,), date)))
    workshop_values: dict[str, Any] = {
        "empty": "",
        "space": " ",
        "dev-zero": "/dev/zero",
        "dev-stdin": "/dev/stdin",
        "root": "/",
        "dot": ".",
        "typo": "samen-ouder-wordne",
        "broken-file": "met-typo",
        "upper": "Samen-Ouder-Worden",
        "long": "w" * 5000,
        **places,
    }
    for name, value in workshop_values.items():
        out.append(Variant(f"workshop={name}", _with(document, ("workshop",), value)))
    no_workshop = copy.deepcopy(document)
    no_workshop.pop("workshop", None)
    out.append(Variant("workshop=missing", _bytes(_toml(no_workshop))))
    out.append(Variant("only-schema", _bytes(b"schema = 1\n")))
    records = document.get("records", {})
    for step_id, record in list(records.items())[:3]:
        for key, value in record.items():
            if isinstance(value, list) and value:
                many = [value[0]] * 5001
                out.append(
                    Variant(
                        f"records.{step_id}.{key}=5001",
                        _with(document, ("records", step_id, key), many),
                    )
                )
    out.append(
        Variant(
            "participants=5001",
            _with(document, ("participants",), [{"id": "p", "name": "x"}] * 5001),
        )
    )
    out.append(
        Variant("deep-array", _bytes(good + b"\ndiep = " + b"[" * 3000 + b"]" * 3000 + b"\n"))
    )
    out.append(
        Variant(
            "deep-table", _bytes(good + b"\ndiep = " + b"{a=" * 500 + b"1" + b"}" * 500 + b"\n")
        )
    )
    return out


def sample(found: list[Variant], size: int) -> list[Variant]:
    """About ``size`` of the variants, spread evenly over them (the same every run):
    every one that is not a wrong type of one value (dates, the workshop, limits,
    nesting: the cases #21 found), and of the rest every n-th."""
    odd_names = tuple(f"={name}" for name in ODD_VALUES)
    kept = [v for v in found if not v.name.endswith(odd_names)]
    typed = [v for v in found if v.name.endswith(odd_names)]
    step = max(1, len(typed) // max(1, size - len(kept)))
    return kept + typed[::step]


# --------------------------------------------------------------------------- the check


@dataclass
class Outcome:
    name: str
    result: str
    """``refused``, ``opened``, ``crash`` or ``hang``."""
    detail: str = ""


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    def bad(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result in ("crash", "hang")]

    def line(self) -> str:
        return (
            f"{len(self.outcomes)} malformed sessions: {self.count('refused')} refused with a "
            f"reason, {self.count('opened')} opened, {self.count('crash')} crashes, "
            f"{self.count('hang')} hangs"
        )


def in_time(call: Callable[[], Any], timeout: float = TIMEOUT) -> tuple[str, Any]:
    """("ok", value), ("raised", exception) or ("hang", None) after ``timeout``."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        return "hang", None
    if "error" in result:
        return "raised", result["error"]
    return "ok", result.get("value")


def check(path: Path, workshop_dirs: list[tuple[str, Path]], cache: Path) -> Outcome:
    """What the review and ``samen export`` do to one file (see the module doc)."""
    from samen_tui.report.export import export_session
    from samen_tui.session.index import SessionIndex
    from samen_tui.session.store import (
        SessionReadError,
        SessionSummary,
        list_sessions,
        load_session,
    )
    from samen_tui.tui.formatting import format_moment
    from samen_tui.tui.screens.review.loading import WorkshopCache

    name = path.name
    before = path.read_bytes()
    status, value = in_time(lambda: load_session(path))
    if status == "hang":
        return Outcome(name, "hang", "load")
    refused = status == "raised"
    if refused and not isinstance(value, SessionReadError):
        return Outcome(name, "crash", f"load: {type(value).__name__}: {value}")
    session = None if refused else value

    def listing() -> None:
        for item in list_sessions(path.parent):
            if item.name == name and isinstance(item, SessionSummary):
                format_moment(item.started)
        index = SessionIndex(cache)
        try:
            for item in index.summaries(path.parent, quick=True):
                if item.name == name and isinstance(item, SessionSummary):
                    format_moment(item.started)
            index.verify(path.parent)
        finally:
            index.close()

    status, value = in_time(listing)
    if status != "ok":
        return Outcome(name, "hang" if status == "hang" else "crash", f"listing: {value!r}")
    if session is not None:
        workshops = WorkshopCache(workshop_dirs)
        status, value = in_time(lambda: workshops.get(session.workshop))
        if status != "ok":
            return Outcome(name, "hang" if status == "hang" else "crash", f"workshop: {value!r}")
        status, value = in_time(lambda: export_session(path, "md", None, workshop_dirs))
        if status != "ok":
            return Outcome(name, "hang" if status == "hang" else "crash", f"report: {value!r}")
    if path.read_bytes() != before:
        return Outcome(name, "crash", "the file changed")
    return Outcome(name, "refused" if refused else "opened")


def write_variants(folder: Path, found: list[Variant]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, variant in enumerate(found):
        path = folder / f"v{number:04d}.toml"
        path.write_bytes(variant.data)
        paths.append(path)
    return paths


def hostile_places(root: Path) -> dict[str, str]:
    """Paths a crafted session may name as its workshop: a pipe, a folder, a file
    elsewhere (a valid workshop: it must not be opened by path either)."""
    places = {"folder": str(root), "elsewhere": str(root / "elders.toml")}
    (root / "elders.toml").write_text('[workshop]\nid = "elders"\ntitle = "x"\n', "utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pijp.toml")
        places["fifo"] = str(root / "pijp.toml")
    return places
