"""The trainer's main screen: agenda, timers, the current step.

The screen shows one step's view at a time in its main pane, keeps the views it has
shown (hidden) and builds the next step's view ahead while the trainer works, so that
paging is a matter of showing a view that exists. What it does to the session lives
beside it: ``capture.py`` (undo, typing bursts, autosave), ``reload.py`` (the
workshop file edited while the session runs), ``timers.py`` (time per item) and
``commands.py`` (the command palette).

This is stock Textual. With the tuning on (``samen_tui.tui.tuning``), the screen the
app shows is this one combined with the tuned frame loop
(:func:`samen_tui.tui.screens.walk.walk_screen_class`), which hears of a step shown
and of a view built ahead through :meth:`WalkScreen.step_shown` and
:meth:`WalkScreen.view_built_ahead`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, OptionList

from samen_tui.i18n import t
from samen_tui.session.autosave import AutoSaver
from samen_tui.session.model import Session, now
from samen_tui.tui.room_controls import ROOM_BINDINGS, RoomCommands, RoomControls
from samen_tui.tui.screens.walk.capture import AUTOSAVE_TICK, WalkCapture
from samen_tui.tui.screens.walk.commands import StepCommands
from samen_tui.tui.screens.walk.focus import FieldKeys, put_drafts, take_drafts
from samen_tui.tui.screens.walk.joining import WalkJoin
from samen_tui.tui.screens.walk.reload import RELOAD_POLL, ReloadsWorkshop, WorkshopWatch
from samen_tui.tui.screens.walk.timers import (
    ItemClock,
    StepVisits,
    balance_minutes,
    step_countdown,
)
from samen_tui.tui.screens.walk.timing import TimeKeys, show_time
from samen_tui.tui.screens.walk.views import TypeAhead, out_of_reach, widget_class
from samen_tui.tui.services import Services
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.tui.widgets.keybar import KeyBar
from samen_tui.tui.widgets.steptitle import StepTitle
from samen_tui.tui.widgets.timer import TimerBar
from samen_tui.workshop.model import AgendaItem, Step, Workshop

NARROW = 100
"""Below this many columns the agenda folds away (F2 shows it)."""
PREFETCH_AFTER = 0.4
"""Seconds after showing a step before the next step's view is built ahead."""
FOCUS_TRIES = 100
FOCUS_RETRY = 0.02
"""A view not composed yet when it is to be focused is tried again this many times,
this many seconds apart."""


class WalkScreen(RoomControls, ReloadsWorkshop, TimeKeys, FieldKeys):
    """Walk the agenda step by step while the group works (and control what the room's
    screen shows: ``room_controls.py``)."""

    COMMANDS = {StepCommands, RoomCommands}
    AUTO_FOCUS = ""
    """The screen puts the focus where typing starts in each step (``_focus_view``).
    Textual's default focused the agenda, the first widget that takes the focus, when
    the screen was shown: a key typed before the step's view had the focus went to
    the agenda and was lost (the first letter typed right after ``samen resume``)."""

    BINDINGS = [
        Binding(
            "pagedown", "next_step", "key.next", priority=True, id="walk.next", tooltip="tip.next"
        ),
        Binding(
            "pageup",
            "previous_step",
            "key.previous",
            priority=True,
            id="walk.previous",
            tooltip="tip.previous",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "key.undo",
            priority=True,
            id="walk.undo",
            tooltip="tip.undo",
            show=False,
        ),
        Binding("f2", "toggle_agenda", "key.agenda", id="walk.agenda", tooltip="tip.agenda"),
        Binding(
            "f3",
            "toggle_pause",
            "key.pause",
            priority=True,
            id="walk.pause",
            tooltip="tip.pause",
            show=False,
        ),
        Binding("f8", "next_round", "key.round", id="walk.round", tooltip="tip.round"),
        Binding(
            "ctrl+s",
            "save_now",
            "key.save",
            priority=True,
            id="walk.save",
            show=False,
            tooltip="tip.save",
        ),
        *ROOM_BINDINGS,
    ]

    def __init__(
        self,
        workshop: Workshop,
        session: Session,
        path: Path,
        services: Services,
        *,
        read_only: bool = False,
        release: Any = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.path = path
        self.read_only = read_only
        self._release = release
        self.capture = WalkCapture(
            session,
            workshop,
            path,
            read_only=read_only,
            refused=lambda: self.notify(t("walk.read_only_change"), severity="warning"),
            changed=self._changed,
            save_failed=self._save_failed_thread,
            saved=self._saved_thread,
        )
        """The session, and every change to it (the step views' ``capture``)."""
        self.clock = ItemClock(running=not services.frozen_clock)
        self.wall_clock: Callable[[], dt.datetime] | None = None if services.frozen_clock else now
        """The time of day, for the projected end (None: a frozen clock, no end shown;
        a test gives its own)."""
        self.visits = StepVisits()
        self.warned: tuple[str, str] | None = None
        """The item and the timer state last shown (the bell rings on a change)."""
        self.save_error = ""
        """Why the last save failed ("" once one succeeded)."""
        self.workshop_watch: WorkshopWatch | None = None
        self._steps: list[tuple[AgendaItem, Step]] = workshop.steps()
        self._views: dict[str, tuple[StepView, int, object]] = {}
        self._shown: StepView | None = None
        self._epoch = 0
        self._prefetch_timer: Timer | None = None
        self._typed_ahead = TypeAhead()
        self._drafts: dict[str, dict[str, str]] = {}
        self.joining = WalkJoin(self)
        """Participants on their phones (#18): the join server, once started."""
        if session.current not in {s.id for _i, s in self._steps}:
            session.current = self._steps[0][1].id if self._steps else ""

    @property
    def session(self) -> Session:
        return self.capture.session

    @property
    def workshop(self) -> Workshop:
        return self.capture.workshop

    @property
    def saver(self) -> AutoSaver | None:
        """The autosave writer (None: read-only, or closed)."""
        return self.capture.saver

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        # narrow or not from the start: set on mount, the class restyled the whole
        # screen (15 ms of a start at 80 columns)
        narrow = self.app.size.width < NARROW
        self.set_class(narrow, "narrow", update=False)
        with Horizontal(id="walk-body"):
            yield AgendaPanel(
                self.workshop, self.session, id="agenda", classes="collapsed" if narrow else ""
            )
            with Vertical(id="walk-main"):
                yield TimerBar(id="timer")
                yield TimerBar(id="step-timer", classes="-none")  # a step's own time
                yield StepTitle(id="step-title")
                yield Vertical(id="step-host")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.workshop.title
        self.sub_title = self.subtitle()
        self.show_step(self.session.current)
        if self.clock.running:
            self.set_interval(1.0, self._tick)
        self.workshop_watch = WorkshopWatch(self.workshop.path)
        self.set_interval(RELOAD_POLL, self._watch_workshop)
        if not self.read_only:
            self.set_interval(AUTOSAVE_TICK, self.capture.autosave)
            if self.services.join:
                self.joining.start_soon(self.services.join)

    def subtitle(self, *more: str) -> str:
        """The session's title, "afgerond" once ended, "alleen lezen", and ``more``."""
        ended = [t("walk.ended")] if self.session.ended is not None else []
        read_only = [t("walk.read_only")] if self.read_only else []
        return " · ".join([self.session.title, *ended, *read_only, *more])

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW
        if narrow != self.has_class("narrow"):
            self.set_class(narrow, "narrow")
            self.query_one("#agenda").set_class(narrow, "collapsed")

    # ------------------------------------------------------------------ steps

    @property
    def step_index(self) -> int:
        for index, (_item, step) in enumerate(self._steps):
            if step.id == self.session.current:
                return index
        return 0

    @property
    def current_item(self) -> AgendaItem | None:
        return self._steps[self.step_index][0] if self._steps else None

    @property
    def step_view(self) -> StepView | None:
        return self._shown

    def _fresh(self, step_id: str) -> StepView | None:
        """The kept view of a step, if what it shows is still what the session holds."""
        kept = self._views.get(step_id)
        if kept is None:
            return None
        view, epoch, depends = kept
        if epoch == self._epoch and view.depends() == depends and view.is_attached:
            return view
        self._views.pop(step_id, None)
        self._drafts[step_id] = take_drafts(view)  # for the view built in its place
        view.remove()
        return None

    def _build(self, step: Step) -> StepView:
        view = widget_class(step.KIND)(step, self.capture)
        self._views[step.id] = (view, self._epoch, view.depends())
        return view

    def forget_views(self) -> None:
        """The session changed under every view (undo, reload, take-over): rebuild on show."""
        self._epoch += 1

    def show_step(self, step_id: str) -> None:
        """Show a step in the main pane, with the focus where typing starts.

        Views are kept after they were shown (hidden), and the next step's view is
        built ahead while the trainer works, so paging is a matter of showing a
        view that exists. A kept view is rebuilt when what it depends on changed.
        """
        host = self.query_one("#step-host")
        if not self._steps:
            return
        index = next((i for i, (_it, s) in enumerate(self._steps) if s.id == step_id), 0)
        item, step = self._steps[index]
        number = self.workshop.items.index(item) + 1
        self.query_one(StepTitle).show(
            f"{number}. {item.title}", step.title, f"({index + 1}/{len(self._steps)})"
        )
        hidden: StepView | None = None
        if self._shown is not None and self._shown.step.id != step.id:
            hidden = self._shown
            hidden.display = False
            if self.focused is not None and hidden in self.focused.ancestors:
                self.set_focus(None)  # never leave the focus (and the typing) in a hidden view
        view = self._fresh(step.id)
        built = view is None
        if view is None:
            view = self._build(step)
            host.mount(view)
        view.display = True
        view.set_ahead(False)
        self._shown = view
        if built:
            self._typed_ahead.wait_for(view)  # keys typed until it has the focus wait
            self.call_after_refresh(self._focus_view, view)
        else:
            # a kept view is composed: focus now, so that the new focus, the keys it
            # brings and the view are laid out and painted together, once
            self._focus_view(view)
        agenda = self.query_one(AgendaPanel)
        agenda.rebuild()
        self._refresh_timer()
        bars = (agenda, self.query_one("#timer", TimerBar), self.query_one(StepTitle))
        self.step_shown(view, hidden, host, bars)
        self._schedule_prefetch()

    def step_shown(
        self, view: StepView, hidden: StepView | None, host: Widget, bars: Sequence[Widget]
    ) -> None:
        """A step's view is shown in ``host`` (``hidden``: the one it replaced), and
        ``bars`` (agenda, timer, title) show the step. Stock: nothing more to do (the
        tuned frame loop paints them all in one frame)."""

    def view_built_ahead(self, view: StepView) -> None:
        """A view was built ahead, out of sight. Stock: nothing more to do (the tuning
        draws it while it waits, so that showing it does not)."""

    def _schedule_prefetch(self) -> None:
        """Build the next step's view once the trainer has paused for a moment (again
        after every change: a capture can make the view built ahead stale). A timer
        set stays set: changes that keep coming (phones, #18) never put it off, while
        the trainer's keys do (``_prefetch`` waits for a pause in them)."""
        if self._prefetch_timer is None:
            self._prefetch_timer = self.set_timer(PREFETCH_AFTER, self._prefetch)

    def _prefetch(self) -> None:
        """Build the next step's view, hidden, while the trainer is on this one."""
        self._prefetch_timer = None
        idle = time.monotonic() - self.services.last_input()
        if idle < PREFETCH_AFTER:
            self._prefetch_timer = self.set_timer(PREFETCH_AFTER - idle, self._prefetch)
            return
        index = self.step_index
        if index + 1 >= len(self._steps):
            return
        step = self._steps[index + 1][1]
        host = self.query_one("#step-host")
        if not host.is_attached:  # the app is closing (ctrl+q in the moment the timer fired)
            return
        for other in host.query_children(StepView):
            if other.ahead and other.step.id != step.id:
                other.display = False  # ahead of a step the trainer jumped away from
                other.set_ahead(False)
        if self._fresh(step.id) is not None:
            return
        view = self._build(step)
        # laid out beside the host, out of sight and out of the focus chain: it gets its
        # size now, so that showing it is one layout pass instead of two
        view.set_ahead(True)
        host.mount(view)
        self.view_built_ahead(view)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Textual's, but a view built ahead or hidden never takes the focus: the
        checklist, built ahead at 80x24, focused a row of its first tab, and the keys
        typed in the step shown went to it."""
        if widget is not None and out_of_reach(widget):
            return
        super().set_focus(widget, scroll_visible, from_app_focus)
        if self.focused is not None:
            self._typed_ahead.hand_to(self.focused)

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the screen because nothing has the focus yet: the view
        just shown may still be composed (see ``views.TypeAhead``)."""
        if self.focused is None and self._typed_ahead.hold(event):
            event.stop()
            event.prevent_default()
        elif self.nowhere_to_type(event):
            event.stop()

    def _focus_view(self, view: StepView, tries: int = FOCUS_TRIES) -> None:
        """Focus where typing starts, if the view is still the one shown."""
        if view is self._shown and view.is_attached:
            try:
                view.scroll_home(animate=False, immediate=True)  # its top, its first field
                view.focus_first()
                put_drafts(view, self._drafts.pop(view.step.id, {}))
            except NoMatches:  # not composed yet: try again a little later, a bounded
                # number of times (retrying on every refresh starved the event loop)
                if tries:
                    self.set_timer(FOCUS_RETRY, lambda: self._focus_view(view, tries - 1))
                    return
            else:
                # focus() lands when the app handles what it holds now (the held keys
                # go there); after that, a view with nothing to focus lets them go
                self.app.call_later(self._typed_ahead.give_up, view)
                return
        self._typed_ahead.give_up(view)

    def go_to(self, step_id: str) -> None:
        if step_id == self.session.current:
            return
        self._account_time()
        self.session.current = step_id
        self.capture.mark_dirty()
        self.show_step(step_id)

    def action_next_step(self) -> None:
        index = self.step_index
        if index + 1 < len(self._steps):
            self.go_to(self._steps[index + 1][1].id)
        elif self.read_only:
            self.notify(t("walk.last_step"))
        elif self.session.ended is not None:
            self.notify(t("end.already"))
        else:
            self.action_end_session()  # "Sessie afronden": summary, confirm, export

    def action_previous_step(self) -> None:
        index = self.step_index
        if index > 0:
            self.go_to(self._steps[index - 1][1].id)

    @on(OptionList.OptionSelected, "#agenda")
    def agenda_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("step:"):
            self.go_to(option_id.removeprefix("step:"))

    def action_toggle_agenda(self) -> None:
        agenda = self.query_one("#agenda")
        agenda.toggle_class("collapsed")

    # ------------------------------------------------------------------ changes

    def _changed(self, step_id: str, mark: bool) -> None:
        """After a change to the session (see ``WalkCapture.change``): the view built
        ahead may be stale, and the agenda's done mark of the step may have changed."""
        self._schedule_prefetch()
        if mark:
            self.query_one(AgendaPanel).rebuild()

    def room_changed(self) -> None:
        """The trainer changed what the room sees (F6, F7): saved like any change,
        without an undo step (see ``room_controls.py``)."""
        self.capture.mark_dirty()

    def action_undo(self) -> None:
        if not self.capture.undo():
            self.notify(t("walk.nothing_to_undo"))
            return
        self.forget_views()
        self.query_one(AgendaPanel).session = self.session
        self.show_step(self.session.current)
        self.notify(t("walk.undone"))

    # ------------------------------------------------------------------ timers

    def _account_time(self) -> None:
        """Add the time since the last tick to the current item (unless paused), and
        to the current step: on it long enough, it gets its ✓."""
        step = self._steps[self.step_index][1] if self._steps else None
        counted = self.clock.account(self.session, self.current_item, step)
        if self.visits.add(self.session, self.session.current, counted):
            self.capture.mark_dirty()
            for agenda in self.query(AgendaPanel):
                agenda.rebuild()

    def _tick(self) -> None:
        self._account_time()
        if self.clock.save_due():
            self.capture.mark_dirty()
        self._refresh_timer()

    def balance_minutes(self) -> int:
        """Minutes behind (+) or ahead (-) of plan (see ``timers.balance_minutes``)."""
        return balance_minutes(self.workshop, self.session, self.current_item)

    def _refresh_timer(self) -> None:
        item = self.current_item
        if item is None:
            return
        show_time(self, item)
        own = step_countdown(self.session, self._steps[self.step_index][1])
        self.query_one("#step-timer", TimerBar).show_own(own, paused=self.session.paused)

    # ------------------------------------------------------------------ saving

    def save_now(self, timeout: float = 5.0) -> bool:
        """Write the session now and wait for it (quit, end, tests)."""
        if self.capture.saver is None:
            return True
        self._account_time()
        return self.capture.save_now(timeout)

    def action_save_now(self) -> None:
        if self.save_now():
            self.notify(t("walk.saved", path=str(self.path)), markup=False)

    def _save_failed_thread(self, error: Exception) -> None:
        self.app.call_from_thread(self._save_failed, error)

    def _saved_thread(self, path: Path) -> None:
        if self.save_error:
            self.app.call_from_thread(self._save_recovered, path)

    def _save_failed(self, error: Exception) -> None:
        message = str(error)
        first = not self.save_error
        self.save_error = message
        self.sub_title = self.subtitle(t("walk.not_saved"))
        if first:
            self.notify(
                t("walk.save_failed", reason=message),
                severity="error",
                timeout=30,
                markup=False,
            )

    def _save_recovered(self, path: Path) -> None:
        self.save_error = ""
        self.path = path
        self.sub_title = self.subtitle()
        self.notify(t("walk.saved", path=str(path)), markup=False)

    def action_save_as(self) -> None:
        from samen_tui.tui.screens.walk.saveas import ask_save_as

        ask_save_as(self)

    def hand_over_release(self, release: Any) -> Any:
        """Hold ``release`` (a new lock's) from now on; the one held before, to call."""
        old, self._release = self._release, release
        return old

    def action_end_session(self) -> None:
        """Ask (with a summary) before ending; see ``ending.py``."""
        if self.read_only:
            return
        from samen_tui.tui.screens.walk.ending import ask_to_end

        ask_to_end(self)

    def end_session(self) -> None:
        if self.read_only:
            return
        self._account_time()
        self.session.ended = now()
        self.capture.mark_dirty()
        self.save_now()
        self.joining.stop_soon()
        self.sub_title = self.subtitle()
        self.notify(t("walk.ended_note"))

    def close(self) -> bool:
        """Save and let go of the session; True if everything reached the disk."""
        ok = True
        self.joining.stop_soon()
        if self.capture.saver is not None:
            self._account_time()
            ok = self.capture.close()
        if self._release is not None:
            self._release()
            self._release = None
        return ok

    def on_unmount(self) -> None:
        self.close()

    # ------------------------------------------------------------------ palette

    def action_take_over(self) -> None:
        from samen_tui.tui.screens.takeover import take_over

        take_over(self)

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        export_dialog(self, self.workshop, self.session, self.path)
