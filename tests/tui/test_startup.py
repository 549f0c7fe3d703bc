"""Starting: the garbage collector is off while `samen` starts and back on, with what
starting made frozen, once the first screen is painted."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from samen_tui import cli
from tests.tui.conftest import make_app, walk_screen


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector as the test found it (what the worker had frozen is frozen
    again after the test: ``tests/conftest.py``)."""
    was = gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
        else:  # pragma: no cover - pytest runs with it on
            gc.disable()


def test_run_app_starts_with_the_collector_off_and_always_turns_it_back_on(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    seen: list[bool] = []

    def fake(args: argparse.Namespace, command: str, config: object = None) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("the app failed to start")

    monkeypatch.setattr(cli, "_run_app", fake)
    with pytest.raises(RuntimeError):
        cli.run_app(argparse.Namespace(), "run")
    assert seen == [False]
    assert gc.isenabled()


async def test_the_app_turns_the_collector_on_once_painted(tmp_path: Path, collector: None) -> None:
    gc.disable()  # as cli.run_app leaves it
    frozen_before = gc.get_freeze_count()
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app)
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen_before  # starting's objects left out


async def test_an_app_started_with_the_collector_on_does_not_freeze(
    tmp_path: Path, collector: None
) -> None:
    """Tests and embedders that never turned it off are left as they are."""
    frozen_before = gc.get_freeze_count()
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        # nothing more frozen (what the worker froze can only be freed meanwhile)
        assert gc.get_freeze_count() <= frozen_before
