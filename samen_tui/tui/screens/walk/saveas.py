"""Save as, from the walk screen: the session goes on in another file, under that
file's lock. A file another copy of the app holds (or where no lock can be made) is
refused with the reason, and the session stays where it was."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from samen_tui.session.lock import SessionLock
from samen_tui.session.targets import same_place

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen


def move_to(screen: WalkScreen, target: Path) -> bool:
    """Save the session at ``target`` from now on: its lock claimed first (refused:
    said, and nothing changes), the autosaver retargeted, the old lock let go.
    True when the session moved (or ``target`` is where it already is)."""
    if screen.capture.saver is None:
        return False
    if same_place(target, screen.path):
        screen.capture.save_to(screen.path)
        return True
    lock = SessionLock(target)
    refusal = lock.claim()
    if refusal is not None:
        screen.notify(refusal, severity="error", timeout=15, markup=False)
        return False
    old_release = screen.hand_over_release(lock.release)
    screen.capture.save_to(target)
    old, screen.path = screen.path, target
    screen.joining.moved(old)  # the room finds the join address beside the session
    if old_release is not None:
        old_release()
    return True


def ask_save_as(screen: WalkScreen) -> None:
    """The save-as dialog, then :func:`move_to` the file chosen."""
    from samen_tui.tui.screens.dialogs import SaveAsDialog

    def chosen(value: str | None) -> None:
        if not value or screen.capture.saver is None:
            return
        target = Path(value).expanduser()
        if target.is_dir():
            target = target / screen.path.name
        move_to(screen, target)

    screen.app.push_screen(SaveAsDialog(screen.path), chosen)
