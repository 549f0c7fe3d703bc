"""Speed work in the step views that needs a private name of Textual.

:func:`hand_over` gives a widget's pending repaint to its screen at once
(``Widget._check_refresh``), rather than at the widget's own idle time. In the rate
step a cell or a line changed by a key (a score, a move to the next ingredient) often
had its idle time after the screen had painted the rest of the key: a second paint of
the screen, about 30 ms later, for one line (measured with ``bench/run.py``'s rate
keys on Textual 8.2.8). Stock Textual (``SAMEN_SAFE=1``): nothing, the widget hands
its request over when its own turn comes, and the line is painted a frame later.

Written for Textual 8.2.8 (:data:`samen_tui.tui.tuning.WRITTEN_FOR`).
"""

from __future__ import annotations

from textual.widget import Widget

from samen_tui.tui import tuning


def hand_over(widget: Widget) -> None:
    """Hand ``widget``'s repaint request to the screen now (tuning on), or leave it to
    the widget's idle time (stock)."""
    if tuning.ENABLED:
        widget._check_refresh()
