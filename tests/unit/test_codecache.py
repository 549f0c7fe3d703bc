"""The methods @dataclass writes, compiled once: a class made with the code kept from
an earlier start is the class @dataclass makes by itself.

Every test has a cache folder of its own (``samen_dirs``, tests/conftest.py).
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from samen_tui import codecache, startcache


@pytest.fixture(autouse=True)
def uninstalled() -> Iterator[None]:
    codecache.uninstall()
    yield
    codecache.uninstall()


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts codecache compiles, from now on."""
    texts: list[str] = []

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(source)
        return compile(source, *args, **kwargs)

    monkeypatch.setattr(codecache, "compile", counting, raising=False)
    return texts


def next_start() -> None:
    startcache.flush()
    startcache.reset()


def make() -> Any:
    """A model as the models are declared (frozen, keyword-only, a default, a factory),
    made now."""

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Item:
        id: str
        minutes: int = 5
        tags: tuple[str, ...] = ()
        notes: list[str] = dataclasses.field(default_factory=list)

    return Item


def behaviour(cls: Any) -> dict[str, Any]:
    """What a class made by @dataclass does, in values that can be compared."""
    item = cls(id="a", tags=("x",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.minutes = 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        del item.id
    with pytest.raises(TypeError):
        cls("a")  # keyword-only
    signature = inspect.signature(cls.__init__)
    return {
        "repr": repr(item),
        "equal": item == cls(id="a", tags=("x",)),
        "fresh list": cls(id="b").notes is not cls(id="c").notes,
        "signature": str(signature),
        "annotations": {name: p.annotation for name, p in signature.parameters.items()},
    }


def test_a_class_is_the_one_dataclasses_makes(compiled: list[str]) -> None:
    plain = behaviour(make())
    codecache.install()
    assert codecache.installed()
    first = behaviour(make())
    assert compiled  # compiled now, and kept
    next_start()
    compiled.clear()
    again = behaviour(make())
    assert compiled == []  # the kept code
    assert plain == first == again
    # the field's annotation ("int": this module has `from __future__ import
    # annotations`), not the name of the local that holds it, as a text compiled with
    # codecache's own __future__ flags would give
    assert plain["annotations"]["minutes"] == "int"


def test_uninstalled_compiles_as_dataclasses_does(compiled: list[str]) -> None:
    codecache.install()
    codecache.uninstall()
    assert not codecache.installed()
    make()
    assert compiled == []
    assert startcache.get(startcache.CODE, "x") is None
    assert not startcache.flush()  # nothing kept


def test_what_is_not_code_is_compiled_again(compiled: list[str]) -> None:
    codecache.install()
    make()
    texts = list(compiled)
    for text in texts:
        startcache.put(startcache.CODE, text, "geen code")
    compiled.clear()
    behaviour(make())
    assert compiled == texts


def test_other_exec_calls_pass_through() -> None:
    namespace: dict[str, Any] = {}
    codecache._exec(compile("x = 1", "<t>", "exec"), {}, namespace)
    assert namespace == {"x": 1}
    codecache._exec("y = 2", {}, namespace)
    assert namespace["y"] == 2


def test_a_start_makes_the_models_without_compiling(tmp_path: Path) -> None:
    """In a fresh interpreter, as ``samen`` starts: the second time, none of the
    models' methods is compiled."""
    script = (
        "import json, sys\n"
        "from samen_tui import codecache, startcache\n"
        "compiled = []\n"
        "real = compile\n"
        "def counting(*args, **kwargs):\n"
        "    compiled.append(args[0])\n"
        "    return real(*args, **kwargs)\n"
        "codecache.compile = counting\n"
        "codecache.install()\n"
        "import samen_tui.workshop.model, samen_tui.session.model\n"
        "from samen_tui import kinds\n"
        "kinds.step_classes(), kinds.record_classes()\n"
        "startcache.flush()\n"
        "print(json.dumps(len(compiled)))\n"
    )
    env = {**os.environ, "SAMEN_CACHE": str(tmp_path / "cache")}
    cold, warm = (
        json.loads(
            subprocess.run(
                [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(2)
    )
    assert cold > 40  # __init__ of every model, and more
    assert warm == 0
