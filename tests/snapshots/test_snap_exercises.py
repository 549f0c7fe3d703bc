"""Snapshots of the four exercises (brainstorm, conversation, questions, actions) with
some data typed in, at 80x24 and at 120x40.

Update with ``pytest tests/snapshots/test_snap_exercises.py --snapshot-update`` after
looking at what changed (``snapshot_report.html``). The clock is frozen and no random
id or date is on screen, so the pictures are the same on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from samen_tui.kinds.actions.record import Action
from samen_tui.kinds.conversation.record import ConversationRecord
from samen_tui.tui.screens.walk import WalkScreen
from tests.snapshots.helpers import go_to
from tests.tui.conftest import burst, make_app

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run

SIZES = [(80, 24), (120, 40)]
Script = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    """No toasts, and a steady cursor: the picture does not depend on the moment."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def brainstorm(pilot: Pilot[Any]) -> None:
    await go_to(pilot, "wat-helpt")
    for text in ("Tijd en geld", "Een trekker met mandaat", r"Vertrouwen [b]x[/] \ ë"):
        await burst(pilot, text)
        await pilot.press("enter")
    await pilot.press("tab", "tab")
    for text in ("Samen leren", "Korte lijnen"):
        await burst(pilot, text)
        await pilot.press("enter")
    await pilot.press("tab", "tab")
    await burst(pilot, "Wantrouwen")
    await pilot.press("enter")
    # Anna: two dots on "Een trekker", one on "Korte lijnen"; Bert: one on "Tijd en geld"
    await pilot.press("shift+tab", "shift+tab", "shift+tab", "home", "down", "plus", "plus")
    await pilot.press("tab", "tab", "end", "plus", "v", "shift+tab", "shift+tab", "home", "plus")
    await settle(pilot)


async def conversation(pilot: Pilot[Any]) -> None:
    await go_to(pilot, "gesprekken")
    await pilot.press("down", "enter")  # BARB
    await pilot.pause()
    await pilot.press("tab")
    await burst(pilot, "Iedereen wil meer [b]samen[/] doen.")
    await pilot.press("tab", "tab")
    await burst(pilot, "Gemeente Zeist")
    await pilot.press("tab")
    await burst(pilot, "Budget voorleggen")
    await pilot.press("tab")
    await burst(pilot, "Anna de Vries")
    await pilot.press("tab")
    await burst(pilot, "5-12-2026")
    await pilot.press("enter")
    await pilot.press(*["tab"] * 7)
    await burst(pilot, "We starten een pilot")
    await pilot.press("enter", "tab", "tab")
    await burst(pilot, "Bert Jansen")
    await pilot.press("tab")
    await burst(pilot, "Flyer maken")
    await pilot.press("tab")
    await burst(pilot, "15-1-2027")
    await pilot.press("enter")
    await burst(pilot, "Chloë Bakker")
    await pilot.press("tab")
    await burst(pilot, "Ouderen uitnodigen")
    await pilot.press("tab")
    await burst(pilot, "31-02-2027")
    await pilot.press("enter")
    await pilot.press("ctrl+u")
    await burst(pilot, "3-2-2027")
    await pilot.press("enter")  # after "31-02-2027 is geen bestaande datum"
    await settle(pilot)


async def questions(pilot: Pilot[Any]) -> None:
    await go_to(pilot, "startvragen")
    await burst(pilot, "Goed ouder worden in de wijk")
    await pilot.press("enter")
    await burst(pilot, "Mensen, niet systemen")
    await pilot.press("tab", "enter", "down", "down", "enter", "enter")
    await pilot.press("tab", "tab", "tab")
    await burst(pilot, "Eigen regie \\ [i]keuzevrijheid[/]")
    await pilot.press("enter")
    await settle(pilot)


async def actions(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    conversation = screen.session.record("gesprekken", "conversation")
    assert isinstance(conversation, ConversationRecord)
    conversation.flow = "bob"
    conversation.actions += [
        Action(
            id="a1", who="p1", what="Flyer [b]maken[/] en verspreiden", when=dt.date(2026, 12, 5)
        ),
        Action(id="a2", who="De wethouder", what="Budget regelen", status="done"),
    ]
    await go_to(pilot, "afspraken")
    await burst(pilot, "Chloë Bakker")
    await pilot.press("tab")
    await burst(pilot, "Verslag rondsturen")
    await pilot.press("tab")
    await burst(pilot, "2026-12-24")
    await pilot.press("enter")
    await settle(pilot)


SCRIPTS: dict[str, Script] = {
    "brainstorm": brainstorm,
    "conversation": conversation,
    "questions": questions,
    "actions": actions,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", list(SCRIPTS))
def test_exercise(kind: str, size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    assert snap_compare(make_app(sessions), terminal_size=size, run_before=SCRIPTS[kind])
