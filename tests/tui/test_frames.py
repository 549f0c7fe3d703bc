"""The walk screen paints each change in the frame that follows it, once.

Textual's frame comes from a timer, which can run before the screen has handled the
requests in its queue (a widget asks for a repaint or a layout at its own idle time,
by a message). Such a request then waited for the next frame, 20-40 ms later: a
second paint of the same key. These tests make that race happen on purpose: a
request is posted, and the frame is run before the screen reads its queue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot

from samen_tui.kinds.rate.view import RateView
from samen_tui.kinds.rate.view_rows import Cell, IngredientRow
from samen_tui.tui import tuning
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.walk import WalkScreen
from tests.tui.conftest import layouts_counted, make_app, paints_of, tuned, walk_screen

pytestmark = tuned


async def checklist(app: SamenApp, pilot: Pilot[Any]) -> tuple[WalkScreen, RateView]:
    await pilot.pause()
    screen = walk_screen(app)
    screen.go_to("ingredienten")
    for _ in range(50):
        await pilot.pause(0.05)
        view = screen.step_view
        if isinstance(view, RateView) and isinstance(app.focused, IngredientRow):
            break
    await pilot.pause(0.3)
    view = screen.step_view
    assert isinstance(view, RateView)
    return screen, view


TUNED = pytest.mark.skipif(not tuning.ENABLED, reason="the frame tuning is off (SAMEN_SAFE)")


@TUNED
async def test_a_repaint_still_in_the_queue_is_in_the_next_frame(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await checklist(app, pilot)
        paints = paints_of(app)
        line = view._rows[0].line
        line.show(Text("Iets anders"), "", "", "")  # posts its repaint to the screen
        assert not line._repaint_required
        screen._on_timer_update()  # the frame, before the screen reads its queue
        assert len(paints) == 1
        assert line.region.y in {y for y, _, _ in paints[0].spans}
        await pilot.pause()
        await pilot.pause()
        assert len(paints) == 1  # the message, read now, is not painted again


@TUNED
async def test_a_layout_still_in_the_queue_is_in_the_next_frame(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, view = await checklist(app, pilot)
        weakest = view.query_one("#rate-weakest", Cell)
        assert weakest.size.height == 1
        with layouts_counted() as layouts:
            # two lines: posts its layout to the screen
            weakest.show(Text("een\ntwee"), layout=True)
            assert not weakest._layout_required
            screen._on_timer_update()
            assert len(layouts) == 1
            assert weakest.size.height == 2
            await pilot.pause()
            await pilot.pause()
            assert len(layouts) == 1  # the message, read now, is not laid out again


async def test_no_frame_is_rendered_for_nothing_before_the_first(sessions: Path) -> None:
    """At the start, Textual holds every paint until its start-up batch ends; the
    screen does not render the frames the app would throw away, and the first frame
    the terminal gets is the whole screen."""
    from textual._compositor import LayoutUpdate

    app = make_app(sessions)
    batches: list[int] = []
    real = app._display

    def display(screen: Any, update: Any) -> None:
        if update is not None and isinstance(screen, WalkScreen):
            batches.append(app._batch_count)
            if len(batches) == 1:
                assert isinstance(update, LayoutUpdate)  # the whole screen
        real(screen, update)

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert batches
        assert batches[0] == 0  # not one frame rendered only to be thrown away
        screen = walk_screen(app)
        assert screen.step_view is not None and screen.step_view.region
