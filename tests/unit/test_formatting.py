"""Dates and times as the interface shows them (``samen_tui.tui.formatting``)."""

from __future__ import annotations

import datetime as dt

from samen_tui.tui.formatting import UNKNOWN, format_date, format_moment


def test_a_moment_as_the_tables_show_it() -> None:
    zone = dt.timezone(dt.timedelta(hours=1))
    moment = dt.datetime(2026, 3, 5, 9, 7, 30, tzinfo=zone)
    assert format_moment(moment) == "2026-03-05 09:07"
    assert format_moment(moment, short=True) == "2026-03-05"
    assert format_moment(dt.datetime(2026, 3, 5, 9, 7)) == "2026-03-05 09:07"  # no offset
    assert format_moment(None) == format_moment(None, short=True) == UNKNOWN == "—"


def test_a_date_as_it_is_typed() -> None:
    from samen_tui.tui.widgets.forms import parse_date

    assert format_date(dt.date(2026, 12, 5)) == "5-12-2026"
    assert format_date(dt.date(2027, 1, 31)) == "31-1-2027"
    assert format_date(None) == ""
    for day in (dt.date(2026, 12, 5), dt.date(2027, 1, 31), dt.date(2030, 10, 1)):
        assert parse_date(format_date(day)) == day  # reads back as it was
