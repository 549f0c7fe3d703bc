"""The trainer's controls of the room (``samen room``, the beamer), for the walk
screen: blank the room, reveal a step's results, open the room's window.

* **F6** blanks the room, and shows the step again (a presenter's "B"; F-keys work
  while typing in a field, where ``b`` is a letter).
* **F7** reveals the current step's results (the ratings of a rate step, the dot
  votes of a brainstorm with voting) to the room, and hides them again. Steps
  without such results say so.
* The command palette: "Zaalweergave openen" opens a new terminal window running
  ``samen room SESSION --sessions DIR`` where the platform allows it
  (:func:`terminal_command`), and otherwise shows that command to paste
  (:class:`RoomCommandDialog`); "Zaal leeg maken", "Uitslag tonen".

What the room shows is kept in the session (``Session.room``), saved within a second
like every change. It is presentation, not capture: undo (ctrl+z) leaves it alone,
as it leaves the current step and the clock.

The walk screen takes it in with a few lines (its class gets :class:`RoomControls`
and :data:`ROOM_BINDINGS`, its palette :class:`RoomCommands`, and it offers
:meth:`RoomHost.room_changed`); see the module's tests for a host screen.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from samen_tui.i18n import language, t

if TYPE_CHECKING:
    from textual.app import App

    from samen_tui.session.model import Session
    from samen_tui.workshop.model import Step, Workshop

ROOM_BINDINGS = [
    Binding(
        "f6",
        "room_blank",
        "key.room_blank",
        priority=True,
        id="walk.room_blank",
        tooltip="tip.room_blank",
        show=False,
    ),
    Binding(
        "f7",
        "room_reveal",
        "key.room_reveal",
        priority=True,
        id="walk.room_reveal",
        tooltip="tip.room_reveal",
        show=False,
    ),
]
"""The walk screen's keys for the room (priority: they work while typing)."""


class RoomHost(Protocol):
    """What the controls need of the screen they are on (the walk screen)."""

    session: Session
    workshop: Workshop
    path: Path
    read_only: bool

    @property
    def app(self) -> App[Any]: ...

    def room_changed(self) -> None:
        """The room's state changed: save it within a second (no undo step)."""
        ...

    def notify(self, message: str, **kwargs: Any) -> None: ...


# --------------------------------------------------------------------------- the actions


def current_step(host: RoomHost) -> Step | None:
    return host.workshop.step(host.session.current)


def hides_results(step: Step) -> bool:
    """Whether the room keeps this step's results hidden until they are revealed
    (the kind's room view says)."""
    from samen_tui.tui.room.view import room_view  # the room's views, when asked for

    return room_view(step.KIND).hides_results(step)


def _writable(host: RoomHost) -> bool:
    if host.read_only:
        host.notify(t("room.control.read_only"), severity="warning")
        return False
    return True


def toggle_blank(host: RoomHost) -> None:
    """Blank the room, or show the step again."""
    if not _writable(host):
        return
    room = host.session.room
    room.blank = not room.blank
    host.room_changed()
    host.notify(t("room.control.blank" if room.blank else "room.control.unblank"))


def toggle_reveal(host: RoomHost) -> None:
    """Reveal the current step's results to the room, or hide them again."""
    step = current_step(host)
    if step is None:
        return
    if not hides_results(step):
        host.notify(t("room.control.nothing_hidden", step=step.title), markup=False)
        return
    if not _writable(host):
        return
    revealed = host.session.room.revealed
    if step.id in revealed:
        revealed.remove(step.id)
        message = t("room.control.hidden", step=step.title)
    else:
        revealed.append(step.id)
        message = t("room.control.revealed", step=step.title)
    host.room_changed()
    host.notify(message, markup=False)


def open_room(host: RoomHost, launch: Callable[[list[str]], bool] | None = None) -> None:
    """Open the room's window in a new terminal, or show the command to paste."""
    command = room_command(host.path, host.workshop)
    start = launch if launch is not None else launch_in_terminal
    if start(command):
        host.notify(t("room.control.opened"))
    else:
        from samen_tui.tui.room_dialog import RoomCommandDialog  # only when it is shown

        host.app.push_screen(RoomCommandDialog(command_text(command)))


class RoomControls:
    """The walk screen's actions for the room (mix in before ``Screen``, and add
    :data:`ROOM_BINDINGS` to its bindings)."""

    def action_room_blank(self: RoomHost) -> None:
        toggle_blank(self)

    def action_room_reveal(self: RoomHost) -> None:
        toggle_reveal(self)

    def action_room_open(self: RoomHost) -> None:
        open_room(self)


class RoomCommands(Provider):
    """The room's commands in the palette (on a screen with :class:`RoomControls`)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        screen = self.screen
        if not isinstance(screen, RoomControls):
            return []
        host = cast(RoomHost, screen)
        out = [(t("cmd.room_open"), t("cmd.room_open.help"), lambda: open_room(host))]
        blank = host.session.room.blank
        out.append(
            (
                t("cmd.room_unblank" if blank else "cmd.room_blank"),
                t("cmd.room_blank.help"),
                lambda: toggle_blank(host),
            )
        )
        step = current_step(host)
        if step is not None and hides_results(step):
            shown = step.id in host.session.room.revealed
            out.append(
                (
                    t("cmd.room_hide" if shown else "cmd.room_reveal"),
                    t("cmd.room_reveal.help"),
                    lambda: toggle_reveal(host),
                )
            )
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


# --------------------------------------------------------------------------- the window


def samen_command() -> list[str]:
    """How to run ``samen`` as this process was run: the script beside this Python
    (a virtual environment's, pipx's), else this Python with ``-m samen_tui``."""
    name = "samen.exe" if sys.platform == "win32" else "samen"
    script = Path(sys.executable).with_name(name)
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "samen_tui"]


def room_command(path: Path, workshop: Workshop | None = None) -> list[str]:
    """``samen room SESSION --sessions DIR`` for this session (with the workshop's
    folder, so the room finds the same workshop file, and the interface language)."""
    path = path.absolute()
    command = [*samen_command(), "room", str(path), "--sessions", str(path.parent)]
    if workshop is not None and workshop.path is not None:
        folder = workshop.path.absolute().parent
        if folder.name != "workshops" or folder.parent.name != "data":  # not the package's
            command += ["--workshops", str(folder)]
    return [*command, "--lang", language()]


def command_text(command: Sequence[str], platform: str = sys.platform) -> str:
    """A command as it is typed in a shell of the platform."""
    if platform == "win32":
        return subprocess.list2cmdline(list(command))
    return shlex.join(command)


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


LINUX_TERMINALS = (
    ("x-terminal-emulator", "-e"),
    ("gnome-terminal", "--"),
    ("konsole", "-e"),
    ("xfce4-terminal", "-x"),
    ("xterm", "-e"),
)
"""Terminals tried in order on Linux and the BSDs, and how each is told what to run."""


def terminal_command(
    command: Sequence[str],
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str] | None:
    """What opens a new terminal window running ``command`` here, or None where no
    window can be opened (no display, over SSH, no known terminal)."""
    env = os.environ if env is None else env
    if platform == "darwin":
        osascript = which("osascript")
        if osascript is None:
            return None
        script = f'tell application "Terminal" to do script {_applescript(shlex.join(command))}'
        return [osascript, "-e", script, "-e", 'tell application "Terminal" to activate']
    if platform == "win32":
        wt = which("wt")
        if wt is None:
            return None
        return [wt, "-w", "new", "new-tab", "--title", "samen room", *command]
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return None
    for name, flag in LINUX_TERMINALS:
        found = which(name)
        if found is not None:
            return [found, flag, *command]
    return None


FAILED_WITHIN = 0.5
"""Seconds a terminal is given to fail at starting (no display after all)."""


def launch_in_terminal(
    command: list[str],
    *,
    opener: Callable[[Sequence[str]], list[str] | None] = terminal_command,
    popen: Callable[..., subprocess.Popen[bytes]] = subprocess.Popen,
) -> bool:
    """Open a new terminal window running ``command``; whether it was opened (a
    terminal that exits with an error at once was not)."""
    argv = opener(command)
    if argv is None:
        return False
    try:
        process = popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except (OSError, ValueError):
        return False
    try:
        code = process.wait(FAILED_WITHIN)
    except subprocess.TimeoutExpired:
        # still running (the window is open): reap it when it ends
        threading.Thread(target=process.wait, name="samen-room-window", daemon=True).start()
        return True
    return code == 0  # many terminals hand the window to a server and end at once
