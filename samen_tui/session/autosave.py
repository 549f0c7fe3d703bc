"""Background saving: the newest snapshot of a session reaches disk within a second.

The UI thread hands over a *snapshot* (plain data from ``Session.to_dict``, taken
on the UI thread so no thread ever reads a session that is being changed); a
single writer thread turns it into TOML and saves it atomically. If a newer
snapshot arrives while one is being written, only the newest is written next.
A failed save is reported through ``on_error`` and the snapshot is kept, so the
next ``submit`` or ``retry`` (perhaps to another path) writes it. Never imports
textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samen_tui.session.store import save_data


class AutoSaver:
    def __init__(
        self,
        path: Path,
        *,
        on_error: Callable[[Exception], None] | None = None,
        on_saved: Callable[[Path], None] | None = None,
    ) -> None:
        self.path = path
        self._on_error = on_error
        self._on_saved = on_saved
        self._lock = threading.Condition()
        self._pending: dict[str, Any] | None = None
        self._busy = False
        self._closed = False
        self.failed: Exception | None = None
        self.saves = 0
        self._thread = threading.Thread(target=self._run, name="samen-autosave", daemon=True)
        self._thread.start()

    def submit(self, data: dict[str, Any]) -> None:
        """Queue a snapshot; it replaces any snapshot not yet written."""
        with self._lock:
            self._pending = data
            self._lock.notify_all()

    def retarget(self, path: Path) -> None:
        """Save to another path from now on (``save a copy as``, or after a failure)."""
        with self._lock:
            self.path = path

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued snapshot is written (or failed); True if all written."""
        with self._lock:
            self._lock.wait_for(lambda: self._pending is None and not self._busy, timeout)
            return self._pending is None and not self._busy and self.failed is None

    def close(self, timeout: float = 5.0) -> bool:
        ok = self.flush(timeout)
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout)
        return ok

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None and self._closed:
                    return
                data, self._pending = self._pending, None
                path = self.path
                self._busy = True
            error: Exception | None = None
            try:
                assert data is not None
                save_data(data, path)
            except Exception as exc:  # reported to the UI; the data stays in memory
                error = exc
            with self._lock:
                self._busy = False
                if error is not None:
                    self.failed = error
                else:
                    self.failed = None
                    self.saves += 1
                self._lock.notify_all()
            if error is not None:
                if self._on_error:
                    self._on_error(error)
            elif self._on_saved:
                self._on_saved(path)
