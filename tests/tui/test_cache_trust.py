"""No cache runs code, and a cache folder someone else could write is not read (#15).

A cache folder ``$SAMEN_CACHE`` shared or synced with others (mode 0777), or owned by
another user, is not read: a workshop planted in it is not the one the app shows. A
pickle or a code object planted in a cache file runs nothing, wherever it is: the
marker folder its payload would make never appears. The folder is made 0700 and the
files 0600. (Another user is simulated with a different ``os.getuid()``.)
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import stat
import sys
from pathlib import Path

import pytest

from samen_tui import startcache
from samen_tui.tui.tuning import csscache
from samen_tui.workshop import built, catalog
from tests.conftest import SamenDirs
from tests.reliability.cache_damage import Payload, code_payload, plant_payloads
from tests.tui.conftest import make_app, walk_screen

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

PLANTED_TITLE = "GEPLANT door een ander"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


SHOWN: list[Path] = []
"""The workshop file the last :func:`start` showed."""


async def start(sessions: Path) -> str:
    """Start the app as ``samen run`` does, show the walk screen, keep what it parsed
    (as it does a second after its first paint); the title of the workshop shown."""
    app = make_app(sessions)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        workshop = walk_screen(app).workshop
        app._keep_parsed()
    assert workshop.path is not None
    SHOWN[:] = [workshop.path]
    startcache.reset()  # the next start: only what is in the files
    return workshop.title


def plant_workshop(title: str = PLANTED_TITLE) -> None:
    """A start-up cache whose built workshop (of the file the last start showed) has
    another title: a valid cache file, as the user's own app would write it."""
    path = SHOWN[0]
    data = path.read_bytes()
    real = catalog.build(data, path)
    planted = dataclasses.replace(real, meta=dataclasses.replace(real.meta, title=title))
    built.put(data, path, planted)
    assert startcache.flush()
    startcache.reset()
    assert catalog.build(data, path).title == title  # as a start would take it
    startcache.reset()


def test_the_payloads_are_real(tmp_path: Path) -> None:
    """(What the tests below plant does make its marker when run or unpickled.)"""
    pickle.loads(pickle.dumps(Payload(tmp_path / "a")))
    exec(code_payload(tmp_path / "b"), {})
    assert (tmp_path / "a").is_dir() and (tmp_path / "b").is_dir()


async def test_a_start_makes_the_cache_private(sessions: Path, samen_dirs: SamenDirs) -> None:
    await start(sessions)
    assert mode(samen_dirs.cache) == 0o700
    names = sorted(p.name for p in samen_dirs.cache.iterdir())
    assert names == sorted([startcache.NAME, csscache.NAME])
    for name in names:
        assert mode(samen_dirs.cache / name) == 0o600
        assert (samen_dirs.cache / name).stat().st_uid == os.getuid()


async def test_planted_pickles_and_code_in_the_users_own_cache_run_nothing(
    sessions: Path, samen_dirs: SamenDirs, tmp_path: Path
) -> None:
    """Even in a cache that passes every check (the user's own private folder and
    files, good checksums), nothing in it is unpickled or run."""
    marker = tmp_path / "payload-ran"
    await start(sessions)
    plant_payloads(samen_dirs.cache, marker)
    assert await start(sessions) == "Samen Ouder Worden"
    assert await start(sessions) == "Samen Ouder Worden"  # and with the cache it wrote
    assert not marker.exists()


@pytest.mark.parametrize("folder_mode", [0o777, 0o775, 0o1777])
async def test_a_cache_folder_others_can_write_is_not_read(
    sessions: Path, samen_dirs: SamenDirs, tmp_path: Path, folder_mode: int
) -> None:
    await start(sessions)
    plant_workshop()
    marker = tmp_path / "payload-ran"
    (samen_dirs.cache / "css.pickle").write_bytes(b"key\n" + pickle.dumps(Payload(marker)))
    samen_dirs.cache.chmod(folder_mode)
    assert await start(sessions) == "Samen Ouder Worden"
    assert not marker.exists()
    # the start took the others' write permission away and wrote its cache anew
    assert not mode(samen_dirs.cache) & 0o022
    assert await start(sessions) == "Samen Ouder Worden"


async def test_a_cache_folder_of_another_user_is_neither_read_nor_written(
    sessions: Path, samen_dirs: SamenDirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await start(sessions)
    plant_workshop()
    marker = tmp_path / "payload-ran"
    (samen_dirs.cache / "css.pickle").write_bytes(b"key\n" + pickle.dumps(Payload(marker)))
    samen_dirs.cache.chmod(0o777)
    before = {p.name: p.read_bytes() for p in samen_dirs.cache.iterdir()}
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 4242)
    assert await start(sessions) == "Samen Ouder Worden"
    assert not marker.exists()
    assert {p.name: p.read_bytes() for p in samen_dirs.cache.iterdir()} == before
    assert mode(samen_dirs.cache) == 0o777  # someone else's: left as it is


async def test_a_start_with_the_planted_cache_of_another_user_parses_as_the_first(
    sessions: Path, samen_dirs: SamenDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cache at all then: the stylesheets are parsed, the workshop built."""
    await start(sessions)
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 4242)
    app = make_app(sessions)
    assert csscache.load(app.stylesheet) == 0
    assert startcache.get(startcache.BUILT, str(SHOWN[0])) is None
    monkeypatch.setattr(os, "getuid", lambda: real_uid)
    startcache.reset()
    assert csscache.load(make_app(sessions).stylesheet) > 0
    assert startcache.get(startcache.BUILT, str(SHOWN[0])) is not None


def test_python_keeps_no_pickle_module_on_the_start_path() -> None:
    """Nothing of samen_tui imports pickle (a test that fails if a cache takes it up
    again)."""
    root = Path(__file__).resolve().parents[2] / "samen_tui"
    users = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "import pickle" in path.read_text(encoding="utf-8")
        or "from pickle" in path.read_text(encoding="utf-8")
    ]
    assert users == []
    assert sys.modules.get("samen_tui.codecache") is None
