"""Every keystroke lands where the trainer sees it (#16): Tab and Shift+Tab in the
order typed, a suggestion taken with Tab or →, the focused field in sight after
every jump, and a word when text is typed where no text can go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from samen_tui.kinds.conversation.record import ConversationRecord
from samen_tui.session.model import Participant
from samen_tui.session.store import load_session, save_session
from tests.reliability.helpers import messages, new_session_file
from tests.tui.conftest import burst, make_app, saved, walk_screen


def visible(app: Any, widget: Any) -> bool:
    geometry = app.screen.find_widget(widget)
    return bool(geometry.region.intersection(geometry.clip).area)


async def test_a_burst_with_tabs_fills_three_fields(sessions: Path) -> None:
    path = new_session_file(sessions, title="Burst", participants=())
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "p-name"
        await burst(pilot, [*"Anja de Vries", "tab", *"Gemeente Zeist", "tab", *"beleid", "enter"])
        await pilot.pause()
        people = saved(app).get("participants", [])
        assert [(p["name"], p.get("organisation"), p.get("role")) for p in people] == [
            ("Anja de Vries", "Gemeente Zeist", "beleid")
        ]
        # and back: Shift+Tab in the order typed too
        await burst(pilot, [*"Bert", "tab", *"Welzijn", "shift+tab", *" Jansen", "enter"])
        await pilot.pause()
        names = [p["name"] for p in saved(app)["participants"]]
        assert names == ["Anja de Vries", "Bert Jansen"], names
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_tab_and_right_take_the_suggestion(sessions: Path) -> None:
    path = new_session_file(sessions, title="Suggestie", participants=())
    session = load_session(path)
    session.participants.append(Participant(id="p1", name="Anna", organisation="Gemeente Zeist"))
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press(*"Bert", "tab", *"gem")
        await pilot.pause()
        org = walk_screen(app).query_one("#p-org", Input)
        assert app.focused is org and org.value == "gem"
        await pilot.press("tab")  # the suggestion, as in a shell; the focus stays
        assert org.value == "Gemeente Zeist" and app.focused is org
        await pilot.press("tab")  # nothing more to take: the next field
        assert app.focused is not None and app.focused.id == "p-role"
        await pilot.press("shift+tab", "ctrl+u", *"gem")
        await pilot.pause()
        await pilot.press("right")
        assert org.value == "Gemeente Zeist"
        await pilot.press("ctrl+u", *"gem")
        await pilot.pause()
        await pilot.press("end")
        assert org.value == "Gemeente Zeist"
        await pilot.press("enter")
        await pilot.pause()
        assert saved(app)["participants"][-1]["organisation"] == "Gemeente Zeist"
        # the suggestion is drawn unlike typed text
        style = org.get_component_rich_style("input--suggestion")
        typed = org.rich_style
        assert style.italic and (style.color != typed.color or style.bgcolor != typed.bgcolor)
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_after_a_jump_the_focused_field_is_in_sight(sessions: Path) -> None:
    path = new_session_file(sessions, title="Focus", current="gesprekken")
    session = load_session(path)
    session.records["gesprekken"] = ConversationRecord(flow="bob")
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        assert app.focused is not None and visible(app, app.focused)  # resume
        while app.focused is None or app.focused.id != "f-when":  # the last field, far down
            await pilot.press("tab")
        await pilot.pause()
        assert screen.step_view is not None and screen.step_view.scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        # back with "Ga naar" (ctrl+p)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Drie soorten")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.session.current == "gesprekken"
        focused = app.focused
        assert focused is not None and visible(app, focused), (
            focused,
            screen.step_view.scroll_y,
            app.screen.find_widget(focused),
        )
        # and what is typed now lands in that field
        await pilot.press(*"zichtbaar")
        await pilot.pause()
        assert "zichtbaar" in getattr(focused, "text", getattr(focused, "value", ""))
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_typing_into_a_list_says_where_text_goes(sessions: Path) -> None:
    path = new_session_file(sessions, title="Lijst", current="wie-is-er")
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        screen.query_one("#agenda").focus()
        await pilot.pause()
        await pilot.press(*"Bert")
        await pilot.pause()
        shown = messages(app)
        assert any("Hier kun je geen tekst typen" in m for m in shown), shown
        assert any("'Naam'" in m for m in shown), shown
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_a_draft_survives_its_view_being_rebuilt(sessions: Path) -> None:
    """An answer typed but not yet added, then a participant added on another step:
    the casus view is built anew (it lists the participants); the draft is still there."""
    path = new_session_file(sessions, title="Concept", current="casus", participants=("Anna",))
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        await pilot.press(*"Meer samen doen")
        await pilot.pause()
        screen.go_to("wie-is-er")
        await pilot.pause()
        await pilot.pause()
        await pilot.press(*"Bert", "enter")
        await pilot.pause()
        screen.go_to("casus")
        await pilot.pause()
        await pilot.pause()
        fields = [f.value for f in screen.step_view.query(Input)] if screen.step_view else []
        assert "Meer samen doen" in fields, fields
        focused = app.focused
        assert isinstance(focused, Input) and focused.value == "Meer samen doen"
        await pilot.press(*" en beter", "enter")
        await pilot.pause()
        answers = saved(app)["records"]["casus"]["answers"]
        assert [a["text"] for a in answers] == ["Meer samen doen en beter"]
        await pilot.press("ctrl+q")
        await pilot.pause()


async def come_back(pilot: Any, way: str) -> None:
    """Leave the conversation step (scrolled far down) and come back to it by ``way``."""
    app = pilot.app
    screen = walk_screen(app)
    if way == "pageup":
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("pageup")
    elif way == "pagedown":
        await pilot.press("pageup")
        await pilot.pause()
        await pilot.press("pagedown")
    elif way == "agenda":
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("f2")  # folded away at 80 columns
        await pilot.pause()
        agenda = screen.query_one("#agenda")
        agenda.focus()
        await pilot.pause()
        agenda.highlighted = agenda.get_option_index("step:gesprekken")
        await pilot.press("enter")
    elif way == "reload":
        screen.apply_workshop(screen.workshop)
    elif way == "undo":
        await pilot.press("escape")
        screen.capture.mark_dirty()
        with screen.capture.change():
            screen.session.title = "Ander"
        await pilot.press("ctrl+z")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.slow
@pytest.mark.parametrize("way", ["pageup", "pagedown", "agenda", "reload", "undo"])
async def test_every_way_into_a_step_shows_the_focused_field(sessions: Path, way: str) -> None:
    """(A view built anew, after a reload or an undo, was in sight before #16 too: those
    two guard it.)"""
    path = new_session_file(sessions, title="Focus", current="gesprekken")
    session = load_session(path)
    session.records["gesprekken"] = ConversationRecord(flow="bob")
    save_session(session, path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        while app.focused is None or app.focused.id != "f-when":
            await pilot.press("tab")
        await pilot.pause()
        await come_back(pilot, way)
        assert screen.session.current == "gesprekken"
        focused = app.focused
        assert focused is not None and visible(app, focused), (way, focused)
        await pilot.press("ctrl+q")
        await pilot.pause()
