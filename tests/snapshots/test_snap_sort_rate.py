"""Snapshots of the motive mapping (sort) and the ingredient checklist (rate) with data
typed in by keys, at 80x24 and at 120x40.

Update with ``pytest tests/snapshots/test_snap_sort_rate.py --snapshot-update`` after
looking at what changed (``snapshot_report.html``). The clock is frozen and no random
id or date is on screen, so the pictures are the same on every run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.snapshots.helpers import go_to
from tests.tui.conftest import burst, make_app

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run

SIZES = [(80, 24), (120, 40)]
Script = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    pilot.app.clear_notifications()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def sort(pilot: Pilot[Any]) -> None:
    await go_to(pilot, "motieven")
    await burst(pilot, "Omdat ik [b]mensen[/] wil helpen \\ ")
    await pilot.press("enter", "1")
    await burst(pilot, "Impact maken in de wijk")
    await pilot.press("enter", "2")
    await pilot.press("f4", "1")  # Anna de Vries says the next ones
    await burst(pilot, "Subsidie binnenhalen")
    await pilot.press("enter", "3")
    await burst(pilot, "Loyaliteit aan de club")
    await pilot.press("enter", "1")
    await pilot.press("f4", "3")
    await burst(pilot, "Reputatie van de seniorenraad")
    await pilot.press("enter", "enter")
    await pilot.press("down", "right", "right", "down")  # the last card has the focus
    await settle(pilot)


async def rate(pilot: Pilot[Any]) -> None:
    from samen_tui.kinds.rate.view import RateView
    from samen_tui.kinds.rate.view_rows import IngredientRow

    screen = await go_to(pilot, "ingredienten")
    # on a busy machine the view settles on tabs or columns a few frames late: wait for
    # it (and for the focus on the first row) before typing, not for a fixed moment
    for _ in range(200):
        view = screen.step_view
        focused = pilot.app.focused
        if (
            isinstance(view, RateView)
            and view.wide is not None
            and isinstance(focused, IngredientRow)
        ):
            break
        await pilot.pause(0.05)
    await pilot.press("4", "down", "2", "down")
    # everyone rates "Duidelijkheid over belangen": Anna 1, Bert 3, Chloë 5
    await pilot.press("right", "1", "right", "3", "right", "5", "right")
    await pilot.press("down", "3", "n")
    await burst(pilot, "Geen tijd [b]voor[/] elkaar \\ ëéï")
    await pilot.press("enter")
    await pilot.press("down", "down", "1")  # Organisatie en Proces: Duidelijke spelregels
    await pilot.press("up", "up", "up")
    await settle(pilot)


SCRIPTS: dict[str, Script] = {"sort": sort, "rate": rate}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", list(SCRIPTS))
def test_sort_rate(kind: str, size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    assert snap_compare(make_app(sessions), terminal_size=size, run_before=SCRIPTS[kind])
