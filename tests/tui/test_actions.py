"""Actions: every action of the session in one list; status, edit, add — by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Label

from samen_tui.kinds.actions.record import Action
from samen_tui.kinds.conversation.record import ConversationRecord
from samen_tui.session.model import Participant
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.forms import ActionTable
from tests.tui.conftest import burst, make_app, saved, walk_screen

STEP = "afspraken"
CONVERSATION = "gesprekken"


def messages(app: SamenApp) -> list[str]:
    return [n.message for n in app._notifications]


def records(app: SamenApp) -> dict[str, Any]:
    result: dict[str, Any] = saved(app).get("records", {})
    return result


def rows(app: SamenApp) -> list[list[str]]:
    table = app.screen.query_one(ActionTable)
    out = []
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        out.append([c.plain if isinstance(c, Text) else str(c) for c in cells])
    return out


async def open_step(app: SamenApp, pilot: Pilot[Any]) -> None:
    """Anna and Bert are here; the conversation step agreed two actions."""
    await pilot.pause()
    screen = walk_screen(app)
    session = screen.session
    session.participants.append(Participant(id="p1", name="Anna", organisation="Zeist"))
    session.participants.append(Participant(id="p2", name="Bert", organisation="Welzijn"))
    conversation = session.record(CONVERSATION, "conversation")
    assert isinstance(conversation, ConversationRecord)
    conversation.flow = "bob"
    conversation.actions += [
        Action(id="a1", who="p1", what="Flyer [b]maken[/] \\ ë", when=dt.date(2026, 12, 5)),
        Action(id="a2", who="De wethouder", what="Budget regelen"),
    ]
    screen.go_to(STEP)
    await pilot.pause()
    await pilot.pause()


async def test_conversation_actions_are_listed_toggled_and_edited(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        assert rows(app) == [
            ["Anna", "Flyer [b]maken[/] \\ ë", "5-12-2026", "open", "Drie soorten gesprekken"],
            ["De wethouder", "Budget regelen", "", "open", "Drie soorten gesprekken"],
        ]
        summary = app.screen.query_one("#actions-summary", Label)
        assert "2 acties: 2 open, 0 gedaan" in str(summary.render())

        # to the table (past wie, wat, wanneer): space marks the first done
        assert isinstance(app.focused, Input) and app.focused.id == "f-who"
        await pilot.press("tab", "tab", "tab")
        assert isinstance(app.focused, ActionTable)
        await pilot.press("space")
        await pilot.pause()
        conv = records(app)[CONVERSATION]["actions"]
        assert [a["status"] for a in conv] == ["done", "open"]
        assert rows(app)[0][3] == "gedaan"
        assert "2 acties: 1 open, 1 gedaan" in str(summary.render())
        # and open again
        await pilot.press("space")
        await pilot.pause()
        assert [a["status"] for a in records(app)[CONVERSATION]["actions"]] == ["open", "open"]

        # Enter on the second: its wie / wat / wanneer in the form; a date is added
        await pilot.press("down", "enter")
        assert isinstance(app.focused, Input) and app.focused.id == "f-who"
        assert app.focused.value == "De wethouder"
        await pilot.press("tab", "tab")
        await burst(pilot, "1-2-2027")
        await pilot.press("enter")
        await pilot.pause()
        conv = records(app)[CONVERSATION]["actions"]
        assert conv[1]["when"] == dt.date(2027, 2, 1)
        assert conv[1]["what"] == "Budget regelen"
        assert STEP not in records(app)  # edited where it lives


async def test_add_here_with_date_validation_and_undo(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot)
        await burst(pilot, "Bert")
        await pilot.press("tab")
        await burst(pilot, "Verslag rondsturen")
        await pilot.press("tab")
        await burst(pilot, "29-2-2027")
        await pilot.press("enter")
        await pilot.pause()
        assert "29-2-2027 is geen bestaande datum." in messages(app)
        assert STEP not in records(app)
        # wat is required
        await pilot.press("ctrl+u")
        await burst(pilot, "29-2-2028")
        await pilot.press("shift+tab", "ctrl+u", "enter")
        await pilot.pause()
        assert "Vul 'Wat' in." in str(app.screen.query_one(".form-error", Label).render())
        assert STEP not in records(app)
        await burst(pilot, "Verslag rondsturen")
        await pilot.press("enter")
        await pilot.pause()
        own = records(app)[STEP]["actions"]
        assert [(a["who"], a["what"], a["when"], a["status"]) for a in own] == [
            ("p2", "Verslag rondsturen", dt.date(2028, 2, 29), "open")
        ]
        assert len(records(app)[CONVERSATION]["actions"]) == 2
        assert rows(app)[-1] == ["Bert", "Verslag rondsturen", "29-2-2028", "open", "hier"]

        # remove a conversation action from here, then undo twice
        await pilot.press("tab", "tab", "tab", "home", "delete")
        await pilot.pause()
        assert [a["id"] for a in records(app)[CONVERSATION]["actions"]] == ["a2"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a["id"] for a in records(app)[CONVERSATION]["actions"]] == ["a1", "a2"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert STEP not in records(app)


async def test_actions_survive_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await burst(pilot, "Chloë")
        await pilot.press("tab")
        await burst(pilot, "Ideeën [i]bundelen[/]")
        await pilot.press("tab")
        await burst(pilot, "2026-12-24")
        await pilot.press("enter")
        await pilot.pause()
        path = walk_screen(app).path
        saved(app)

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert rows(again)[-1] == ["Chloë", "Ideeën [i]bundelen[/]", "24-12-2026", "open", "hier"]
        own = records(again)[STEP]["actions"]
        assert own[0]["who"] == "Chloë" and own[0]["what"] == "Ideeën [i]bundelen[/]"


async def test_read_only_lists_without_inputs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        path = walk_screen(app).path
        saved(app)

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()  # another copy has it open
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert walk_screen(viewer).read_only
            assert not viewer.screen.query(Input)
            assert [r[1] for r in rows(viewer)] == ["Flyer [b]maken[/] \\ ë", "Budget regelen"]
            viewer.screen.query_one(ActionTable).focus()
            await pilot.press("space", "delete")
            await pilot.pause()
            assert [r[3] for r in rows(viewer)] == ["open", "open"]
    finally:
        lock.release()
