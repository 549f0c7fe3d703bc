"""Snapshots of the room (``samen room``) on a step of each kind, at the sizes a
zoomed beamer terminal has: 60x18, 80x24 and 160x45; and blank.

The session is written by value (``tests/room/helpers.py``), its file time fixed and
the room's clock fixed 42 seconds after it; the trainer's app is "here" (this test
holds the session's lock), so the digits run and the line names the session. The
ratings and the dot votes are revealed (the hidden state is tested with Pilot).

Update with ``pytest tests/snapshots/test_snap_room.py --snapshot-update`` after
looking at what changed (``snapshot_report.html``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from samen_tui import paths
from samen_tui.session.lock import SessionLock
from samen_tui.tui.room.app import RoomApp
from tests.room.helpers import NOW, STEP_OF_KIND, full_session, write

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run

SIZES = [(60, 18), (80, 24), (160, 45)]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def room_app(folder: Path, step: str, *, blank: bool = False) -> tuple[RoomApp, Path]:
    session = full_session(step)
    session.room.revealed += ["ingredienten", "wat-helpt"]
    session.room.blank = blank
    path = write(session, folder)
    app = RoomApp(
        path, folder, paths.workshop_dirs(), clock=lambda: NOW, poll_every=None, look_every=None
    )
    return app, path


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", list(STEP_OF_KIND))
def test_room(kind: str, size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    app, path = room_app(tmp_path / "s", STEP_OF_KIND[kind])
    with SessionLock(path) as lock:
        assert lock.held
        assert snap_compare(app, terminal_size=size, run_before=settle)


def test_room_blank(snap_compare: Any, tmp_path: Path) -> None:
    app, path = room_app(tmp_path / "s", "motieven", blank=True)
    with SessionLock(path):
        assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
