"""``samen room``: the session the trainer is running, for the beamer.

A second, read-only window (a second terminal on the beamer's screen, or ``samen
serve --room`` in a browser) that follows a session file as the trainer's app saves
it: by default the newest unfinished session in the sessions folder, or the one
named. It never writes in the sessions folder; it uses the trainer's theme and
language settings and never saves them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from samen_tui.config import Config, load_config
from samen_tui.i18n import set_language, t
from samen_tui.tui.room.screen import LOOK_EVERY, POLL, RoomScreen


class RoomApp(App[None]):
    """See the module doc."""

    CSS_PATH = "room.tcss"
    TITLE = "samen"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True, id="room.quit", tooltip="tip.quit"),
        Binding("f1", "help", "key.help", id="room.help", tooltip="tip.room.help"),
    ]

    def __init__(
        self,
        path: Path | None,
        folder: Path,
        workshop_dirs: list[tuple[str, Path]],
        *,
        language: str = "",
        clock: Callable[[], float] = time.time,
        poll_every: float | None = POLL,
        look_every: float | None = LOOK_EVERY,
        config: Config | None = None,
    ) -> None:
        if config is None:  # else as the command line read them
            config = load_config()
        set_language(language or config.language or "nl")
        super().__init__()
        self.room_screen = RoomScreen(
            path,
            folder,
            workshop_dirs,
            clock=clock,
            poll_every=poll_every,
            look_every=look_every,
            fixed_language=bool(language or config.language),
        )
        if config.theme in self.available_themes:
            self.theme = config.theme

    def on_mount(self) -> None:
        self.push_screen(self.room_screen)

    def action_help(self) -> None:
        from samen_tui.tui.screens.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen, t("room.help")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """Textual's own commands, in the interface language; the theme is for this
        run only (the room saves nothing)."""
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), self.action_quit)
        yield SystemCommand(t("cmd.help"), t("cmd.help.help"), self.action_help)
        if isinstance(screen, RoomScreen) and screen.newer is not None:
            yield SystemCommand(
                t("room.cmd.follow"), t("room.cmd.follow.help"), screen.action_follow_newer
            )
