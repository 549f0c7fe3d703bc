"""Questions: answers per question, attributed to a participant or the group — by keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Select

from samen_tui.session.model import Participant
from samen_tui.tui import tuning
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.forms import CardList
from tests.tui.conftest import burst, make_app, saved, tuned, walk_screen

STEP = "startvragen"
LITERAL = r"[b]Zorg[/] en \ welzijn: ëéï"


def messages(app: SamenApp) -> list[str]:
    return [n.message for n in app._notifications]


def answers(app: SamenApp) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = saved(app).get("records", {}).get(STEP, {}).get("answers", [])
    return result


def shown(app: SamenApp, question: str) -> list[str]:
    cards = app.screen.query_one(f"#q-{question} CardList", CardList)
    out = []
    for index in range(cards.option_count):
        prompt = cards.get_option_at_index(index).prompt
        assert isinstance(prompt, Text)
        out.append(prompt.plain)
    return out


def field(app: SamenApp, question: str) -> Input:
    return app.screen.query_one(f"#q-{question} .answer-input", Input)


async def open_step(app: SamenApp, pilot: Pilot[Any]) -> None:
    await pilot.pause()
    screen = walk_screen(app)
    screen.session.participants.append(Participant(id="p1", name="Anna", organisation="Zeist"))
    screen.session.participants.append(Participant(id="p2", name="Bert", organisation="Welzijn"))
    screen.go_to(STEP)
    await pilot.pause()
    await pilot.pause()


async def test_answers_per_question_attributed(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        assert app.focused is field(app, "core-business")
        # the group's answer
        await burst(pilot, "Zorg dichtbij")
        await pilot.press("enter")
        await pilot.pause()
        # then one by Bert: type, tab to "who", choose, and back in the field to add
        await burst(pilot, "Mensen, niet systemen")
        await pilot.press("tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "down", "enter")  # de groep, Anna, Bert
        await pilot.pause()
        assert app.focused is field(app, "core-business")
        await pilot.press("enter")
        await pilot.pause()
        # the next answer is the group's again unless someone is chosen
        who = app.screen.query_one("#q-core-business Select", Select)
        assert who.value == ""
        # the second question, chosen who first (Anna)
        await pilot.press("tab", "tab", "tab")
        assert app.focused is field(app, "nooit-los")
        await pilot.press("tab", "enter", "down", "enter")
        await pilot.pause()
        assert app.focused is field(app, "nooit-los")
        await pilot.press(*LITERAL, "enter")
        await pilot.pause()

        got = [(a["question"], a["text"], a.get("who", "")) for a in answers(app)]
        assert got == [
            ("core-business", "Zorg dichtbij", ""),
            ("core-business", "Mensen, niet systemen", "p2"),
            ("nooit-los", LITERAL, "p1"),
        ]
        assert shown(app, "core-business") == [
            "• Zorg dichtbij",
            "• Mensen, niet systemen — Bert",
        ]
        assert shown(app, "nooit-los") == [f"• {LITERAL} — Anna"]  # literally, no markup
        assert shown(app, "ander-vinden") == []


async def test_edit_remove_and_undo(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot)
        await burst(pilot, "Eerste")
        await pilot.press("enter")
        await burst(pilot, "Tweede")
        await pilot.press("enter")
        await pilot.pause()
        # shift+tab... the list comes after the who-field: tab twice
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, CardList)
        await pilot.press("home", "enter")
        assert app.focused is field(app, "core-business")
        assert field(app, "core-business").value == "Eerste"
        await pilot.press("ctrl+u")
        await burst(pilot, "Eerste, beter")
        await pilot.press("enter")
        await pilot.pause()
        assert [a["text"] for a in answers(app)] == ["Eerste, beter", "Tweede"]

        await pilot.press("tab", "tab", "end", "delete")
        await pilot.pause()
        assert [a["text"] for a in answers(app)] == ["Eerste, beter"]
        assert "Antwoord verwijderd: Tweede" in messages(app)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a["text"] for a in answers(app)] == ["Eerste, beter", "Tweede"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a["text"] for a in answers(app)] == ["Eerste", "Tweede"]

        # an empty answer is not added
        await pilot.press("enter")
        await pilot.pause()
        assert "Typ eerst het antwoord." in messages(app)


async def test_answers_survive_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press(*LITERAL, "enter")
        await pilot.pause()
        path = walk_screen(app).path
        saved(app)

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert shown(again, "core-business") == [f"• {LITERAL}"]
        assert answers(again)[0]["text"] == LITERAL


async def test_read_only_shows_answers_without_inputs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await burst(pilot, "Zorg dichtbij")
        await pilot.press("enter")
        await pilot.pause()
        path = walk_screen(app).path
        saved(app)

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert not viewer.screen.query(Input)
            assert not viewer.screen.query(Select)
            assert shown(viewer, "core-business") == ["• Zorg dichtbij"]
            await pilot.press("delete")
            await pilot.pause()
            assert shown(viewer, "core-business") == ["• Zorg dichtbij"]
    finally:
        lock.release()


async def test_an_answer_added_is_one_layout_and_the_list_grows_to_its_maximum(
    sessions: Path,
) -> None:
    """Each answer added that fits lays the screen out once: the list counted its lines against
    the height it had before that layout and turned a scrollbar on (that layout turned
    it off again), and the question block's new size asked for a second layout. The
    list grows with its answers up to its maximum height, then scrolls to the new one."""
    from tests.tui.conftest import layouts_counted

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        cards = app.screen.query_one("#q-core-business CardList", CardList)
        maximum = 12  # QuestionsView .answer-list { max-height: 12 }
        for number in range(1, 16):
            await burst(pilot, f"Antwoord {number}")
            await pilot.pause()
            with layouts_counted() as layouts:
                await pilot.press("enter")
                await pilot.pause(0.2)
            # (past the maximum, scrolling to the new answer is one more; stock Textual
            # lays out more often)
            if number <= maximum and tuning.ENABLED:
                assert len(layouts) == 1, f"answer {number}: {len(layouts)} layouts"
            assert cards.outer_size.height == min(number, maximum)
            # a scrollbar only once the answers do not fit
            assert cards.show_vertical_scrollbar == (number > maximum)
        assert cards.highlighted == 14
        assert cards.scroll_offset.y == 15 - maximum  # the new answer is in sight


@tuned
async def test_an_answer_added_is_one_paint_and_the_others_are_not_drawn_again(
    sessions: Path, monkeypatch: Any
) -> None:
    """The Enter that adds an answer is painted once: the list that grew and the block
    around it asked for repaints at the layout, which Textual painted a second time
    30-40 ms later, and the list's growth made Textual's OptionList count and draw all
    its answers again. The answers already there are kept as they are, in every list."""
    import asyncio

    from textual.widgets import TextArea

    from samen_tui.tui.screens.walk import screen as walk

    monkeypatch.setattr(walk, "PREFETCH_AFTER", 30.0)  # no view built ahead meanwhile
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        screen = walk_screen(app)
        for widget in screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
        paints: list[float] = []
        real = app._display

        def display(shown_screen: Any, update: Any) -> None:
            real(shown_screen, update)
            if update is not None:
                paints.append(1)

        app._display = display  # type: ignore[method-assign]
        lists = list(screen.query(CardList))
        for number in range(1, 5):
            await burst(pilot, f"Antwoord {number}")
            await pilot.pause(0.3)
            kept = {id(cards): list(cards.options) for cards in lists}
            paints.clear()
            await app._press_keys(("enter",))
            await asyncio.sleep(0.3)
            assert shown(app, "core-business")[-1].endswith(f"Antwoord {number}")
            assert len(paints) == 1, f"answer {number}: {len(paints)} paints"
            for cards in lists:  # the options there before are the same objects
                assert cards.options[: len(kept[id(cards)])] == kept[id(cards)]
