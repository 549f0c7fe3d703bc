"""The walk screen's compositor paints a partial update band by band: the same update
as Textual's, from fewer widgets."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from samen_tui.tui.app import SamenApp
from samen_tui.tui.tuning.compositor import BandCompositor, bands
from tests.tui.conftest import make_app, tuned, walk_screen

pytestmark = tuned


def test_bands_group_the_regions_whose_lines_touch() -> None:
    top = Region(0, 0, 10, 2)
    beside = Region(20, 1, 5, 1)
    touching = Region(3, 2, 4, 1)
    far = Region(0, 30, 80, 1)
    assert bands({far, touching, beside, top}) == [[top, beside, touching], [far]]
    assert bands(set()) == []


def painted(app: SamenApp, regions: set[Region], cls: type[Compositor]) -> str | None:
    """The escape string of the partial update of ``regions``, painted by ``cls``."""
    compositor = app.screen._compositor
    kind = compositor.__class__
    compositor.__class__ = cls
    try:
        compositor._dirty_regions = set(regions)
        update = compositor.render_update()
    finally:
        compositor.__class__ = kind
    return None if update is None else update.render_segments(app.console)


@contextmanager
def widgets_rendered() -> Iterator[list[Widget]]:
    rendered: list[Widget] = []
    real = Widget.render_lines

    def counting(self: Widget, crop: Region) -> list:  # type: ignore[type-arg]
        rendered.append(self)
        return real(self, crop)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Widget, "render_lines", counting)
        yield rendered


async def test_the_update_is_textuals_from_fewer_widgets(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert isinstance(screen._compositor, BandCompositor)
        screen.go_to("ingredienten")
        for _ in range(3):
            await pilot.pause()
        await pilot.press("3", "down", "4", "down")
        await pilot.pause()
        compositor = screen._compositor
        shown = {
            widget: region.intersection(clip)
            for widget, (region, clip) in compositor.visible_widgets.items()
        }
        widgets = [widget for widget, region in shown.items() if region]
        size = compositor.size
        rng = random.Random(20261128)
        for _ in range(60):
            regions = {shown[w] for w in rng.sample(widgets, rng.randint(1, 4))}
            if rng.random() < 0.5:  # a part of a widget, as a scroll or a cursor asks
                x, y = rng.randrange(size.width), rng.randrange(size.height)
                regions.add(Region(x, y, rng.randint(1, size.width - x), 1))
            assert painted(app, regions, BandCompositor) == painted(app, regions, Compositor)
        # a score near the top and the detail line at the bottom, as a key changes them
        first = min((w for w in widgets if "rate-row" in w.classes), key=lambda w: shown[w].y)
        detail = next(w for w in widgets if w.id == "rate-detail")
        regions = {shown[first], shown[detail]}
        assert shown[detail].y - shown[first].y > 20
        with widgets_rendered() as banded:
            by_band = painted(app, regions, BandCompositor)
        with widgets_rendered() as boxed:
            by_box = painted(app, regions, Compositor)
        assert by_band == by_box
        assert len(banded) * 3 < len(boxed), (len(banded), len(boxed))


class _Shown(Screen[None]):
    """A line and a widget hidden below it, indented, on a ``BandCompositor``."""

    DEFAULT_CSS = "#later { display: none; margin-left: 5; width: 10; }"

    def __init__(self) -> None:
        super().__init__()
        self._compositor = BandCompositor()

    def compose(self) -> ComposeResult:
        yield Static("first line", id="first")
        yield Static("second", id="later")


class _ShownApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(_Shown())


async def test_a_widget_shown_between_layouts_is_painted() -> None:
    """Textual builds its full map again lazily when a widget it does not know is
    refreshed; its cuts must be worked out again too, or the widget is painted under
    the screen's background (the step's view showed as an empty pane)."""
    app = _ShownApp()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        screen = app.screen
        compositor = screen._compositor
        assert isinstance(compositor, BandCompositor)
        assert compositor.cuts[1] == [0, 40]
        later = screen.query_one("#later")
        # all in one go, so that no layout of the screen comes in between
        later.display = True
        compositor.update_widgets({later})  # what a refresh of the widget does
        assert later in compositor.full_map
        assert compositor.cuts[1] == [0, 5, 15, 40]
        update = compositor.render_full_update()
        lines = ["".join(strip.text for strip in line) for line in update.strips]
        assert lines[1].startswith("     second")


def full_paint(app: SamenApp, cls: type[Compositor]) -> list[str]:
    """Every line of a full update painted by ``cls``, as escape strings."""
    compositor = app.screen._compositor
    kind = compositor.__class__
    compositor.__class__ = cls
    try:
        update = compositor.render_full_update()
    finally:
        compositor.__class__ = kind
    console = app.console
    return ["".join(s.render(console) for s in strips) for strips in update.strips]  # type: ignore[attr-defined]


@pytest.mark.parametrize("step_id", ["ingredienten", "wat-helpt", "wie-is-er"])
async def test_what_is_covered_is_neither_rendered_nor_cut(sessions: Path, step_id: str) -> None:
    """A full paint is Textual's, line for line, but a container wholly under its
    children (the step's pane) is not rendered at all."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to(step_id)
        for _ in range(3):
            await pilot.pause()
        host = screen.query_one("#step-host")
        with widgets_rendered() as ours:
            mine = full_paint(app, BandCompositor)
        with widgets_rendered() as textuals:
            theirs = full_paint(app, Compositor)
        assert mine == theirs
        assert host in textuals
        assert host not in ours
        assert len(ours) < len(textuals)
