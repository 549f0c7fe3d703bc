"""The walk screen (``screen.py``) and the rooms beside it: ``capture.py`` (undo,
typing bursts, autosave), ``reload.py`` (the workshop file edited live),
``timers.py`` (time per item), ``commands.py`` (the command palette).

The app makes its walk screens with :func:`walk_screen_class`: the stock
:class:`WalkScreen`, or, when the tuning is on (``samen_tui.tui.tuning``), the same
screen on the tuned frame loop (``tuning/frames.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from textual.widget import Widget

from samen_tui.tui import tuning
from samen_tui.tui.screens.walk import screen as stock
from samen_tui.tui.screens.walk.screen import NARROW, PREFETCH_AFTER, WalkScreen
from samen_tui.tui.screens.walk.views import widget_class
from samen_tui.tui.steps.base import StepView

__all__ = ["NARROW", "PREFETCH_AFTER", "WalkScreen", "walk_screen_class", "widget_class"]


@cache
def walk_screen_class() -> type[WalkScreen]:
    """The class of the walk screens the app shows: :class:`WalkScreen`, tuned when
    the tuning is on."""
    if not tuning.on("frames"):
        return stock.WalkScreen
    from samen_tui.tui.tuning.frames import FrameTuning

    class WalkScreen(stock.WalkScreen, FrameTuning):
        """The walk screen on the tuned frame loop, by the same name (its stylesheet's
        and the one tests and tools know it by). The stock WalkScreen comes first: its
        focus guard is the screen's; FrameTuning sits between it and Textual's Screen."""

        def step_shown(
            self, view: StepView, hidden: StepView | None, host: Widget, bars: Sequence[Widget]
        ) -> None:
            self.hand_over_shown(view, hidden, host, bars)

        def view_built_ahead(self, view: StepView) -> None:
            if tuning.on("ahead"):
                self.draw_view_ahead(view, lambda: view.ahead)

    return WalkScreen
