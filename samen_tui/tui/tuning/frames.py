"""The walk screen's frame loop, tuned: each key painted in the frame after it, once.

Written for and measured on Textual 8.2.8 (120x40, the walk of every step that
``bench/keys.py`` does). :class:`FrameTuning` is a :class:`~textual.screen.Screen`
that the walk screen is combined with when the tuning is on
(``samen_tui.tui.screens.walk.walk_screen_class``); off, the walk screen is a stock
``Screen`` and each of these is Textual's own behaviour: the same screen, painted in
more frames.

What it changes, and why (each a second layout or paint of one key that Textual does
20-60 ms after the first):

* requests handed over: a widget asks for a layout or a repaint at its own idle time,
  by a message to the screen, which often came after the screen's frame. The frame
  (:meth:`FrameTuning._on_timer_update`), the layout (:meth:`_refresh_layout`) and the
  paint (:meth:`_compositor_refresh`) take the requests of the widgets on the screen
  first, and a layout request older than the last layout is dropped (``_on_layout``);
* a layout that asks for another (a scrollbar that a grown view needs) is done again
  before the paint; a widget's new virtual size does not ask for a layout of its own
  in the middle of one;
* focus: the widgets that lose and gain the focus are marked and repainted with the
  change, the screen's paint waits (at most ``FOCUS_HOLD``) until they have handled it,
  the widget is scrolled to without Textual's animation, and ``Screen.focused`` does
  not repaint the whole screen;
* a step shown: the repaints of the view, the agenda, the timer and the title are
  handed over together (:meth:`FrameTuning.hand_over_shown`);
* no frame is rendered during Textual's start-up batch, which throws it away;
* the band compositor (``tuning/compositor.py``) and drawing the view built ahead
  (``tuning/ahead.py``).

Figures (2026-12-06, Textual 8.2.8: ``bench/keys.py`` walks at 120x40, each part left
out in walks interleaved with walks with all of it; a key's time runs to its last
paint; ``bench/README.md``, eighth pass): all of it left out (``SAMEN_TUNING_SKIP=
frames``), the p95 of all keys goes from 62 to 109 ms and a pagedown's median from 46
to 87 ms. Left out one at a time: the requests handed over, the conversation's choice
of a flow 83 → 172 ms, a score's p95 40 → 64 ms, an Enter's 25 → 47 ms; the layout
done again before the paint, the choice 83 → 142 ms; no layout for a new virtual size,
the choice 83 → 167 ms and a pagedown's median 36 → 53 ms; the focus
(``SAMEN_TUNING_SKIP=focus``), a pagedown 46 → 75 ms (median) and 71 → 140 ms (p95),
of which ``focused`` alone 36 → 50 ms and the scroll without animation a p95 of 85 →
109 ms; no frame in the start-up batch, the start 24 ms sooner (seventh pass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import messages
from textual._time import get_time
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from samen_tui.tui import tuning
from samen_tui.tui.tuning import ahead
from samen_tui.tui.tuning.ahead import PRERENDER_AFTER, hand_over_repaints
from samen_tui.tui.tuning.compositor import BandCompositor

FOCUS_HOLD = 0.1
"""The longest a change of focus holds the screen's paint for the widgets that lost
and gained it to handle that (see :meth:`FrameTuning.set_focus`)."""


class FrameTuning(Screen[None]):
    """A screen whose frame loop paints each change once (see the module doc)."""

    if tuning.on("focus"):
        focused: Reactive[Widget | None] = Reactive(None, repaint=False)
        """Textual's own asks for a paint of the whole screen at every change of focus
        (``Screen.focused``), though the widgets that gain and lose it repaint
        themselves and nothing else shows it: at 120x40 that was 20-40 ms of every
        pagedown, tab and move on the checklist."""

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        # a key that changes two lines far apart renders what lies between them only
        # with this one (see tuning/compositor.py)
        if tuning.on("compositor"):
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
        self._scroll_host: Widget | None = None
        """The step's view shown: the focus inside it is scrolled to within it."""

    # ------------------------------------------------------------------ hooks

    def hand_over_shown(
        self, view: Widget, hidden: Widget | None, host: Widget, bars: Sequence[Widget]
    ) -> None:
        """A step's view is shown (``hidden`` hidden): hand the layout requests of the
        views and the host, and the repaints of ``bars`` (agenda, timer, title), to the
        screen now. Left to each one's own idle time, one of them often arrived after
        the screen had laid out and painted, and the step change took a second layout
        pass and paint (20-40 ms of a pagedown)."""
        self._scroll_host = view
        for changed in (view, hidden, host):
            if changed is not None and changed.is_attached:
                changed._check_refresh()
        for bar in bars:
            hand_over_repaints(bar)

    def draw_view_ahead(self, view: Widget, still_ahead: Callable[[], bool]) -> None:
        """Draw a view built ahead while it is out of sight (``tuning/ahead.py``)."""
        self.set_timer(PRERENDER_AFTER, lambda: ahead.draw_ahead(self, view, still_ahead))

    # ------------------------------------------------------------------ frames

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

    # ------------------------------------------------------------------ focus

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
        if not tuning.on("focus"):
            super().set_focus(widget, scroll_visible, from_app_focus)
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
        view = self._scroll_host
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
