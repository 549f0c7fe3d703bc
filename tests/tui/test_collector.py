"""The garbage collector's passes wait for a pause between keys (collector.py)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from samen_tui.tui import collector
from samen_tui.tui.collector import IDLE, NEVER, YOUNG, IdleCollector
from tests.conftest import APP_PILED as PILED
from tests.tui.conftest import make_app


@pytest.fixture(autouse=True)
def piled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's own setting, which the other tests turn off (``tests/conftest.py``)."""
    monkeypatch.setattr(collector, "PILED", PILED)


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def test_thresholds_while_running_and_pythons_back_after(thresholds: object) -> None:
    idle = IdleCollector()
    idle.start()
    assert gc.get_threshold() == (YOUNG, 10, NEVER)
    idle.stop()
    assert gc.get_threshold() == thresholds


def test_the_full_pass_waits_for_a_pause_and_for_older_passes_to_pile_up(
    thresholds: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes: list[int] = []
    counts = [(0, 0, PILED)]
    monkeypatch.setattr(collector.gc, "collect", lambda *a: passes.append(1) or 0)
    monkeypatch.setattr(collector.gc, "get_count", lambda: counts[0])
    clock = [1000.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: clock[0])
    idle = IdleCollector()
    assert not idle.tick()  # not started: Python's own settings, nothing of ours
    idle.start()
    idle.touched()
    clock[0] += IDLE / 2
    assert not idle.tick()  # the trainer is busy
    clock[0] += IDLE
    assert idle.tick() and passes == [1]
    counts[0] = (0, 0, PILED - 1)
    clock[0] += 10 * IDLE
    assert not idle.tick()  # too little has piled up since
    idle.stop()


async def test_the_app_sets_the_collector_and_a_key_postpones_the_full_pass(
    sessions: Path, thresholds: object
) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_threshold() == (YOUNG, 10, NEVER)
        before = app.collector.last_input
        time.sleep(0.01)
        await pilot.press("f1")
        assert app.collector.last_input > before
        await pilot.press("escape")
    assert gc.get_threshold() == thresholds


async def test_the_app_runs_the_full_pass_in_a_pause(
    sessions: Path, thresholds: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collector, "IDLE", 0.0)  # any moment is a pause
    monkeypatch.setattr(collector, "PILED", 0)  # and enough has piled up
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(40):  # the app looks every IDLE_LOOK (0.5 s)
            await pilot.pause(0.05)
            if app.collector.full_passes:
                break
        assert app.collector.full_passes >= 1
