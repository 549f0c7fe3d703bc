"""The timer bar of the walk screen: the item's time, its warning colour, the
balance, the projected end of the workshop, and the bell (a setting) when the
warning grows."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from samen_tui.i18n import t
from samen_tui.session.timebox import URGENCY, timer_state
from samen_tui.tui.screens.walk.timers import next_round, projected_end
from samen_tui.tui.widgets.timer import TimerBar
from samen_tui.workshop.model import AgendaItem

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen


def show_time(screen: WalkScreen, item: AgendaItem) -> None:
    session = screen.session
    spent = session.items.get(item.id)
    elapsed = spent.seconds if spent else 0
    state = timer_state(elapsed, item.minutes * 60)
    ends = None
    if session.ended is None and screen.wall_clock is not None:
        ends = projected_end(screen.workshop, session, item, screen.wall_clock())
    screen.query_one("#timer", TimerBar).show(
        elapsed=elapsed,
        timebox_minutes=item.minutes,
        balance_minutes=screen.balance_minutes(),
        paused=session.paused,
        state=state,
        ends=ends,
    )
    warned, screen.warned = screen.warned, (item.id, state)
    grew = warned is not None and warned[0] == item.id and URGENCY[state] > URGENCY[warned[1]]
    if grew and screen.services.config.bell:
        screen.app.bell()


def toggle_bell(screen: WalkScreen) -> None:
    """The bell setting on or off, saved with the other settings."""
    from dataclasses import replace

    from samen_tui.config import update_config

    with update_config(bell=not screen.services.config.bell) as config:
        screen.services.config = replace(screen.services.config, bell=config.bell)
    screen.notify(t("bell.on") if config.bell else t("bell.off"))


class TimeKeys:
    """The walk screen's keys for the clock (mixed in before ``Screen``): pause the
    item's time (f3), the next round of a step with timed rounds (f8)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_round":  # only on a step with timed rounds
            screen = cast("WalkScreen", self)
            return bool(screen._steps and screen._steps[screen.step_index][1].rounds)
        return True

    def action_next_round(self) -> None:
        screen = cast("WalkScreen", self)
        step = screen._steps[screen.step_index][1]
        if not next_round(screen.session, step):
            screen.notify(t("timer.last_round"))
        screen.capture.mark_dirty()
        screen._refresh_timer()

    def action_toggle_pause(self) -> None:
        screen = cast("WalkScreen", self)
        screen._account_time()
        screen.session.paused = not screen.session.paused
        screen.capture.mark_dirty()
        screen._refresh_timer()
        screen.notify(t("timer.paused") if screen.session.paused else t("timer.running"))
