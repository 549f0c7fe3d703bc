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

from samen_tui.session.model import Participant
from samen_tui.tui.app import Launch, SamenApp
from samen_tui.tui.screens.walk import WalkScreen

SIZES = [(80, 24), (120, 40)]
Script = Callable[[Pilot[Any]], Awaitable[None]]


def make_app(sessions: Path) -> SamenApp:
    """`samen run samen-ouder-worden` on a temporary folder, the clock frozen."""
    return SamenApp(
        Launch(
            mode="run",
            workshop="samen-ouder-worden",
            title="Testsessie",
            sessions_dir=sessions,
            extra={"frozen_clock": True},
        )
    )


async def go_to(pilot: Pilot[Any], step_id: str) -> WalkScreen:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    screen.session.participants += [
        Participant(id="p1", name="Anna de Vries", organisation="Gemeente Zeist"),
        Participant(id="p2", name="Bert Jansen", organisation="Welzijn Zeist"),
        Participant(id="p3", name="Chloë Bakker", organisation="Seniorenraad"),
    ]
    screen.go_to(step_id)
    await pilot.pause()
    await pilot.pause()
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    pilot.app.clear_notifications()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def sort(pilot: Pilot[Any]) -> None:
    await go_to(pilot, "motieven")
    await pilot.press(*r"Omdat ik [b]mensen[/] wil helpen \ ", "enter", "1")
    await pilot.press(*"Impact maken in de wijk", "enter", "2")
    await pilot.press("f4", "1")  # Anna de Vries says the next ones
    await pilot.press(*"Subsidie binnenhalen", "enter", "3")
    await pilot.press(*"Loyaliteit aan de club", "enter", "1")
    await pilot.press("f4", "3", *"Reputatie van de seniorenraad", "enter", "enter")
    await pilot.press("down", "right", "right", "down")  # the last card has the focus
    await settle(pilot)


async def rate(pilot: Pilot[Any]) -> None:
    from samen_tui.tui.steps.rate import IngredientRow, RateView

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
    await pilot.press("down", "3", "n", *r"Geen tijd [b]voor[/] elkaar \ ëéï", "enter")
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
