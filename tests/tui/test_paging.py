"""Paging is showing what was built ahead: the key bar and the view built ahead."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from samen_tui.tui import tuning
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.walk import PREFETCH_AFTER, WalkScreen
from samen_tui.tui.screens.walk import screen as walk
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.tuning.ahead import PRERENDER_LOOKS, undrawn
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import make_app, tuned, walk_screen


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()


async def built_ahead(pilot: Pilot[None], screen: WalkScreen, step_id: str) -> StepView:
    """Wait for the view of ``step_id`` to be built ahead and laid out (on a busy
    machine that can take longer than the prefetch delay: wait up to 10 s)."""
    await pilot.pause(PREFETCH_AFTER)
    for _ in range(100):
        kept = screen._views.get(step_id)
        if kept is not None and kept[0].is_mounted and kept[0].size.height:
            await settle(pilot)
            return kept[0]
        await pilot.pause(0.1)
    raise AssertionError(f"{step_id} was not built ahead")


async def checklist_ahead(pilot: Pilot[None]) -> tuple[WalkScreen, StepView]:
    """Show the step before the ingredient checklist, and wait for the checklist to be
    built ahead (the heaviest view: ~150 widgets)."""
    await settle(pilot)
    screen = walk_screen(pilot.app)  # type: ignore[arg-type]
    screen.go_to("casus")
    await settle(pilot)
    return screen, await built_ahead(pilot, screen, "ingredienten")


def views_painted(app: SamenApp, screen: WalkScreen) -> list[list[str]]:
    """From now on, at each paint, the ids of the step views on the screen's map."""
    paints: list[list[str]] = []
    real = app._display

    def display(shown: object, update: object) -> None:
        real(shown, update)  # type: ignore[arg-type]
        if update is not None:
            visible = screen._compositor.visible_widgets
            paints.append([w.step.id for w in visible if isinstance(w, StepView)])

    app._display = display  # type: ignore[method-assign]
    return paints


def descendants(view: Widget) -> list[Widget]:
    return [view, *view.walk_children(Widget)]


def hint_keys(bar: KeyBar) -> list[str]:
    return [hint.key for hint in bar.hints]


@pytest.mark.parametrize(
    ("before", "step_id"),
    [
        ("agenda", "wie-is-er"),
        # the checklist shows the detail of the ingredient the focus will go to
        ("casus", "ingredienten"),
    ],
)
async def test_the_view_built_ahead_is_out_of_sight_and_out_of_reach(
    sessions: Path, before: str, step_id: str
) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to(before)
        await settle(pilot)
        ahead = await built_ahead(pilot, screen, step_id)
        assert ahead.ahead and ahead is not screen.step_view
        # not painted: entirely outside the screen
        assert not ahead.region.overlaps(app.screen.region), ahead.region
        # not reachable with tab, nor by the mouse
        assert not any(w in screen.focus_chain for w in descendants(ahead))
        for _ in range(12):
            await pilot.press("tab")
            assert app.focused is None or ahead not in app.focused.ancestors_with_self
        # but laid out at the size it will be shown at
        sizes = {w: w.size for w in descendants(ahead)}
        assert ahead.size == screen.step_view.size if screen.step_view else False
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.step_view is ahead and not ahead.ahead
        assert app.focused is not None and ahead in app.focused.ancestors
        assert ahead.region.overlaps(app.screen.region)
        # nothing in it changed size when it was shown: one layout pass, not two
        changed = [w for w, size in sizes.items() if w.size != size]
        assert not changed, changed


async def test_showing_a_view_built_ahead_does_not_restyle_it(sessions: Path) -> None:
    """Its placement out of sight is inline style, not a class: taking it away makes
    Textual match the stylesheet against nothing but what the focus changed (a class
    on the view restyled all of its widgets, ~200 then, 10-80 ms of the pagedown)."""
    from textual.css.stylesheet import Stylesheet

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, ahead = await checklist_ahead(pilot)
        inside = set(descendants(ahead))
        assert len(inside) > 50
        restyled: list[object] = []
        real = Stylesheet.apply

        def counting(self: Stylesheet, node: object, *args: object, **kwargs: object) -> None:
            if node in inside:
                restyled.append(node)
            real(self, node, *args, **kwargs)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Stylesheet, "apply", counting)
            await pilot.press("pagedown")
            await settle(pilot)
        assert screen.step_view is ahead
        assert len(restyled) <= 12, f"{len(restyled)} of {len(inside)} widgets restyled"


async def test_a_jump_leaves_no_view_laid_out_ahead_of_the_old_place(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        await built_ahead(pilot, screen, "agenda")
        screen.go_to("casus")  # the command palette's jump
        await settle(pilot)
        await built_ahead(pilot, screen, "ingredienten")
        host = screen.query_one("#step-host")
        ahead = [v for v in host.query_children(StepView) if v.ahead]
        assert [v.step.id for v in ahead] == ["ingredienten"]
        old = screen._views["agenda"][0]
        assert not old.display


async def test_key_bar_follows_the_focus_and_repaints_only_on_a_change(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        bar = screen.query_one(KeyBar)
        assert "pagedown" in hint_keys(bar) and bar.palette is not None
        assert bar.palette.key == app.COMMAND_PALETTE_BINDING
        screen.go_to("ingredienten")
        await settle(pilot)
        # the checklist's own keys are shown while a row has the focus
        assert "1" in hint_keys(bar) and "x" in hint_keys(bar)
        painted: list[int] = []
        original = bar.refresh

        def counting(*args: object, **kwargs: object) -> KeyBar:
            painted.append(1)
            return original(*args, **kwargs)  # type: ignore[arg-type]

        bar.refresh = counting  # type: ignore[method-assign]
        await pilot.press("down")  # another row: the same keys
        await settle(pilot)
        assert not painted, "the key bar repainted while its keys stayed the same"
        text = "".join(str(s.text) for s in bar.render_line(0))
        assert "helemaal niet" in text and "Opdrachten" in text


async def test_clicking_a_key_in_the_bar_presses_it(sessions: Path) -> None:
    app: SamenApp = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        first = screen.session.current
        bar = screen.query_one(KeyBar)
        span = next(s for s in bar._spans if s[2].key == "pagedown")
        await pilot.hover(KeyBar, offset=(span[0] + 1, 0))
        assert bar.hover == span[0] + 1
        await pilot.click(KeyBar, offset=(span[0] + 1, 0))
        await settle(pilot)
        assert screen.session.current != first
        # the palette key on the right opens the command palette
        palette = next(s for s in bar._spans if s[2] is bar.palette)
        await pilot.click(KeyBar, offset=(palette[0] + 2, 0))
        await settle(pilot)
        assert "CommandPalette" in [c.__name__ for c in type(app.screen).__mro__]


async def test_key_bar_fits_80_columns(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = walk_screen(app).query_one(KeyBar)
        line = "".join(str(s.text) for s in bar.render_line(0))
        assert len(line) <= 80 and line.rstrip().endswith("Opdrachten")


async def test_key_bar_shows_every_key_at_80_columns_short_if_need_be(
    sessions: Path,
) -> None:
    """Keys that do not fit with their description are shown alone (F1 explains them):
    at 80 columns the checklist's keys, ctrl+q and F1 are all still on the line."""
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to("ingredienten")
        await settle(pilot)
        bar = screen.query_one(KeyBar)
        line = "".join(str(s.text) for s in bar.render_line(0))
        assert len(line) <= 80 and line.rstrip().endswith("Opdrachten")
        words = line.split()
        for key in ("1", "5", "x", "pgdn", "^q", "f1"):
            assert key in words, line
        assert "Wissen" in line  # the first keys keep their descriptions
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        line = "".join(str(s.text) for s in bar.render_line(0))
        assert "5 helemaal" in line and "f1" in line.split(), line


async def test_only_views_that_show_participants_are_rebuilt_when_they_change(
    sessions: Path,
) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to("motieven")  # a view with a picker of participants
        await settle(pilot)
        picker = screen.step_view
        screen.go_to("titel")  # a slide
        await settle(pilot)
        slide = screen.step_view
        screen.go_to("wie-is-er")
        await settle(pilot)
        for key in (*"Anna", "enter"):
            await pilot.press(key)
        await settle(pilot)
        assert [p.name for p in screen.session.participants] == ["Anna"]
        screen.go_to("titel")
        await settle(pilot)
        assert screen.step_view is slide, "a slide was built anew for a new participant"
        screen.go_to("motieven")
        await settle(pilot)
        assert screen.step_view is not picker, "the picker still lacks the new participant"


@tuned
async def test_a_change_of_focus_does_not_ask_for_a_paint_of_the_screen(
    sessions: Path,
) -> None:
    """Moving on the checklist moves the focus: the rows repaint themselves; Textual's
    Screen.focused also asked for a paint of the whole screen (20-40 ms a key)."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to("ingredienten")
        await settle(pilot)
        rows = list(screen.query("IngredientRow"))
        asked: list[tuple[object, ...]] = []
        real = WalkScreen.refresh

        def recording(self: WalkScreen, *regions: object, **kwargs: object) -> object:
            asked.append((regions, kwargs))
            return real(self, *regions, **kwargs)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(WalkScreen, "refresh", recording)
            screen.set_focus(rows[1])
            screen.set_focus(rows[2])
        assert app.focused is rows[2]
        assert not asked
        await pilot.press("up")
        await settle(pilot)
        assert app.focused is rows[1]
        assert rows[1].has_pseudo_class("focus") and not rows[2].has_pseudo_class("focus")


async def drawn_ahead(pilot: Pilot[None], view: StepView) -> list[Widget]:
    """Wait (up to 10 s on a busy machine) until every widget of the view built ahead is
    drawn; its widgets that are shown."""
    for _ in range(100):
        if not any(undrawn(w) for w in descendants(view)):
            return [w for w in descendants(view) if w.display and w.region.size]
        await pilot.pause(0.1)
    left = [w for w in descendants(view) if undrawn(w)]
    raise AssertionError(f"{len(left)} widgets not drawn ahead: {left[:5]}")


@tuned
async def test_a_view_built_ahead_is_drawn_ahead_and_shows_as_drawn_anew(
    sessions: Path,
) -> None:
    """The view built ahead is drawn out of sight; the pagedown that shows it puts those
    lines on the screen without drawing them again, and they are what drawing every
    widget anew gives."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, ahead = await checklist_ahead(pilot)
        inside = await drawn_ahead(pilot, ahead)
        assert len(inside) > 40  # the checklist: many widgets
        drawn = {w: w._styles_cache._cache[0] for w in inside}
        await pilot.press("pagedown")
        await settle(pilot)
        assert screen.step_view is ahead
        kept = [w for w, line in drawn.items() if w._styles_cache._cache.get(0) is line]
        # all but what the focus changed are shown as drawn ahead
        assert len(kept) > 0.8 * len(inside), f"{len(kept)} of {len(inside)}"
        shown = app.export_screenshot()
        for widget in screen.walk_children(Widget):
            widget.refresh()  # every widget drawn anew
        await settle(pilot)
        assert app.export_screenshot() == shown


@tuned
async def test_what_changes_in_a_view_built_ahead_after_it_was_drawn_is_drawn_again(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view goes on changing for a while out of sight (the checklist fills its cells
    after its first refresh): what that throws away after a drawing is drawn again at
    the next look."""
    from collections.abc import Callable

    from textual.screen import Screen

    from samen_tui.tui.tuning import ahead

    changed: list[Widget] = []
    prerender = ahead.draw_ahead

    def changing(
        screen: Screen[object],
        view: Widget,
        still_ahead: Callable[[], bool],
        todo: list[Widget] | None = None,
        looks: int = PRERENDER_LOOKS,
        drawn: bool = False,
    ) -> None:
        # the checklist's first look after a drawing
        if (
            isinstance(view, StepView)
            and view.step.id == "ingredienten"
            and drawn
            and todo is None
            and not changed
        ):
            changed.extend(descendants(view)[::2])
            for widget in changed:
                widget.refresh()
        prerender(screen, view, still_ahead, todo, looks, drawn)

    monkeypatch.setattr(ahead, "draw_ahead", changing)
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        _screen, ahead = await checklist_ahead(pilot)
        for _ in range(100):
            if changed:
                break
            await pilot.pause(0.1)
        assert len(changed) > 20
        await drawn_ahead(pilot, ahead)


@pytest.mark.parametrize(
    ("start", "steps"),
    [
        ("titel", ["agenda", "wie-is-er", "vijf-s", "motieven", "casus", "ingredienten"]),
        # to a step with nothing to focus: no change of focus holds the paint
        ("invalshoeken", ["afspraken", "inspiratie"]),
    ],
)
@pytest.mark.slow
@tuned
async def test_a_pagedown_is_one_paint(
    sessions: Path, monkeypatch: pytest.MonkeyPatch, start: str, steps: list[str]
) -> None:
    """Showing the next step changes the view, the agenda, the timer, the step line and
    the focus: all of it is painted together, once per pagedown. The agenda's and the
    timer's repaints, left to their own idle time, and the focus, marked by Textual in
    the focused widget's own handler, came in a second paint 30-60 ms later."""
    import asyncio

    from textual.widgets import Input, TextArea

    # the next view is built ahead (and paints out of sight) 0.6 s after a pagedown, not
    # within the 0.3 s in which the paints of the pagedown are counted (the loop runs
    # its timers in the order they are due: the 0.3 s sleep ends first, however busy)
    monkeypatch.setattr(walk, "PREFETCH_AFTER", 0.6)
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to(start)
        await settle(pilot)
        paints = views_painted(app, screen)
        for step_id in steps:
            await built_ahead(pilot, screen, step_id)
            for widget in screen.query("Input, TextArea"):
                if isinstance(widget, (Input, TextArea)):
                    widget.cursor_blink = False  # its blinking paints by itself
            await pilot.pause(0.3)
            paints.clear()
            await app._press_keys(("pagedown",))
            await asyncio.sleep(0.3)
            assert screen.session.current == step_id
            view = screen.step_view
            assert view is not None
            if any(widget.focusable for widget in view.query("*")):
                assert app.focused is not None and view in app.focused.ancestors
                assert app.focused.has_focus
            else:
                assert app.focused is None
            assert len(paints) == 1, f"{step_id}: {len(paints)} paints"
            # laid out before it was painted: the new view in its place, the old gone
            assert paints == [[step_id]], f"{step_id}: painted {paints}"
        assert app._batch_count == 0


@tuned
async def test_handing_over_repaints_keeps_the_screens_layout_due(sessions: Path) -> None:
    """A screen's ``_layout_required`` says its layout is due; the widget's check of it
    (which the hand-over runs on every node it is given) would clear it and ask for a
    layout of nothing: the new view went unlaid-out and the old one was painted."""
    from samen_tui.tui.tuning.ahead import hand_over_repaints

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        focused = app.focused
        assert focused is not None and screen in focused.ancestors
        screen._layout_required = True
        hand_over_repaints(focused, focused.ancestors)
        assert screen._layout_required
        await settle(pilot)
        assert not screen._layout_required  # and the screen did its layout


@tuned
async def test_a_hold_on_the_paint_for_the_focus_ends_by_itself(sessions: Path) -> None:
    """The paint waits for the widgets that gained and lost the focus to handle it, but
    never longer than FOCUS_HOLD: a widget that never handles it does not freeze the
    screen."""
    from textual.widgets import Static

    from samen_tui.tui.tuning.frames import FOCUS_HOLD, FrameTuning

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        assert app._batch_count == 0
        assert isinstance(screen, FrameTuning)
        screen._paint_after_handled([Static("never mounted")])
        assert app._batch_count == 1
        await pilot.pause(FOCUS_HOLD + 0.2)
        assert app._batch_count == 0


async def test_the_focus_low_in_a_view_is_scrolled_to_at_once(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 a conversation whose type is chosen has its first notes field below
    the fold: the pagedown that shows it scrolls the view to the field at once, in the
    one paint of the key. Textual scrolls to a focused widget in an animation (six more
    paints over a quarter of a second), and judged by where the view had been built
    ahead, beside the screen: it scrolled wrongly, then right (290 ms for the key)."""
    import asyncio

    from textual.widgets import TextArea

    from samen_tui.kinds.conversation.record import ConversationRecord

    monkeypatch.setattr(walk, "PREFETCH_AFTER", 1.0)
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        step = screen.workshop.step("gesprekken")
        flow = step.flows[-1]  # type: ignore[union-attr]
        note = "Wat de groep zei.\nEn wat nog meer."
        screen.session.records["gesprekken"] = ConversationRecord(
            flow=flow.id, notes={phase.id: note for phase in flow.phases}
        )
        screen.go_to("lessen")
        view = await built_ahead(pilot, screen, "gesprekken")
        for area in view.query(TextArea):
            area.cursor_blink = False
        await pilot.pause(0.5)
        paints = views_painted(app, screen)
        await app._press_keys(("pagedown",))
        await asyncio.sleep(0.4)
        if not tuning.ENABLED:  # Textual's scroll: an animation, and a second try
            await app.animator.wait_until_complete()
            await settle(pilot)
        focused = app.focused
        assert isinstance(focused, TextArea) and view in focused.ancestors
        assert view.scroll_y > 0  # the notes were out of sight: the view scrolled
        assert screen.can_view_entire(focused)
        assert not app.animator.is_being_animated(view, "scroll_y")
        if tuning.ENABLED:
            assert paints == [["gesprekken"]], paints


async def test_no_step_is_built_ahead_once_the_app_closes(sessions: Path) -> None:
    """The timer that builds the next step ahead can fire after ctrl+q, while the
    screen is still there: it built the view and mounting it raised MountError, a
    traceback on the way out (seen on a busy machine)."""
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.services.last_input = lambda: 0.0  # the trainer has long stopped typing
        app.exit()
        screen._prefetch()  # the timer fires now
        assert [view.step.id for view in screen.query(StepView)] == ["titel"]


async def test_a_view_built_ahead_never_takes_the_focus(sessions: Path) -> None:
    """At 80x24 the checklist shows one cluster at a time in tabs; built ahead, its
    first tab activated and focused a row: the questions step's Enter went to it."""
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _checklist = await checklist_ahead(pilot)
        await settle(pilot)
        view = screen.step_view
        assert view is not None and view.step.id == "casus"
        assert app.focused is not None and view in app.focused.ancestors


@pytest.mark.parametrize("step_id", ["vijf-s", "casus", "wat-helpt"])
async def test_the_focus_waits_for_a_view_not_composed_yet(sessions: Path, step_id: str) -> None:
    """The screen focuses a view after its first refresh, which on a busy machine can
    come before the view is composed. Its ``focus_first`` then raises NoMatches, and
    the screen tries again a little later: the brainstorm and the questions returned
    quietly, the focus stayed nowhere, and the trainer's typing went nowhere (one in
    ten runs of their tests with both cores busy)."""
    from textual.css.query import NoMatches

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to(step_id)
        view = screen.step_view
        assert view is not None and view.step.id == step_id and not view.children
        with pytest.raises(NoMatches):
            view.focus_first()
        screen._focus_view(view)  # as if the refresh came now: tries again later
        for _ in range(50):
            await pilot.pause(0.02)
            if app.focused is not None and view in app.focused.ancestors:
                break
        assert app.focused is not None and view in app.focused.ancestors


async def test_keys_typed_before_a_new_view_has_the_focus_reach_it(sessions: Path) -> None:
    """A view built when it is shown gets the focus once it is composed, after the
    screen painted it; the keys typed in between reached the screen, with nothing
    focused, and were lost. They wait for the focus now, and land in order."""
    from textual import events

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        assert "wie-is-er" not in screen._views  # not built ahead: built when shown
        screen.go_to("wie-is-er")
        assert app.focused is None
        for key, char in (*((c, c) for c in "Bert"), ("enter", "\r"), *((c, c) for c in "Co")):
            app.post_message(events.Key(key, char))
        for _ in range(50):
            await pilot.pause(0.02)
            if screen.session.participants:
                break
        await settle(pilot)
        assert [p.name for p in screen.session.participants] == ["Bert"]
        focused = app.focused
        assert focused is not None and focused.id == "p-name"
        assert getattr(focused, "value", None) == "Co"


async def test_keys_typed_towards_a_view_with_nothing_to_focus_are_let_go(
    sessions: Path,
) -> None:
    from textual import events

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = walk_screen(app)
        screen.go_to("inspiratie")  # the references: nothing to type in
        app.post_message(events.Key("x", "x"))
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.focused is None
        assert screen._typed_ahead.due is None
        screen.go_to("wie-is-er")
        await settle(pilot)
        await pilot.pause(0.2)
        focused = app.focused
        assert focused is not None and getattr(focused, "value", None) == ""
