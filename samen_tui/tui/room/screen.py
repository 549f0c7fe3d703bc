"""The room's one screen: the step the trainer is on, large and calm.

At the top the agenda item and the step's title, with the item's time left in big
digits (coloured as the trainer's timer); below them the step as the room should see
it (the kind's ``room.py``, see :mod:`samen_tui.tui.room.view`); at the bottom one
quiet line. Blank (the trainer's F6): nothing but the workshop's title, small.

The file is looked at every :data:`POLL` seconds (one ``stat``; read again only when
it changed: :class:`~samen_tui.room.follow.Follower`), the trainer's lock and the
folder every :data:`LOOK_EVERY` seconds; the digits move once a second while the
item's clock runs. Nothing else runs: idle, the room costs next to nothing.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Digits, Static

from samen_tui.i18n import LANGUAGES, language, set_language, t
from samen_tui.room.clock import item_clock
from samen_tui.room.finding import FolderWatch
from samen_tui.room.follow import Follower
from samen_tui.room.joinnote import JoinNote, read_note
from samen_tui.room.shown import Shown, what_to_show
from samen_tui.room.status import status_line
from samen_tui.session.summary import SessionSummary
from samen_tui.tui.room.view import RoomView, room_view

POLL = 0.25
"""Seconds between two looks at the session file's status."""
LOOK_EVERY = 2.0
"""Seconds between two looks at the trainer's lock and at the sessions folder."""
TICK = 1.0
"""Seconds between two moves of the digits."""
SMALL = (80, 24)
"""Below this width or height the room keeps less space around its text."""
QR_FROM_HEIGHT = 40
"""Rows from which the room shows the join page's QR code (about 17 rows)."""


class RoomScreen(Screen[None]):
    """See the module doc."""

    BINDINGS = [
        Binding(
            "enter,v",
            "follow_newer",
            "key.room.follow",
            id="room.follow",
            tooltip="tip.room.follow",
        ),
    ]

    def __init__(
        self,
        path: Path | None,
        folder: Path,
        workshop_dirs: list[tuple[str, Path]],
        *,
        clock: Callable[[], float] = time.time,
        poll_every: float | None = POLL,
        look_every: float | None = LOOK_EVERY,
        fixed_language: bool = False,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.workshop_dirs = workshop_dirs
        self.clock = clock
        """The time now (POSIX seconds): tests and snapshots give a fixed one."""
        self.poll_every = poll_every
        self.look_every = look_every
        self.fixed_language = fixed_language
        """--lang was given: the session's language does not change the room's."""
        self.follower: Follower | None = Follower(path, workshop_dirs) if path else None
        self.folder_watch = FolderWatch(folder)
        self.newer: SessionSummary | None = None
        """A session started since, which the room offers to follow."""
        self.view: RoomView | None = None
        self.shown: Shown | None = None
        self.joined: JoinNote | None = None
        """What the join note said when the room last looked (None: no note)."""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        width, height = self.app.size
        self.set_class(width < SMALL[0] or height < SMALL[1], "small", update=False)
        with Vertical(id="room-blank"):
            yield Static("", id="room-blank-title")
        with Horizontal(id="room-top"):
            with Vertical(id="room-heading"):
                yield Static("", id="room-item")
                yield Static("", id="room-title")
            yield Digits("", id="room-clock")
        yield VerticalScroll(id="room-body")
        yield Static("", id="room-join")
        yield Static("", id="room-status")

    async def on_mount(self) -> None:
        if self.follower is not None:
            self.follower_ready()
        else:
            self._follow_first()
        await self.refresh_room()
        if self.poll_every:
            self.set_interval(self.poll_every, self._in_turn(self.poll))
        if self.look_every:
            self.set_interval(self.look_every, self._in_turn(self.look_around))
        self.set_interval(TICK, self.tick)

    def _in_turn(self, look: Callable[[], Awaitable[None]]) -> Callable[[], None]:
        """What a timer calls to have ``look`` run in the screen's own turn, once at a
        time. A timer's callback runs in the timer's task, which Textual cancels when
        the app closes; run there, a refresh that was swapping views had the removal
        of the old one cancelled with it, and closing the app raised CancelledError
        (seen on a busy machine)."""
        due = False

        async def run() -> None:
            nonlocal due
            due = False
            await look()

        def queue() -> None:
            nonlocal due
            if not due:  # a look that waits for its turn is not queued again
                due = True
                self.call_later(run)

        return queue

    def body_size(self) -> Size:
        """The room's body: what a step's view has, inside the padding."""
        body = self.query_one("#room-body", VerticalScroll)
        size = body.scrollable_content_region.size
        if size.width and size.height:
            return size
        width, height = self.app.size
        return Size(max(width - 4, 10), max(height - 6, 4))

    async def on_resize(self) -> None:
        width, height = self.app.size
        self.set_class(width < SMALL[0] or height < SMALL[1], "small")
        self.call_after_refresh(self._fit)

    async def _fit(self) -> None:
        if self.view is not None and self.shown is not None and self.view.is_attached:
            await self.view.show(self.shown, self.body_size())

    # ------------------------------------------------------------------ following

    async def poll(self) -> None:
        """Look at the file; show what changed."""
        if self.follower is not None and self.follower.poll():
            await self.refresh_room()

    async def look_around(self) -> None:
        """Is the trainer's app still there? Did a new session begin?"""
        changed = False
        if self.follower is not None:
            changed = self.follower.check_trainer()
        waiting = self.follower is None
        found = [
            s for s in self.folder_watch.look(saved_too=waiting) if not self._is_followed(s.path)
        ]
        if found:
            if self.follower is None:
                self._follow(found[0].path)
            else:
                self.newer = found[0]
                self.refresh_bindings()
            changed = True
        if changed:
            await self.refresh_room()
        else:
            self.show_join()

    def _is_followed(self, path: Path) -> bool:
        return self.follower is not None and self.follower.path.name == path.name

    def _follow_first(self) -> None:
        """No session named: the newest unfinished one, when there is one."""
        from samen_tui.room.finding import newest_unfinished

        path = newest_unfinished(self.folder)
        if path is not None:
            self._follow(path)

    def _follow(self, path: Path) -> None:
        """Follow the session at ``path`` from now on, read and its trainer looked
        for at once."""
        self.follower = Follower(path, self.workshop_dirs)
        self.newer = None
        self.refresh_bindings()
        self.follower_ready()

    def follower_ready(self) -> None:
        """The followed session read, and its trainer's lock looked at, now (not at
        the next poll)."""
        if self.follower is not None:
            self.follower.poll()
            self.follower.check_trainer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "follow_newer":
            return self.newer is not None
        return True

    async def action_follow_newer(self) -> None:
        """Follow the session that began since (the one the line offers)."""
        if self.newer is None:
            return
        self._follow(self.newer.path)
        await self.refresh_room()

    # ------------------------------------------------------------------ showing

    async def refresh_room(self) -> None:
        """Show the last good state of the session, and the line about it."""
        follower = self.follower
        session = follower.session if follower is not None else None
        if (
            session is not None
            and not self.fixed_language
            and session.language in LANGUAGES
            and session.language != language()
        ):
            set_language(session.language)
        self.query_one("#room-status", Static).update(
            Text(status_line(follower, self.newer, self.folder))
        )
        self.show_join()
        if follower is None or session is None:
            self.shown = None
            self._heading("", "")
            self.set_class(False, "blank")
            problem = follower.problem if follower is not None else ""
            await self._put(None, problem or t("room.waiting"))
            self.tick()
            return
        shown = what_to_show(session, follower.workshop)
        self.shown = shown
        title = follower.workshop.title if follower.workshop is not None else session.title
        self.query_one("#room-blank-title", Static).update(Text(title))
        self.set_class(shown.blank, "blank")
        if shown.step is None:
            self._heading(shown.heading, session.current)
            await self._put(None, t("room.unknown_step", step=session.current))
        else:
            self._heading(shown.heading, shown.step.title)
            await self._put(shown, "")
        self.tick()

    def show_join(self) -> None:
        """Where participants join from their phones, while the trainer's app serves
        the page (its note beside the session, ``room/joinnote.py``): the address and
        the code; on a large screen the QR code too, dark on light."""
        widget = self.query_one("#room-join", Static)
        follower = self.follower
        # a note left by a trainer's app that was killed names a server that is gone
        here = follower is not None and follower.trainer == "here"
        note = read_note(follower.path) if follower is not None and here else None
        if note == self.joined:
            return
        self.joined = note
        self.set_class(note is not None, "joining")
        if note is None:
            return
        line = Text(t("room.join", url=note.short_url, code=note.code))
        if self.has_class("small") or self.app.size.height < QR_FROM_HEIGHT:
            widget.update(line)
            return
        from samen_tui.web.join.info import qr_lines

        grid = Table.grid(padding=(0, 3))
        grid.add_row(Text("\n".join(qr_lines(note.url)), style="black on white"), line)
        widget.update(grid)

    def _heading(self, item: str, title: str) -> None:
        self.query_one("#room-item", Static).update(Text(item))
        self.query_one("#room-title", Static).update(Text(title))
        self.query_one("#room-item").display = bool(item)

    async def _put(self, shown: Shown | None, message: str) -> None:
        """The step's view in the body: the same view shown again when the step is the
        same (built again only if what it shows changed), else a new one."""
        body = self.query_one("#room-body", VerticalScroll)
        if shown is None or shown.step is None:
            self.view = None
            await body.remove_children()
            await body.mount(Static(message, classes="room-note", markup=False))
            return
        step = shown.step
        cls = room_view(step.KIND)
        view = self.view
        if view is not None and view.is_attached and type(view) is cls and view.step.id == step.id:
            changed = await view.show(shown, self.body_size())
            if view.FOLLOW_END and changed:
                self.call_after_refresh(body.scroll_end, animate=False)
            return
        self.view = cls(shown, self.body_size())
        await body.remove_children()
        await body.mount(self.view)
        body.scroll_home(animate=False)

    def tick(self) -> None:
        """The digits: the item's time left, coloured as the trainer's timer."""
        digits = self.query_one("#room-clock", Digits)
        follower = self.follower
        session = follower.session if follower is not None else None
        clock = None
        if follower is not None and session is not None:
            clock = item_clock(
                session,
                follower.workshop,
                written=follower.updated,
                now=self.clock(),
                trainer_here=follower.trainer == "here",
            )
        digits.display = clock is not None
        if clock is None:
            return
        text = clock.text()
        if digits.value != text:
            digits.update(text)
        state = clock.state
        for name in ("near", "close", "over"):
            digits.set_class(state == name, name)
        digits.set_class(not clock.running, "paused")
