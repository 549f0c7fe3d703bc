"""Dates as a trainer types them (#16): d-m-yy and d-m-yyyy, "vandaag"/"morgen";
a deadline in the past is asked about once (Enter again keeps it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Label

from samen_tui.tui.widgets.forms import FormRow, parse_date
from samen_tui.tui.widgets.forms.values import DateError
from tests.tui.conftest import make_app
from tests.tui.test_actions import STEP, open_step, records

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31-1-27", dt.date(2027, 1, 31)),
        ("31-1-2027", dt.date(2027, 1, 31)),
        ("5/12/26", dt.date(2026, 12, 5)),
        ("5.12.2026", dt.date(2026, 12, 5)),
        ("2027-01-31", dt.date(2027, 1, 31)),
        ("vandaag", TODAY),
        ("Morgen", TODAY + dt.timedelta(days=1)),
        ("overmorgen", TODAY + dt.timedelta(days=2)),
        ("tomorrow", TODAY + dt.timedelta(days=1)),
        ("", None),
    ],
)
def test_dates_as_typed(typed: str, day: dt.date | None) -> None:
    assert parse_date(typed, TODAY) == day


@pytest.mark.parametrize("typed", ["31-2-27", "volgende week", "1-1-123", "32-1-2027"])
def test_not_a_date(typed: str) -> None:
    with pytest.raises(DateError):
        parse_date(typed, TODAY)


async def test_a_short_year_and_a_past_deadline_in_the_actions_step(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FormRow, "today", staticmethod(lambda: TODAY))  # not conftest's
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot)
        await pilot.press(*"Anna", "tab", *"Zaal boeken", "tab", *"31-1-27", "enter")
        await pilot.pause()
        own = records(app)[STEP]["actions"]
        assert [(a["what"], a["when"]) for a in own] == [("Zaal boeken", dt.date(2027, 1, 31))]

        # in the past: asked once, nothing saved yet
        await pilot.press(*"Bert", "tab", *"Verslag", "tab", *"1-12-26", "enter")
        await pilot.pause()
        error = str(app.screen.query_one(".form-error", Label).render())
        assert "1-12-2026 ligt in het verleden" in error, error
        assert len(records(app)[STEP]["actions"]) == 1
        await pilot.press("enter")  # yes, that date
        await pilot.pause()
        own = records(app)[STEP]["actions"]
        assert [(a["what"], a["when"]) for a in own][-1] == ("Verslag", dt.date(2026, 12, 1))

        # "morgen" is a day
        await pilot.press(*"Anna", "tab", *"Bellen", "tab", *"morgen", "enter")
        await pilot.pause()
        own = records(app)[STEP]["actions"]
        assert [(a["what"], a["when"]) for a in own][-1] == ("Bellen", dt.date(2026, 12, 7))
        await pilot.press("ctrl+q")
        await pilot.pause()
