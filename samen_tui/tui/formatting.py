"""Dates and times as the interface shows them, in one place.

* :func:`format_moment`: when something happened, as the tables show it
  (``2026-11-28 09:30``, or the day alone): sorts as text, reads the same in every
  language;
* :func:`format_date`: a date as it is typed in this country (``5-12-2026``), which
  reads back with :func:`samen_tui.tui.widgets.forms.parse_date`.
"""

from __future__ import annotations

import datetime as dt

UNKNOWN = "—"
"""What :func:`format_moment` shows for a moment that is not known."""


def format_moment(moment: dt.datetime | None, short: bool = False) -> str:
    """``2026-11-28 09:30`` (``short``: ``2026-11-28``); :data:`UNKNOWN` for None."""
    if moment is None:
        return UNKNOWN
    return moment.strftime("%Y-%m-%d" if short else "%Y-%m-%d %H:%M")


def format_date(value: dt.date | None) -> str:
    """A date as it is typed in this country: ``5-12-2026``; empty for None."""
    if value is None:
        return ""
    return f"{value.day}-{value.month}-{value.year}"
