"""The trainer's controls of the room (``samen_tui/tui/room_controls.py``) on a small
host screen that offers what the walk screen will (``session``, ``workshop``, ``path``,
``read_only``, ``room_changed()``, ``notify``): F6 and F7 while typing, the palette's
commands, and opening the room's window (or the command to paste)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, TextArea

from samen_tui import kinds
from samen_tui.kinds.rate.room import RateRoom
from samen_tui.room.follow import Follower
from samen_tui.room.shown import what_to_show
from samen_tui.session.model import Session
from samen_tui.session.saving import save_session
from samen_tui.tui import room_controls
from samen_tui.tui.room.view import RoomView, room_view
from samen_tui.tui.room_controls import (
    ROOM_BINDINGS,
    RoomCommands,
    RoomControls,
    command_text,
    launch_in_terminal,
    room_command,
    terminal_command,
)
from samen_tui.tui.room_dialog import RoomCommandDialog
from samen_tui.workshop.model import Workshop
from tests.room.helpers import default_workshop, full_session, write


class Host(RoomControls, Screen[None]):
    """What the walk screen offers the controls, and a field to type in."""

    BINDINGS = ROOM_BINDINGS
    COMMANDS = {RoomCommands}

    def __init__(
        self, session: Session, workshop: Workshop, path: Path, read_only: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.workshop = workshop
        self.path = path
        self.read_only = read_only
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield Input(id="field")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def room_changed(self) -> None:
        self.changes += 1
        save_session(self.session, self.path)


class HostApp(App[None]):
    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.messages: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.host)

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.messages.append(message)
        super().notify(message, **kwargs)


def make(tmp_path: Path, step: str, read_only: bool = False) -> tuple[HostApp, Host]:
    session = full_session(step)
    path = write(session, tmp_path / "s")
    host = Host(session, default_workshop(), path, read_only)
    return HostApp(host), host


def saved_room(path: Path) -> dict[str, Any]:
    room: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")).get("room", {})
    return room


def test_the_room_view_of_a_kind_says_which_results_it_hides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """F7 and the palette ask the room's own view of the step (``room_view``), so the
    trainer's controls and the room never disagree on what is hidden."""
    steps = [step for _item, step in default_workshop().steps()]
    hidden = [step.id for step in steps if room_controls.hides_results(step)]
    assert hidden == ["ingredienten", "wat-helpt"]  # the ratings; the dot votes
    assert room_view("rate") is RateRoom
    assert room_view("no-such-kind") is RoomView

    def broken(kind: str) -> None:
        raise ImportError(f"samen_tui.kinds.{kind}.room")

    monkeypatch.setattr(kinds, "room_class", broken)  # a room.py that cannot be imported
    assert room_view("rate") is RoomView
    assert not [step.id for step in steps if room_controls.hides_results(step)]


async def test_f6_blanks_the_room_while_the_trainer_types(tmp_path: Path) -> None:
    app, host = make(tmp_path, "motieven")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a", "b", "f6", "c")
        await pilot.pause()
        assert host.query_one(Input).value == "abc"  # F6 is no letter: typing goes on
        assert host.session.room.blank and saved_room(host.path) == {"blank": True}
        assert app.messages[-1] == "De zaal is leeg (F6: weer tonen)."
        follower = Follower(host.path)  # what the room reads
        follower.poll()
        assert follower.session is not None and what_to_show(follower.session, None).blank
        await pilot.press("f6")
        await pilot.pause()
        assert not host.session.room.blank and saved_room(host.path) == {}
        assert app.messages[-1] == "De zaal ziet de stap weer."
        assert host.changes == 2


async def test_f7_reveals_the_results_of_a_step_that_has_them(tmp_path: Path) -> None:
    app, host = make(tmp_path, "ingredienten")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert saved_room(host.path) == {"revealed": ["ingredienten"]}
        assert app.messages[-1] == (
            "De zaal ziet nu de uitslag van ‘Ingrediënten voor Duurzame Samenwerking’."
        )
        await pilot.press("f7")
        await pilot.pause()
        assert saved_room(host.path) == {} and host.session.room.revealed == []
        host.session.current = "vijf-s"  # a slide: nothing to hide
        await pilot.press("f7")
        await pilot.pause()
        assert app.messages[-1] == (
            "‘Waarom zou je samenwerken?’ heeft geen uitslag om te verbergen: de zaal ziet alles."
        )
        assert host.changes == 2
        host.session.current = "wat-helpt"  # a brainstorm with dot voting
        await pilot.press("f7")
        await pilot.pause()
        assert saved_room(host.path) == {"revealed": ["wat-helpt"]}


async def test_a_read_only_session_changes_nothing(tmp_path: Path) -> None:
    app, host = make(tmp_path, "ingredienten", read_only=True)
    before = host.path.read_bytes()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f6", "f7")
        await pilot.pause()
        assert host.changes == 0 and host.path.read_bytes() == before
        assert app.messages[-1].startswith("Deze sessie is alleen te lezen")


async def test_the_palette_blanks_the_room(tmp_path: Path) -> None:
    app, host = make(tmp_path, "ingredienten")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Zaal leeg")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert host.session.room.blank
        provider = RoomCommands(host)
        titles = [title for title, _help, _call in provider._commands()]
        assert titles == ["Zaalweergave openen", "Zaal weer tonen", "Uitslag tonen"]


async def test_opening_the_room_shows_the_command_where_no_window_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    monkeypatch.setattr(room_controls, "launch_in_terminal", lambda c: asked.append(c) or False)
    app, host = make(tmp_path, "motieven")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        host.action_room_open()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RoomCommandDialog)
        expected = room_command(host.path, host.workshop)
        assert asked == [expected]
        assert dialog.query_one(TextArea).text == command_text(expected)
        assert expected[-6:] == [
            "room",
            str(host.path),
            "--sessions",
            str(host.path.parent),
            "--lang",
            "nl",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is host


async def test_opening_the_room_in_a_new_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room_controls, "launch_in_terminal", lambda c: True)
    app, host = make(tmp_path, "motieven")
    async with app.run_test() as pilot:
        await pilot.pause()
        host.action_room_open()
        await pilot.pause()
        assert app.screen is host
        assert app.messages[-1] == "De zaalweergave is geopend in een nieuw venster."


# --------------------------------------------------------------------------- the window


def test_the_room_command_names_the_session_its_folder_and_the_language(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s" / "2026-11-28-zeist.toml"
    command = room_command(path, default_workshop())  # the package's workshop: no folder
    start = command[: command.index("room")]
    assert start in (
        [str(Path(sys.executable).with_name("samen"))],
        [sys.executable, "-m", "samen_tui"],
    )
    assert command[len(start) :] == [
        "room",
        str(path),
        "--sessions",
        str(path.parent),
        "--lang",
        "nl",
    ]
    own = Workshop(meta=default_workshop().meta, items=(), path=tmp_path / "w" / "mijn.toml")
    assert room_command(path, own)[-4:-2] == ["--workshops", str(tmp_path / "w")]
    assert command_text(["samen", "room", "/a b/c.toml"]) == "samen room '/a b/c.toml'"
    assert (
        command_text(["samen", "room", r"C:\a b\c.toml"], "win32") == r'samen room "C:\a b\c.toml"'
    )


def which_of(*present: str) -> Any:
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_which_terminal_opens_the_room() -> None:
    command = ["samen", "room", "x.toml"]
    x11 = {"DISPLAY": ":0"}
    assert terminal_command(
        command, platform="linux", env=x11, which=which_of("xterm", "konsole")
    ) == [
        "/usr/bin/konsole",
        "-e",
        *command,
    ]
    debian = which_of("x-terminal-emulator", "gnome-terminal")
    assert terminal_command(command, platform="linux", env=x11, which=debian)[:2] == [
        "/usr/bin/x-terminal-emulator",
        "-e",
    ]
    gnome = terminal_command(
        command, platform="linux", env={"WAYLAND_DISPLAY": "w"}, which=which_of("gnome-terminal")
    )
    assert gnome == ["/usr/bin/gnome-terminal", "--", *command]
    # no display (over SSH, a console): no window, the command to paste
    assert terminal_command(command, platform="linux", env={}, which=debian) is None
    assert terminal_command(command, platform="linux", env=x11, which=which_of()) is None
    mac = terminal_command(
        ["samen", "room", 'a "b".toml'], platform="darwin", env={}, which=which_of("osascript")
    )
    assert mac is not None and mac[0] == "/usr/bin/osascript"
    assert mac[2] == """tell application "Terminal" to do script "samen room 'a \\"b\\".toml'\""""
    assert terminal_command(command, platform="darwin", env={}, which=which_of()) is None
    windows = terminal_command(command, platform="win32", env={}, which=which_of("wt"))
    assert windows is not None and windows[0] == "/usr/bin/wt" and windows[-3:] == command
    assert terminal_command(command, platform="win32", env={}, which=which_of()) is None


class FakeProcess:
    def __init__(self, code: int | None) -> None:
        self.code = code
        self.waited: list[float | None] = []

    def wait(self, timeout: float | None = None) -> int:
        self.waited.append(timeout)
        if self.code is None and timeout is not None:  # still running when first asked
            raise subprocess.TimeoutExpired("terminal", timeout)
        return self.code or 0


def test_launching_tells_whether_the_window_opened() -> None:
    opener = lambda command: ["term", "-e", *command]  # noqa: E731
    started: list[list[str]] = []

    def popen(code: int | None) -> Any:
        def start(argv: list[str], **kwargs: Any) -> FakeProcess:
            started.append(argv)
            assert kwargs["start_new_session"] and kwargs["stdin"] == subprocess.DEVNULL
            return FakeProcess(code)

        return start

    assert launch_in_terminal(["samen", "room"], opener=opener, popen=popen(None))  # runs
    assert started[-1] == ["term", "-e", "samen", "room"]
    assert launch_in_terminal(["samen"], opener=opener, popen=popen(0))  # handed to a server
    assert not launch_in_terminal(["samen"], opener=opener, popen=popen(1))  # no display
    assert not launch_in_terminal(["samen"], opener=lambda c: None, popen=popen(0))

    def missing(argv: list[str], **kwargs: Any) -> Any:
        raise FileNotFoundError(argv[0])

    assert not launch_in_terminal(["samen"], opener=opener, popen=missing)
