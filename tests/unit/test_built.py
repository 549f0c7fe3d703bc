"""Workshops built at an earlier start: the same bytes at the same path, with the same
code, give the workshop the loader built then, without the loader.

Every test has a cache folder of its own (``samen_dirs``, tests/conftest.py).
"""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from samen_tui import paths, startcache
from samen_tui.workshop import built, catalog, loader
from samen_tui.workshop.model import Workshop
from samen_tui.workshop.problems import WorkshopError

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

BUNDLED = paths.PACKAGE_WORKSHOPS / "samen-ouder-worden.toml"


def next_start() -> None:
    """What this start kept is written; the next one reads the file."""
    startcache.flush()
    startcache.reset()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the loader builds a workshop for, from now on."""
    calls: list[str] = []
    real = loader.parse_workshop

    def counting(text: str | bytes, path: Path | str) -> Workshop:
        calls.append(str(path))
        return real(text, path)

    monkeypatch.setattr(loader, "parse_workshop", counting)
    return calls


def copy_of_bundled(folder: Path, name: str = "w.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(BUNDLED.read_bytes())
    return path


def test_the_next_start_takes_the_workshop_built_before(builds: list[str]) -> None:
    data = BUNDLED.read_bytes()
    first = catalog.build(data, BUNDLED)
    assert builds == [str(BUNDLED)]
    next_start()
    again = catalog.build(data, BUNDLED)
    assert builds == [str(BUNDLED)]  # not built again
    assert again == first == loader.parse_workshop(data, BUNDLED)
    assert again is not first
    assert (again.path, again.fingerprint) == (BUNDLED, first.fingerprint)
    assert again.step_ids() == first.step_ids()


def test_resolving_an_id_or_a_path_uses_it(tmp_path: Path, builds: list[str]) -> None:
    dirs = [("package", paths.PACKAGE_WORKSHOPS)]
    by_id = catalog.resolve_workshop("samen-ouder-worden", dirs)
    path = copy_of_bundled(tmp_path)
    by_path = catalog.resolve_workshop(str(path), dirs)
    built_now = len(builds)
    next_start()
    assert catalog.resolve_workshop("samen-ouder-worden", dirs) == by_id
    assert catalog.resolve_workshop(str(path), dirs) == by_path
    assert len(builds) == built_now


def test_other_bytes_are_built_again(tmp_path: Path, builds: list[str]) -> None:
    path = copy_of_bundled(tmp_path)
    catalog.load(path)
    next_start()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Samen Ouder Worden"', 'title = "Anders"', 1), "utf-8")
    changed = catalog.load(path)
    assert changed.title == "Anders"
    assert builds == [str(path), str(path)]


def test_another_path_is_built_with_its_own_path(tmp_path: Path, builds: list[str]) -> None:
    one = copy_of_bundled(tmp_path / "a")
    two = copy_of_bundled(tmp_path / "b")
    catalog.load(one)
    next_start()
    assert catalog.load(two).path == two
    assert builds == [str(one), str(two)]


def test_other_code_builds_again(monkeypatch: pytest.MonkeyPatch, builds: list[str]) -> None:
    data = BUNDLED.read_bytes()
    catalog.build(data, BUNDLED)
    next_start()
    monkeypatch.setattr(built, "code_stamp", lambda: "a newer version")
    catalog.build(data, BUNDLED)
    assert len(builds) == 2


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A package folder of its own for :func:`built.code_stamp` to stamp."""
    root = tmp_path / "samen_tui"
    (root / "workshop").mkdir(parents=True)
    (root / "workshop" / "model.py").write_text("# the model\n")
    (root / "workshop" / "loader.py").write_text("# the loader\n")
    monkeypatch.setattr(built, "PACKAGE", str(root))
    built.code_stamp.cache_clear()
    yield root
    built.code_stamp.cache_clear()


def stamp_again() -> str:
    built.code_stamp.cache_clear()
    return built.code_stamp()


def test_the_code_stamp_follows_every_module_of_the_model(package: Path) -> None:
    """Wherever the classes of a step kind live (``workshop/model.py`` now,
    ``kinds/<kind>/model.py`` once they move), a change to them builds again."""
    stamps = [stamp_again()]
    (package / "workshop" / "model.py").write_text("# another model\n")
    stamps.append(stamp_again())
    (package / "kinds" / "sort").mkdir(parents=True)
    (package / "kinds" / "sort" / "model.py").write_text("# the sort step\n")
    stamps.append(stamp_again())
    (package / "kinds" / "sort" / "model.py").write_text("# the sort step, changed\n")
    stamps.append(stamp_again())
    (package / "kinds" / "sort" / "notes.txt").write_text("not code\n")
    (package / "kinds" / "sort" / "__pycache__").mkdir()
    (package / "kinds" / "sort" / "__pycache__" / "model.cpython.pyc").write_bytes(b"x")
    assert stamp_again() == stamps[-1]
    assert len(set(stamps)) == len(stamps)


def test_the_code_stamp_covers_the_modules_of_the_built_classes() -> None:
    """Every class in a built workshop comes from a file the stamp covers."""
    workshop = catalog.build(BUNDLED.read_bytes(), BUNDLED)
    stamp = built.code_stamp()
    modules: set[str] = set()

    def classes(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                classes(item)
        elif dataclasses.is_dataclass(value):
            modules.add(type(value).__module__)
            for field in dataclasses.fields(value):
                classes(getattr(value, field.name))

    classes(workshop)
    assert "samen_tui.workshop.model" in modules
    for name in modules:
        relative = os.path.relpath(sys.modules[name].__file__ or "", built.PACKAGE)
        assert f"{relative}:" in stamp


@pytest.mark.parametrize(
    "kept",
    [
        b"garbage",
        ("stamp", b"x"),
        (None, None, None),
        "STAMP",  # replaced by the real stamp below: data that is not a workshop
        "BROKEN",  # a workshop's data cut short
        "CLASS",  # a class that is not the model's
        "FIELDS",  # a model class with a field too many
    ],
)
def test_what_is_not_a_built_workshop_is_built_again(kept: Any, builds: list[str]) -> None:
    data = BUNDLED.read_bytes()
    good = built.encode(loader.parse_workshop(data, BUNDLED))
    builds.clear()
    assert isinstance(good, list)
    if kept == "STAMP":
        kept = (built.code_stamp(), data, {"niet": "een workshop"})
    elif kept == "BROKEN":
        kept = (built.code_stamp(), data, good[:3])
    elif kept == "CLASS":
        kept = (built.code_stamp(), data, [built.DATACLASS, "os:system", "echo hoi"])
    elif kept == "FIELDS":
        kept = (built.code_stamp(), data, [*good, "meer"])
    startcache.put(startcache.BUILT, str(BUNDLED), kept)
    assert built.get(data, BUNDLED) is None
    assert catalog.build(data, BUNDLED).id == "samen-ouder-worden"
    assert builds == [str(BUNDLED)]


@pytest.mark.parametrize("name", sorted(p.name for p in paths.PACKAGE_WORKSHOPS.glob("*.toml")))
def test_every_bundled_workshop_comes_back_the_same(name: str) -> None:
    path = paths.PACKAGE_WORKSHOPS / name
    data = path.read_bytes()
    workshop = loader.parse_workshop(data, path)
    kept = built.encode(workshop)
    assert marshal.loads(marshal.dumps(kept)) == kept  # plain data, all of it
    again = built.decode(marshal.loads(marshal.dumps(kept)))
    assert again == workshop
    assert type(again.path) is type(workshop.path)
    assert [type(step) for _item, step in again.steps()] == [
        type(step) for _item, step in workshop.steps()
    ]


def test_only_classes_of_the_model_are_made() -> None:
    """A name in the data never makes a class the model does not have, and never
    imports a module."""
    for name in (
        "os:system",
        "builtins:eval",
        "subprocess:Popen",
        "samen_tui.session.model:Session",  # a dataclass, but not the model's
        "samen_tui.workshop.model:Problem",  # in the model, not a class
        "samen_tui.kinds.nieuw.model:Stap",  # not imported
    ):
        with pytest.raises(built.NotPlain):
            built.decode([built.DATACLASS, name])
    assert "samen_tui.kinds.nieuw.model" not in sys.modules
    with pytest.raises(built.NotPlain):
        built.encode(object())


def test_a_broken_file_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[workshop]\nid = "x"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(WorkshopError) as info:
            catalog.load(path)
        assert f"{path}:" in str(info.value)
        next_start()
    assert built.get(path.read_bytes(), path) is None


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(WorkshopError) as info:
        catalog.load(tmp_path / "weg.toml")
    assert str(info.value).startswith(f"{tmp_path / 'weg.toml'}:1:1: ")


def test_a_warm_start_does_not_import_the_loader(tmp_path: Path) -> None:
    """What a start of ``samen run`` does, in a fresh interpreter: with the cache of an
    earlier start, the workshop is there without the loader (nor tomllib, which
    only the loader needs on this path)."""
    script = (
        "import json, sys\n"
        "from samen_tui import paths, startcache\n"
        "from samen_tui.workshop.catalog import resolve_workshop\n"
        "w = resolve_workshop('samen-ouder-worden', [('package', paths.PACKAGE_WORKSHOPS)])\n"
        "startcache.flush()\n"
        "print(json.dumps([w.id, len(w.step_ids()), 'samen_tui.workshop.loader' in sys.modules]))\n"
    )
    env = {**os.environ, "SAMEN_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    cold, warm = (json.loads(run.stdout) for run in runs)
    assert cold == ["samen-ouder-worden", 14, True]
    assert warm == ["samen-ouder-worden", 14, False]
