"""Shared test set-up: no test ever touches the real user folders.

``samen_dirs`` (autouse) points the sessions, config and cache folders, and the XDG
base folders platformdirs falls back on, at a fresh temporary folder per test, and
forgets what the start-up cache (:mod:`samen_tui.startcache`) holds in memory. The
folders are not created: code under test must create what it needs. Ask for the
fixture to know where they are (``samen_dirs.sessions`` ...).

The cache folder starts warm: the start-up caches (``start.marshal``, the stylesheets'
``css.marshal``) an earlier test of the same worker left are copied in, as a trainer's
laptop keeps its cache between starts. A test of the caches themselves is marked
``fresh_cache`` and starts with none.
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
import textual.app
import textual.pilot
from textual._styles_cache import StylesCache

from samen_tui import startcache
from samen_tui.i18n import set_language
from samen_tui.tui import collector

# Pilot waits after every key and every pause until the app looks idle: Textual sleeps
# in steps of 20 ms and calls the app idle after one step that used under 1 ms of CPU
# (textual/_wait.py, Textual 8.2.8). Most of a Pilot test's wall time was those steps
# (test_sort.py: 17 of 29 s). Here the app is idle after two steps of 5 ms in a row
# with the same share of CPU: it waits for the same thing, sooner, and one step in
# which a busy machine did not run the test process does not count as idle. A setting
# of the tests only: the app never runs with it.
STEP = 1 / 200


async def wait_for_idle(min_sleep: float = STEP, max_sleep: float = 1) -> None:
    start = time.monotonic()
    quiet = 0
    while True:
        cpu = time.process_time()
        await asyncio.sleep(STEP)
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep:
            return
        quiet = quiet + 1 if time.process_time() - cpu < STEP / 20 else 0
        if quiet >= 2 and elapsed > min_sleep:
            return


textual.pilot.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]
textual.app.wait_for_idle = wait_for_idle  # type: ignore[attr-defined]


@dataclass(frozen=True)
class SamenDirs:
    root: Path
    sessions: Path
    config: Path
    cache: Path


WARM = ("start.marshal", "css.marshal")
"""The start-up caches a test shares with the next (see the module doc)."""


LONGEST = (
    "test_bench_smoke.py",
    "test_kill_app.py",
    "test_hostile_files.py",
    "test_cache_damage.py",
    "test_strange_input.py",
    "test_resize.py",
)
"""The modules of the longest tests (20-30 s each, mostly waiting on other processes)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, the longest of them first of all, dealt out over the
    workers: so the long ones start at once, each on its own worker, and run beside
    the others instead of holding up the end (the bench's smoke run, 25-30 s, started
    last; then the longest all started on the first worker, one after the other)."""

    def order(item: pytest.Item) -> tuple[int, int]:
        name = item.path.name
        longest = LONGEST.index(name) if name in LONGEST else len(LONGEST)
        return (item.get_closest_marker("slow") is None, longest)

    items.sort(key=order)
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers > 1:
        items[:] = dealt(items, workers)


T = TypeVar("T")


def dealt(items: list[T], hands: int) -> list[T]:
    """``items`` dealt out in turn into ``hands`` runs, one after the other. pytest-xdist
    (``--dist worksteal``) first gives each worker one run of the list in order, the
    first ``len // workers`` items to the first, a share of the rest to the next, and so
    on: the runs here are those, so each worker starts with its share of the longest."""
    sizes = []
    left = len(items)
    for hand in range(hands):
        sizes.append(left // (hands - hand))
        left -= sizes[-1]
    runs: list[list[T]] = [[] for _ in range(hands)]
    hand = 0
    for item in items:
        while len(runs[hand]) >= sizes[hand]:
            hand = (hand + 1) % hands
        runs[hand].append(item)
        hand = (hand + 1) % hands
    return [item for run in runs for item in run]


# Python's collector in a test worker. A Pilot test leaves its app behind as cycles
# (widgets, their parents, their message queues): some 100,000 objects that only a
# full collection frees. With Python's thresholds the full passes came when they
# would, each walking what the worker held besides: 40 % of the Pilot tests' CPU went
# to the collector. Here the worker collects once after each test, when its app is
# gone, and freezes what is left (``gc.freeze``: modules, fixtures, caches; what
# lives on is not walked again); in between only the young passes run, one per 20,000
# new objects as in the app (collector.py). Measured on tests/tui and tests/room in
# six workers, in the same hour: the collector's time 92 -> 58 s and 75 -> 55 s, the
# CPU 235 -> 185 s and 182 -> 170 s.
#
# The app runs its own full collection in the trainer's pauses, once older passes
# have piled up and no key came for a second. A test's app pauses like that often:
# 0.6 s each time, 11 % of the Pilot tests' CPU (measured with and without, twice
# each). The tests' apps leave it to the collection after each test; the tests of the
# app's collector ask for it again (``APP_PILED``).
#
# Settings of the tests only: the app never runs with them.
APP_PILED = collector.PILED
collector.PILED = collector.NEVER


def pytest_configure(config: pytest.Config) -> None:
    gc.set_threshold(collector.YOUNG, collector.OLDER, collector.NEVER)


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield  # the test's fixtures are torn down: its app is gone
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This worker's warm cache: filled by the first tests that leave one behind."""
    return tmp_path_factory.mktemp("warm-cache")


def _copy_cache(source: Path, target: Path) -> None:
    """The warm cache files of ``source`` that ``target`` lacks, with the owner-only
    modes the cache insists on."""
    if not source.is_dir():
        return
    for name in WARM:
        there = source / name
        if there.is_file() and not (target / name).exists():
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(there, target / name)
            (target / name).chmod(0o600)


@pytest.fixture(autouse=True)
def samen_dirs(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    warm_cache: Path,
) -> Iterator[SamenDirs]:
    root = tmp_path_factory.mktemp("samen-home")
    dirs = SamenDirs(
        root=root,
        sessions=root / "sessions",
        config=root / "config",
        cache=root / "cache",
    )
    monkeypatch.setenv("SAMEN_SESSIONS", str(dirs.sessions))
    monkeypatch.setenv("SAMEN_CONFIG", str(dirs.config))
    monkeypatch.setenv("SAMEN_CACHE", str(dirs.cache))
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(root / "xdg" / name.lower()))
    set_language("nl")
    startcache.reset()
    fresh = request.node.get_closest_marker("fresh_cache") is not None
    if not fresh:
        _copy_cache(warm_cache, dirs.cache)
    yield dirs
    startcache.reset()
    set_language("nl")
    # Textual 8.2.8 caches StylesCache.get_inner_outer with lru_cache(1024) on the
    # instance: every widget's render cache, with all the lines it drew, outlives its
    # app, up to 1,024 of them. A worker then held some 150,000 caches of dead
    # widgets, and each of Python's full collections walked them (0.66 s each, a
    # quarter of the suite's CPU). The tests drop them between tests.
    StylesCache.get_inner_outer.cache_clear()
    if not fresh:
        _copy_cache(dirs.cache, warm_cache)
