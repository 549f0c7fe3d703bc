"""Workshops built at an earlier start, kept in the start-up cache as plain data.

Building a workshop from its file (:mod:`samen_tui.workshop.loader`: the TOML read,
every value checked against the model and turned into it) took 5-6 ms of each start
of ``samen run``, and importing the loader, its positions and tomllib another 8-10
ms. What it builds depends only on the file's bytes, its path (the workshop keeps it)
and the code of the model and the loader. So a workshop, once built, is kept in
:mod:`samen_tui.startcache` (section :data:`~samen_tui.startcache.BUILT`, by path)
with the bytes it was built from and a stamp of that code, and a later start that
reads the same bytes at the same path, with the same code, takes it from there.

The workshop is kept as plain data (:func:`encode`): strings, numbers, tuples, and
for each model object a list ``[DATACLASS, "module:Class", value, ...]`` of its
class's name and its fields in order. :func:`decode` builds the objects again with
their classes' constructors, as the loader does; it names no function and imports
nothing but a kind's ``model`` through :func:`samen_tui.kinds.part` (which imports
only the kind folders it found): a class must be a dataclass of a module under
``samen_tui.workshop`` or ``samen_tui.kinds``, with exactly that many fields. Anything
else, or a value that is not what :func:`put` writes, is no cache (the loader builds
the workshop). Only a workshop without problems is kept: a broken file is read, and
its problems reported, every time.

This module never imports textual.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from functools import cache
from pathlib import Path, PurePath
from typing import Any, cast

from samen_tui import startcache, values
from samen_tui.workshop.model import Workshop

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""The folder of the ``samen_tui`` package."""
MODEL_PACKAGES = ("samen_tui.workshop.", "samen_tui.kinds.")
"""The modules a built workshop's classes may come from."""
CODE_FOLDERS = ("workshop", "kinds")
"""The folders (in :data:`PACKAGE`) whose code shapes a built workshop: the model, the
loader, and each step kind's model, wherever it lives."""

DATACLASS = "d"
PATH = "p"
TUPLE = "t"

_PRIMITIVES = (str, int, float, bool, type(None))


@cache
def code_stamp() -> str:
    """The code that shapes a built workshop, by the size and modification time of
    every Python file in :data:`CODE_FOLDERS` (and ``samen_tui/values.py``): another
    version, a change while developing, or a step kind added or moved, builds again."""
    files = [values.__file__]
    for name in CODE_FOLDERS:
        for folder, subfolders, names in os.walk(os.path.join(PACKAGE, name)):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            files.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".py"))
    parts = []
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            parts.append(f"{file}:-")
        else:
            parts.append(f"{os.path.relpath(file, PACKAGE)}:{info.st_size}:{info.st_mtime_ns}")
    return " ".join(parts)


class NotPlain(ValueError):
    """A value :func:`encode` does not know, or data :func:`decode` refuses."""


def encode(value: object) -> object:
    """``value`` (a model object, or anything in one) as plain data for marshal."""
    kind = type(value)
    if kind in _PRIMITIVES:
        return value
    if kind is tuple:
        return [TUPLE, *(encode(item) for item in cast(tuple[object, ...], value))]
    if isinstance(value, PurePath):
        return [PATH, str(value)]
    if dataclasses.is_dataclass(value) and kind.__module__.startswith(MODEL_PACKAGES):
        names = [field.name for field in dataclasses.fields(value)]
        return [DATACLASS, f"{kind.__module__}:{kind.__qualname__}"] + [
            encode(getattr(value, name)) for name in names
        ]
    raise NotPlain(f"cannot keep a {kind.__qualname__}")


@cache
def _model_class(name: str) -> tuple[type, tuple[str, ...], tuple[str, ...]]:
    """The class named ``module:Class``, its fields and those its constructor takes;
    :class:`NotPlain` unless it is a dataclass of an imported module of the model."""
    module_name, _, qualname = name.partition(":")
    module = sys.modules.get(module_name) if module_name.startswith(MODEL_PACKAGES) else None
    pieces = module_name.split(".")
    if module is None and len(pieces) == 4 and pieces[:2] == ["samen_tui", "kinds"]:
        # a kind's model not imported yet at this start: through the registry, which
        # imports only the folders it found (never a name the cache made up)
        from samen_tui import kinds

        module = kinds.part(pieces[2], "model") if pieces[3] == "model" else None
    cls = vars(module).get(qualname) if module is not None else None
    if not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
        raise NotPlain(f"no model class {name!r}")
    every = dataclasses.fields(cls)
    return cls, tuple(f.name for f in every), tuple(f.name for f in every if f.init)


def decode(data: object) -> Any:
    """The objects :func:`encode` made ``data`` of; :class:`NotPlain` for anything
    else."""
    kind = type(data)
    if kind in _PRIMITIVES:
        return data
    if kind is not list:
        raise NotPlain(f"not built data: {kind.__qualname__}")
    items = cast(list[object], data)
    tag = items[0] if items else None
    if tag == TUPLE:
        return tuple(decode(item) for item in items[1:])
    if tag == PATH and len(items) == 2 and type(items[1]) is str:
        return Path(items[1])
    if tag == DATACLASS and len(items) >= 2 and type(items[1]) is str:
        cls, names, init = _model_class(items[1])
        if len(items) - 2 != len(names):
            raise NotPlain(f"{items[1]} has {len(names)} fields")
        fields = dict(zip(names, (decode(v) for v in items[2:]), strict=True))
        obj = cls(**{name: fields[name] for name in init})
        for name in names:
            if name not in init:
                object.__setattr__(obj, name, fields[name])
        return obj
    raise NotPlain(f"not built data: {tag!r}")


def get(data: bytes, path: Path | str) -> Workshop | None:
    """The workshop built before from ``data`` (the bytes of the file at ``path``), or
    None."""
    kept = startcache.get(startcache.BUILT, str(path))
    if type(kept) is not tuple or len(kept) != 3:
        return None
    stamp, source, built = kept
    if stamp != code_stamp() or source != data:
        return None
    try:
        workshop = decode(built)
    except Exception:  # a class that is gone or changed, data not from put: build again
        return None
    return workshop if type(workshop) is Workshop else None


def put(data: bytes, path: Path | str, workshop: Workshop) -> None:
    """Keep ``workshop``, just built from ``data`` at ``path``, for the next start."""
    try:
        built = encode(workshop)
    except (NotPlain, RecursionError):  # something in it that is not plain data: no cache
        return
    startcache.put(startcache.BUILT, str(path), (code_stamp(), bytes(data), built))
