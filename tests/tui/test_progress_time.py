"""Progress and time one can trust (#16): a ✓ only for a step with something
captured or on screen for a while; the item's timer warns at a fifth of its time
and at two minutes, says "uitgelopen" when it runs over, and the header gives the
projected end of the workshop; the bell (a setting) rings when the warning grows.
The clock is the test's: no sleeps."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from samen_tui.config import Config, load_config
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.session.model import ItemTime
from samen_tui.session.store import load_session, save_session
from samen_tui.session.summary import SessionSummary
from samen_tui.tui.screens.review.table import WorkshopInfo, progress_text
from samen_tui.tui.screens.walk.timers import SEEN_AFTER, ItemClock
from samen_tui.tui.screens.walk.timing import toggle_bell
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.tui.widgets.timer import TimerBar
from tests.reliability.helpers import new_session_file
from tests.tui.conftest import make_app, walk_screen


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def marks(app: object) -> dict[str, bool]:
    agenda = walk_screen(app).query_one(AgendaPanel)  # type: ignore[arg-type]
    out: dict[str, bool] = {}
    for option in agenda.options:
        if option.id and option.id.startswith("step:"):
            out[option.id.removeprefix("step:")] = "✓" in str(option.prompt)
    return out


async def test_a_step_paged_past_gets_no_tick(sessions: Path) -> None:
    path = new_session_file(sessions, title="Voortgang", current="motieven")
    session = load_session(path)
    session.records["agenda"] = ContentRecord(notes="Koffie eerst")
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        shown = marks(app)
        # before the current step: only the one with something captured (and the
        # participants step: Anna is there)
        assert shown["agenda"] and shown["wie-is-er"]
        assert not shown["titel"] and not shown["vijf-s"], shown

        # on a step long enough: done, and saved so
        fake = FakeClock()
        screen.clock = ItemClock(running=True, monotonic=fake)
        await pilot.press("pageup")  # vijf-s, a slide
        await pilot.pause()
        fake.now += SEEN_AFTER - 5
        screen._tick()
        await pilot.press("pagedown")  # the current step has ▶: look from the next one
        await pilot.pause()
        assert not marks(app)["vijf-s"] and screen.session.seen == []
        await pilot.press("pageup")
        await pilot.pause()
        fake.now += 5
        screen._tick()
        await pilot.press("pagedown")
        await pilot.pause()
        assert marks(app)["vijf-s"]
        assert screen.save_now()
        assert load_session(path).seen == ["vijf-s"]
        await pilot.press("ctrl+q")
        await pilot.pause()


def bar_text(app: object) -> str:
    return str(walk_screen(app).query_one(TimerBar).content)  # type: ignore[arg-type]


async def test_the_item_timer_warns_then_says_uitgelopen(sessions: Path) -> None:
    path = new_session_file(sessions, title="Tijd", current="titel")  # welkom: 15 min
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        bar = screen.query_one(TimerBar)
        rings: list[int] = []
        app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
        screen.services.config = Config(bell=True)
        states = {}
        for seconds in (11 * 60, 12 * 60, 13 * 60, 15 * 60 + 13):
            screen.session.items["welkom"] = ItemTime(seconds=seconds)
            screen._refresh_timer()
            states[seconds] = [c for c in ("near", "close", "over") if bar.has_class(c)]
        assert states == {660: [], 720: ["near"], 780: ["close"], 913: ["over"]}
        text = bar_text(app)
        assert "uitgelopen +00:13" in text and "op schema" not in text, text
        assert len(rings) == 3  # near, close, over: once each
        screen._refresh_timer()
        assert len(rings) == 3
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_the_header_gives_the_projected_end(sessions: Path) -> None:
    path = new_session_file(sessions, title="Einde", current="titel")
    session = load_session(path)
    session.items["welkom"] = ItemTime(seconds=5 * 60)
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        moment = dt.datetime(2026, 12, 6, 13, 0, tzinfo=dt.UTC)
        screen.wall_clock = lambda: moment
        screen._refresh_timer()
        # 10 minutes left of the welcome, 135 planned after it
        expected = (moment + dt.timedelta(minutes=145)).astimezone().strftime("%H:%M")
        assert f"einde ca. {expected}" in bar_text(app), bar_text(app)
        # an item running over pushes the end on
        screen.session.items["welkom"] = ItemTime(seconds=20 * 60)
        screen._refresh_timer()
        later = (moment + dt.timedelta(minutes=135)).astimezone().strftime("%H:%M")
        assert f"einde ca. {later}" in bar_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_the_bell_is_a_setting_kept(sessions: Path) -> None:
    app = make_app(sessions, title="Bel")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert not screen.services.config.bell and not load_config().bell
        toggle_bell(screen)
        assert screen.services.config.bell and load_config().bell
        toggle_bell(screen)
        assert not load_config().bell
        await pilot.press("ctrl+q")
        await pilot.pause()


def test_review_progress_says_what_is_done() -> None:
    summary = SessionSummary("x.toml", "w", "T", "", "", 0.0, 0, 3, 2, "s14", False, 1, 0.0, os.sep)
    info = WorkshopInfo("W", {f"s{n}": n for n in range(1, 15)}, 14)
    assert progress_text(summary, info).strip() == "2/14"  # not 14/14: where it was left
