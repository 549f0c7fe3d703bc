"""The two places the app writes a file the trainer names (#16, the security hooks):
save-as moves the session's lock with it (a file another copy holds is refused and
the session stays); the export dialog never writes over the session and asks before
it replaces another file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, Label

from samen_tui.session.lock import SessionLock
from samen_tui.tui.screens.dialogs import ConfirmDialog, ExportDialog
from samen_tui.tui.screens.walk.saveas import move_to
from tests.reliability.helpers import messages
from tests.tui.conftest import make_app, until, walk_screen

HOLD = """
import sys, time
from samen_tui.session.lock import SessionLock
lock = SessionLock(sys.argv[1])
assert lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


async def test_save_as_onto_a_file_another_copy_holds_is_refused(
    sessions: Path, tmp_path: Path
) -> None:
    target = tmp_path / "bezet.toml"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        app = make_app(sessions, title="Slot")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = walk_screen(app)
            own = screen.path
            assert not move_to(screen, target)
            await pilot.pause()
            assert screen.path == own
            assert any(str(holder.pid) in m for m in messages(app)), messages(app)
            assert screen.save_now()
            assert not target.exists(), "the session was saved onto a file another copy holds"
            await pilot.press("ctrl+q")
            await pilot.pause()
    finally:
        holder.communicate("", timeout=10)


async def test_save_as_moves_the_lock_with_the_session(sessions: Path, tmp_path: Path) -> None:
    target = tmp_path / "kopie.toml"
    app = make_app(sessions, title="Verhuizen")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        own = screen.path
        assert SessionLock(own).claim() is not None  # this copy holds it
        assert move_to(screen, target)
        assert screen.save_now()
        assert screen.path == target and target.exists()
        other = SessionLock(own)
        assert other.claim() is None, "the old file's lock was kept"
        other.release()
        assert SessionLock(target).claim() is not None, "the new file is not locked"
        # the own file again: nothing to swap
        assert move_to(screen, target) and screen.path == target
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert SessionLock(target).claim() is None  # let go on quitting


async def test_export_dialog_refuses_the_session_and_asks_before_overwriting(
    sessions: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "verslag.md"
    existing.write_text("oud verslag\n", "utf-8")
    app = make_app(sessions, title="Export")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert screen.save_now()
        before = screen.path.read_bytes()
        screen.action_export()
        await until(
            pilot, lambda: isinstance(app.screen, ExportDialog) and app.screen.query("#path")
        )
        field = app.screen.query_one("#path", Input)

        # the session itself: the reason, and the dialog stays
        field.value = str(screen.path)
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        shown = str(app.screen.query_one("#path-error", Label).render())
        assert "de sessie zelf" in shown, shown
        assert screen.path.read_bytes() == before

        # another file: asked, escape is no
        field.value = str(existing)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert existing.read_text("utf-8") == "oud verslag\n"

        # yes: written
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")
        await until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert existing.read_text("utf-8").startswith("# "), existing.read_text("utf-8")[:80]
        assert screen.path.read_bytes() == before
        await pilot.press("ctrl+q")
        await pilot.pause()
