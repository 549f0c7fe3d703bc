"""The radar of a rate step with ``chart = "radar"`` (#20) in the trainer's view, with
the real keys: below the list where there is room (g hides it), instead of the list
on g where there is not (80x24); ←/→ choose whose own web is drawn beside the mean; a
step without the option has no radar and no g."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from samen_tui import paths
from samen_tui.kinds.rate.view import RateView
from samen_tui.kinds.rate.view_radar import RadarCell
from samen_tui.kinds.rate.view_rows import IngredientRow
from samen_tui.tui.app import SamenApp
from tests.tui.conftest import make_app, saved, walk_screen

EXAMPLE = str(paths.PACKAGE_WORKSHOPS / "examples" / "positieve-gezondheid.toml")


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def view(app: SamenApp) -> RateView:
    found = walk_screen(app).step_view
    assert isinstance(found, RateView)
    return found


def web(app: SamenApp) -> RadarCell:
    return view(app).query_one("#rate-radar", RadarCell)


async def test_the_radar_below_the_list_follows_the_scores(sessions: Path) -> None:
    app = make_app(sessions, workshop=EXAMPLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("dimensies")
        await pilot.pause()
        await pilot.pause()
        assert web(app).display and web(app).size.height >= 12
        rows = list(view(app).query(IngredientRow))
        assert all(row.display for row in rows)
        assert app.focused is rows[0]
        await pilot.press("7", "down", "4", "down", "1", "0")
        await pilot.pause()
        text = shown(web(app))
        assert "Lichaamsfuncties 7,0" in text and "Zingeving 10,0" in text
        assert "Mentaal welbevinden 4,0" in text and "Meedoen –" in text
        assert "━ gemiddelde" in text and "Anoniem" not in text
        # a participant chosen: their own web beside the mean, named in the legend
        await pilot.press("right", "up", "2")
        await pilot.pause()
        assert "━ Anoniem 1" in shown(web(app))
        assert saved(app)["records"]["dimensies"]["ratings"]["mentaal-welbevinden"] == {
            "group": 4,
            "by": {"anon-1": 2},
        }
        # g hides the radar and shows it again; the focus stays on the list
        await pilot.press("g")
        await pilot.pause()
        assert not web(app).display
        assert isinstance(app.focused, IngredientRow)
        await pilot.press("g")
        await pilot.pause()
        assert web(app).display and isinstance(app.focused, IngredientRow)


async def test_at_80x24_g_shows_the_radar_instead_of_the_list(sessions: Path) -> None:
    app = make_app(sessions, workshop=EXAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("dimensies")
        await pilot.pause()
        await pilot.pause()
        assert not web(app).display  # no room: the list alone
        await pilot.press("5", "down", "8")
        await pilot.press("g")
        await pilot.pause()
        assert web(app).display and app.focused is web(app)
        assert not any(row.region.height for row in view(app).query(IngredientRow))
        text = shown(web(app))
        assert "Lichaamsfuncties 5,0" in text and "Mentaal welbevinden 8,0" in text
        assert any(0x2800 < ord(c) <= 0x28FF for c in text)
        await pilot.press("right")  # whose web: the next rater, also here
        await pilot.pause()
        assert "Anoniem 1" in shown(view(app).query_one("#rate-rater"))
        await pilot.press("g")
        await pilot.pause()
        assert not web(app).display
        assert isinstance(app.focused, IngredientRow)
        await pilot.press("3")  # the list takes scores again
        await pilot.pause()
        ratings = saved(app)["records"]["dimensies"]["ratings"]
        assert ratings["mentaal-welbevinden"]["by"] == {"anon-1": 3}


async def test_a_step_without_the_option_has_no_radar_and_no_g(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("ingredienten")
        await pilot.pause()
        await pilot.pause()
        assert not view(app).query(RadarCell)
        assert view(app).check_action("chart", ()) is False
        await pilot.press("g")
        await pilot.pause()
        assert not view(app).query(RadarCell) and not view(app).has_class("-radar-only")
