"""Snapshots of a rate step with ``chart = "radar"`` (#20), the Positieve Gezondheid
example scored: in the trainer's view at 120x40 (the web below the list) and at 80x24
after g (the web instead of the list), and in the room at 80x24 and 160x45.

Update with ``pytest tests/snapshots/test_snap_radar.py --snapshot-update`` after
looking at what changed (``snapshot_report.html``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.tui.screens.walk import WalkScreen
from tests.room.test_room_radar import SCORES, health_session, room
from tests.snapshots.helpers import painted
from tests.tui.conftest import make_app
from tests.tui.test_rate_radar_view import EXAMPLE

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def scored(keys: tuple[str, ...]) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, WalkScreen)
        screen.session.records["dimensies"] = RateRecord(
            ratings={k: Rating(by=dict(v)) for k, v in SCORES.items()}
        )
        screen.go_to("dimensies")
        await pilot.pause()
        await pilot.pause()
        await painted(pilot)
        await pilot.press(*keys)
        await painted(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    return run


@pytest.mark.parametrize(
    ("size", "keys"),
    [((120, 40), ("right",)), ((80, 24), ("g",))],
    ids=["120x40", "80x24-g"],
)
def test_view(
    size: tuple[int, int], keys: tuple[str, ...], snap_compare: Any, tmp_path: Path
) -> None:
    app = make_app(tmp_path / "s", workshop=EXAMPLE)
    assert snap_compare(app, terminal_size=size, run_before=scored(keys))


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_room(size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    app = room(tmp_path, health_session(tmp_path / "workshops"))
    assert snap_compare(app, terminal_size=size, run_before=settle)
