"""The models' shared ``==``, ``repr`` and ``hash`` behave as ``@dataclass``'s own."""

from __future__ import annotations

import dataclasses
import inspect
from types import ModuleType
from typing import Any

import pytest

from samen_tui import kinds
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.session import model as session_model
from samen_tui.values import FrozenValues, Values
from samen_tui.workshop import model as workshop_model


def model_classes(*modules: ModuleType | None) -> list[type[Any]]:
    return [
        cls
        for module in modules
        if module is not None
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)
    ]


WORKSHOP = model_classes(workshop_model, *(kinds.part(k, "model") for k in kinds.names()))
SESSION = model_classes(session_model, *(kinds.part(k, "record") for k in kinds.names()))


def test_every_model_class_uses_the_shared_methods() -> None:
    """None has ``@dataclass`` write (and compile) its own: that was the cost."""
    assert len(WORKSHOP) >= 20 and len(SESSION) >= 15
    for cls in WORKSHOP:
        assert issubclass(cls, FrozenValues), cls
        assert cls.__eq__ is Values.__eq__ and cls.__hash__ is FrozenValues.__hash__, cls
        assert cls.__repr__ is Values.__repr__, cls
    for cls in SESSION:
        assert issubclass(cls, Values), cls
        assert cls.__eq__ is Values.__eq__ and cls.__repr__ is Values.__repr__, cls
        assert cls.__hash__ is None, cls


def twin(cls: type[Any], *, frozen: bool) -> type[Any]:
    """The same fields in a class ``@dataclass`` writes everything for."""
    spec = [(f.name, Any, dataclasses.field(default=None)) for f in dataclasses.fields(cls)]
    made = dataclasses.make_dataclass(cls.__name__, spec, frozen=frozen, kw_only=True)
    made.__qualname__ = cls.__qualname__
    return made


def sample(cls: type[Any], seed: int) -> dict[str, Any]:
    return {f.name: f"{f.name}-{seed}" for f in dataclasses.fields(cls) if f.init}


@pytest.mark.parametrize("cls", WORKSHOP + SESSION, ids=lambda c: c.__name__)
def test_equal_repr_and_hash_as_a_dataclass_would(cls: type[Any]) -> None:
    frozen = cls in WORKSHOP
    other = twin(cls, frozen=frozen)
    a, b, c = cls(**sample(cls, 1)), cls(**sample(cls, 1)), cls(**sample(cls, 2))
    ta, tc = (
        other(**{f.name: getattr(x, f.name) for f in dataclasses.fields(cls)}) for x in (a, c)
    )
    assert repr(a) == repr(ta) and repr(c) == repr(tc)
    assert a == b
    assert not (a != b)  # noqa: SIM202 - the inverse operator, as dataclass gives it
    assert (a == c) is (ta == tc)
    assert a != ta  # another class with the same fields is not equal
    assert a.__eq__(ta) is NotImplemented
    if frozen:
        assert hash(a) == hash(b) == hash(ta)
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.id = "x"
    else:
        with pytest.raises(TypeError):
            hash(a)


def test_a_record_sets_its_kind_and_compares_on_it() -> None:
    sort = SortRecord()
    rate = RateRecord()
    assert sort.kind == "sort" and sort != rate
    assert repr(ContentRecord(notes="[b]x")) == ("ContentRecord(kind='content', notes='[b]x')")
