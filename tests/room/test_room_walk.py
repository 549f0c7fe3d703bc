"""The room's controls on the trainer's real walk screen (``samen run``): F6 and F7
pressed while typing, the palette's "Zaalweergave openen", undo leaving the room as
it is, and the room following the step the trainer pages to, through the screen's
own autosave (what ``samen room`` reads is the file the walk screen writes)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from samen_tui.room.follow import Follower
from samen_tui.room.shown import Shown, what_to_show
from samen_tui.tui import room_controls
from samen_tui.tui.app import SamenApp
from samen_tui.tui.room_controls import command_text, room_command
from samen_tui.tui.room_dialog import RoomCommandDialog
from samen_tui.tui.screens.walk import WalkScreen
from tests.tui.conftest import make_app, walk_screen
from tests.tui.test_walk import screen_text


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


def autosaved(screen: WalkScreen) -> dict[str, Any]:
    """The file the screen's own autosave wrote (its tick now, if the timer has not
    come yet: nothing is handed to the writer unless a change marked the session)."""
    screen.capture.autosave()
    assert screen.saver is not None and screen.saver.flush(5.0)
    return tomllib.loads(screen.path.read_text(encoding="utf-8"))


def room_sees(screen: WalkScreen) -> Shown:
    """What ``samen room`` makes of the session file as it is on disk now."""
    follower = Follower(screen.path, [])
    follower.poll()
    assert follower.session is not None
    return what_to_show(follower.session, screen.workshop)


async def started(app: SamenApp, pilot: Pilot[Any]) -> WalkScreen:
    await pilot.pause()
    screen = walk_screen(app)
    screen.save_now()
    return screen


def notes_of(screen: WalkScreen) -> TextArea:
    focused = screen.focused
    assert isinstance(focused, TextArea), f"expected the notes field, got {focused!r}"
    return focused


async def test_f6_blanks_the_room_while_the_trainer_types_a_note(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("a", "b", "f6", "c")
        await pilot.pause()
        assert notes_of(screen).text == "abc"  # F6 is no letter: the typing goes on
        assert screen.session.room.blank
        assert autosaved(screen)["room"] == {"blank": True}
        assert room_sees(screen).blank
        await pilot.press("f6")
        await pilot.pause()
        assert "room" not in autosaved(screen)
        assert not room_sees(screen).blank


async def test_f7_reveals_the_ratings_on_the_rate_step(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("f7")  # the first step, a slide: nothing to reveal
        await pilot.pause()
        assert screen.session.room.revealed == [] and not screen.capture.dirty
        screen.go_to("ingredienten")
        await pilot.pause()
        assert not room_sees(screen).revealed
        await pilot.press("f7")
        await pilot.pause()
        assert autosaved(screen)["room"] == {"revealed": ["ingredienten"]}
        shown = room_sees(screen)
        assert shown.step is not None and shown.step.id == "ingredienten" and shown.revealed
        await pilot.press("f7")
        await pilot.pause()
        assert "room" not in autosaved(screen)


async def test_undo_takes_back_the_note_not_the_blank_room(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("x", "f6")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.session.records.get(screen.session.current) is None or (
            screen.session.records[screen.session.current].is_empty()
        )
        assert screen.session.room.blank  # presentation, not capture: undo leaves it
        assert autosaved(screen)["room"] == {"blank": True}


async def test_the_room_follows_the_step_the_trainer_pages_to(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
            autosaved(screen)
            shown = room_sees(screen)
            assert shown.step is not None and shown.step.id == screen.session.current
        await pilot.press("pageup")
        await pilot.pause()
        autosaved(screen)
        assert room_sees(screen).step.id == screen.session.current  # type: ignore[union-attr]


async def test_the_palette_shows_the_command_to_open_the_room(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    monkeypatch.setattr(room_controls, "launch_in_terminal", lambda c: asked.append(c) or False)
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Zaalweergave")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoomCommandDialog)
        expected = room_command(screen.path, screen.workshop)
        assert asked == [expected]
        at = expected.index("room")
        assert expected[at : at + 4] == ["room", str(screen.path), "--sessions", str(sessions)]
        assert dialog.query_one(TextArea).text == command_text(expected)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_the_palette_opens_the_room_in_a_new_window(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    monkeypatch.setattr(room_controls, "launch_in_terminal", lambda c: asked.append(c) or True)
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Zaalweergave")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and len(asked) == 1
        at = asked[0].index("room")
        assert asked[0][at : at + 4] == ["room", str(screen.path), "--sessions", str(sessions)]


async def test_the_help_names_the_room_keys(sessions: Path) -> None:
    from samen_tui.tui.screens.dialogs import HelpScreen

    app = make_app(sessions)
    async with app.run_test(size=(100, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "f6Zaal leeg" in text and "f7Uitslag" in text  # (the SVG drops the gap)
