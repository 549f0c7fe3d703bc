"""Snapshots of the matrix step (#20) with scores given, at 80x24 and 120x40.

Update with ``pytest tests/snapshots/test_snap_matrix.py --snapshot-update`` after
looking at what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.snapshots.helpers import painted
from tests.tui.conftest import make_app

ROOT = Path(__file__).resolve().parents[2]
MATRIX = ROOT / "tests" / "fixtures" / "matrix.toml"


async def scored(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.press("5", "right", "2", "down", "1", "left", "1")
    pilot.app.clear_notifications()
    await painted(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_matrix(size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    app = make_app(sessions, workshop=str(MATRIX))
    assert snap_compare(app, terminal_size=size, run_before=scored)
