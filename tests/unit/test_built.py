"""Workshops built at an earlier start: the same bytes at the same path, with the same
code, give the workshop the loader built then, without the loader.

Every test has a cache folder of its own (``samen_dirs``, tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samen_tui import paths, startcache
from samen_tui.workshop import built, catalog, loader, model
from samen_tui.workshop.model import Workshop
from samen_tui.workshop.problems import WorkshopError

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


def test_the_code_stamp_follows_the_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = built.code_stamp()
    built.code_stamp.cache_clear()
    fake = tmp_path / "model.py"
    fake.write_text("# another model\n")
    monkeypatch.setattr(model, "__file__", str(fake))
    try:
        assert built.code_stamp() != stamp
    finally:
        built.code_stamp.cache_clear()


@pytest.mark.parametrize(
    "kept",
    [
        b"garbage",
        ("stamp", b"x"),
        (None, None, None),
        "STAMP",  # replaced by the real stamp below: a pickle that is not a workshop
        "BROKEN",  # a pickle cut short
    ],
)
def test_what_is_not_a_built_workshop_is_built_again(kept: Any, builds: list[str]) -> None:
    import pickle

    data = BUNDLED.read_bytes()
    if kept == "STAMP":
        kept = (built.code_stamp(), data, pickle.dumps({"niet": "een workshop"}))
    elif kept == "BROKEN":
        kept = (built.code_stamp(), data, pickle.dumps(loader.parse_workshop(data, BUNDLED))[:50])
        builds.clear()
    startcache.put(startcache.BUILT, str(BUNDLED), kept)
    assert built.get(data, BUNDLED) is None
    assert catalog.build(data, BUNDLED).id == "samen-ouder-worden"
    assert builds == [str(BUNDLED)]


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
