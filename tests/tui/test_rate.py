"""Ingredient checklist (rate): scores by number keys, per participant, notes, means and
spread, the weakest marked, tabs on a small screen — read back from the saved file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static, TabbedContent

from samen_tui.kinds.rate.view import RateView
from samen_tui.kinds.rate.view_rows import ClusterHead, IngredientRow, Line, NoteInput
from samen_tui.kinds.sort.view_who import WhoPicker
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import (
    burst,
    layouts_counted,
    make_app,
    paints_of,
    saved,
    tuned,
    walk_screen,
)

STEP = "ingredienten"
LITERAL = r"Tijd [b]x[/] \ ëéï"
PEOPLE = [("Anna", "Gemeente Zeist"), ("Bert", "Zorggroep"), ("Chloë", "Welzijn")]
FIRST_CLUSTER = [
    "gedeelde-ambitie",
    "zichtbare-urgentie",
    "duidelijkheid-belangen",
    "gezamenlijk-belang",
]


# --------------------------------------------------------------------------- helpers


async def typed(pilot: Pilot[Any], text: str) -> None:
    await burst(pilot, text)


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def ratings(app: SamenApp) -> dict[str, Any]:
    records = saved(app).get("records", {})
    result: dict[str, Any] = records.get(STEP, {}).get("ratings", {})
    return result


def people(app: SamenApp) -> dict[str, str]:
    return {p["name"]: p["id"] for p in saved(app).get("participants", [])}


def row(app: SamenApp, item_id: str) -> IngredientRow:
    for widget in app.screen.query(IngredientRow):
        if widget.item.id == item_id:
            return widget
    raise AssertionError(f"no row {item_id}")


def columns(line: Line) -> dict[str, str]:
    """What a line shows on the screen, column by column."""
    text = shown(line).ljust(line.size.width)
    start = line.region.x - line.content_region.x
    return {
        name: text[left - start : right - start].strip()
        for name, left, right in line.spans(line.content_size.width)
    }


def cells(app: SamenApp, item_id: str) -> dict[str, str]:
    """What a row shows, column by column, and its note."""
    widget = row(app, item_id)
    return {**columns(widget.line), "note": shown(widget.note).strip()}


def view(app: SamenApp) -> RateView:
    return app.screen.query_one(RateView)


async def add_participants(app: SamenApp, pilot: Pilot[Any], count: int = 2) -> None:
    walk_screen(app).go_to("wie-is-er")
    await pilot.pause()
    await pilot.pause()
    for name, org in PEOPLE[:count]:
        await typed(pilot, name)
        await pilot.press("tab")
        await typed(pilot, org)
        await pilot.press("enter")
        await pilot.pause()


async def open_step(app: SamenApp, pilot: Pilot[Any], participants: int = 0) -> None:
    await pilot.pause()
    if participants:
        await add_participants(app, pilot, participants)
    walk_screen(app).go_to(STEP)
    await pilot.pause()
    await pilot.pause()
    assert app.focused is row(app, "gedeelde-ambitie")


# --------------------------------------------------------------------------- tests


async def test_group_scores_with_number_keys_and_clear(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("4", "down", "2", "down", "5", "down", "3")
        await pilot.pause()
        assert ratings(app) == {
            "gedeelde-ambitie": {"group": 4},
            "zichtbare-urgentie": {"group": 2},
            "duidelijkheid-belangen": {"group": 5},
            "gezamenlijk-belang": {"group": 3},
        }
        assert app.focused is row(app, "gezamenlijk-belang")
        first = cells(app, "gedeelde-ambitie")
        assert first["score"] == "●●●●○ 4 grotendeels"
        assert first["mean"] == "4,0"
        # x clears the score of the highlighted ingredient; up goes back
        await pilot.press("x", "up", "up", "delete")
        await pilot.pause()
        assert ratings(app) == {
            "gedeelde-ambitie": {"group": 4},
            "duidelijkheid-belangen": {"group": 5},
        }
        assert cells(app, "zichtbare-urgentie")["score"] == "····· –"
        # a number key again overwrites; ctrl+z takes it back
        await pilot.press("1")
        await pilot.pause()
        assert ratings(app)["zichtbare-urgentie"] == {"group": 1}
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert "zichtbare-urgentie" not in ratings(app)
        # the focus comes back to the same ingredient after the undo
        assert app.focused is row(app, "zichtbare-urgentie")


async def test_fast_keys_queued_at_the_old_row(sessions: Path) -> None:
    """↓ and a number key pressed at once both reach the row that had the focus: the
    score still goes to the ingredient with the cursor."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        # as the terminal delivers them: both at once, before the app has handled either
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("4", "4"))
        await pilot.pause()
        await pilot.pause()
        assert ratings(app) == {"zichtbare-urgentie": {"group": 4}}
        assert app.focused is row(app, "zichtbare-urgentie")


async def test_cluster_bar_shows_the_mean(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        heads = {h.group.id: h for h in app.screen.query(ClusterHead)}
        assert len(heads) == 4  # all four clusters at once at 120x40
        assert columns(heads["ambitie"])["mean"] == "–"
        await pilot.press("5", "down", "2")
        await pilot.pause()
        head = heads["ambitie"]
        assert columns(head)["mean"] == "3,5"
        bar = columns(head)["score"]
        assert bar.startswith("█")
        assert "░" in bar  # 3.5 of 5: partly full


async def test_per_participant_scores_mean_and_spread(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=2)
        rater = app.screen.query_one("#rate-rater", Line)
        assert "Wie scoort: groep" in columns(rater)["title"]
        await pilot.press("3")  # the group
        await pilot.press("right")  # Anna
        assert "Wie scoort: Anna" in columns(rater)["title"]
        await pilot.press("2")
        await pilot.press("right", "5")  # Bert
        await pilot.pause()
        ids = people(app)
        assert ratings(app)["gedeelde-ambitie"] == {
            "group": 3,
            "by": {ids["Anna"]: 2, ids["Bert"]: 5},
        }
        shown_cells = cells(app, "gedeelde-ambitie")
        assert shown_cells["score"] == "●●●●● 5 helemaal"  # Bert's, who rates now
        assert shown_cells["mean"] == "3,5"
        assert shown_cells["spread"] == "3"
        detail = shown(app.screen.query_one("#rate-detail", Static))
        assert "groep 3 · Anna 2 · Bert 5" in detail
        assert "gemiddeld 3,5 · spreiding 3 · 2 scores" in detail

        # F4 picks who rates with one key: 0 is the group
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("1")
        await pilot.pause()
        assert "Wie scoort: Anna" in columns(rater)["title"]
        await pilot.press("x")  # clears Anna's score only
        await pilot.press("left")  # back to the group
        assert "Wie scoort: groep" in columns(rater)["title"]
        await pilot.pause()
        assert ratings(app)["gedeelde-ambitie"] == {"group": 3, "by": {ids["Bert"]: 5}}
        assert cells(app, "gedeelde-ambitie")["score"] == "●●●○○ 3 deels"
        assert cells(app, "gedeelde-ambitie")["mean"] == "5,0"  # over the participants


async def test_note_with_literal_text_and_undo(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("down", "n")
        field = app.screen.query_one(NoteInput)
        assert app.focused is field
        await typed(pilot, LITERAL)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is row(app, "zichtbare-urgentie")
        assert ratings(app) == {"zichtbare-urgentie": {"note": LITERAL}}
        assert cells(app, "zichtbare-urgentie")["note"] == LITERAL
        # Enter on the row edits the same note; Esc is done too
        await pilot.press("enter")
        assert field.value == LITERAL
        await pilot.press("end")
        await typed(pilot, "!")
        await pilot.press("escape")
        await pilot.pause()
        assert ratings(app)["zichtbare-urgentie"]["note"] == LITERAL + "!"
        # one burst of typing is one undo step
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ratings(app)["zichtbare-urgentie"]["note"] == LITERAL
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ratings(app) == {}


async def test_weakest_marked_lowest_mean_then_widest_spread(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=2)
        # group scores: 4, 2, 5, 3 in the first cluster
        await pilot.press("4", "down", "2", "down", "5", "down", "3", "down")
        # Functionele organisatie: Anna 1, Bert 5 -> mean 3, spread 4 (beats 3 with spread 0)
        await pilot.press("right", "1", "right", "5", "left", "left")
        await pilot.pause()
        weak = [r.item.id for r in app.screen.query(IngredientRow) if r.has_class("-weakest")]
        assert weak == ["zichtbare-urgentie", "gezamenlijk-belang", "functionele-organisatie"]
        panel = shown(app.screen.query_one("#rate-weakest", Static))
        assert panel.index("1. Zichtbare urgentie") < panel.index("2. Functionele organisatie")
        assert panel.index("2. Functionele organisatie") < panel.index("3. Een gezamenlijk")
        assert cells(app, "zichtbare-urgentie")["title"].startswith("1. ")
        assert cells(app, "functionele-organisatie")["spread"] == "4"


async def test_small_screen_one_cluster_per_tab_and_resize(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, participants=1)
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "rate-tab-0"
        assert [
            r.item.id for r in app.screen.query(IngredientRow) if r.display and r.region
        ] == FIRST_CLUSTER
        # ↓ runs on from the last ingredient of a cluster into the next tab
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert tabs.active == "rate-tab-1"
        assert app.focused is row(app, "functionele-organisatie")
        await pilot.press("right", "4")  # Anna rates
        await pilot.press("up")
        assert tabs.active == "rate-tab-0"
        await pilot.press("down")
        await pilot.pause()

        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query(TabbedContent)
        assert len(app.screen.query(ClusterHead)) == 4
        assert app.focused is row(app, "functionele-organisatie")
        assert "Wie scoort: Anna" in columns(app.screen.query_one("#rate-rater", Line))["title"]
        assert cells(app, "functionele-organisatie")["score"].startswith("●●●●○ 4")

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "rate-tab-1"
        assert app.focused is row(app, "functionele-organisatie")
        ids = people(app)
        assert ratings(app) == {"functionele-organisatie": {"by": {ids["Anna"]: 4}}}


async def test_mouse_click_focuses_a_row_and_a_tab(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, participants=1)
        await pilot.click(row(app, "duidelijkheid-belangen"))
        await pilot.pause()
        assert app.focused is row(app, "duidelijkheid-belangen")
        await pilot.press("5")
        await pilot.pause()
        assert ratings(app) == {"duidelijkheid-belangen": {"group": 5}}
        # a click on a tab shows that cluster and puts the cursor in it
        await pilot.click("#--content-tab-rate-tab-2")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "rate-tab-2"
        assert isinstance(app.focused, IngredientRow)
        assert app.focused.item.group == "samenstelling"
        # a click on "Wie scoort" opens the picker
        await pilot.click("#rate-rater")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("1")
        await pilot.pause()
        assert "Wie scoort: Anna" in columns(app.screen.query_one("#rate-rater", Line))["title"]


async def test_literal_note_and_diacritics_survive_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("2", "n")
        await typed(pilot, LITERAL)
        await pilot.press("enter")
        await pilot.pause()
        path = walk_screen(app).path

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert cells(again, "gedeelde-ambitie")["note"] == LITERAL
        assert cells(again, "gedeelde-ambitie")["score"] == "●●○○○ 2 nauwelijks"
        assert ratings(again) == {"gedeelde-ambitie": {"group": 2, "note": LITERAL}}


async def test_read_only_shows_scores_without_inputs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("3", "n")
        await typed(pilot, "Alleen lezen")
        await pilot.press("enter")
        await pilot.pause()
        path = walk_screen(app).path
        saved(app)

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            screen = walk_screen(viewer)
            assert screen.read_only
            assert not screen.query(Input)
            assert cells(viewer, "gedeelde-ambitie")["score"] == "●●●○○ 3 deels"
            assert cells(viewer, "gedeelde-ambitie")["note"] == "Alleen lezen"
            row(viewer, "gedeelde-ambitie").focus()
            await pilot.pause()
            await pilot.press("5", "x", "n", "enter")
            await pilot.pause()
            assert cells(viewer, "gedeelde-ambitie")["score"] == "●●●○○ 3 deels"
            record = screen.session.records[STEP]
            assert record.ratings["gedeelde-ambitie"].group == 3  # type: ignore[attr-defined]
    finally:
        lock.release()


def title_style(app: SamenApp, item_id: str) -> Style:
    """The style the title of a row is drawn in (of its first letter)."""
    line = row(app, item_id).line
    strip = line.render_lines(Region(0, 0, line.size.width, 1))[0]
    letters = [seg for seg in strip if seg.text.strip()]
    assert letters, f"nothing drawn for {item_id}"
    assert letters[0].style is not None
    return letters[0].style


async def test_the_weakest_titles_are_drawn_in_bold_warning(sessions: Path) -> None:
    """Each line draws its own columns; the title of an ingredient among the weakest
    takes its row's style (bold, the warning colour), and loses it when the
    ingredient leaves the weakest."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        plain = title_style(app, "zichtbare-urgentie")
        assert not plain.bold
        await pilot.press("4", "down", "1", "down", "5", "down", "4")
        await pilot.pause()
        assert row(app, "zichtbare-urgentie").has_class("-weakest")
        weak = title_style(app, "zichtbare-urgentie")
        assert weak.bold
        assert weak.color != plain.color
        assert not title_style(app, "duidelijkheid-belangen").bold  # 5: not among them
        assert title_style(app, "gedeelde-ambitie").bold  # 4, as the last one
        # the first one up to 5, two of the next cluster down to 2: it leaves them
        await pilot.press("up", "up", "up", "5", "down", "down", "down", "down", "2", "down", "2")
        await pilot.pause()
        assert not row(app, "gedeelde-ambitie").has_class("-weakest")
        assert not title_style(app, "gedeelde-ambitie").bold


async def test_a_score_key_queries_no_widgets(sessions: Path) -> None:
    """The view holds its rows and the lines under the list: a score key (and a move)
    walks none of the view's widgets (five queries of them were half of the key)."""
    from textual.dom import DOMNode

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        queried: list[str] = []
        real_query, real_query_one = DOMNode.query, DOMNode.query_one

        def query(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            if isinstance(self, RateView):
                queried.append(f"query{args}")
            return real_query(self, *args, **kwargs)

        def query_one(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            if isinstance(self, RateView):
                queried.append(f"query_one{args}")
            return real_query_one(self, *args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(DOMNode, "query", query)
            patch.setattr(DOMNode, "query_one", query_one)
            await pilot.press("3", "down", "4")
            await pilot.pause()
        assert ratings(app) == {
            "gedeelde-ambitie": {"group": 3},
            "zichtbare-urgentie": {"group": 4},
        }
        assert cells(app, "zichtbare-urgentie")["score"] == "●●●●○ 4 grotendeels"
        assert queried == []


async def test_a_score_repaints_the_checklist_without_a_layout(sessions: Path) -> None:
    """A number key that moves no row in or out of the weakest changes cells of one
    size and the line of the score under the list: a repaint, not a layout of the
    screen (that was most of the key). A note that needs more lines still gets one."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("4", "down", "2", "down", "5", "down", "3", "up", "up")
        await pilot.pause()
        with layouts_counted() as layouts:
            await pilot.press("1")  # zichtbare-urgentie, still the weakest
            await pilot.pause()
            assert not layouts
            assert cells(app, "zichtbare-urgentie")["score"] == "●○○○○ 1 helemaal niet"
            detail = view(app).query_one("#rate-detail", Static)
            assert "1" in shown(detail)
            # a note of two lines makes its row taller: that is a layout
            note = row(app, "gedeelde-ambitie").note
            note.remove_class("-empty")
            assert note.show(Text("een\ntwee"), layout=True)
            await pilot.pause()
            assert layouts
        assert note.size.height == 2


@tuned
async def test_a_move_on_the_checklist_is_painted_at_once(sessions: Path) -> None:
    """A move restyles two rows and the line and cells in them, and changes the detail
    line under the list: all of it reaches the screen together, one paint per key (the
    cells' repaints, left to their own idle time, came ~30 ms after the rows, in a
    second paint)."""
    import asyncio

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.pause(0.5)
        paints = paints_of(app)
        moves = 12
        for key in ["down"] * (moves // 2) + ["up"] * (moves // 2):
            await app._press_keys((key,))
            await asyncio.sleep(0.15)
        assert app.focused is row(app, "gedeelde-ambitie")
        assert len(paints) <= moves + 2, f"{len(paints)} paints for {moves} moves"


@tuned
async def test_a_score_that_changes_the_weakest_is_painted_in_one_frame(sessions: Path) -> None:
    """A score that moves a row into the weakest restyles the row (its border: a
    layout) and lengthens the list of the weakest under the checklist. The row asks
    for its layout at its own idle time, after the screen's frame had begun: the key
    was painted, then laid out and painted again 20-40 ms later. One frame per key."""
    import asyncio

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.pause(0.5)
        paints = paints_of(app)
        keys = ["3", "down", "4", "down", "5", "down", "2"]
        for key in keys:
            await app._press_keys((key,))
            await asyncio.sleep(0.15)
        weak = [r.item.id for r in app.screen.query(IngredientRow) if r.has_class("-weakest")]
        assert set(weak) == {"gezamenlijk-belang", "gedeelde-ambitie", "zichtbare-urgentie"}
        assert title_style(app, "gezamenlijk-belang").bold
        assert len(paints) <= len(keys) + 1, f"{len(paints)} paints for {len(keys)} keys"


@tuned
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_score_is_laid_out_once(sessions: Path, size: tuple[int, int]) -> None:
    """Widgets that change size in a layout (the list of the weakest that takes a
    second line, the panel and the list around it) get a new virtual size, and
    Textual's reactive for it asks for another layout: a second frame with nothing
    new. One layout per key."""
    import asyncio

    app = make_app(sessions)
    async with app.run_test(size=size) as pilot:
        await open_step(app, pilot)
        await pilot.pause(0.5)
        counts = []
        for key in ["3", "down", "4", "down", "5", "down", "2"]:
            with layouts_counted() as layouts:
                await app._press_keys((key,))
                await asyncio.sleep(0.15)
            counts.append(len(layouts))
        assert max(counts) == 1, counts
        weakest = view(app).query_one("#rate-weakest", Static)
        assert weakest.size.height == 2  # it took a second line on the way


async def test_score_keys_are_the_scales_and_named_after_its_points(
    sessions: Path, tmp_path: Path
) -> None:
    """The score keys are static bindings, one per digit: only the scale's digits are
    on, each named after its point of the scale in the key bar; another does nothing."""
    workshop = tmp_path / "drie.toml"
    workshop.write_text(
        """\
[workshop]
id = "drie"
title = "Drie punten"

[[items]]
id = "kern"
title = "Kern"
minutes = 10

[[items.steps]]
kind = "rate"
id = "ingredienten"
title = "Checklist"
scale = { min = 1, max = 3, labels = ["niet", "deels", "wel"] }
groups = [{ id = "g", title = "Groep" }]
items = [{ id = "a", title = "Een", group = "g" }, { id = "b", title = "Twee", group = "g" }]
""",
        encoding="utf-8",
    )
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.focused is row(app, "a")
        hints = {hint.key: hint.description for hint in app.screen.query_one(KeyBar).hints}
        assert (hints["1"], hints["2"], hints["3"]) == ("niet", "deels", "wel")
        assert not {"4", "5", "9", "0"} & set(hints)
        await pilot.press("4", "0", "2")
        await pilot.pause()
        assert ratings(app) == {"a": {"group": 2}}
