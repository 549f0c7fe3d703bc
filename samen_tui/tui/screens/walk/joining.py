"""Participants on their phones (#18): the walk screen's join server and its panel.

:class:`WalkJoin` is the walk screen's side of ``samen_tui.web.join``: it is the
desk's :class:`~samen_tui.web.join.desk.Host` (the session and ``change()`` are the
screen's capture, so a phone's card is one undo step and autosaved like a key), starts
the aiohttp server on the app's own event loop (``--join``, or the palette's
"Deelnemers laten meedoen"), shows a contribution in the step view at once
(``StepView.record_changed``), and stops the server when the trainer stops it, the
session ends or the screen goes.

:class:`JoinPanel` shows the address, the QR code (black on white, half blocks,
whatever the theme), the short code, how many phones take part, and whether the
current step is open for input (``o``); ``s`` stops the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Label, Static

from samen_tui.i18n import t
from samen_tui.room.joinnote import JoinNote, remove_note, write_note
from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk.screen import WalkScreen
    from samen_tui.web.join.address import JoinAddress
    from samen_tui.web.join.info import JoinInfo
    from samen_tui.web.join.server import JoinServer

SHOW_EVERY = 0.25
"""Seconds between two looks at whether phones' contributions can be shown."""
QUIET_FOR = 0.4
"""Seconds without a key or click after which they are shown."""
LATEST = 2.0
"""Seconds after which they are shown even while the trainer types on."""
QR_STYLE = "#000000 on #ffffff"
"""The QR code's colours, whatever the theme: scanners want dark on light."""


class WalkJoin:
    """The join server of one walk screen (none until started)."""

    def __init__(self, screen: WalkScreen) -> None:
        self.screen = screen
        self.server: JoinServer | None = None
        self.address: JoinAddress | None = None
        self._stopping: asyncio.Task[None] | None = None
        self._pending: set[str] = set()
        self._pending_since = 0.0
        self._show_timer: Timer | None = None
        self.default = "lan"
        """Where the palette's command serves when ``--join`` named no address."""

    # ------------------------------------------------------------------ the desk's host

    @property
    def session(self) -> Session:
        return self.screen.capture.session

    @property
    def workshop(self) -> Workshop:
        return self.screen.capture.workshop

    def change(self) -> contextlib.AbstractContextManager[None]:
        return self.screen.capture.change()

    def contributed(self, step_id: str) -> None:
        """Show a phone's change in the step view on screen, if it shows it: once the
        trainer pauses typing for ``QUIET_FOR`` seconds, and within ``LATEST`` seconds
        however busy (thirty phones sending at once are one redraw, between the
        trainer's keys rather than in them)."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.add(step_id)
        if self._show_timer is None:
            self._show_timer = self.screen.set_timer(SHOW_EVERY, self._show_pending)

    def _show_pending(self) -> None:
        self._show_timer = None
        moment = time.monotonic()
        typing = moment - self.screen.services.last_input() < QUIET_FOR
        if typing and moment - self._pending_since < LATEST:
            self._show_timer = self.screen.set_timer(SHOW_EVERY, self._show_pending)
            return
        pending, self._pending = self._pending, set()
        view = self.screen.step_view
        if view is None or not view.is_attached:
            return
        if view.step.id in pending or ("" in pending and view.step.KIND == "participants"):
            view.record_changed()

    # ------------------------------------------------------------------ the server

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def info(self) -> JoinInfo | None:
        """The URL, code and QR code of the running server (None: not running)."""
        if self.server is None or self.address is None or not self.running:
            return None
        from samen_tui.web.join.info import join_info

        return join_info(self.server, self.address.shown, everywhere=self.address.everywhere)

    async def start(self, value: str, *, show_panel: bool = False) -> bool:
        """Serve the join page at ``value`` (``lan`` or ``HOST:PORT``); a message
        says where, or why not. True once it runs."""
        if self.running:
            if show_panel:
                self.show_panel()
            return True
        if self.screen.read_only:
            self.screen.notify(t("walk.read_only_change"), severity="warning")
            return False
        try:
            from samen_tui.web.join.address import AddressError, parse_join
            from samen_tui.web.join.desk import Desk
            from samen_tui.web.join.server import JoinServer
        except ImportError:
            self.screen.notify(t("join.missing"), severity="error", markup=False)
            return False
        try:
            address = parse_join(value)
        except AddressError as exc:
            self.screen.notify(t("join.failed", reason=exc), severity="error", markup=False)
            return False
        server = JoinServer(Desk(self), address.bind, address.port)
        try:
            try:
                await server.start()
            except OSError:
                if not address.fallback_port:
                    raise
                server.port = 0  # the usual port is taken: any free one
                await server.start()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.screen.notify(t("join.failed", reason=reason), severity="error", markup=False)
            return False
        self.server, self.address = server, address
        info = self.info()
        if info is not None:  # for the room (samen room): where phones join
            self._write_note(info)
        if info is not None and not show_panel:  # the panel says it
            self.screen.notify(
                t("join.started", url=info.short_url, code=info.code), markup=False, timeout=10
            )
        if show_panel:
            self.show_panel()
        return True

    def moved(self, old: Path) -> None:
        """The session is saved elsewhere now (save-as): the room's note goes with it."""
        info = self.info() if self.running else None
        if info is None:
            return
        remove_note(old)
        self._write_note(info)

    def _write_note(self, info: JoinInfo) -> None:
        """The note beside the session that tells the room where phones join."""
        write_note(self.screen.path, JoinNote(info.url, info.short_url, info.code))

    async def stop(self) -> None:
        server, self.server = self.server, None
        remove_note(self.screen.path)
        if server is not None:
            await server.stop()
            self.screen.notify(t("join.stopped"))

    def stop_soon(self) -> None:
        """Stop the server from code that cannot wait (the session ended, the screen
        goes): no new request is served from now on, and the listening socket closes
        on the loop's next turn (a task of the loop, not of the screen that may be
        going)."""
        server, self.server = self.server, None
        if server is None:
            return
        remove_note(self.screen.path)
        server.desk.stopped = True
        try:
            self._stopping = asyncio.get_running_loop().create_task(server.stop())
        except RuntimeError:  # no loop any more: the process is ending, and its sockets
            return
        if self.screen.is_attached:
            self.screen.notify(t("join.stopped"))

    def start_soon(self, value: str, *, show_panel: bool = False) -> None:
        self.screen.run_worker(
            self.start(value, show_panel=show_panel), group="join", exit_on_error=False
        )

    def open_panel(self) -> None:
        """The palette's command: start (on the address asked for, or ``lan``) and show."""
        if self.running:
            self.show_panel()
        else:
            self.start_soon(self.screen.services.join or self.default, show_panel=True)

    def show_panel(self) -> None:
        self.screen.app.push_screen(JoinPanel(self))

    # ------------------------------------------------------------------ input per step

    def step_open(self) -> bool:
        return self.server is None or self.server.desk.is_open(self.session.current)

    def toggle_step(self) -> None:
        if self.server is None:
            return
        step = self.session.current
        now_open = not self.server.desk.is_open(step)
        self.server.desk.set_open(step, now_open)
        self.screen.notify(t("join.opened") if now_open else t("join.closed_note"))


class JoinPanel(ModalScreen[None]):
    """The address, the QR code and the short code of the join server."""

    DEFAULT_CSS = """
    JoinPanel { align: center middle; }
    JoinPanel > Vertical {
        width: auto; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    JoinPanel #join-title { text-style: bold; }
    JoinPanel Horizontal { height: auto; width: auto; }
    JoinPanel #join-qr { width: auto; height: auto; margin-right: 2; }
    JoinPanel #join-text { width: 34; height: auto; }
    JoinPanel #join-text Static { margin-bottom: 1; }
    JoinPanel #join-code { text-style: bold; }
    JoinPanel #join-warning { color: $warning; }
    JoinPanel #join-keys { color: $text-muted; margin: 0; }
    """

    BINDINGS = [
        Binding("escape", "close", "key.close", id="join.close"),
        Binding("o", "toggle_step", "key.join_toggle", id="join.toggle", show=False),
        Binding("s", "stop", "key.stop", id="join.stop", show=False),
    ]

    def __init__(self, join: WalkJoin) -> None:
        super().__init__()
        self.join = join

    def compose(self) -> ComposeResult:
        info = self.join.info()
        with Vertical():
            yield Label(t("join.panel.title"), id="join-title")
            with Horizontal():
                qr = Text("\n".join(info.qr) if info else "", style=QR_STYLE, no_wrap=True)
                yield Static(qr, id="join-qr")
                with Vertical(id="join-text"):
                    yield Static(t("join.panel.scan"), markup=False)
                    yield Static(info.short_url if info else "", id="join-url", markup=False)
                    code = t("join.panel.code", code=info.code if info else "")
                    yield Static(code, id="join-code", markup=False)
                    if info is not None and info.everywhere:
                        host = self.join.address.bind if self.join.address else ""
                        warning = t("join.panel.all_addresses", host=host)
                        yield Static(warning, id="join-warning", markup=False)
                    yield Static("", id="join-state", markup=False)
                    yield Static(t("join.panel.keys"), id="join-keys", markup=False)

    def on_mount(self) -> None:
        self.show_state()
        self.set_interval(1.0, self.show_state)

    def show_state(self) -> None:
        info = self.join.info()
        state = self.query_one("#join-state", Static)
        if info is None:
            state.update(t("join.stopped"))
            return
        state.update(
            t("join.panel.devices", devices=info.devices, contributions=info.contributions)
            + "\n"
            + (t("join.panel.open") if self.join.step_open() else t("join.panel.closed"))
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_step(self) -> None:
        self.join.toggle_step()
        self.show_state()

    def action_stop(self) -> None:
        self.join.stop_soon()
        self.dismiss(None)

    def on_click(self, event: Any) -> None:
        """A click outside the panel closes it, as escape does."""
        if event.widget is self:
            self.dismiss(None)
