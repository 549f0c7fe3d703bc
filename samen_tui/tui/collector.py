"""When Python's garbage collector runs: between keys, not in them.

With Python's settings the collector ran dozens of times in every pagedown (a young
pass every 700 new objects, 0.1 ms each, an older one every tenth, 1-4 ms) and, now and
then, a full pass over everything the session had built: 100 ms and more in the middle
of a key (the references step's one line of background took 104 ms in one walk).

Young passes now wait for 20,000 new objects instead of 700 (a pagedown makes some
tens of thousands: one or two passes instead of dozens), and the full pass never comes
by itself: the app runs it when the trainer has not touched a key for a second, once
enough older passes have piled up. Reference counting frees nearly everything as
before; the collector is only for cycles, which can wait for a pause.
"""

from __future__ import annotations

import gc
import time

YOUNG = 20_000
"""New objects (allocations minus frees) before a young pass (Python's default: 700)."""
OLDER = 10
"""Young passes before an older one (Python's default)."""
NEVER = 1_000_000_000
"""The full pass's threshold: never by itself."""
IDLE = 1.0
"""Seconds without a key or a click before the full pass may run."""
IDLE_LOOK = 0.5
"""Seconds between the app's looks at whether it is time for the full pass."""
PILED = 3
"""Older passes since the last full one before an idle full pass is worth it."""


class IdleCollector:
    """Python's collector thresholds while the app runs, and the full pass in pauses."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self.saved: tuple[int, int, int] | None = None
        self.full_passes = 0

    def start(self) -> None:
        if self.saved is None:
            self.saved = gc.get_threshold()
        gc.set_threshold(YOUNG, OLDER, NEVER)

    def stop(self) -> None:
        """Python's own thresholds back (the app has ended)."""
        if self.saved is not None:
            gc.set_threshold(*self.saved)
            self.saved = None

    def touched(self) -> None:
        """A key or a click: the trainer is busy."""
        self.last_input = time.monotonic()

    def tick(self) -> bool:
        """Run the full pass if the trainer has paused and older passes have piled up;
        whether it ran."""
        if self.saved is None or not gc.isenabled():
            return False
        if time.monotonic() - self.last_input < IDLE or gc.get_count()[2] < PILED:
            return False
        gc.collect()
        self.full_passes += 1
        return True
