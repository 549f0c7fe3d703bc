"""Field by field ``==``, ``repr`` and ``hash`` for the model dataclasses, written once.

``@dataclass`` writes these methods out as source text and compiles them for every
class it makes: for the 44 classes of the workshop and session models that was 30-40
ms of every start of ``samen``, most of the time it took to import them. The models
are declared ``@dataclass(..., eq=False, repr=False)`` on one of the bases below and
keep what only ``@dataclass`` can give them (``__init__``; ``__setattr__`` for a
frozen one). The behaviour is ``@dataclass``'s: equal when of the same class with
equal fields in order (``NotImplemented`` otherwise), shown as ``Name(field=value,
...)``, and a frozen model hashes its fields while a mutable one is unhashable.

This module never imports textual.
"""

from __future__ import annotations

import reprlib
from dataclasses import fields
from typing import Any, ClassVar

_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields ``==`` compares and the fields ``repr`` shows, in declared order."""
    try:
        return _NAMES[cls]
    except KeyError:
        every = fields(cls)
        names = (
            tuple(f.name for f in every if f.compare),
            tuple(f.name for f in every if f.repr),
        )
        _NAMES[cls] = names
        return names


def _values(value: Any) -> tuple[Any, ...]:
    return tuple(getattr(value, name) for name in _names(value.__class__)[0])


class Values:
    """``==`` and ``repr`` by fields; unhashable, as a mutable dataclass is."""

    __slots__ = ()
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self) == _values(other)

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self.__class__)[1])
        return f"{self.__class__.__qualname__}({shown})"


class FrozenValues(Values):
    """:class:`Values` that hash by fields, as a frozen dataclass does."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(_values(self))
