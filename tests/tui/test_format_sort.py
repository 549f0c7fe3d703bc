"""#20 item 5: a sort step with open categories (added with ctrl+n, renamed with F9
in the app) and an unsorted pile (key 0); the verslag shows them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from samen_tui.kinds.sort.view import SortView
from samen_tui.kinds.sort.view_category import CategoryDialog
from samen_tui.report.build import report_blocks
from samen_tui.report.markdown import to_markdown
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import make_app, saved, walk_screen

AFFINITY = """\
[workshop]
id = "affinity"
title = "Affinity"

[[items]]
id = "sorteren"
title = "Sorteren"
minutes = 20

[[items.steps]]
kind = "sort"
id = "affinity"
title = "Wat hoort bij elkaar?"
open = true
unsorted = true
categories = [{ id = "wonen", title = "Wonen", key = "n" }]

[[items.steps]]
kind = "sort"
id = "dicht"
title = "Vaste categorieën"
categories = [{ id = "a", title = "A" }]
"""


def view(app: object) -> SortView:
    shown = walk_screen(app).step_view  # type: ignore[arg-type]
    assert isinstance(shown, SortView)
    return shown


async def test_categories_grow_and_get_names_in_the_room(sessions: Path, tmp_path: Path) -> None:
    workshop = tmp_path / "affinity.toml"
    workshop.write_text(AFFINITY, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = {hint.key for hint in app.screen.query_one(KeyBar).hints}
        assert "ctrl+n" in keys
        # a card that stays unsorted: key 0
        await pilot.press(*"Buurtkamer", "enter", "0")
        await pilot.pause()
        assert saved(app)["records"]["affinity"]["cards"][0]["category"] == "-"
        # a theme that comes up: ctrl+n, its name, Enter
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CategoryDialog)
        await pilot.press(*"Ontmoeten", "enter")
        await pilot.pause()
        await pilot.pause()
        titles = [(c.title, c.key) for c in view(app).sort_step.categories]
        assert titles == [("Wonen", "n"), ("Ontmoeten", "1"), ("Nog niet gesorteerd", "0")]
        added = saved(app)["records"]["affinity"]["added"]
        assert [a["title"] for a in added] == ["Ontmoeten"]
        # file a card under the new category with its key
        app.screen.query_one("#sort-input", Input).focus()
        await pilot.press(*"Koffieochtend", "enter", "1")
        await pilot.pause()
        cards = saved(app)["records"]["affinity"]["cards"]
        assert [c["category"] for c in cards] == ["-", added[0]["id"]]
        # rename the file's category: F9, choose it, a new name
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CategoryDialog)
        assert dialog.query_one("#category-choice", Select).value == "wonen"
        field = dialog.query_one("#category-title", Input)
        field.value = ""
        await pilot.press(*"Wonen en zorg", "enter")
        await pilot.pause()
        await pilot.pause()
        assert saved(app)["records"]["affinity"]["titles"] == {"wonen": "Wonen en zorg"}
        assert view(app).sort_step.categories[0].title == "Wonen en zorg"
        verslag = to_markdown(report_blocks(walk_screen(app).workshop, walk_screen(app).session))
        section = verslag.split("### Wat hoort bij elkaar?")[1]
        assert "Ontmoeten (1)" in section and "Nog niet gesorteerd (1)" in section

        walk_screen(app).go_to("dicht")  # a closed step: no ctrl+n, and ctrl+n does nothing
        await pilot.pause()
        await pilot.pause()
        assert "ctrl+n" not in {hint.key for hint in app.screen.query_one(KeyBar).hints}
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not isinstance(app.screen, CategoryDialog)
