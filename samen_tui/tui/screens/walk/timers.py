"""The walk screen's clock: time spent per agenda item, ahead of or behind plan.

Every second (unless the clock is frozen, in tests) the screen's tick adds the time
since the last one to the current item, unless the session is paused or ended:
whole seconds, the rest carried over. The clock asks for a save every
``TIMER_SAVE_EVERY`` seconds it counted (a capture saves the session anyway).
No widget here: the screen shows what :func:`balance_minutes` and the items say.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from samen_tui.i18n import t
from samen_tui.session.model import ItemTime, Session, StepTime
from samen_tui.workshop.model import AgendaItem, Step, Workshop

TIMER_SAVE_EVERY = 10.0
SEEN_AFTER = 30
"""Seconds on a step before it counts as done without anything captured (a slide
talked through; a step paged past on the way somewhere else does not)."""


class ItemClock:
    """Counts the seconds spent on the current agenda item."""

    def __init__(self, running: bool, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.running = running
        """False in tests and snapshots: no time passes by itself."""
        self.monotonic = monotonic
        """Where the time comes from (a test gives its own)."""
        self._last_tick = monotonic()
        self._unsaved = 0.0
        """Seconds counted since the clock last asked for a save."""
        self._carry = 0.0
        """The part of a second counted but not yet added to an item."""

    def account(self, session: Session, item: AgendaItem | None, step: Step | None = None) -> int:
        """Add the time since the last call to ``item`` (unless paused or ended), and
        to ``step`` when it has a timebox of its own; the whole seconds added."""
        moment = self.monotonic()
        delta = moment - self._last_tick if self.running else 0.0
        self._last_tick = moment
        if item is None or session.paused or session.ended is not None:
            return 0
        spent = session.items.setdefault(item.id, ItemTime())
        self._carry += delta
        whole = int(self._carry)
        if whole:
            spent.seconds += whole
            self._carry -= whole
            self._unsaved += whole
            if step is not None and step.timebox_minutes:
                session.step_times.setdefault(step.id, StepTime()).seconds += whole
        return whole

    def save_due(self) -> bool:
        """Whether enough time was counted since the last save it asked for (once)."""
        if self._unsaved >= TIMER_SAVE_EVERY:
            self._unsaved = 0.0
            return True
        return False


def balance_minutes(workshop: Workshop, session: Session, current: AgendaItem | None) -> int:
    """Minutes behind (+) or ahead (-) of plan: finished items in full, the current one
    only when it runs over."""
    balance = 0
    for item in workshop.items:
        spent = session.items.get(item.id)
        seconds = spent.seconds if spent else 0
        if item is current:
            balance += max(0, seconds - item.minutes * 60)
        elif seconds:
            balance += seconds - item.minutes * 60
    return round(balance / 60)


def projected_end(
    workshop: Workshop, session: Session, current: AgendaItem | None, at: dt.datetime
) -> dt.datetime:
    """When the workshop ends if every item from here on takes its planned time: the
    rest of the current item's time (none once it runs over) and every later item's."""
    seconds = 0
    later = current is None
    for item in workshop.items:
        if item is current:
            spent = session.items.get(item.id)
            seconds += max(0, item.minutes * 60 - (spent.seconds if spent else 0))
            later = True
        elif later:
            seconds += item.minutes * 60
    return at + dt.timedelta(seconds=seconds)


class StepVisits:
    """Seconds on each step in this run; a step on screen for :data:`SEEN_AFTER`
    seconds goes into ``session.seen`` (the agenda's ✓ without anything captured)."""

    def __init__(self) -> None:
        self.seconds: dict[str, int] = {}

    def add(self, session: Session, step_id: str, seconds: int) -> bool:
        """Count ``seconds`` on ``step_id``; True when the step became seen now."""
        if not seconds or not step_id or step_id in session.seen:
            return False
        total = self.seconds.get(step_id, 0) + seconds
        self.seconds[step_id] = total
        if total >= SEEN_AFTER:
            session.seen.append(step_id)
            return True
        return False


def step_countdown(session: Session, step: Step | None) -> tuple[float, int, str] | None:
    """What a step's own timer shows (seconds, timebox in minutes, label), or None for
    a step without one: the current round of a step with rounds, else the step."""
    if step is None or not step.timebox_minutes:
        return None
    spent = session.step_times.get(step.id, StepTime())
    if not step.rounds:
        return spent.seconds, step.minutes, t("timer.step")
    index = min(spent.round, len(step.rounds) - 1)
    label = t("timer.round", n=index + 1, of=len(step.rounds))
    return spent.seconds - spent.round_started, step.rounds[index], label


def next_round(session: Session, step: Step) -> bool:
    """Start the step's next round (its time from now); False after the last round."""
    spent = session.step_times.setdefault(step.id, StepTime())
    if spent.round + 1 >= len(step.rounds):
        return False
    spent.round += 1
    spent.round_started = spent.seconds
    return True
