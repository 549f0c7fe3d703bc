"""Ending a session (#16): pagedown on the last step opens "Sessie afronden" with a
summary; escape goes back, "Afronden" ends it and offers the export; an ended
session keeps "afgerond" when it is opened again."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.conversation.record import ConversationRecord, Decision
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import ItemTime, Session
from samen_tui.session.store import load_session, save_session
from samen_tui.tui.screens.dialogs import ExportDialog
from samen_tui.tui.screens.walk.ending import EndDialog
from tests.reliability.helpers import new_session_file
from tests.tui.conftest import make_app, until, walk_screen


def full_session(folder: Path) -> Path:
    """A session on its last step with something of everything, by value."""
    path = new_session_file(folder, title="Afronden", current="inspiratie")
    session = load_session(path)
    session.items["welkom"] = ItemTime(seconds=16 * 60 + 5)  # over its 15 minutes
    session.items["waarom"] = ItemTime(seconds=20 * 60)
    session.records["motieven"] = SortRecord(
        cards=[Card(id="c1", text="Relatie", category="affectief"), Card(id="c2", text="Doel")]
    )
    session.records["wat-helpt"] = BrainstormRecord(
        ideas=[
            Idea(id="i1", prompt="killers", text="Geen tijd", votes={"p1": 2, "p2": 1}),
            Idea(id="i2", prompt="killers", text="Geen geld", votes={"p1": 1}),
        ]
    )
    session.records["gesprekken"] = ConversationRecord(
        decisions=[Decision(id="d1", text="We starten een pilot")]
    )
    session.records["afspraken"] = ActionsRecord(
        actions=[
            Action(id="a1", who="Anna", what="Uitnodigen"),
            Action(id="a2", who="Anna", what="Zaal", status="done"),
        ]
    )
    save_session(session, path)
    return path


def dialog_text(app: Any) -> str:
    """Every Static of the dialog as it prints (a table as its rows)."""
    console = Console(width=76, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    return console.export_text()


async def test_pagedown_on_the_last_step_asks_to_end_with_a_summary(sessions: Path) -> None:
    path = full_session(sessions)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await pilot.press("pagedown")
        await until(pilot, lambda: isinstance(app.screen, EndDialog))
        text = dialog_text(app)
        assert "Sessie afronden" in text
        assert "16:05" in text and "20:00" in text  # time used per item
        assert "2 kaartjes" not in text and "4 kaartjes" in text  # 2 cards + 2 ideas
        assert "4 stemmen" in text and "1 besluit" in text and "1 open actie" in text
        assert app.focused is not None and app.focused.id == "no"

        # escape: back, nothing ended
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert screen.session.ended is None

        # confirm: ended, saved, and the export is offered
        await pilot.press("pagedown")
        await until(pilot, lambda: isinstance(app.screen, EndDialog))
        await pilot.press("tab", "enter")  # from "Terug" to "Afronden"
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert screen.session.ended is not None
        assert load_session(path).ended is not None
        assert "afgerond" in screen.sub_title
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        # once ended, pagedown only says so
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_an_ended_session_is_still_afgerond_when_resumed(sessions: Path) -> None:
    path = full_session(sessions)
    session: Session = load_session(path)
    from samen_tui.session.model import now

    session.ended = now()
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert screen.sub_title == "Afronden · afgerond"
        await pilot.press("ctrl+q")
        await pilot.pause()


def test_the_counts_read_in_the_singular_for_one() -> None:
    from samen_tui.i18n import set_language
    from samen_tui.session.ending import EndSummary
    from samen_tui.tui.screens.walk.ending import counts_line

    one = EndSummary(items=(), participants=1, cards=1, votes=1, decisions=1, open_actions=1)
    assert counts_line(one) == "1 deelnemer · 1 kaartje · 1 stem · 1 besluit · 1 open actie"
    two = EndSummary(items=(), participants=7, cards=0, votes=2, decisions=3, open_actions=4)
    assert counts_line(two) == (
        "7 deelnemers · 0 kaartjes · 2 stemmen · 3 besluiten · 4 open acties"
    )
    set_language("en")
    assert counts_line(one) == "1 participant · 1 card · 1 vote · 1 decision · 1 open action"
