"""The room (``samen room``): what the beamer shows of a session the trainer is
running, as plain data, without a terminal.

* :mod:`~samen_tui.room.finding`: which session to follow (named, or the newest
  unfinished one), and a session started since in the same folder;
* :mod:`~samen_tui.room.follow`: reading that session as it changes, carefully,
  keeping the last good state when the file is mid-save, damaged or gone, and
  whether the trainer's app is still there;
* :mod:`~samen_tui.room.shown`: which step the room shows, blank or not, its
  results revealed or not;
* :mod:`~samen_tui.room.clock`: the current agenda item's time left, from the file.

The room only reads: it never writes in the sessions folder (no lock, no index, no
backup). Its Textual side is ``samen_tui/tui/room/``, and each step kind's view of
the room is ``samen_tui/kinds/<kind>/room.py``.

This package never imports textual.
"""

from __future__ import annotations

import contextlib
import os

NICE = 10
"""How much lower the room's priority is than the trainer's app (``os.nice``)."""


def yield_to_the_trainer() -> None:
    """Run the room at a lower priority: on a laptop with few cores, busy with the
    trainer's app, a video call and the beamer, the scheduler then gives the trainer's
    keys the processor first and the room what is left (it needs little: it looks at
    a file a few times a second). Where the platform has no ``nice``, nothing."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(NICE)
