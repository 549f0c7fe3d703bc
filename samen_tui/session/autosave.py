"""Background saving: the newest snapshot of a session reaches disk within a second.

The UI thread hands over a *snapshot* (plain data from ``Session.to_dict``, taken
on the UI thread so no thread ever reads a session that is being changed); a
single writer thread turns it into TOML and saves it atomically. If a newer
snapshot arrives while one is being written, only the newest is written next.
A failed save is reported through ``on_error`` and the snapshot is kept: the
writer tries it again by itself (after a second, then waiting a little longer each
time, up to ``retry_max`` seconds), so a change lands once the disk is back without
another edit. A newer ``submit`` replaces it, and ``retarget`` (save a copy
elsewhere) tries it at once at the new path. Never imports textual.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samen_tui.session.saving import save_data

RETRY_FIRST = 1.0
"""Seconds before the first new try of a snapshot that failed to save."""
RETRY_MAX = 10.0
"""The longest wait between two tries (each wait is 1.5 times the one before)."""


class AutoSaver:
    def __init__(
        self,
        path: Path,
        *,
        on_error: Callable[[Exception], None] | None = None,
        on_saved: Callable[[Path], None] | None = None,
        save: Callable[[dict[str, Any], Path], None] | None = None,
        retry_first: float = RETRY_FIRST,
        retry_max: float = RETRY_MAX,
    ) -> None:
        self.path = path
        self._on_error = on_error
        self._on_saved = on_saved
        self._save = save
        """How to write a snapshot (tests); ``None``: this module's ``save_data``, looked
        up at each save (the benchmark wraps it to count the saves per thread)."""
        self._retry_first = retry_first
        self._retry_max = retry_max
        self._lock = threading.Condition()
        self._pending: dict[str, Any] | None = None
        self._unsaved: dict[str, Any] | None = None
        """The newest snapshot, after it failed to save (tried again at ``_retry_at``)."""
        self._retry_at = 0.0
        self._retry_wait = retry_first
        self._busy = False
        self._closed = False
        self._closing = False
        self._reporting = False
        self.attempts = 0
        self.failed: Exception | None = None
        self.saves = 0
        self._thread = threading.Thread(target=self._run, name="samen-autosave", daemon=True)
        self._thread.start()

    @property
    def settled(self) -> bool:
        """Everything handed to the writer was tried, and the UI was told how it went
        (a failed snapshot may still be tried again later)."""
        with self._lock:
            return self._pending is None and not self._busy and not self._reporting

    def submit(self, data: dict[str, Any]) -> None:
        """Queue a snapshot; it replaces any snapshot not yet written."""
        with self._lock:
            self._pending = data
            self._lock.notify_all()

    def retarget(self, path: Path) -> None:
        """Save to another path from now on (``save a copy as``, or after a failure);
        a snapshot that failed to save is tried there at once."""
        with self._lock:
            self.path = path
            self._retry_at = 0.0
            self._retry_wait = self._retry_first
            self._lock.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued snapshot is written (or failed); True if all written."""
        with self._lock:
            self._lock.wait_for(lambda: self._pending is None and not self._busy, timeout)
            return self._pending is None and not self._busy and self.failed is None

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is queued, stop trying again, end the writer; True if all written.
        From here on the callbacks are not called (the UI is going away)."""
        with self._lock:
            self._closing = True
        ok = self.flush(timeout)
        with self._lock:
            self._closed = True
            reporting = self._reporting
            self._lock.notify_all()
        if not reporting:
            # (a report under way may wait for the thread calling close, the UI's: the
            # writer then ends by itself once it is delivered)
            self._thread.join(timeout)
        return ok

    def _next(self) -> tuple[dict[str, Any], Path] | None:
        """Wait for a snapshot to write (a new one, or a failed one whose time to try
        again has come); ``None`` once closed. Called with the lock held."""
        while True:
            if self._pending is not None:
                data, self._pending = self._pending, None
                self._unsaved = None  # the newer snapshot replaces the failed one
                return data, self.path
            if self._closed:
                return None
            if self._unsaved is not None and not self._closing:
                wait = self._retry_at - time.monotonic()
                if wait <= 0:
                    data, self._unsaved = self._unsaved, None
                    return data, self.path
                self._lock.wait(wait)
            else:
                self._lock.wait()

    def _run(self) -> None:
        while True:
            with self._lock:
                job = self._next()
                if job is None:
                    return
                data, path = job
                self._busy = True
                self.attempts += 1
            error: Exception | None = None
            try:
                (self._save or save_data)(data, path)
            except Exception as exc:  # reported to the UI; the data stays in memory
                error = exc
            with self._lock:
                self._busy = False
                if error is not None:
                    self.failed = error
                    if self._pending is None:  # nothing newer: try this one again later
                        self._unsaved = data
                        self._retry_at = time.monotonic() + self._retry_wait
                        self._retry_wait = min(self._retry_wait * 1.5, self._retry_max)
                else:
                    self.failed = None
                    self.saves += 1
                    self._retry_wait = self._retry_first
                quiet = self._closing
                self._reporting = not quiet
                self._lock.notify_all()
            if quiet:
                continue
            try:
                if error is not None:
                    if self._on_error:
                        self._on_error(error)
                elif self._on_saved:
                    self._on_saved(path)
            finally:
                with self._lock:
                    self._reporting = False
