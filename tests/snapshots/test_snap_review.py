"""Snapshots of the review table and the compare screen at 80x24 and 120x40.

The sessions come from ``tests/fixtures/sessions.py`` (fixed dates, fixed seed) and
the folder is given as a relative path, as in ``samen --sessions sessies review``,
so nothing in the picture depends on where the test runs.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from samen_tui.tui.app import Launch, SamenApp
from samen_tui.tui.screens.review import ReviewScreen, SessionTable
from tests.fixtures import sessions as fx

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run

SIZES = [(80, 24), (120, 40)]
FOLDER = Path("sessies")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    paths: list[Path] = fx.write_sessions(FOLDER, 30)
    (FOLDER / "kapot.toml").write_bytes(b'title = "[b]half\n')
    return paths


def review_app() -> SamenApp:
    return SamenApp(Launch(mode="review", sessions_dir=FOLDER, extra={"frozen_clock": True}))


async def loaded(pilot: Pilot[Any]) -> None:
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and not screen.reading:
            await pilot.pause()  # and laid out
            return
    raise AssertionError("the review did not load")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_table(snap_compare: Any, folder: list[Path], size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        await pilot.press("down", "space", "down")  # one marked, the cursor below it
        await pilot.pause()

    assert snap_compare(review_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_screen(snap_compare: Any, folder: list[Path], size: tuple[int, int]) -> None:
    finished = [p for p in folder if "ended" in tomllib.loads(p.read_text(encoding="utf-8"))]
    chosen = finished[:2]

    async def run_before(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        table = pilot.app.screen.query_one("#review-table", SessionTable)
        for path in chosen:
            table.move_cursor(row=table.get_row_index(str(path)))
            await pilot.press("space")
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(review_app(), terminal_size=size, run_before=run_before)
