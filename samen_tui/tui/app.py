"""The Textual application: opens the start, walk or review screen and keeps the theme."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.message_pump import MessagePump
from textual.screen import Screen

from samen_tui import startcache
from samen_tui.config import Config, load_config, update_config
from samen_tui.i18n import set_language, t
from samen_tui.session.model import Session, now
from samen_tui.tui import tuning
from samen_tui.tui.collector import IDLE_LOOK, IdleCollector
from samen_tui.tui.controls import ControlCharacters
from samen_tui.tui.requests import BackToStart, OpenReview, OpenSession, StartSession
from samen_tui.tui.services import Services
from samen_tui.tui.widgets.inputs import KeysBehindEnter
from samen_tui.workshop.model import Workshop


@dataclass
class Launch:
    """What the command line asked for."""

    mode: str = "start"
    """``start``, ``run``, ``resume`` or ``review``."""
    workshop: str = ""
    title: str = ""
    place: str = ""
    trainer: str = ""
    session: Path | None = None
    sessions_dir: Path | None = None
    workshops_dir: Path | None = None
    language: str = ""
    """Interface language asked for with --lang (empty: config, then the workshop's)."""
    config: Config | None = None
    """The user's settings as the command line read them (None: read them here)."""
    extra: dict[str, Any] = field(default_factory=dict)


def describe_changes(changes: Any) -> str:
    """The steps added and removed since a session last ran, for a notification."""
    lines = [t("resume.changed_text")]
    if changes.added:
        lines.append(t("resume.added", steps=", ".join(changes.added)))
    if changes.removed:
        lines.append(t("resume.removed", steps=", ".join(changes.removed)))
    if changes.kept_aside:
        lines.append(t("resume.kept_aside", n=len(changes.kept_aside)))
    if not (changes.added or changes.removed):
        lines.append(t("resume.same_steps"))
    return "\n".join(lines)


SETTLE_ROUNDS = 4
"""Rounds of waiting for every widget of the screen beyond one per level of the
focused widget (see :meth:`SamenApp._settle`)."""

INPUT = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""What the trainer does: the collector's full pass waits for a pause in these."""


async def handled_by(nodes: Sequence[MessagePump], timeout: float) -> bool:
    """Wait until each of ``nodes`` has handled the messages it holds now (each runs a
    callback of its own after them); False if that took longer than ``timeout`` or
    no node is running."""
    done = asyncio.Event()
    left = 0

    def handled() -> None:
        nonlocal left
        left -= 1
        if not left:
            done.set()

    for node in nodes:
        if node.call_later(handled):
            left += 1
    if not left:
        return False
    try:
        await asyncio.wait_for(done.wait(), max(0.0, timeout))
    except TimeoutError:
        return False
    return True


class SamenApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "samen"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True, id="app.quit", tooltip="tip.quit"),
        Binding("f1", "help", "key.help", id="app.help", tooltip="tip.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            "key.palette",
            show=False,
            priority=True,
            id="app.palette",
            tooltip="tip.palette",
        ),
    ]

    def __init__(self, launch: Launch | None = None) -> None:
        self.launch = launch or Launch()
        config = self.launch.config
        self.config = config if config is not None else load_config()
        self.language = self.launch.language or self.config.language or "nl"
        set_language(self.language)
        super().__init__()
        self._use_saved_theme()
        # the stylesheets parsed at earlier starts, before anything is parsed now
        if tuning.ENABLED:
            from samen_tui.tui.tuning import csscache

            csscache.load(self.stylesheet)
        self._css_kept = False
        self.services = Services.from_dirs(
            self.launch.sessions_dir,
            self.launch.workshops_dir,
            config=self.config,
            frozen_clock=bool(self.launch.extra.get("frozen_clock", False)),
        )
        self.services.join = str(self.launch.extra.get("join", ""))
        self.collector = IdleCollector()
        self.services.last_input = lambda: self.collector.last_input
        self._controls = ControlCharacters()
        self.keys_behind_enter = KeysBehindEnter(self)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and the one that shows control characters in participant
        text as symbols (see ``controls.py``) on every line painted."""
        return [*super().get_line_filters(), self._controls]

    # ------------------------------------------------------------------ places

    @property
    def sessions_dir(self) -> Path:
        return self.services.sessions_dir

    def workshop_dirs(self) -> list[tuple[str, Path]]:
        return self.services.workshop_dirs

    def store(self) -> Any:
        return self.services.store()

    def workshop_choices(self) -> list[tuple[str, str]]:
        return self.services.workshop_choices()

    def workshop_titles(self) -> dict[str, str]:
        return self.services.workshop_titles()

    # ------------------------------------------------------------------ start

    def on_ready(self) -> None:
        """The first screen is painted: collect garbage again (``samen`` starts with the
        collector off, see ``cli.run_app``), with what starting made frozen out of its
        passes (modules, classes, the stylesheet live as long as the app does)."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        # the collector's passes between keys, not in them (see collector.py)
        self.collector.start()
        self.set_interval(IDLE_LOOK, self.collector.tick)
        # what starting parsed (the workshop, the first slide, the stylesheets), for
        # the next start
        self.set_timer(1.0, self._keep_parsed)

    def _keep_parsed(self) -> None:
        startcache.flush()
        if not self._css_kept:  # what starting parsed, once
            self._css_kept = True
            if tuning.ENABLED:
                from samen_tui.tui.tuning import csscache

                csscache.save(self.stylesheet)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, INPUT):
            self.collector.touched()
            if isinstance(event, events.Key) and self.keys_behind_enter.hold(event):
                event.stop()
                return
        await super().on_event(event)

    def on_unmount(self) -> None:
        """The app is closing: keep what was parsed since (slides built ahead) for the
        next start; Python's collector as it was."""
        self.collector.stop()
        # not the stylesheets: the cache is for the start, and every screen and step
        # kind of a whole run made it twice as big and slower to load than to parse
        startcache.flush()

    def _use_saved_theme(self) -> None:
        """The theme of the last run, in place before any stylesheet is parsed (with the
        tuning on, without the parse again that setting ``theme`` brings: see
        ``tuning/theme.py``)."""
        name = self.config.theme
        if not name or name == self.theme or name not in self.available_themes:
            return
        if tuning.on("theme"):
            from samen_tui.tui.tuning.theme import use_saved_theme

            use_saved_theme(self, name)
        else:
            self.theme = name

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        mode = self.launch.mode
        if mode == "run":
            self.start_new(
                self.launch.workshop,
                self.launch.title,
                self.launch.place,
                self.launch.trainer,
                first=True,
            )
        elif mode == "resume":  # without a session: the newest unfinished one
            self.resume(self.launch.session, first=True)
        elif mode == "review":
            self.open_review(first=True)
        else:
            from samen_tui.tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.services))

    def _theme_changed(self, theme: Any) -> None:
        name = getattr(theme, "name", str(theme))
        if name != self.config.theme:
            with update_config(theme=name) as config:
                self.config = config

    def _fail(self, message: str, first: bool) -> None:
        """A problem opening something: on the command line, print it and stop."""
        if first:
            self.exit(return_code=1, message=message)
        else:
            self.notify(message, severity="error", markup=False, timeout=15)

    def _use_language(self, workshop: Workshop) -> None:
        if not self.launch.language and not self.config.language:
            self.language = workshop.meta.language
            set_language(self.language)

    def start_new(
        self, workshop_ref: str, title: str, place: str, trainer: str, *, first: bool = False
    ) -> None:
        """Create a session of a workshop (id or path) and walk it from the first step."""
        from samen_tui.session.store import SaveError
        from samen_tui.workshop.catalog import resolve_workshop
        from samen_tui.workshop.problems import WorkshopError

        try:
            workshop = resolve_workshop(workshop_ref, self.workshop_dirs())
        except (LookupError, ValueError, OSError, WorkshopError) as exc:
            self._fail(str(exc), first)
            return
        if workshop.path is not None and Path(workshop_ref).expanduser().exists():
            from samen_tui.config import remember_workshop

            remember_workshop(workshop.id, workshop.path)  # to resume it by id later
        self._use_language(workshop)
        session = Session(
            workshop=workshop.id,
            fingerprint=workshop.fingerprint,
            title=title or workshop.title,
            place=place,
            trainer=trainer,
            language=workshop.meta.language,
            started=now(),
            current=workshop.step_ids()[0],
            steps=workshop.step_ids(),
        )
        # the index (sqlite) is for listing; a new session does not need it to start
        store = self.services.plain_store()
        try:
            path, lock = store.create(session)  # a free name, under its lock
        except (OSError, SaveError) as exc:
            self._fail(t("app.cannot_create", dir=str(store.directory), reason=str(exc)), first)
            return
        self._walk(workshop, session, path, release=lock.release)

    def resume(self, path: Path | None = None, *, first: bool = False) -> None:
        """Open a saved session where it was left (the newest unfinished one if no path)."""
        from samen_tui.session.lock import SessionLock
        from samen_tui.session.migrate import reconcile
        from samen_tui.session.store import SessionReadError
        from samen_tui.workshop.catalog import session_workshop
        from samen_tui.workshop.problems import WorkshopError

        store = self.store()
        if path is None:
            candidates = [s for s in store.list() if hasattr(s, "title") and not s.complete]
            if not candidates:
                self._fail(t("app.nothing_to_resume", dir=str(store.directory)), first)
                return
            path = max(candidates, key=lambda s: s.mtime).path
        try:
            session = store.load(path)
        except SessionReadError as exc:
            self._fail(str(exc), first)
            return
        try:
            workshop = session_workshop(session.workshop, self.workshop_dirs())
        except (LookupError, ValueError, OSError, WorkshopError) as exc:
            self._fail(t("app.workshop_missing", id=session.workshop, reason=str(exc)), first)
            return
        self._use_language(workshop)
        changes = reconcile(session, workshop)
        if changes.fingerprint_changed:
            self.notify(
                describe_changes(changes),
                title=t("resume.changed"),
                severity="warning",
                timeout=30,
                markup=False,
            )
        lock = SessionLock(path)
        refusal = lock.claim()  # who holds it, or why no lock can be made: read-only
        read_only = refusal is not None
        if refusal is not None:
            self.notify(refusal, severity="warning", timeout=15, markup=False)
        self._walk(
            workshop,
            session,
            path,
            read_only=read_only,
            release=None if read_only else lock.release,
        )

    def _walk(
        self,
        workshop: Workshop,
        session: Session,
        path: Path,
        *,
        read_only: bool = False,
        release: Any = None,
    ) -> None:
        from samen_tui.tui.screens.walk import walk_screen_class

        screen = walk_screen_class()(
            workshop, session, path, self.services, read_only=read_only, release=release
        )
        self.push_screen(screen)

    def open_review(self, *, first: bool = False) -> None:
        try:
            from samen_tui.tui.screens.review import ReviewScreen
        except ImportError:
            self._fail(t("app.no_review"), first)
            return
        self.push_screen(ReviewScreen(self.services))
        if first and self.launch.session is not None:  # samen review SESSION
            self._read_one(self.launch.session)

    def _read_one(self, path: Path) -> None:
        """One session, read-only, step by step, over the review (escape: the list)."""
        from samen_tui.session.store import SessionReadError, load_session
        from samen_tui.tui.screens.review.view import SessionViewScreen
        from samen_tui.workshop.catalog import session_workshop
        from samen_tui.workshop.problems import WorkshopError

        try:
            session = load_session(path)
        except SessionReadError as exc:
            self._fail(str(exc), True)
            return
        workshop: Workshop | None = None
        try:
            found = session_workshop(session.workshop, self.workshop_dirs())
        except (LookupError, ValueError, OSError, WorkshopError):
            pass  # the view shows the records without it, as the review does
        else:
            self._use_language(found)
            workshop = found
        self.push_screen(SessionViewScreen(workshop, session, path))

    # ------------------------------------------------------------------ requests

    def on_start_session(self, request: StartSession) -> None:
        self.start_new(request.workshop, request.title, request.place, request.trainer)

    def on_open_session(self, request: OpenSession) -> None:
        self.resume(request.path)

    def on_open_review(self, _request: OpenReview) -> None:
        self.open_review()

    def on_back_to_start(self, _request: BackToStart) -> None:
        self.action_to_start()

    # ------------------------------------------------------------------ conventions

    def action_help(self) -> None:
        from samen_tui.tui.screens.dialogs import HelpScreen
        from samen_tui.tui.screens.walk import WalkScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        step_help = ""
        if isinstance(screen, WalkScreen) and screen.step_view is not None:
            step_help = screen.step_view.help_text()
        self.push_screen(HelpScreen(screen, step_help))

    def action_command_palette(self) -> None:
        """Textual's palette, its words in the interface language (``palette.py``)."""
        from samen_tui.tui.palette import SamenCommandPalette

        if self.use_command_palette and not SamenCommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(SamenCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from samen_tui.tui.palette import SamenCommandPalette

        self.push_screen(
            SamenCommandPalette(providers=[ThemeProvider], placeholder=t("palette.themes"))
        )

    def action_help_quit(self) -> None:
        """ctrl+c does not quit: say which key does, in the interface language."""
        from samen_tui.tui.palette import quit_hint

        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                message, title = quit_hint(self.get_key_display(active.binding) or key)
                self.notify(message, title=title, markup=False)
                return

    def get_system_commands(self, screen: Screen[Any]) -> Any:
        """Textual's own commands, in the interface language, and the app's."""
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.quit"), t("cmd.quit.help"), self.action_quit)
        yield SystemCommand(t("cmd.help"), t("cmd.help.help"), self.action_help)
        yield SystemCommand(t("cmd.start"), t("cmd.start.help"), self.action_to_start)
        if screen.maximized is not None:
            yield SystemCommand(t("cmd.minimize"), t("cmd.minimize.help"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(t("cmd.maximize"), t("cmd.maximize.help"), screen.action_maximize)
        yield SystemCommand(
            t("cmd.screenshot"),
            t("cmd.screenshot.help"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def action_to_start(self) -> None:
        """Switch session: close what is open and go back to the start screen."""
        from samen_tui.tui.screens.start import StartScreen

        self._close_sessions()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.switch_screen(StartScreen(self.services))

    def _close_sessions(self) -> bool:
        from samen_tui.tui.screens.walk import WalkScreen

        ok = True
        for screen in self.screen_stack:
            if isinstance(screen, WalkScreen):
                ok = screen.close() and ok
        return ok

    async def _settle(self, limit: float = 1.0) -> None:
        """Let keys already typed reach their widgets and what they set off be done
        (ctrl+q is a priority key and overtakes an Enter still waiting in a field's
        queue, and the entry it adds travels up to its list as a message, one widget a
        turn).

        In rounds: each round every widget of the screen, the screen and the app run
        a callback of their own (``call_later``: after the messages they hold), so a
        round ends once everything posted before it is handled. A message bubbles up
        one widget a round at worst: there are as many rounds as the focused widget
        has ancestors, and ``SETTLE_ROUNDS`` more for the messages their handlers
        post. At most ``limit`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        screen = self.screen
        focused = screen.focused
        rounds = SETTLE_ROUNDS + (len(focused.ancestors_with_self) if focused else 1)
        for _ in range(rounds):
            nodes: list[MessagePump] = [self, *screen.walk_children(with_self=True)]
            if not await handled_by(nodes, deadline - loop.time()):
                return

    def action_quit(self) -> None:  # type: ignore[override]
        """Save and quit, once the keys typed before ctrl+q have been handled (they
        may still be on their way through the app's own queue: so not awaited here)."""
        self.run_worker(self._quit_flow(), exclusive=True, group="quit")

    async def _quit_flow(self) -> None:
        from samen_tui.tui.screens.dialogs import ConfirmDialog
        from samen_tui.tui.screens.walk import WalkScreen

        await self._settle()

        unsaved = [
            s
            for s in self.screen_stack
            if isinstance(s, WalkScreen) and s.saver is not None and not s.save_now()
        ]
        if not unsaved:
            self._close_sessions()
            self.exit()
            return

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self._close_sessions()
                self.exit()

        self.push_screen(
            ConfirmDialog(
                t("app.quit_unsaved", reason=unsaved[0].save_error),
                t("button.quit_anyway"),
                t("button.stay"),
            ),
            answered,
        )
