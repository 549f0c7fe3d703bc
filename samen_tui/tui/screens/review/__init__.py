"""Review: the saved sessions in a table; filter, sort, mark, open read-only, compare,
export. One room each:

* ``screen``: :class:`ReviewScreen`, the screen itself (filter, sort, marks, actions);
* ``table``: the table of sessions (columns, widths, cells, sorting, the filter's
  text) and the list of unreadable files;
* ``loading``: reading the folder in a thread (through the summary cache, or the
  listing a helper process made while ``samen review`` started), then verifying;
* ``view``: :class:`SessionViewScreen`, one session read-only, step by step.

The names below are imported on first use (PEP 562), as in ``samen_tui.session``:
a screen that only lists a folder (``list_folder``, ``Stopped``) does not load the
review screen and what it opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samen_tui.lazy import lazy_names

if TYPE_CHECKING:
    from samen_tui.tui.screens.review.loading import Stopped, list_folder
    from samen_tui.tui.screens.review.screen import ReviewScreen
    from samen_tui.tui.screens.review.table import SessionTable
    from samen_tui.tui.screens.review.view import SessionViewScreen

_WHERE = {
    "Stopped": "loading",
    "list_folder": "loading",
    "ReviewScreen": "screen",
    "SessionTable": "table",
    "SessionViewScreen": "view",
}

__getattr__ = lazy_names(__name__, _WHERE)


__all__ = [
    "ReviewScreen",
    "SessionTable",
    "SessionViewScreen",
    "Stopped",
    "list_folder",
]
