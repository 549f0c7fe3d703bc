"""Step kinds: one folder per kind, and the registries built from the folders.

A kind is a package ``samen_tui/kinds/<name>/`` (``<name>`` is what a workshop file
writes as ``kind = "<name>"``) holding everything the kind is:

* ``__init__.py``: a docstring and ``ORDER``, the kind's place among the kinds (in
  ``samen new``'s example file and in the loader's "choose from" list);
* ``model.py``: ``STEP``, the step class (a :class:`~samen_tui.workshop.model.Step`
  whose ``KIND`` is the folder's name) with its parts; optionally ``DUTCH_KEYS``, the
  Dutch words a facilitator may write for its keys;
* ``record.py``: ``RECORD``, the session record class
  (a :class:`~samen_tui.session.model.Record`) with its parts;
* ``report.py``: ``section(step, record, session)``, the kind's blocks in the verslag,
  and ``stand_in(step_id, record)``, a step made from a record alone;
* ``scaffold.py``: ``SUMMARY``, ``ITEM`` and ``EXAMPLE``, its commented example in the
  file ``samen new`` writes;
* ``texts.py``: ``NL`` and ``EN``, its strings for the catalog (:mod:`samen_tui.i18n`);
* ``view.py`` (and ``view_*.py``): ``VIEW``, the Textual widget that shows and captures
  it. Only the TUI asks for it;
* ``room.py`` (optional): ``ROOM``, the Textual widget that shows it to the room
  (``samen room``, the beamer); without it the room shows the step's title and text.
  Only the room (and the trainer's room controls) ask for it.

Every other module of a kind never imports textual.

A kind may keep more modules of its own (``stats.py``, the sort step's ``board.py``, a
view split in ``view_*.py``); parts two kinds share live in one of them, which the
other imports (``kinds/actions/record.py``'s ``Action``). ``docs/adding-a-step-kind.md``
builds a kind step by step.

Nothing here imports a kind statically: the folders are found with :mod:`pkgutil`
over this package's ``__path__`` and imported by name when a registry is first asked,
so a new kind is a new folder and nothing else changes. A kind's name comes from a
file someone wrote (a workshop, a session); only names of folders found here are ever
imported.

This module never imports textual.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samen_tui.report.blocks import Block
    from samen_tui.session.model import Record, Session
    from samen_tui.tui.room.view import RoomView
    from samen_tui.tui.steps.base import StepView
    from samen_tui.workshop.model import Step

    Section = Callable[[Step, Record | None, Session], list[Block]]
    StandIn = Callable[[str, Record], Step]

LAST = 1000
"""The ``ORDER`` of a kind that gives none: after the others, by name."""


class KindError(RuntimeError):
    """A kind folder that does not hold what a kind must (a programming error)."""


@cache
def names() -> tuple[str, ...]:
    """Every kind, in their ``ORDER`` (then by name)."""
    found = [info.name for info in pkgutil.iter_modules(__path__) if info.ispkg]
    order = {name: getattr(_package(name), "ORDER", LAST) for name in found}
    return tuple(sorted(found, key=lambda name: (order[name], name)))


def _package(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


@cache
def part(kind: str, module: str) -> ModuleType | None:
    """The module ``module`` of a kind's folder (``model``, ``record``, ...); None for a
    kind that is not a folder here, or a folder without that module."""
    if kind not in names():
        return None
    full = f"{__name__}.{kind}.{module}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise


def _needed(kind: str, module: str) -> ModuleType:
    found = part(kind, module)
    if found is None:
        raise KindError(f"samen_tui/kinds/{kind}/ has no {module}.py")
    return found


def _named(kind: str, module: str, name: str) -> Any:
    value = getattr(_needed(kind, module), name, None)
    if value is None:
        raise KindError(f"samen_tui/kinds/{kind}/{module}.py defines no {name}")
    return value


def _of_kind(kind: str, module: str, name: str) -> Any:
    cls = _named(kind, module, name)
    if getattr(cls, "KIND", None) != kind:
        raise KindError(
            f"samen_tui/kinds/{kind}/{module}.py: {name}.KIND is"
            f" {getattr(cls, 'KIND', None)!r}, not {kind!r}"
        )
    return cls


# --------------------------------------------------------------------------- workshop


def step_class(kind: str) -> type[Step] | None:
    """The step class of a kind (its ``model.STEP``), or None for an unknown kind."""
    if kind not in names():
        return None
    step: type[Step] = _of_kind(kind, "model", "STEP")
    return step


@cache
def step_classes() -> dict[str, type[Step]]:
    """Every step class, by kind, in the kinds' order."""
    return {kind: _of_kind(kind, "model", "STEP") for kind in names()}


@cache
def dutch_keys() -> dict[str, str]:
    """The Dutch words the kinds accept for their keys, and the key meant."""
    merged: dict[str, str] = {}
    for kind in names():
        merged.update(getattr(_needed(kind, "model"), "DUTCH_KEYS", {}))
    return merged


# --------------------------------------------------------------------------- session


def record_class(kind: str) -> type[Record] | None:
    """The record class of a kind (its ``record.RECORD``), or None for an unknown kind."""
    if kind not in names():
        return None
    record: type[Record] = _of_kind(kind, "record", "RECORD")
    return record


def record_classes() -> dict[str, type[Record]]:
    """Every record class, by kind."""
    return {kind: _of_kind(kind, "record", "RECORD") for kind in names()}


# --------------------------------------------------------------------------- report


def section(kind: str) -> Section | None:
    """The report section of a kind (``report.section``), or None for an unknown kind."""
    if kind not in names():
        return None
    found: Section = _named(kind, "report", "section")
    return found


def stand_in(kind: str) -> StandIn | None:
    """How a kind makes a step from a record alone (``report.stand_in``)."""
    if kind not in names():
        return None
    found: StandIn = _named(kind, "report", "stand_in")
    return found


def shows_all_actions(kind: str) -> bool:
    """Whether a kind's section is the session's whole action list (the report then
    does not add one at its end)."""
    found = part(kind, "report")
    return bool(getattr(found, "SHOWS_ALL_ACTIONS", False))


# --------------------------------------------------------------------------- texts


def texts(language: str) -> dict[str, str]:
    """The strings of every kind in ``language`` (``NL`` or ``EN`` of its texts)."""
    merged: dict[str, str] = {}
    for kind in names():
        merged.update(getattr(_needed(kind, "texts"), language.upper(), {}))
    return merged


# --------------------------------------------------------------------------- scaffold


def scaffold(kind: str) -> ModuleType:
    """A kind's ``scaffold`` module (``SUMMARY``, ``ITEM``, ``EXAMPLE``)."""
    return _needed(kind, "scaffold")


# --------------------------------------------------------------------------- the TUI


def _optional(kind: str, module: str, name: str) -> Any:
    """``name`` of a kind's ``module``, imported now; None for an unknown kind, or one
    without that module or that name in it."""
    found = part(kind, module)
    return None if found is None else getattr(found, name, None)


def view_class(kind: str) -> type[StepView] | None:
    """The Textual widget of a kind (its ``view.VIEW``), imported now; None for an
    unknown kind or one without a view. Only the TUI asks for it."""
    view: type[StepView] | None = _optional(kind, "view", "VIEW")
    return view


def room_class(kind: str) -> type[RoomView] | None:
    """The widget that shows a kind's step to the room (its ``room.ROOM``), imported
    now; None for an unknown kind or one without a ``room.py`` (the room then shows
    the step's title and text). Only the room asks for it."""
    room: type[RoomView] | None = _optional(kind, "room", "ROOM")
    return room


def clear() -> None:
    """Forget what was found (a test that adds a folder to ``__path__``)."""
    names.cache_clear()
    part.cache_clear()
    step_classes.cache_clear()
    dutch_keys.cache_clear()
