"""The dialog with the command that opens the room (``samen room``), for where no
terminal window could be opened from the app (``room_controls.open_room``). Its own
module: the walk screen's start does not load the dialogs it may never show."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static, TextArea

from samen_tui.i18n import t
from samen_tui.tui.screens.dialogs import Dialog


class RoomCommandDialog(Dialog):
    """The command that opens the room, to paste in a terminal on the beamer's
    screen (where no window could be opened from here). Escape closes."""

    DEFAULT_CSS = """
    RoomCommandDialog #room-command { height: auto; max-height: 8; margin: 1 0; }
    """

    def __init__(self, command: str) -> None:
        super().__init__()
        self.command = command

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("cmd.room_open"), classes="dialog-title")
            yield Static(t("room.control.paste"), markup=False)
            yield TextArea(self.command, id="room-command", read_only=True, soft_wrap=True)
            yield Static(t("room.control.zoom"), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("button.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        area = self.query_one("#room-command", TextArea)
        area.select_all()
        area.focus()
        self.app.copy_to_clipboard(self.command)

    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        self.dismiss(None)
