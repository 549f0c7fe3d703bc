"""The timer bar of the walk screen: the item's time, its warning colour, the
balance, the projected end of the workshop, and the bell (a setting) when the
warning grows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from samen_tui.i18n import t
from samen_tui.session.timebox import URGENCY, timer_state
from samen_tui.tui.screens.walk.timers import projected_end
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
    screen.query_one(TimerBar).show(
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
