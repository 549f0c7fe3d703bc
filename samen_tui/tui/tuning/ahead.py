"""Drawing a view built ahead while it is out of sight (written for Textual 8.2.8).

The walk screen builds the next step's view ahead, hidden beside its host (see
``WalkScreen._prefetch``). Textual keeps each widget's drawn lines in the widget's
styles cache (``Widget._styles_cache``) until the widget changes, so lines drawn
while the view is out of sight are only put on the screen by the pagedown that shows
it. Drawing them then was most of a pagedown: 25-40 ms at 120x40, 150-280 ms for the
checklist's 150 widgets on a first visit.

Figure (2026-12-06, ``SAMEN_TUNING_SKIP=ahead`` against all of the tuning, 4 walks each
of ``bench/keys.py``, the UI thread's time): a pagedown's p95 55 → 78 ms (mean 28 →
35 ms), the conversation's choice of a flow 37 → 70 ms.

Stock fallback: nothing; the view is drawn when it is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from textual.screen import Screen
from textual.widget import Widget

PRERENDER_AFTER = 0.2
"""Seconds between two looks at the view built ahead for widgets not drawn yet (the
first look that long after it was mounted, when it is composed and laid out)."""
PRERENDER_SLICE = 0.008
"""The longest the event loop is kept at once by drawing ahead (a key waits no longer)."""
PRERENDER_LOOKS = 10
"""Looks at the view built ahead that find something to draw before drawing ahead gives
up on it (a view that keeps changing out of sight is drawn when shown, as before)."""


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


def draw_ahead(
    screen: Screen[Any],
    view: Widget,
    still_ahead: Callable[[], bool],
    todo: list[Widget] | None = None,
    looks: int = PRERENDER_LOOKS,
    drawn: bool = False,
) -> None:
    """Draw ``view`` (built ahead, out of sight) a few milliseconds at a time, for as
    long as ``still_ahead()``.

    A view goes on changing for a while after it is mounted: it is composed and laid
    out in turns, and the checklist fills its cells after its first refresh and lays
    them out again, which throws away what was drawn. So it is looked at every
    ``PRERENDER_AFTER`` seconds, and what is not drawn is drawn, until a look after a
    drawing finds it all drawn (or the looks run out)."""
    if not (still_ahead() and view.is_attached and not view._closing):
        return
    if todo is None:
        settled = not (screen._layout_required or view._layout_required)
        todo = [w for w in (view, *view.walk_children(Widget)) if settled and undrawn(w)]
        looks -= 1
        if not todo:
            if looks > 0 and not (settled and drawn and view.region):
                screen.set_timer(
                    PRERENDER_AFTER,
                    lambda: draw_ahead(screen, view, still_ahead, None, looks, drawn),
                )
            return
    started = time.perf_counter()
    while todo and time.perf_counter() - started < PRERENDER_SLICE:
        widget = todo.pop()
        if widget.is_attached and undrawn(widget):
            widget.render_lines(widget.region.size.region)
    if todo:
        screen.set_timer(0.01, lambda: draw_ahead(screen, view, still_ahead, todo, looks))
    elif looks > 0:
        screen.set_timer(
            PRERENDER_AFTER, lambda: draw_ahead(screen, view, still_ahead, None, looks, True)
        )
