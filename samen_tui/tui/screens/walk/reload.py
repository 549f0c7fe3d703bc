"""Live reload of the workshop file under the walk screen.

The facilitator edits the workshop file while the session runs: every
``RELOAD_POLL`` seconds the screen asks its :class:`WorkshopWatch` whether the
file's size or modification time changed, and on a change reads it again with
:func:`read_again`. A broken file gives its problems (``file:line:col: what is
wrong``) for a notification, and the session runs on with the workshop it had; a
good one the screen applies (``WalkScreen.apply_workshop``: the records of removed
steps are kept aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from samen_tui.i18n import t
from samen_tui.session.migrate import Changes, reconcile
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.workshop.model import Workshop

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen

RELOAD_POLL = 0.5
"""Seconds between two looks at the workshop file's size and modification time."""
MAX_PROBLEMS_SHOWN = 8


def stamp(path: Path | None) -> tuple[int, int] | None:
    """Modification time and size of a file (None: no file, or unreadable)."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class WorkshopWatch:
    """Whether the workshop file changed since it was last looked at."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stamp = stamp(path)

    def changed(self) -> bool:
        now = stamp(self.path)
        if now is None or now == self._stamp:
            return False
        self._stamp = now
        return True


def read_again(workshop: Workshop) -> Workshop | str | None:
    """The workshop file of ``workshop`` read again: the new workshop, or the text of
    its problems (at most ``MAX_PROBLEMS_SHOWN``, and how many more), or None when it
    has no file or did not change."""
    from samen_tui.workshop.loader import WorkshopError, load_workshop

    path = workshop.path
    if path is None:
        return None
    try:
        loaded = load_workshop(path)
    except WorkshopError as exc:
        lines = [str(p) for p in exc.problems]
        more = len(lines) - MAX_PROBLEMS_SHOWN
        text = "\n".join(lines[:MAX_PROBLEMS_SHOWN])
        if more > 0:
            text += "\n" + t("reload.more", n=more)
        return text
    if loaded.fingerprint == workshop.fingerprint:
        return None
    return loaded


class ReloadsWorkshop:
    """The walk screen's side of a live reload (mixed in before ``Screen``): look at
    the file, read it again, and run on with what it now says."""

    def _watch_workshop(self) -> None:
        """The facilitator saved the workshop file: show the change, or its errors."""
        screen = cast("WalkScreen", self)
        if screen.workshop_watch is not None and screen.workshop_watch.changed():
            screen.reload_workshop()

    def reload_workshop(self) -> Changes | None:
        screen = cast("WalkScreen", self)
        loaded = read_again(screen.workshop)
        if isinstance(loaded, str):
            screen.notify(
                loaded, title=t("reload.invalid"), severity="error", timeout=20, markup=False
            )
            return None
        return None if loaded is None else screen.apply_workshop(loaded)

    def apply_workshop(self, workshop: Workshop) -> Changes:
        """Run on with a changed workshop: records of removed steps are kept aside."""
        screen = cast("WalkScreen", self)
        screen._account_time()
        changes = reconcile(screen.session, workshop)
        screen.capture.workshop = workshop
        screen._steps = workshop.steps()
        screen.forget_views()
        agenda = screen.query_one(AgendaPanel)
        agenda.workshop = workshop
        screen.title = workshop.title
        screen.capture.mark_dirty()
        screen.show_step(screen.session.current)
        screen.notify(
            t("reload.applied", added=len(changes.added), removed=len(changes.removed)),
            title=t("reload.title"),
        )
        return changes
