"""The walk screen's changes to the session: undo, bursts of typing, autosave.

:class:`WalkCapture` is what the step views of the walk screen get as their
``capture`` (see ``samen_tui.tui.steps.base.Capture``): every change a view makes
goes through :meth:`WalkCapture.change` (an undo snapshot before, autosave after),
typing in a field through :meth:`WalkCapture.typing` (one undo step per burst). The
session is handed to the autosave writer thread (``session/autosave.py``) every
``AUTOSAVE_TICK`` seconds when it changed (:meth:`WalkCapture.autosave`), and written
at once, and waited for, by :meth:`WalkCapture.save_now`.

It holds no widget: the screen tells it how to warn and hears of each change.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from samen_tui.session.autosave import AutoSaver
from samen_tui.session.migrate import reconcile
from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop

UNDO_LIMIT = 200
TYPING_BURST = 2.0
"""Seconds of quiet after which typing in a field starts a new undo step."""
AUTOSAVE_TICK = 0.25
"""Seconds between two looks at whether the session changed (and goes to the writer)."""


class WalkCapture:
    """The session of a walk screen, and every change to it."""

    def __init__(
        self,
        session: Session,
        workshop: Workshop,
        path: Path,
        *,
        read_only: bool,
        refused: Callable[[], None],
        changed: Callable[[str, bool], None],
        save_failed: Callable[[Exception], None],
        saved: Callable[[Path], None],
    ) -> None:
        """``refused()`` is called when a read-only session is asked to change;
        ``changed(step_id, mark)`` after a change made while on ``step_id`` (``mark``:
        whether that changed if the step holds anything). ``save_failed`` and ``saved``
        are called on the writer thread (see ``AutoSaver``)."""
        self.session = session
        self.workshop = workshop
        self.read_only = read_only
        self._refused = refused
        self._changed = changed
        self._undo: list[dict[str, Any]] = []
        """Snapshots (``Session.to_dict``) before each change, the last one last."""
        self._typing_key = ""
        self._typing_at = 0.0
        self.dirty = False
        """The session changed since it was last handed to the writer thread."""
        self.saver: AutoSaver | None = None
        if not read_only:
            self.saver = AutoSaver(path, on_error=save_failed, on_saved=saved)

    # ------------------------------------------------------------------ changes

    @contextlib.contextmanager
    def change(self) -> Iterator[None]:
        """Wrap every change to the session: undo snapshot before, autosave after."""
        if self.read_only:
            self._refused()
            raise PermissionError("read-only session")
        snapshot = self.session.to_dict()
        step_id = self.session.current
        was_done = self.captured(step_id)
        yield
        self._push_undo(snapshot)
        self._typing_key = ""
        self.mark_dirty()
        self._changed(step_id, self.captured(step_id) != was_done)

    def captured(self, step_id: str) -> bool:
        """Whether the session holds anything for a step."""
        record = self.session.records.get(step_id)
        return record is not None and not record.is_empty()

    def typing(self, key: str) -> None:
        """A text field is being typed in: one undo step per burst."""
        if self.read_only:
            return
        moment = time.monotonic()
        if key != self._typing_key or moment - self._typing_at > TYPING_BURST:
            self._push_undo(self.session.to_dict())
        self._typing_key = key
        self._typing_at = moment
        self.mark_dirty()

    def _push_undo(self, snapshot: dict[str, Any]) -> None:
        self._undo.append(snapshot)
        del self._undo[:-UNDO_LIMIT]

    def undo(self) -> bool:
        """Take back the last change (the session is replaced by the one before it);
        False if there is nothing to take back."""
        if self.read_only or not self._undo:
            return False
        restored = Session.from_dict(self._undo.pop())
        # time and place move on: undo takes back captures, not the clock (nor what
        # the room's screen shows)
        restored.items = self.session.items
        restored.current = self.session.current
        restored.paused = self.session.paused
        restored.room = self.session.room
        reconcile(restored, self.workshop)
        self.session = restored
        self._typing_key = ""
        self.mark_dirty()
        return True

    # ------------------------------------------------------------------ saving

    def mark_dirty(self) -> None:
        if not self.read_only:
            self.dirty = True

    def autosave(self) -> None:
        """Hand the session to the writer thread if it changed."""
        if self.dirty and self.saver is not None:
            self.dirty = False
            self.saver.submit(self.session.to_dict())

    def save_now(self, timeout: float = 5.0) -> bool:
        """Write the session now and wait for it; True once it is on disk."""
        if self.saver is None:
            return True
        self.dirty = False
        self.saver.submit(self.session.to_dict())
        return self.saver.flush(timeout)

    def save_to(self, target: Path) -> None:
        """From now on save to ``target`` (and soon)."""
        if self.saver is not None:
            self.saver.retarget(target)
            self.dirty = True

    def close(self) -> bool:
        """Save and stop the writer; True if everything reached the disk."""
        if self.saver is None:
            return True
        ok = self.save_now()
        self.saver.close()
        self.saver = None
        return ok
