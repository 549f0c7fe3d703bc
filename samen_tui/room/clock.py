"""The current agenda item's time left, as the room shows it, from the session file.

The trainer's app keeps the seconds spent per item (``session.items[item].seconds``)
and saves them at least every ten seconds, and with every other change. So the time
spent now is what the file says plus the time since the file was written, while the
clock runs: not paused, the session not ended, the trainer's app still there.

The colours follow the trainer's timer (``tui/widgets/timer.py``): *near* from 80 %
of the timebox up to 100 %, *over* past it.

This module never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from samen_tui.session.model import Session
from samen_tui.session.timebox import State, mmss, timer_state
from samen_tui.workshop.model import Workshop


@dataclass(frozen=True)
class ItemClock:
    """The current item's time: spent, its timebox, and whether it runs now."""

    elapsed: int
    box: int
    running: bool

    @property
    def left(self) -> int:
        """Seconds left of the timebox; negative when over."""
        return self.box - self.elapsed

    @property
    def state(self) -> State:
        return state_of(self.elapsed, self.box)

    def text(self) -> str:
        """The time left as ``MM:SS``, with a minus sign when the item runs over."""
        left = self.left
        return ("-" if left < 0 else "") + mmss(abs(left))


def state_of(elapsed: float, box: float) -> State:
    """The trainer's thresholds (:func:`samen_tui.session.timebox.timer_state`):
    ``near`` with a fifth of the time left, ``close`` two minutes before the end,
    ``over`` past it."""
    return timer_state(elapsed, box)


def item_clock(
    session: Session,
    workshop: Workshop | None,
    *,
    written: float | None,
    now: float,
    trainer_here: bool = True,
) -> ItemClock | None:
    """The clock of the item the session is on (None: no workshop, no such step, no
    timebox, or the session ended). ``written``: when the file was written (POSIX);
    ``now``: the time now, from the same clock."""
    if workshop is None or session.ended is not None:
        return None
    item = workshop.item_of(session.current)
    if item is None or item.minutes <= 0:
        return None
    spent = session.items.get(item.id)
    elapsed = spent.seconds if spent is not None else 0
    running = not session.paused and trainer_here and written is not None
    if running and written is not None:
        elapsed += max(0, int(now - written))
    return ItemClock(elapsed=elapsed, box=item.minutes * 60, running=running)
