"""#20: a sort step's categories merged in the room (F5), a sort step that sorts an
earlier step's cards (``from``), and a sort card or a decision made an action (a)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList

from samen_tui.kinds.actions.view import ActionsView
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.conversation.view import DecisionTable
from samen_tui.kinds.sort.record import Added, Card, SortRecord
from samen_tui.kinds.sort.view import SortView
from samen_tui.kinds.sort.view_cards import CardView
from samen_tui.kinds.sort.view_category import MergeDialog
from samen_tui.report.build import report_blocks
from samen_tui.report.markdown import to_markdown
from samen_tui.session.model import Participant
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.forms import ActionList
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import make_app, saved, walk_screen

WORKSHOP = """\
[workshop]
id = "affinity"
title = "Affinity"

[[items]]
id = "werk"
title = "Werk"
minutes = 30

[[items.steps]]
kind = "brainstorm"
id = "ideeen"
title = "Ideeën"
prompts = [{ id = "p", title = "Ideeën" }]

[[items.steps]]
kind = "sort"
id = "affinity"
title = "Wat hoort bij elkaar?"
from = "ideeen"
open = true
categories = [
  { id = "wonen", title = "Wonen", key = "n" },
  { id = "zorg", title = "Zorg", key = "z" },
]

[[items.steps]]
kind = "sort"
id = "dicht"
title = "Vaste categorieën"
categories = [{ id = "x", title = "X" }, { id = "y", title = "Y" }]

[[items.steps]]
kind = "conversation"
id = "besluiten"
title = "Besluiten"

[[items.steps.flows]]
id = "bob"
title = "BOB"

[[items.steps.flows.phases]]
id = "besluit"
title = "Besluitvorming"
question = "Wat besluiten we?"
capture = "decisions"

[[items.steps]]
kind = "actions"
id = "acties"
title = "Acties"
"""


def start(sessions: Path, tmp_path: Path) -> SamenApp:
    workshop = tmp_path / "affinity.toml"
    workshop.write_text(WORKSHOP, encoding="utf-8")
    return make_app(sessions, workshop=str(workshop))


def sort_view(app: SamenApp) -> SortView:
    view = walk_screen(app).step_view
    assert isinstance(view, SortView)
    return view


def ideas(app: SamenApp) -> BrainstormRecord:
    record = walk_screen(app).session.record("ideeen", "brainstorm")
    assert isinstance(record, BrainstormRecord)
    return record


def sort_record(app: SamenApp, step: str = "affinity") -> SortRecord:
    record = walk_screen(app).session.record(step, "sort")
    assert isinstance(record, SortRecord)
    return record


def board(app: SamenApp) -> dict[str, list[str]]:
    """The texts per category as the view shows them (by their widgets)."""
    view = sort_view(app)
    out: dict[str, list[str]] = {c.id: [] for c in view.sort_step.categories}
    for widget in view.query(CardView):
        card = view.card(widget.card_id)
        assert card is not None
        out.setdefault(card.category, []).append(card.text)
    return out


def verslag(app: SamenApp) -> str:
    return to_markdown(report_blocks(walk_screen(app).workshop, walk_screen(app).session))


async def show(app: SamenApp, pilot: Any, step: str) -> None:
    walk_screen(app).go_to(step)
    await pilot.pause()
    await pilot.pause()


# --------------------------------------------------------------------------- merging


async def test_f5_merges_a_category_into_another_in_one_undoable_change(
    sessions: Path, tmp_path: Path
) -> None:
    app = start(sessions, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # by value: a category added in the room, cards in three categories
        record = sort_record(app)
        record.added.append(Added(id="c1", title="Ontmoeten"))
        record.cards += [
            Card(id="k1", text="Hofje", category="wonen"),
            Card(id="k2", text="Buurtzorg", category="zorg"),
            Card(id="k3", text="Mantelzorg", category="zorg"),
            Card(id="k4", text="Koffie", category="c1"),
        ]
        await show(app, pilot, "affinity")
        assert "f5" in {hint.key for hint in app.screen.query_one(KeyBar).hints}

        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MergeDialog)
        # left: Zorg (a category of the file); Enter goes right; right: Ontmoeten
        await pilot.press("down", "enter")
        await pilot.pause()
        into = dialog.query_one("#merge-into", OptionList)
        assert app.focused is into
        assert [str(into.get_option_at_index(i).id) for i in range(into.option_count)] == [
            "wonen",
            "c1",
            "-",
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, MergeDialog)

        data = saved(app)["records"]["affinity"]
        assert data["merged"] == {"zorg": "c1"}
        assert {c["text"]: c["category"] for c in data["cards"]} == {
            "Hofje": "wonen",
            "Buurtzorg": "c1",
            "Mantelzorg": "c1",
            "Koffie": "c1",
        }
        view = sort_view(app)
        assert [(c.title, c.key) for c in view.sort_step.categories] == [
            ("Wonen", "n"),
            ("Ontmoeten", "1"),  # its key stays: no key changes by a merge
            ("Nog niet gesorteerd", "0"),
        ]
        assert board(app)["c1"] == ["Buurtzorg", "Mantelzorg", "Koffie"]
        assert "z" not in view.query_one("#sort-hint").render().plain  # type: ignore[attr-defined]
        section = verslag(app).split("### Wat hoort bij elkaar?")[1]
        assert "Ontmoeten (3)" in section and "Zorg (" not in section
        assert "Samengevoegd in de zaal: Zorg in Ontmoeten." in section

        # one change: ctrl+z brings Zorg and its cards back
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        data = saved(app)["records"]["affinity"]
        assert "merged" not in data
        assert [c["category"] for c in data["cards"]] == ["wonen", "zorg", "zorg", "c1"]
        assert [c.title for c in sort_view(app).sort_step.categories][:2] == ["Wonen", "Zorg"]

        # Esc closes the dialog and changes nothing
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MergeDialog)
        assert "merged" not in saved(app)["records"]["affinity"]

        # a step without open categories: no F5 in the bar, and F5 does nothing
        await show(app, pilot, "dicht")
        assert "f5" not in {hint.key for hint in app.screen.query_one(KeyBar).hints}
        await pilot.press("f5")
        await pilot.pause()
        assert not isinstance(app.screen, MergeDialog)


# --------------------------------------------------------------------------- from


async def test_the_brainstorms_cards_arrive_unsorted_and_follow_until_sorted(
    sessions: Path, tmp_path: Path
) -> None:
    app = start(sessions, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).session.participants.append(Participant(id="p1", name="Anna"))
        ideas(app).ideas += [
            Idea(id="i1", prompt="p", text="Hofje", who="p1"),
            Idea(id="i2", prompt="p", text="Buurtzorg"),
            Idea(id="i3", prompt="p", text="Koffieochtend"),
        ]
        await show(app, pilot, "affinity")
        assert board(app)["-"] == ["Hofje", "Buurtzorg", "Koffieochtend"]
        assert sort_view(app).card("i1").who == "p1"  # type: ignore[union-attr]

        # sort the first with its key, on the card: no typing
        sort_view(app).focus_board()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert board(app)["wonen"] == ["Hofje"]
        # delete the third here: it does not come back
        sort_view(app)._focus_card("i3")
        await pilot.press("delete")
        await pilot.pause()
        assert board(app)["-"] == ["Buurtzorg"]

        # the brainstorm goes on: a new card, a text changed, the sorted one deleted
        await show(app, pilot, "ideeen")
        brainstorm = ideas(app)
        brainstorm.ideas[0].text = "Hofje (gewijzigd)"
        brainstorm.ideas[1].text = "Buurtzorg en wijkteam"
        brainstorm.ideas.append(Idea(id="i4", prompt="p", text="Deeltaxi"))
        await show(app, pilot, "affinity")
        assert board(app) == {
            "wonen": ["Hofje"],  # sorted: this step's own, kept as it was
            "zorg": [],
            "-": ["Buurtzorg en wijkteam", "Deeltaxi"],
        }
        brainstorm.ideas[:] = [i for i in brainstorm.ideas if i.id != "i2"]
        await show(app, pilot, "ideeen")
        await show(app, pilot, "affinity")
        assert board(app)["-"] == ["Deeltaxi"]  # unsorted and deleted there: gone here too

        data = saved(app)["records"]["affinity"]
        assert data["taken"] == ["i1", "i2", "i3", "i4"]
        section = verslag(app).split("### Wat hoort bij elkaar?")[1]
        assert "Wonen (1)" in section and "Hofje — Anna" in section
        assert "Nog niet gesorteerd (1)" in section and "Deeltaxi" in section


# --------------------------------------------------------------------------- actions


async def test_a_on_a_sort_card_and_on_a_decision_makes_an_action(
    sessions: Path, tmp_path: Path
) -> None:
    app = start(sessions, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sort_record(app, "dicht").cards += [
            Card(id="k1", text="Buurtkamer openen", category="x"),
            Card(id="k2", text="Flyer", category="y"),
        ]
        await show(app, pilot, "dicht")
        sort_view(app).focus_board()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("a")  # once is enough: no second action of the same card
        await pilot.pause()
        actions = saved(app)["records"]["dicht"]["actions"]
        assert [(a["what"], a["source"]) for a in actions] == [("Buurtkamer openen", "k1")]
        assert board(app)["x"] == ["Buurtkamer openen"]  # the card stays where it was

        await show(app, pilot, "besluiten")
        decisions = app.screen.query_one("#f-text")
        decisions.focus()
        await pilot.press(*"We starten een pilot", "enter")
        await pilot.pause()
        app.screen.query_one(DecisionTable).focus()
        await pilot.press("a")
        await pilot.pause()
        record = saved(app)["records"]["besluiten"]
        assert [(a["what"], a["source"]) for a in record["actions"]] == [
            ("We starten een pilot", record["decisions"][0]["id"])
        ]
        listed = app.screen.query_one("#actions-besluit", ActionList)
        assert listed.table.row_count == 1  # shown under the decisions at once

        await show(app, pilot, "acties")
        assert isinstance(walk_screen(app).step_view, ActionsView)
        table = app.screen.query_one(ActionList).table
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [(row[1], row[-1]) for row in rows] == [
            ("Buurtkamer openen", "Vaste categorieën"),
            ("We starten een pilot", "Besluiten"),
        ]
        text = verslag(app)
        assert "| Buurtkamer openen |" in text and "| We starten een pilot |" in text

        # each is one undoable change
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "actions" not in saved(app)["records"]["besluiten"]
        assert len(saved(app)["records"]["dicht"]["actions"]) == 1
