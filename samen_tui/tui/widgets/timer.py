"""The timers: the current agenda item against its timebox, and the whole workshop."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.session.timebox import mmss, timer_state


class TimerBar(Static):
    """``Punt 03:12 / 15:00 · op schema · einde ca. 16:40``: a warning colour when a
    fifth of the item's time is left, a stronger one two minutes before its end, and
    "uitgelopen" once it runs over (see ``walk/timers.py``: ``timer_state``)."""

    DEFAULT_CSS = """
    TimerBar { height: 1; padding: 0 1; background: $boost; }
    TimerBar.near { background: $warning 30%; }
    TimerBar.close { background: $warning 70%; text-style: bold; }
    TimerBar.over { background: $error 50%; }
    TimerBar.paused { text-style: italic; }
    TimerBar.-none { display: none; }
    """

    def show(
        self,
        *,
        elapsed: float,
        timebox_minutes: int,
        balance_minutes: int | None,
        paused: bool,
        state: str = "",
        ends: dt.datetime | None = None,
        label: str = "",
    ) -> None:
        """The countdown; ``label`` (a step's or a round's) instead of the item's, and
        ``balance_minutes`` None for no balance (a step's own timer)."""
        box = timebox_minutes * 60
        for name in ("near", "close", "over"):
            self.set_class(state == name, name)
        self.set_class(paused, "paused")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("⏸ " if paused else "⏱ ")
        if label:
            text.append(f"{label} {mmss(elapsed)} / {mmss(box)}", style="bold")
        else:
            text.append(t("timer.item", elapsed=mmss(elapsed), box=mmss(box)), style="bold")
        if state == "over":
            text.append("  ·  ")
            text.append(t("timer.over", n=mmss(elapsed - box)), style="bold")
            if balance_minutes is not None and balance_minutes > 0:
                text.append("  ·  " + t("timer.behind", n=balance_minutes))
        elif state in ("near", "close"):
            text.append("  ·  " + t("timer.left", n=mmss(box - elapsed)))
            if balance_minutes is not None:
                text.append("  ·  " + balance_text(balance_minutes))
        elif balance_minutes is not None:
            text.append("  ·  " + balance_text(balance_minutes))
        if ends is not None and not paused:
            text.append("  ·  " + t("timer.ends", at=ends.astimezone().strftime("%H:%M")))
        if paused:
            text.append("  ·  " + t("timer.paused"))
        self.update(text, layout=False)  # one line, always: no layout pass for a tick

    def show_own(self, countdown: tuple[float, int, str] | None, *, paused: bool) -> None:
        """A step's own timer (seconds, timebox, label), or hidden for none; it warns
        as the item's does."""
        self.set_class(countdown is None, "-none")
        if countdown is not None:
            elapsed, minutes, label = countdown
            self.show(
                elapsed=elapsed,
                timebox_minutes=minutes,
                balance_minutes=None,
                paused=paused,
                state=timer_state(elapsed, minutes * 60),
                label=label,
            )


def balance_text(balance_minutes: int) -> str:
    if balance_minutes > 0:
        return t("timer.behind", n=balance_minutes)
    if balance_minutes < 0:
        return t("timer.ahead", n=-balance_minutes)
    return t("timer.on_time")
