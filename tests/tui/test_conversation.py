"""Conversation: choose BARB, notes per phase, a mandate, a decision, actions with dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, RadioSet, Static, TextArea

from samen_tui.kinds.conversation.view import PhaseBlock
from samen_tui.session.model import Participant
from samen_tui.tui import tuning
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.forms import EntryTable
from tests.tui.conftest import burst, make_app, paints_of, saved, walk_screen

STEP = "gesprekken"


def messages(app: SamenApp) -> list[str]:
    return [n.message for n in app._notifications]


def record(app: SamenApp) -> dict[str, Any]:
    result: dict[str, Any] = saved(app).get("records", {}).get(STEP, {})
    return result


def focused_id(app: SamenApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def open_step(app: SamenApp, pilot: Pilot[Any]) -> None:
    await pilot.pause()
    screen = walk_screen(app)
    screen.session.participants.append(Participant(id="p1", name="Anna", organisation="Zeist"))
    screen.session.participants.append(Participant(id="p2", name="Bert", organisation="Welzijn"))
    screen.go_to(STEP)
    await pilot.pause()
    await pilot.pause()


async def choose_barb(pilot: Pilot[Any]) -> None:
    await pilot.press("down", "enter")  # BOB is first, BARB second
    await pilot.pause()
    await pilot.pause()


def shown_phases(app: Any) -> list[str]:
    """The phases shown, top to bottom, as "number. id" (their title's number)."""
    blocks = [b for b in app.screen.query(PhaseBlock) if b.display]
    out = []
    for block in blocks:
        title = str(block.query_one(".phase-title", Label).render())
        out.append(f"{title.split('.')[0]}. {block.phase.id}")
    return out


async def test_types_are_shown_and_the_group_chooses_barb(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        screen = app.screen
        types = " ".join(str(s.render()) for s in screen.query(".conv-type").results(Static))
        assert "Feiten verzamelen → Interpreteren → Agenderen" in types
        assert "⇒ Gedeelde probleemdefinitie" in types
        assert "Onderhandelend en besluitvormend" in types
        # no flow yet: no phases shown, the choice has the focus
        assert not shown_phases(app)
        assert isinstance(app.focused, RadioSet)

        await choose_barb(pilot)
        assert record(app)["flow"] == "barb"
        assert shown_phases(app) == [
            "1. beeldvorming",
            "2. achterbanraadpleging",
            "3. revisie",
            "4. besluitvorming",
        ]
        assert screen.query("#mandates-achterbanraadpleging")

        # back to BOB: three phases, no mandates
        assert isinstance(app.focused, RadioSet)  # the choice keeps the focus
        await pilot.press("up", "enter")
        await pilot.pause()
        await pilot.pause()
        assert record(app)["flow"] == "bob"
        assert shown_phases(app) == [
            "1. beeldvorming",
            "2. oordeelsvorming",
            "3. besluitvorming",
        ]
        # ctrl+z: BARB again
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert record(app)["flow"] == "barb"
        assert len(shown_phases(app)) == 4


@pytest.mark.slow
async def test_notes_mandate_decision_and_actions(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await choose_barb(pilot)

        # notes in the first phase (participant text: markup shows literally)
        await pilot.press("tab")
        assert focused_id(app) == "notes-beeldvorming"
        await burst(pilot, "Wie doet [b]wat[/]? \\ ë")
        await pilot.pause()
        assert record(app)["notes"] == {"beeldvorming": r"Wie doet [b]wat[/]? \ ë"}

        # a mandate: partner, what to take back, who, by when
        await pilot.press("tab", "tab")
        assert focused_id(app) == "f-partner"
        await burst(pilot, "Gemeente Zeist")
        await pilot.press("tab")
        await burst(pilot, "Budget voorleggen")
        await pilot.press("tab")
        await burst(pilot, "Anna")
        await pilot.press("tab")
        await burst(pilot, "5-12-2026")
        await pilot.press("enter")
        await pilot.pause()
        assert record(app)["mandates"] == [
            {
                "id": record(app)["mandates"][0]["id"],
                "partner": "Gemeente Zeist",
                "take_back": "Budget voorleggen",
                "holder": "p1",  # a participant's name is kept as their id
                "by": dt.date(2026, 12, 5),
            }
        ]
        table = app.screen.query_one("#mandates-achterbanraadpleging EntryTable", EntryTable)
        assert table.row_count == 1

        # on to the decisions of besluitvorming: the mandate's fields, its table, two notes
        await pilot.press(*["tab"] * 7)
        assert focused_id(app) == "f-text"
        await burst(pilot, "We starten een pilot")
        await pilot.press("enter")
        await pilot.pause()
        assert [d["text"] for d in record(app)["decisions"]] == ["We starten een pilot"]

        # an action: wie / wat / wanneer
        await pilot.press("tab", "tab")
        assert focused_id(app) == "f-who"
        await burst(pilot, "Bert")
        await pilot.press("tab")
        await burst(pilot, "Flyer maken")
        await pilot.press("tab")
        await burst(pilot, "31-02-2026")
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#actions-besluitvorming .form-error", Label)
        assert "31-02-2026 is geen bestaande datum" in str(error.render())
        assert "31-02-2026 is geen bestaande datum." in messages(app)
        assert "actions" not in record(app)  # nothing saved
        assert focused_id(app) == "f-when"

        await pilot.press("ctrl+u")
        await burst(pilot, "volgende week")
        await pilot.press("enter")
        await pilot.pause()
        assert "'volgende week' is geen datum" in str(error.render())
        assert "actions" not in record(app)

        await pilot.press("ctrl+u")
        await burst(pilot, "5-1-2027")
        await pilot.press("enter")
        await pilot.pause()
        actions = record(app)["actions"]
        assert [(a["who"], a["what"], a["when"], a["status"]) for a in actions] == [
            ("p2", "Flyer maken", dt.date(2027, 1, 5), "open")
        ]
        assert not error.display or not str(error.render())
        # and the ISO form
        await burst(pilot, "De groep")
        await pilot.press("tab")
        await burst(pilot, "Evalueren")
        await pilot.press("tab")
        await burst(pilot, "2027-03-01")
        await pilot.press("enter")
        await pilot.pause()
        actions = record(app)["actions"]
        assert [(a["who"], a["when"]) for a in actions][1] == ("De groep", dt.date(2027, 3, 1))

        # ctrl+z takes the last action back
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(record(app)["actions"]) == 1


async def test_edit_and_remove_a_mandate(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await choose_barb(pilot)
        await pilot.press("tab", "tab", "tab")
        assert focused_id(app) == "f-partner"
        await burst(pilot, "Welzijn")
        await pilot.press("tab", "tab")
        await burst(pilot, "Iemand anders")
        await pilot.press("enter")
        await pilot.pause()
        assert record(app)["mandates"][0]["holder"] == "Iemand anders"
        assert "by" not in record(app)["mandates"][0]
        # to the table: Enter edits
        await pilot.press("tab", "tab", "tab", "tab")
        assert isinstance(app.focused, EntryTable)
        await pilot.press("enter")
        assert focused_id(app) == "f-partner"
        assert isinstance(app.focused, Input) and app.focused.value == "Welzijn"
        await pilot.press("tab")
        await burst(pilot, "Terugkoppelen")
        await pilot.press("enter")
        await pilot.pause()
        mandates = record(app)["mandates"]
        assert len(mandates) == 1
        assert mandates[0]["take_back"] == "Terugkoppelen"
        # Delete removes
        await pilot.press("tab", "tab", "tab", "tab", "delete")
        await pilot.pause()
        assert "mandates" not in record(app)


async def test_notes_survive_resume_and_read_only(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await choose_barb(pilot)
        await pilot.press("tab")
        await burst(pilot, "Zorg voor ëën taal; ïdeeën [i]")
        await pilot.press("enter")
        await burst(pilot, "tweede regel")
        await pilot.pause()
        path = walk_screen(app).path
        notes = record(app)["notes"]["beeldvorming"]
        assert notes == "Zorg voor ëën taal; ïdeeën [i]\ntweede regel"

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        notes = again.screen.query_one("#notes-beeldvorming", TextArea)
        assert notes.text == "Zorg voor ëën taal; ïdeeën [i]\ntweede regel"
        assert record(again)["flow"] == "barb"

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            screen = viewer.screen
            assert not screen.query(TextArea)
            assert not screen.query(RadioSet)
            assert not screen.query(Input)
            texts = [str(s.render()) for s in screen.query(".notes-text").results(Static)]
            assert texts == ["Zorg voor ëën taal; ïdeeën [i]\ntweede regel"]
            assert "BARB" in str(screen.query_one("#flow-chosen", Label).render())
    finally:
        lock.release()


async def test_choosing_a_flow_shows_phases_built_with_the_view(sessions: Path) -> None:
    """The phases of both flows are built with the view, those of no flow hidden: the
    choice shows them, numbered in the flow's order, and builds nothing (mounting the
    phases took 150 ms after the Enter). What the choice makes taller than the view
    (a scrollbar, a column narrower) is laid out before the paint: one paint for the
    phases, not two."""
    import asyncio

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.pause(0.3)
        composed: list[PhaseBlock] = []
        real = PhaseBlock.compose

        def counting(self: PhaseBlock) -> Any:
            composed.append(self)
            return real(self)

        paints = paints_of(app)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(PhaseBlock, "compose", counting)
            await app._press_keys(("down",))
            await asyncio.sleep(0.3)
            paints.clear()
            await app._press_keys(("enter",))
            await asyncio.sleep(0.5)
        assert composed == []
        assert shown_phases(app) == [
            "1. beeldvorming",
            "2. achterbanraadpleging",
            "3. revisie",
            "4. besluitvorming",
        ]
        # the pressed button, then the phases (stock Textual: in more frames)
        assert len(paints) <= 2 or not tuning.ENABLED, f"{len(paints)} paints"


def test_every_phase_once_in_an_order_each_flow_keeps() -> None:
    from types import SimpleNamespace

    from samen_tui.kinds.conversation.model import Flow, Phase
    from samen_tui.kinds.conversation.view import ConversationView

    def phase(pid: str, question: str = "?") -> Phase:
        return Phase(id=pid, title=pid.upper(), question=question)

    def order(*flows: tuple[Phase, ...]) -> list[str] | None:
        fake = SimpleNamespace(
            conversation=SimpleNamespace(
                flows=[Flow(id=f"f{n}", title="F", phases=p) for n, p in enumerate(flows)]
            )
        )
        found = ConversationView._all_phases(fake)  # type: ignore[arg-type]
        return None if found is None else [p.id for p in found]

    b, o, a, r, d = (phase(x) for x in "board")
    assert order((b, o, d), (b, a, r, d)) == ["b", "a", "r", "o", "d"]
    assert order((b, o), (o, b)) is None  # orders that clash: built per flow
    assert order((b,), (phase("b", "another question"),)) is None  # one id, two phases
