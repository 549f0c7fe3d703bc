"""Damage to the start-up caches never stops a start (#21 item 2).

A real ``samen run`` on a pty fills a cache folder (``start.marshal``,
``css.marshal``). Then random bits (1 to 8 at a time) are flipped in each cache file
in turn, and:

* in one process (:mod:`tests.reliability.cache_damage`, run as a subprocess so that
  a crash of the interpreter shows as one), what a start does with the caches is done
  after every flip: 200 times (2,000 in full mode); the workshop, the slides and the
  stylesheets must come out as from the undamaged cache, and the damaged start-up
  cache must be written anew;
* the real app is started on a pty with damaged caches (both files at once): 3 times
  (20 in full mode); it must paint its walk screen with no traceback, and leave both
  cache files readable again (marked ``slow``: real starts).

And a real start with payloads planted in every value of its caches runs none of them.

Before the checksum (``samen_tui.cachefile``), 16 of 40 such starts crashed, and
kept crashing until the cache was deleted.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from samen_tui import cachefile, startcache
from samen_tui.tui.tuning import csscache
from tests.reliability.cache_damage import flip, plant_payloads
from tests.reliability.helpers import count, report

ROOT = Path(__file__).resolve().parents[2]
AGENDA_MARKER = "Inspiratie nodig?"
"""The title of the last agenda step: painted only when the walk screen is."""
NAMES = (startcache.NAME, csscache.NAME)

pytestmark = [
    pytest.mark.fresh_cache,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty"),
]


def ptyrun() -> ModuleType:
    """bench/ptyrun.py: start a program on a pty and time it until a text is painted."""
    spec = importlib.util.spec_from_file_location("ptyrun", ROOT / "bench" / "ptyrun.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ptyrun", module)
    spec.loader.exec_module(module)
    return module


def environment(root: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAMEN_")}
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(root / "xdg" / name.lower())
    env["SAMEN_CONFIG"] = str(root / "config")
    env["SAMEN_CACHE"] = str(cache)
    env["PYTHONPATH"] = str(ROOT)
    return env


def start(root: Path, cache: Path, linger: float) -> tuple[float | None, str]:
    """``samen run`` on a 120x40 pty until the walk screen is painted (kept ``linger``
    seconds more: the app writes its caches a second after its first paint)."""
    sessions = root / f"sessions-{random.random()}"
    sessions.mkdir()
    run = ptyrun().time_to_marker(
        [
            sys.executable,
            "-m",
            "samen_tui",
            "--sessions",
            str(sessions),
            "run",
            "samen-ouder-worden",
        ],
        AGENDA_MARKER,
        env=environment(root, cache),
        cwd=str(root),
        timeout=60.0,
        linger=linger,
    )
    return run.seconds, run.tail


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A cache folder filled by a real start, and the folder the starts run in."""
    root = tmp_path_factory.mktemp("cache-damage")
    cache = root / "warm-cache"
    seconds, tail = start(root, cache, linger=2.0)
    assert seconds is not None, tail
    assert sorted(p.name for p in cache.iterdir()) == sorted(NAMES)
    yield root, cache
    shutil.rmtree(root, ignore_errors=True)


def test_flipped_bits_never_stop_the_loading_of_the_caches(warm: tuple[Path, Path]) -> None:
    root, cache = warm
    tries = count(ci=200, full=2000, env="SAMEN_CACHE_FLIPS")
    seed = int(os.environ.get("SAMEN_CACHE_FLIPS_SEED") or random.randrange(1 << 30))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.cache_damage",
            str(cache),
            str(root / "scratch"),
            str(tries),
            str(seed),
        ],
        cwd=ROOT,
        env={**environment(root, root / "unused"), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"seed {seed}: exit {done.returncode}\n{done.stderr[-3000:]}"
    counts = json.loads(done.stdout)
    assert counts["tries"] == tries
    assert counts["per_file"] == {name: tries // 2 for name in NAMES}
    report(
        "cache damage, in-process",
        f"seed {seed}: {tries} damaged caches loaded ({counts['bits']} bits flipped, "
        f"{counts['per_file']}), {counts['refused']} refused by the checksum and rebuilt "
        f"({counts['rebuilt']} start-up caches written anew), {counts['used']} used, "
        "no crash, no traceback",
    )


@pytest.mark.slow
def test_flipped_bits_never_stop_a_real_start(warm: tuple[Path, Path]) -> None:
    root, cache = warm
    starts = count(ci=3, full=20, env="SAMEN_CACHE_DAMAGED_STARTS")
    seed = int(os.environ.get("SAMEN_CACHE_FLIPS_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    originals = {name: (cache / name).read_bytes() for name in NAMES}
    for number in range(starts):
        damaged = root / f"damaged-{number}"
        damaged.mkdir(mode=0o700)
        for name, data in originals.items():
            (damaged / name).write_bytes(flip(data, rng)[0])
            (damaged / name).chmod(0o600)
        seconds, tail = start(root, damaged, linger=1.5)
        where = f"start {number} (seed {seed})"
        assert seconds is not None, f"{where}: no walk screen; screen: {tail}"
        assert "Traceback" not in tail, where
        for name in NAMES:  # written anew a second after the first paint
            assert cachefile.read(name, path=str(damaged)) is not None, (where, name)
    report(
        "cache damage, real starts",
        f"seed {seed}: {starts} starts of `samen run` with both cache files damaged, "
        "each painted its walk screen and rewrote both caches",
    )


@pytest.mark.slow
def test_planted_code_never_runs_in_a_real_start(warm: tuple[Path, Path]) -> None:
    """A pickle as the built workshop, code objects in every other entry and as every
    stylesheet, in valid cache files of the user's own: a real start paints, and the
    payload never ran."""
    root, cache = warm
    planted = root / "planted"
    shutil.copytree(cache, planted)
    marker = root / "payload-ran"
    plant_payloads(planted, marker)
    seconds, tail = start(root, planted, linger=1.5)
    assert seconds is not None, tail
    assert "Traceback" not in tail
    assert not marker.exists()
