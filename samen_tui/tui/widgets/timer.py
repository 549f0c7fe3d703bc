"""The timers: the current agenda item against its timebox, and the whole workshop."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from samen_tui.i18n import t


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class TimerBar(Static):
    """Shows ``Punt 03:12 / 15:00`` with a colour at 80% and past 100%, and the balance."""

    DEFAULT_CSS = """
    TimerBar { height: 1; padding: 0 1; background: $boost; }
    TimerBar.near { background: $warning 40%; }
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
        label: str = "",
    ) -> None:
        """The countdown; ``label`` (a step's or a round's) instead of the item's, and
        ``balance_minutes`` None for no balance (a step's own timer)."""
        box = timebox_minutes * 60
        ratio = elapsed / box if box else 0.0
        self.set_class(0.8 <= ratio <= 1.0, "near")
        self.set_class(ratio > 1.0, "over")
        self.set_class(paused, "paused")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("⏸ " if paused else "⏱ ")
        if label:
            text.append(f"{label} {mmss(elapsed)} / {mmss(box)}", style="bold")
        else:
            text.append(t("timer.item", elapsed=mmss(elapsed), box=mmss(box)), style="bold")
        if balance_minutes is not None:
            text.append("  ·  ")
            if balance_minutes > 0:
                text.append(t("timer.behind", n=balance_minutes))
            elif balance_minutes < 0:
                text.append(t("timer.ahead", n=-balance_minutes))
            else:
                text.append(t("timer.on_time"))
        if paused:
            text.append("  ·  " + t("timer.paused"))
        self.update(text, layout=False)  # one line, always: no layout pass for a tick

    def show_own(self, countdown: tuple[float, int, str] | None, *, paused: bool) -> None:
        """A step's own timer (seconds, timebox, label), or hidden for none."""
        self.set_class(countdown is None, "-none")
        if countdown is not None:
            elapsed, minutes, label = countdown
            self.show(
                elapsed=elapsed,
                timebox_minutes=minutes,
                balance_minutes=None,
                paused=paused,
                label=label,
            )
