"""Shrinking the terminal to 40x12 and back to 120x40 on every screen never crashes.

In-process (Pilot): the start screen, the new-session dialog, the walk screen on
every step (quick mode: one step of each kind; the conversation with a flow chosen,
the rating with its note open), help (F1), the command palette, the path, export
and quit dialogs, and the review screen (and compare, if present). At 40x12 the
screen is rendered in full (a screenshot; at every size in full mode, which adds
80x24), and the app must still be on the same screen afterwards. One more test does
the same to the real app on a pty (TIOCSWINSZ + SIGWINCH).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import RadioButton

from tests.reliability.helpers import FULL, new_session_file, report
from tests.reliability.pty_app import PtyApp
from tests.tui.conftest import make_app, walk_screen

pytestmark = pytest.mark.slow  # a real pty: still run by .ci/run

SMALL = (40, 12)
BIG = (120, 40)
SIZES = [SMALL, (80, 24), BIG] if FULL else [SMALL, BIG]


class Resizer:
    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.count = 0
        self.screens: list[str] = []

    async def cycle(self, label: str) -> None:
        """Every size in turn, a full render at each; the same screen at the end."""
        app = self.pilot.app
        before = app.screen
        for width, height in SIZES:
            await self.pilot.resize_terminal(width, height)  # pauses until idle
            for _ in range(100):  # a busy app may take a moment more to handle the Resize
                if app.size == (width, height):
                    break
                await self.pilot.pause(0.05)
            assert app.size == (width, height), f"{label}: still {app.size}"
            if FULL or (width, height) == SMALL:
                app.export_screenshot()  # a full render at this size
            self.count += 1
        assert app.screen is before, f"{label}: the screen changed while resizing"
        self.screens.append(label)


async def test_every_screen_survives_40x12_and_back(sessions: Path) -> None:
    new_session_file(sessions, title="Eerdere sessie", participants=("Anna", "Bert"))
    app = make_app(sessions, mode="start")
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        r = Resizer(pilot)
        await r.cycle("start")
        await pilot.press("n")
        await pilot.pause()
        await r.cycle("new session dialog")
        app.screen.query_one("#title").value = "Groot en klein"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        screen = walk_screen(app)
        kinds: set[str] = set()
        for _item, step in screen._steps:
            if step.KIND in kinds and not FULL:
                continue  # quick mode: one step of each kind (same widgets)
            kinds.add(step.KIND)
            screen.go_to(step.id)
            await pilot.pause()
            if step.KIND == "conversation":
                screen.step_view.query_one("#flow-barb", RadioButton).value = True
                await pilot.pause()
            if step.KIND == "rate":
                rows = list(screen.step_view.query(".rate-row"))
                rows[0].focus()
                await pilot.press("n")
                await pilot.pause()
            await r.cycle(f"walk: {step.id}")
        await pilot.press("f1")
        await pilot.pause()
        await r.cycle("help")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await r.cycle("command palette")
        await pilot.press("escape")
        await pilot.pause()
        for label, action in (
            ("save as dialog", screen.action_save_as),
            ("export dialog", screen.action_export),
        ):
            action()
            await pilot.pause()
            await r.cycle(label)
            await pilot.press("escape")
            await pilot.pause()
        from samen_tui.tui.screens.dialogs import ConfirmDialog

        app.push_screen(ConfirmDialog("Toch afsluiten? " * 8, "Ja", "Nee"))
        await pilot.pause()
        await r.cycle("confirm dialog")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # review (and compare), when this version has them
        try:
            from samen_tui.tui.screens.review import ReviewScreen  # noqa: F401
        except ImportError:
            pass
        else:
            app.open_review()
            await pilot.pause()
            review = app.screen
            for _ in range(100):
                if not getattr(review, "loading", False):
                    break
                await pilot.pause(0.05)
            await r.cycle("review")
            if hasattr(review, "action_compare"):
                await pilot.press("space", "down", "space", "c")
                await pilot.pause()
                if app.screen is not review:
                    await r.cycle(f"review: {type(app.screen).__name__}")
                    await pilot.press("escape")
                    await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    sizes = ", ".join(f"{w}x{h}" for w, h in SIZES)
    report(
        "resize",
        f"{len(r.screens)} screens x {len(SIZES)} sizes ({sizes}) = {r.count} "
        f"resizes, never a crash",
    )


def test_the_real_app_survives_sigwinch(sessions: Path) -> None:
    path = new_session_file(sessions, participants=("Anna",))
    with PtyApp(["--sessions", str(sessions), "resume", str(path)]) as app:
        app.wait_for_text("›  Wie is er?", 60)
        resizes = 0
        for width, height in [SMALL, BIG, SMALL, (80, 24), BIG] * 2:
            app.resize(width, height)
            resizes += 1
            time.sleep(0.3)
            assert app.alive, app.tail()
        app.type("Bert", 0.02)
        app.press("enter")
        from tests.reliability.helpers import names_in

        app.wait_for(lambda: names_in(path) == ["Anna", "Bert"], 20, "Bert saved")
        app.press("ctrl+q")
        assert app.wait() == 0, app.tail()
    from tests.reliability.helpers import names_in

    assert names_in(path) == ["Anna", "Bert"]
    report("resize", f"real app on a pty: {resizes} SIGWINCH resizes, then typed and quit")
