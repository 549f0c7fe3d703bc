"""The trainer's main screen: agenda, timers, the current step; autosave and undo."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textual import messages, on
from textual._time import get_time
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.markup import escape
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, OptionList

from samen_tui import kinds
from samen_tui.i18n import t
from samen_tui.session.autosave import AutoSaver
from samen_tui.session.migrate import Changes, reconcile
from samen_tui.session.model import Session, now
from samen_tui.tui.compositor import BandCompositor
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.steps.placeholder import PlaceholderView
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.tui.widgets.keybar import KeyBar
from samen_tui.tui.widgets.steptitle import StepTitle
from samen_tui.tui.widgets.timer import TimerBar
from samen_tui.workshop.model import AgendaItem, Step, Workshop

UNDO_LIMIT = 200
MAX_PROBLEMS_SHOWN = 8
TYPING_BURST = 2.0
"""Seconds of quiet after which typing in a field starts a new undo step."""
NARROW = 100
"""Below this many columns the agenda folds away (F2 shows it)."""
AUTOSAVE_TICK = 0.25
RELOAD_POLL = 0.5
"""Seconds between two looks at the workshop file's size and modification time."""
PREFETCH_AFTER = 0.4
"""Seconds after showing a step before the next step's view is built ahead."""
PRERENDER_AFTER = 0.2
"""Seconds between two looks at the view built ahead for widgets not drawn yet (the
first look that long after it was mounted, when it is composed and laid out)."""
PRERENDER_SLICE = 0.008
"""The longest the event loop is kept at once by drawing ahead (a key waits no longer)."""
PRERENDER_LOOKS = 10
"""Looks at the view built ahead that find something to draw before drawing ahead gives
up on it (a view that keeps changing out of sight is drawn when shown, as before)."""
TIMER_SAVE_EVERY = 10.0
FOCUS_HOLD = 0.1
"""The longest a change of focus holds the screen's paint for the widgets that lost
and gained it to handle that (see ``WalkScreen.set_focus``)."""


def undrawn(widget: Widget) -> bool:
    """Whether a widget that is shown has lines Textual would have to draw to show it
    (its drawn lines are kept in its styles cache until it changes)."""
    if not widget.display:
        return False
    width, height = widget.region.size  # what Textual draws (border and padding too)
    if not (width and height):
        return False
    cache = widget._styles_cache
    if cache._dirty_lines or cache._width != width:
        return True
    lines = cache._cache
    return any(y not in lines for y in range(height))


def hand_over_repaints(widget: Widget, also: Iterable[object] = ()) -> None:
    """Hand the repaint and layout requests of a widget, its descendants and ``also``
    to the screen now, instead of at each one's own idle time (which often came after
    the screen had painted the rest of a key: a second paint).

    Never the screen's own: a screen's ``_layout_required`` is the flag that its layout
    is due, and the widget's check clears it and asks the screen for a layout of the
    screen's ancestors, of which it has none. The step's new view then went unlaid-out
    (the old one painted in its place) until some later change asked again."""
    for node in (*widget.walk_children(Widget, with_self=True), *also):
        if isinstance(node, Widget) and not isinstance(node, Screen):
            node._check_refresh()


def widget_class(kind: str) -> type[StepView]:
    """The widget class of a kind (its folder's ``view.VIEW``, ``samen_tui.kinds``)."""
    try:
        cls = kinds.view_class(kind)
    except ImportError:
        return PlaceholderView
    return cls if cls is not None else PlaceholderView


class StepCommands(Provider):
    """Command palette: jump to any step by name, and the session's own commands."""

    def _commands(self) -> list[tuple[str, str, Any]]:
        screen = self.screen
        assert isinstance(screen, WalkScreen)
        out: list[tuple[str, str, Any]] = []
        for number, item in enumerate(screen.workshop.items, start=1):
            for step in item.steps:
                out.append(
                    (
                        t("cmd.goto", item=f"{number}. {item.title}", step=step.title),
                        t("cmd.goto.help"),
                        lambda sid=step.id: screen.go_to(sid),
                    )
                )
        out.append((t("cmd.end"), t("cmd.end.help"), screen.action_end_session))
        out.append((t("cmd.save_as"), t("cmd.save_as.help"), screen.action_save_as))
        out.append((t("cmd.export"), t("cmd.export.help"), screen.action_export))
        out.append((t("cmd.pause"), t("cmd.pause.help"), screen.action_toggle_pause))
        out.append((t("cmd.takeover"), t("cmd.takeover.help"), screen.action_take_over))
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands()[-5:]:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                # the workshop's titles are text: escaped before the matcher's markup
                yield Hit(score, matcher.highlight(escape(title)), callback, help=help_text)


class WalkScreen(Screen[None]):
    """Walk the agenda step by step while the group works."""

    COMMANDS = {StepCommands}

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's own asks for a paint of the whole screen at every change of focus
    (``Screen.focused``), though the widgets that gain and lose it repaint themselves
    and nothing else shows it: at 120x40 that was 20-40 ms of every pagedown, tab
    and move on the checklist."""

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
        Binding(
            "ctrl+s",
            "save_now",
            "key.save",
            priority=True,
            id="walk.save",
            show=False,
            tooltip="tip.save",
        ),
    ]

    def __init__(
        self,
        workshop: Workshop,
        session: Session,
        path: Path,
        *,
        read_only: bool = False,
        release: Any = None,
        clock: bool = True,
    ) -> None:
        super().__init__()
        # a key that changes two lines far apart renders what lies between them only
        # with this one (see samen_tui.tui.compositor)
        self._compositor = BandCompositor()
        self._layout_began = 0.0
        """When the last full layout began (Textual's clock, as a message's time)."""
        self._layout_posted = False
        """A widget has asked for a layout since the last one (its message may still
        wait in the screen's queue)."""
        self._relayouts = 0
        """Layouts done again before a paint, now (see :meth:`_compositor_refresh`)."""
        self._updates_posted: set[Widget] = set()
        """Widgets that asked for a repaint since the last frame (their messages may
        still wait in the screen's queue)."""
        self._painted = False
        """A frame of this screen has been painted outside a batch (see
        :meth:`_compositor_refresh`)."""
        self.clock = clock
        """False in tests and snapshots: the timers do not run by themselves."""
        self.workshop = workshop
        self.session = session
        self.path = path
        self.read_only = read_only
        self._release = release
        self._steps: list[tuple[AgendaItem, Step]] = workshop.steps()
        self._undo: list[dict[str, Any]] = []
        self._views: dict[str, tuple[StepView, int, object]] = {}
        self._shown: StepView | None = None
        self._epoch = 0
        self._prefetch_timer: Timer | None = None
        self._typing_key = ""
        self._typing_at = 0.0
        self._dirty = False
        self._last_tick = time.monotonic()
        self._timer_unsaved = 0.0
        self._timer_carry = 0.0
        self.save_error: str = ""
        self.saver: AutoSaver | None = None
        if not read_only:
            self.saver = AutoSaver(
                path, on_error=self._save_failed_thread, on_saved=self._saved_thread
            )
        if session.current not in {s.id for _i, s in self._steps}:
            session.current = self._steps[0][1].id if self._steps else ""

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
                yield StepTitle(id="step-title")
                yield Vertical(id="step-host")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.workshop.title
        self.sub_title = self.session.title + (
            f" · {t('walk.read_only')}" if self.read_only else ""
        )
        self.show_step(self.session.current)
        if self.clock:
            self.set_interval(1.0, self._tick)
        self._workshop_stamp = self._stamp()
        self.set_interval(RELOAD_POLL, self._watch_workshop)
        if not self.read_only:
            self.set_interval(AUTOSAVE_TICK, self._autosave_tick)

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
        view.remove()
        return None

    def _build(self, step: Step) -> StepView:
        view = widget_class(step.KIND)(step, self)
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
            self.call_after_refresh(self._focus_view, view)
        else:
            # a kept view is composed: focus now, so that the new focus, the keys it
            # brings and the view are laid out and painted together, once
            self._focus_view(view)
        agenda = self.query_one(AgendaPanel)
        agenda.rebuild()
        self._refresh_timer()
        # Hand the layout requests of the views, and the repaints of the agenda, the
        # timer and the title, to the screen now: left to each one's own idle time,
        # one of them often arrived after the screen had laid out and painted, and the
        # step change took a second layout pass and paint.
        for changed in (view, hidden, host):
            if changed is not None and changed.is_attached:
                changed._check_refresh()
        for bar in (agenda, self.query_one(TimerBar), self.query_one(StepTitle)):
            hand_over_repaints(bar)
        self._schedule_prefetch()

    def _schedule_prefetch(self) -> None:
        """Build the next step's view once the trainer has paused for a moment (again
        after every change: a capture can make the view built ahead stale)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_AFTER, self._prefetch)

    def _prefetch(self) -> None:
        """Build the next step's view, hidden, while the trainer is on this one."""
        self._prefetch_timer = None
        index = self.step_index
        if index + 1 >= len(self._steps):
            return
        step = self._steps[index + 1][1]
        host = self.query_one("#step-host")
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
        self.set_timer(PRERENDER_AFTER, lambda: self._prerender(view))

    def _prerender(
        self,
        view: StepView,
        todo: list[Widget] | None = None,
        looks: int = PRERENDER_LOOKS,
        drawn: bool = False,
    ) -> None:
        """Draw the view built ahead while it is out of sight, a few milliseconds at a
        time: Textual keeps each widget's drawn lines until the widget changes, so the
        pagedown that shows it only puts them on the screen. Drawing them then was most
        of a pagedown (25-40 ms at 120x40, 150-280 ms for the checklist's 150 widgets
        on a first visit).

        A view goes on changing for a while after it is mounted: it is composed and laid
        out in turns, and the checklist fills its cells after its first refresh and lays
        them out again, which throws away what was drawn. So it is looked at every
        ``PRERENDER_AFTER`` seconds, and what is not drawn is drawn, until a look after
        a drawing finds it all drawn (or the looks run out)."""
        if not (view.ahead and view.is_attached and not view._closing):
            return
        if todo is None:
            settled = not (self._layout_required or view._layout_required)
            todo = [w for w in (view, *view.walk_children(Widget)) if settled and undrawn(w)]
            looks -= 1
            if not todo:
                if looks > 0 and not (settled and drawn and view.region):
                    self.set_timer(
                        PRERENDER_AFTER, lambda: self._prerender(view, None, looks, drawn)
                    )
                return
        started = time.perf_counter()
        while todo and time.perf_counter() - started < PRERENDER_SLICE:
            widget = todo.pop()
            if widget.is_attached and undrawn(widget):
                widget.render_lines(widget.region.size.region)
        if todo:
            self.set_timer(0.01, lambda: self._prerender(view, todo, looks))
        elif looks > 0:
            self.set_timer(PRERENDER_AFTER, lambda: self._prerender(view, None, looks, True))

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Textual's layout, once per change: no second layout (and paint, 30-40 ms
        later, with nothing new) for what this one has placed.

        * A widget asks for a layout at its own idle time (a message to the screen),
          which often comes after the screen has begun to lay out: the rows of the
          checklist that a score moves in or out of the weakest did. The requests of
          the widgets on the screen are handed over first, so that this layout has
          them, and a request older than the layout (:meth:`_on_layout`) is dropped:
          the caches it cleared were cleared before the layout, which has it.
        * A widget whose size changes in a layout is given its new virtual size, and
          the reactive that holds it asks for a layout again. The layout has placed
          everything by then; a scrollbar that the new virtual size shows or hides
          still asks for its own layout (its reactive does).
        """
        if not (scroll and not self._layout_widgets):  # a full layout, not a scroll
            self._hand_over_layouts()
            self._layout_began = get_time()
            self._layout_posted = False
        virtual_size = Widget.__dict__["virtual_size"]
        virtual_size._layout = False
        try:
            super()._refresh_layout(size, scroll)
        finally:
            virtual_size._layout = True

    def _hand_over_layouts(self) -> bool:
        """Hand the layout requests of the widgets on the screen over now; whether
        there were any."""
        pending = [
            widget
            for widget in self._compositor.visible_widgets
            if widget._layout_required and widget is not self
        ]
        for widget in pending:
            widget._check_refresh()
        return bool(pending)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, messages.Layout):
            self._layout_posted = True
        elif isinstance(message, messages.Update) and isinstance(message.widget, Widget):
            self._updates_posted.add(message.widget)
        return super().post_message(message)

    def _on_timer_update(self) -> None:
        """Textual's frame, with every layout and repaint asked for before it.

        The frame comes from a timer, which often ran before the screen had handled
        the messages in its queue: a widget's request to be laid out or repainted,
        posted at the widget's own idle time, then waited for the next frame, 20-40 ms
        later (a score that moved a row into the weakest was painted, and its row laid
        out and painted again in a second frame). Here the frame takes the requests
        posted or still held by the widgets on the screen. A layout request handled
        after it is dropped (:meth:`_on_layout`); a repaint request finds nothing left
        to paint."""
        if self.is_current and not self.app._batch_count:
            if self._hand_over_layouts() or self._layout_posted:
                self._layout_required = True
            if self._updates_posted:
                if self in self._compositor:
                    self._dirty_widgets.update(self._updates_posted)
                self._updates_posted.clear()
        super()._on_timer_update()

    async def _on_layout(self, message: messages.Layout) -> None:
        """Before Textual's: drop a request the last layout already had."""
        if message.time < self._layout_began:
            message.stop()
            message.prevent_default()  # Textual's handler is not called

    def _compositor_refresh(self) -> None:
        """Textual's paint, with the repaints asked for since the last one and not yet
        handed to the screen: most are asked for by the layout this paint follows (a
        list that grew scrolls, a container that grew has a new virtual size), at each
        widget's own idle time, which came after this paint: a second paint of the same
        lines 30-40 ms later (after most Enters that add an entry).

        A layout can ask for another before its paint: a view whose content grew
        past its height gets a scrollbar, which takes a column. That layout is done
        now, before the paint, instead of in the next frame with a paint of its own
        (the conversation's phases shown by the choice of a flow).

        Until the screen's first frame, nothing is painted during a batch: the app
        throws such a frame away (``App._display``) and the compositor takes it as
        painted. At the start of ``samen run`` Textual's start-up batch held two
        frames (20-25 ms of rendering) while the first one the terminal got came
        after it. The first frame after the batch is painted in full."""
        if not self._painted:
            if self.app._batch_count:
                self._dirty_widgets.add(self)  # the next frame paints all of it
                return
            self._painted = True
            self._compositor.update_widgets({self})
        if self._relayouts < 2 and self._hand_over_layouts():
            self._relayouts += 1
            try:
                self._refresh_layout()  # paints at its end
            finally:
                self._relayouts -= 1
            return
        pending = [
            widget
            for widget in self._compositor.visible_widgets
            if widget._repaint_required and widget is not self
        ]
        if pending:
            for widget in pending:
                widget._repaint_required = False
            self._compositor.update_widgets(set(pending))
        super()._compositor_refresh()

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Textual's, painted at once: the widgets that lost and gained the focus are
        marked so now, their repaints (and those of the containers around them, whose
        :focus-within styles changed) are handed to the screen now, and the screen
        paints once they have handled their Blur and Focus.

        Textual marks a widget (``has_focus``, which gives it its :focus style) in the
        widget's own focus handler, at its own turn, which also repaints it (and an
        input shows its cursor): often after the screen had painted the rest of the
        key, and a pagedown or a move on the checklist took a second paint, 30-60 ms
        after the first.

        A widget out of sight is scrolled to at once, not in Textual's animation of a
        quarter of a second (six more paints: a pagedown to a conversation whose notes
        sit low in the view took 290 ms instead of 35)."""
        if widget is not None and any(
            isinstance(node, StepView) and (node.ahead or not node.display)
            for node in widget.ancestors
        ):
            # a view built ahead or hidden never takes the focus (the checklist, built
            # ahead at 80x24, focused a row of its first tab, and keys went to it)
            return
        blurred = self.focused
        super().set_focus(widget, False, from_app_focus)
        focused = self.focused
        if focused is blurred:
            return
        if scroll_visible and focused is not None:
            self.call_later(self._scroll_to_focused, focused)
        changed = [w for w in (blurred, focused) if w is not None and w.is_attached]
        for node in changed:
            node.has_focus = node is focused
            hand_over_repaints(node, node.ancestors)
        if changed:
            self._paint_after_handled(changed)

    def _scroll_to_focused(self, widget: Widget) -> None:
        """Textual's scroll to a widget given the focus, without the animation, and
        painted with the change of focus (the scrolled containers' requests are handed
        to the screen now).

        In the step's view the widget is scrolled into view by where it is in the view,
        not on the screen: a view built ahead is shown before the screen has laid it
        out in its place, and Textual's test (can the screen show all of it?) read
        the place beside the screen where it was built, scrolled the view wrongly and
        then right again: a second paint (and layout) of the whole view."""
        if self.focused is not widget:
            return
        view = self._shown
        if view is not None and view in widget.ancestors:
            view.scroll_to_widget(widget, animate=False, immediate=True)
        elif not self.can_view_entire(widget):
            self.scroll_to_center(widget, animate=False, origin_visible=True)
        hand_over_repaints(widget, widget.ancestors)

    def _paint_after_handled(self, widgets: list[Widget]) -> None:
        """Hold the screen's paints until each of ``widgets`` has handled the messages
        it has now (at most ``FOCUS_HOLD`` seconds)."""
        app = self.app
        app._begin_batch()
        left = len(widgets)
        held = True

        def release() -> None:
            nonlocal held
            if held:
                held = False
                app._end_batch()

        def handled(widget: Widget) -> None:
            nonlocal left
            hand_over_repaints(widget)
            left -= 1
            if not left:
                release()

        for widget in widgets:
            widget.call_later(handled, widget)
        self.set_timer(FOCUS_HOLD, release)

    def _focus_view(self, view: StepView, tries: int = 100) -> None:
        """Focus where typing starts, if the view is still the one shown."""
        if view is self._shown and view.is_attached and not view._closing:
            try:
                view.focus_first()
            except NoMatches:  # not composed yet: try again a little later, a bounded
                # number of times (retrying on every refresh starved the event loop)
                if tries:
                    self.set_timer(0.02, lambda: self._focus_view(view, tries - 1))

    def go_to(self, step_id: str) -> None:
        if step_id == self.session.current:
            return
        self._account_time()
        self.session.current = step_id
        self._mark_dirty()
        self.show_step(step_id)

    def action_next_step(self) -> None:
        index = self.step_index
        if index + 1 < len(self._steps):
            self.go_to(self._steps[index + 1][1].id)
        else:
            self.notify(t("walk.last_step"))

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

    # ------------------------------------------------------------------ capture

    @contextlib.contextmanager
    def change(self) -> Iterator[None]:
        """Wrap every change to the session: undo snapshot before, autosave after."""
        if self.read_only:
            self.notify(t("walk.read_only_change"), severity="warning")
            raise PermissionError("read-only session")
        snapshot = self.session.to_dict()
        step_id = self.session.current
        was_done = self._captured(step_id)
        yield
        self._push_undo(snapshot)
        self._typing_key = ""
        self._mark_dirty()
        self._schedule_prefetch()
        if self._captured(step_id) != was_done:  # the only mark a capture can change
            self.query_one(AgendaPanel).rebuild()

    def _captured(self, step_id: str) -> bool:
        record = self.session.records.get(step_id)
        return record is not None and not record.is_empty()

    def typing(self, key: str) -> None:
        """A text field is being typed in: one undo step per burst."""
        if self.read_only:
            return
        moment = time.monotonic()
        if key != self._typing_key or moment - self._typing_at > TYPING_BURST:
            self._push_undo(self.session.to_dict())
        self._typing_key = key
        self._typing_at = moment
        self._mark_dirty()

    def _push_undo(self, snapshot: dict[str, Any]) -> None:
        self._undo.append(snapshot)
        del self._undo[:-UNDO_LIMIT]

    def action_undo(self) -> None:
        if self.read_only or not self._undo:
            self.notify(t("walk.nothing_to_undo"))
            return
        snapshot = self._undo.pop()
        restored = Session.from_dict(snapshot)
        # time and place move on: undo takes back captures, not the clock
        restored.items = self.session.items
        restored.current = self.session.current
        restored.paused = self.session.paused
        reconcile(restored, self.workshop)
        self.session = restored
        self.forget_views()
        self.query_one(AgendaPanel).session = restored
        self._typing_key = ""
        self._mark_dirty()
        self.show_step(self.session.current)
        self.notify(t("walk.undone"))

    # ------------------------------------------------------------------ live reload

    def _stamp(self) -> tuple[int, int] | None:
        path = self.workshop.path
        if path is None:
            return None
        try:
            st = path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _watch_workshop(self) -> None:
        """The facilitator saved the workshop file: show the change, or its errors."""
        stamp = self._stamp()
        if stamp is None or stamp == self._workshop_stamp:
            return
        self._workshop_stamp = stamp
        self.reload_workshop()

    def reload_workshop(self) -> Changes | None:
        from samen_tui.workshop.loader import WorkshopError, load_workshop

        path = self.workshop.path
        if path is None:
            return None
        try:
            workshop = load_workshop(path)
        except WorkshopError as exc:
            lines = [str(p) for p in exc.problems]
            more = len(lines) - MAX_PROBLEMS_SHOWN
            text = "\n".join(lines[:MAX_PROBLEMS_SHOWN])
            if more > 0:
                text += "\n" + t("reload.more", n=more)
            self.notify(text, title=t("reload.invalid"), severity="error", timeout=20, markup=False)
            return None
        if workshop.fingerprint == self.workshop.fingerprint:
            return None
        return self.apply_workshop(workshop)

    def apply_workshop(self, workshop: Workshop) -> Changes:
        """Run on with a changed workshop: records of removed steps are kept aside."""
        self._account_time()
        changes = reconcile(self.session, workshop)
        self.workshop = workshop
        self._steps = workshop.steps()
        self.forget_views()
        agenda = self.query_one(AgendaPanel)
        agenda.workshop = workshop
        self.title = workshop.title
        self._mark_dirty()
        self.show_step(self.session.current)
        self.notify(
            t("reload.applied", added=len(changes.added), removed=len(changes.removed)),
            title=t("reload.title"),
        )
        return changes

    # ------------------------------------------------------------------ timers

    def _account_time(self) -> None:
        """Add the time since the last tick to the current item (unless paused)."""
        moment = time.monotonic()
        delta = moment - self._last_tick if self.clock else 0.0
        self._last_tick = moment
        item = self.current_item
        if item is None or self.session.paused or self.session.ended is not None:
            return
        from samen_tui.session.model import ItemTime

        spent = self.session.items.setdefault(item.id, ItemTime())
        self._timer_carry += delta
        whole = int(self._timer_carry)
        if whole:
            spent.seconds += whole
            self._timer_carry -= whole
            self._timer_unsaved += whole

    def _tick(self) -> None:
        self._account_time()
        if self._timer_unsaved >= TIMER_SAVE_EVERY:
            self._timer_unsaved = 0.0
            self._mark_dirty()
        self._refresh_timer()

    def balance_minutes(self) -> int:
        """Minutes behind (+) or ahead (-) of plan: finished items in full, the current one
        only when it runs over."""
        current = self.current_item
        balance = 0
        for item in self.workshop.items:
            spent = self.session.items.get(item.id)
            seconds = spent.seconds if spent else 0
            if item is current:
                balance += max(0, seconds - item.minutes * 60)
            elif seconds:
                balance += seconds - item.minutes * 60
        return round(balance / 60)

    def _refresh_timer(self) -> None:
        item = self.current_item
        if item is None:
            return
        spent = self.session.items.get(item.id)
        self.query_one(TimerBar).show(
            elapsed=spent.seconds if spent else 0,
            timebox_minutes=item.minutes,
            balance_minutes=self.balance_minutes(),
            paused=self.session.paused,
        )

    def action_toggle_pause(self) -> None:
        self._account_time()
        self.session.paused = not self.session.paused
        self._mark_dirty()
        self._refresh_timer()
        self.notify(t("timer.paused") if self.session.paused else t("timer.running"))

    # ------------------------------------------------------------------ saving

    def _mark_dirty(self) -> None:
        if not self.read_only:
            self._dirty = True

    def _autosave_tick(self) -> None:
        if self._dirty and self.saver is not None:
            self._dirty = False
            self.saver.submit(self.session.to_dict())

    def save_now(self, timeout: float = 5.0) -> bool:
        """Write the session now and wait for it (quit, end, tests)."""
        if self.saver is None:
            return True
        self._account_time()
        self._dirty = False
        self.saver.submit(self.session.to_dict())
        return self.saver.flush(timeout)

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
        self.sub_title = f"{self.session.title} · {t('walk.not_saved')}"
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
        self.sub_title = self.session.title
        self.notify(t("walk.saved", path=str(path)), markup=False)

    def action_save_as(self) -> None:
        from samen_tui.tui.screens.dialogs import SaveAsDialog

        def chosen(value: str | None) -> None:
            if not value or self.saver is None:
                return
            target = Path(value).expanduser()
            if target.is_dir():
                target = target / self.path.name
            self.saver.retarget(target)
            self.path = target
            self._dirty = True

        self.app.push_screen(SaveAsDialog(self.path), chosen)

    def action_take_over(self) -> None:
        from samen_tui.tui.screens.takeover import take_over

        take_over(self)

    def action_export(self) -> None:
        from samen_tui.tui.screens.dialogs import export_dialog

        export_dialog(self, self.workshop, self.session, self.path)

    def action_end_session(self) -> None:
        if self.read_only:
            return
        self._account_time()
        self.session.ended = now()
        self._mark_dirty()
        self.save_now()
        self.sub_title = f"{self.session.title} · {t('walk.ended')}"
        self.notify(t("walk.ended_note"))

    def close(self) -> bool:
        """Save and let go of the session; True if everything reached the disk."""
        ok = True
        if self.saver is not None:
            ok = self.save_now()
            self.saver.close()
            self.saver = None
        if self._release is not None:
            self._release()
            self._release = None
        return ok

    def on_unmount(self) -> None:
        self.close()
