"""Brainstorm: cards per prompt, dot voting within a budget, the ranked view — by keys."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select

from samen_tui.kinds.brainstorm.view import BrainstormView, IdeaList
from samen_tui.session.model import Participant
from samen_tui.tui.app import SamenApp
from tests.tui.conftest import burst, make_app, saved, until, walk_screen

STEP = "wat-helpt"
LITERAL = r"Vertrouwen [b]x[/] \ ëéï"


async def typed(pilot: Pilot[Any], text: str) -> None:
    await burst(pilot, text)


def messages(app: SamenApp) -> list[str]:
    return [n.message for n in app._notifications]


def ideas(app: SamenApp) -> list[dict[str, Any]]:
    records = saved(app).get("records", {})
    result: list[dict[str, Any]] = records.get(STEP, {}).get("ideas", [])
    return result


def plain(renderable: Any) -> str:
    """What a card shows, as one line of text (runs of spaces made one)."""
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return " ".join(console.export_text().split())


def shown(app: SamenApp, prompt: str) -> list[str]:
    cards = app.screen.query_one(f"#ideas-{prompt}", IdeaList)
    return [plain(cards.get_option_at_index(i).prompt) for i in range(cards.option_count)]


async def open_step(app: SamenApp, pilot: Pilot[Any], participants: int = 2) -> None:
    await pilot.pause()
    screen = walk_screen(app)
    names = ["Anna", "Bert", "Chloë"]
    for index in range(participants):
        screen.session.participants.append(
            Participant(id=f"p{index + 1}", name=names[index], organisation="Gemeente")
        )
    screen.go_to(STEP)
    await pilot.pause()
    await pilot.pause()
    # the view is built now and focuses its first field after its first refresh: on a
    # busy machine that is a few frames later, and keys pressed before went elsewhere
    for _ in range(100):
        view = screen.step_view
        focused = app.focused
        if view is not None and focused is not None and view in focused.ancestors:
            break
        await pilot.pause(0.05)


async def test_cards_in_two_prompts(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        assert app.focused is app.screen.query_one("#new-randvoorwaarden", Input)
        await typed(pilot, "Tijd en geld")
        await pilot.press("enter")
        await typed(pilot, LITERAL)
        await pilot.press("enter")
        # tab: the list of this prompt, then the field of the next prompt
        await pilot.press("tab", "tab")
        assert app.focused is app.screen.query_one("#new-werkwijzen", Input)
        await typed(pilot, "Samen leren")
        await pilot.press("enter")
        await pilot.pause()

        got = ideas(app)
        assert [(i["prompt"], i["text"]) for i in got] == [
            ("randvoorwaarden", "Tijd en geld"),
            ("randvoorwaarden", LITERAL),
            ("werkwijzen", "Samen leren"),
        ]
        assert all("who" not in i for i in got)  # the group said them
        # participant text is text: [b] and \ show literally
        assert any(LITERAL in line for line in shown(app, "randvoorwaarden"))
        assert shown(app, "killers") == []


async def test_card_said_by_a_participant_edit_and_delete(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        # "Van": shift+tab twice from the first field reaches the voter, then "Van"
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is not None and app.focused.id == "bs-who"
        await pilot.press("enter", "down", "enter")  # the group -> Anna
        await pilot.pause()
        assert app.focused is app.screen.query_one("#new-randvoorwaarden", Input)
        await typed(pilot, "Korte lijnen")
        await pilot.press("enter")
        await pilot.pause()
        assert ideas(app)[0]["who"] == "p1"
        assert "Korte lijnen — Anna" in shown(app, "randvoorwaarden")[0]
        # the next card is the group's again
        assert app.screen.query_one("#bs-who", Select).value == ""

        # edit: Enter on the card puts it in the field; Enter saves
        await pilot.press("tab", "enter")
        assert app.focused is app.screen.query_one("#new-randvoorwaarden", Input)
        await pilot.press("ctrl+u")
        await typed(pilot, "Heel korte lijnen")
        await pilot.press("enter")
        await pilot.pause()
        got = ideas(app)
        assert [i["text"] for i in got] == ["Heel korte lijnen"]

        # delete
        await pilot.press("tab", "delete")
        await pilot.pause()
        assert ideas(app) == []
        assert "Kaartje verwijderd: Heel korte lijnen" in messages(app)
        # and back with ctrl+z
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [i["text"] for i in ideas(app)] == ["Heel korte lijnen"]


async def test_dot_voting_within_budget_and_ranking(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        for text in ("Tijd en geld", "Een trekker", "Vertrouwen"):
            await typed(pilot, text)
            await pilot.press("enter")
        await pilot.press("tab")  # the list of randvoorwaarden
        assert isinstance(app.focused, IdeaList)
        votes_left = app.screen.query_one("#bs-votes-left", Label)
        assert "nog 3/3 stippen" in str(votes_left.render())

        # Anna (the first voter): two dots on "Een trekker", one on "Vertrouwen"
        await pilot.press("home", "down", "plus", "plus", "down", "space")
        await pilot.pause()
        assert "alle 3 stippen op" in str(votes_left.render())
        # a fourth dot is refused, with a clear message
        await pilot.press("plus")
        await pilot.pause()
        assert any("Anna heeft alle 3 stippen al verdeeld" in m for m in messages(app))
        by_text = {i["text"]: i.get("votes", {}) for i in ideas(app)}
        assert by_text == {
            "Tijd en geld": {},
            "Een trekker": {"p1": 2},
            "Vertrouwen": {"p1": 1},
        }

        # no dot of Anna on "Tijd en geld": "-" says so and changes nothing
        await pilot.press("home", "minus")
        await pilot.pause()
        assert any("Anna heeft geen stip op dit kaartje" in m for m in messages(app))

        # v: Bert votes; his budget is his own
        await pilot.press("v")
        await pilot.pause()
        assert "nog 3/3 stippen" in str(votes_left.render())
        await pilot.press("plus", "down", "down", "plus", "plus")
        await pilot.pause()
        by_text = {i["text"]: i.get("votes", {}) for i in ideas(app)}
        assert by_text == {
            "Tijd en geld": {"p2": 1},
            "Een trekker": {"p1": 2},
            "Vertrouwen": {"p1": 1, "p2": 2},
        }
        # Bert takes one back from Vertrouwen
        await pilot.press("minus")
        await pilot.pause()
        assert {i["text"]: i.get("votes", {}) for i in ideas(app)}["Vertrouwen"] == {
            "p1": 1,
            "p2": 1,
        }

        # in the order entered: total dots first, then the voter's own dots after the text
        assert shown(app, "randvoorwaarden") == [
            "1● Tijd en geld ●",
            "2● Een trekker",
            "2● Vertrouwen ●",
        ]
        # r: ranked by votes (2, 2, 1 -> ranks 1, 1, 3); equal votes keep their order
        await pilot.press("r")
        await pilot.pause()
        ranked = shown(app, "randvoorwaarden")
        assert ranked[0].startswith("1. 2● Een trekker")
        assert ranked[1].startswith("1. 2● Vertrouwen")
        assert ranked[2].startswith("3. 1● Tijd en geld")
        await pilot.press("r")
        await pilot.pause()
        assert shown(app, "randvoorwaarden")[0].startswith("1● Tijd en geld")

        # ctrl+z gives Bert's dot back to Vertrouwen; the voter stays Bert
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert {i["text"]: i.get("votes", {}) for i in ideas(app)}["Vertrouwen"] == {
            "p1": 1,
            "p2": 2,
        }
        view = app.screen.query_one(BrainstormView)
        assert view.state.voter == "p2"
        assert "alle 3 stippen op" in str(app.screen.query_one("#bs-votes-left", Label).render())


async def test_the_group_votes_when_nobody_is_listed_and_undo(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, participants=0)
        await pilot.press("tab", "tab")  # empty lists are skipped: werkwijzen, killers
        assert app.focused is app.screen.query_one("#new-killers", Input)
        await typed(pilot, "Wantrouwen")
        await pilot.press("enter", "tab", "plus", "plus")
        await pilot.pause()
        assert ideas(app)[0]["votes"] == {"groep": 2}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ideas(app)[0]["votes"] == {"groep": 1}
        view = app.screen.query_one(BrainstormView)
        assert view.state.voter == "groep"


async def test_special_characters_survive_save_and_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await typed(pilot, LITERAL)
        await pilot.press("enter", "tab", "plus")
        await pilot.pause()
        path = walk_screen(app).path
        assert ideas(app)[0]["text"] == LITERAL

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        lines = shown(again, "randvoorwaarden")
        assert lines == [f"1● {LITERAL}"] or lines[0].startswith(f"1● {LITERAL}")
        assert ideas(again)[0] == {
            "id": ideas(again)[0]["id"],
            "prompt": "randvoorwaarden",
            "text": LITERAL,
            "votes": {"p1": 1},
        }


async def test_read_only_shows_ranked_cards_without_inputs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        for text in ("Eén", "Twee"):
            await typed(pilot, text)
            await pilot.press("enter")
        await pilot.press("tab", "end", "plus")
        await pilot.pause()
        path = walk_screen(app).path
        saved(app)

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()  # another copy holds it: this one opens read-only
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            screen = walk_screen(viewer)
            assert screen.read_only
            assert not screen.query(".new-card")
            assert shown(viewer, "randvoorwaarden")[0].startswith("1. 1● Twee")
            await pilot.press("tab", "plus")
            await pilot.pause()
    finally:
        lock.release()


async def test_a_new_card_changes_its_own_column_and_at_most_one_layout(sessions: Path) -> None:
    """A card added to one column leaves the other columns' cards as they are, and the
    screen is laid out once at most: each column filled anew was a layout and a repaint of all
    three, and the field (its placeholder wider than the column) turned a scrollbar on
    and off, a second layout."""
    from tests.tui.conftest import layouts_counted

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await typed(pilot, "Tijd")
        await pilot.press("enter")
        await until(pilot, lambda: shown(app, "randvoorwaarden") == ["· Tijd"])
        await pilot.press("tab", "tab")
        await typed(pilot, "Samen leren")
        await pilot.press("enter")
        await until(pilot, lambda: shown(app, "werkwijzen") == ["· Samen leren"])
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one("#new-randvoorwaarden", Input)
        other = app.screen.query_one("#ideas-werkwijzen", IdeaList)
        before = [other.get_option_at_index(i) for i in range(other.option_count)]
        await typed(pilot, "Geld")
        await pilot.pause()
        with layouts_counted() as layouts:
            await pilot.press("enter")
            await pilot.pause(0.2)
        assert shown(app, "randvoorwaarden") == ["· Tijd", "· Geld"]
        after = [other.get_option_at_index(i) for i in range(other.option_count)]
        assert len(after) == 1 and after[0] is before[0]  # not filled anew
        assert len(layouts) <= 1, f"{len(layouts)} layouts"


async def test_typing_past_the_end_of_a_field_scrolls_it_without_a_layout(
    sessions: Path,
) -> None:
    """A field scrolls its text to the cursor itself: typing past its end lays nothing
    out, and the next layout of the screen is one layout (with Textual's auto overflow
    a field whose text is wider than it turned a scrollbar of size 0 on at that
    layout, and that asked for a second one)."""
    from tests.tui.conftest import layouts_counted

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        field = app.screen.query_one("#new-randvoorwaarden", Input)
        assert app.focused is field
        width = field.content_size.width
        # key by key: how a field scrolls while it is typed in is what this tests
        await pilot.press(*"x" * (width - 3))
        await pilot.pause()
        with layouts_counted() as layouts:
            await pilot.press(*"y" * 10)
            await pilot.pause()
            assert not layouts
            assert field.scroll_x > 0  # the cursor is in sight
            # the next layout (a card added anywhere, a column grown) is one layout
            app.screen.refresh(layout=True)
            await pilot.pause(0.2)
            assert len(layouts) == 1, f"{len(layouts)} layouts"
        assert not field.show_horizontal_scrollbar
        assert field.scroll_x > 0


def test_showing_the_cards_of_a_view_without_children_does_nothing() -> None:
    """A view dropped while it mounted (built ahead, then not needed) has lost its
    children when its mount handler runs: showing the cards must not fail then."""
    from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt
    from samen_tui.session.model import Session
    from samen_tui.tui.steps.base import ReadOnlyCapture
    from samen_tui.workshop.model import AgendaItem, Meta, Workshop

    step = BrainstormStep(id="b", title="B", prompts=(Prompt(id="p", title="P"),))
    workshop = Workshop(
        meta=Meta(id="w", title="W"),
        items=(AgendaItem(id="i", title="I", minutes=5, steps=(step,)),),
    )
    view = BrainstormView(step, ReadOnlyCapture(Session(), workshop))
    view.show_cards()
    view.on_mount()
    assert not view.children
