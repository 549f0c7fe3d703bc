"""actions in the room: the session's action list so far (wie / wat / wanneer), the
actions of every step, by date."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.report.actions import action_rows
from samen_tui.report.helpers import action_who, fmt_day
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import RoomView


class ActionsRoom(RoomView):
    """Every action of the session: who, what, when; done ones marked."""

    def key(self, shown: Shown) -> object:
        return (
            encode([action for _step, action in shown.session.all_actions()]),
            encode(shown.session.participants),
        )

    def compose(self) -> ComposeResult:
        session = self.shown.session
        rows = action_rows(session)
        if not rows:
            yield from self.intro()
            yield self.note(t("room.actions.none"))
            return
        table = Table(box=None, padding=(0, 2, 0, 0), expand=True, header_style="bold")
        table.add_column(t("report.action.who"), ratio=1)
        table.add_column(t("report.action.what"), ratio=2)
        table.add_column(t("report.action.when"), no_wrap=True)
        table.add_column("", no_wrap=True)
        for _step_id, action in rows:
            done = action.status == "done"
            table.add_row(
                Text(action_who(session, action.who)),
                Text(action.what, style="dim" if done else ""),
                fmt_day(action.when),
                "✓" if done else "",
            )
        yield Static(table, classes="room-lines")


ROOM = ActionsRoom
