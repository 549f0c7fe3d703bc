"""#21 item 11: the sort step is linear in its cards, and its limit is the file's.

Opening a step took ~1 s with 100 cards, ~19 s with 1,000, ~140 s with 3,000 and
never ended with 60,000 (Textual looked through every card for every other card to
style ``:odd``, and mounted a widget per card). A column of more than ``LONG`` cards
is now one list drawn as far as it is on screen; the same keys work on it. A step
holds at most 5,000 cards (``codec.MAX_ITEMS``): a file with more is refused when
read, and the app refuses the next card with a message.

Set up by value: the session is built and saved, then resumed on the step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from samen_tui import paths
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.kinds.sort.view import SortView
from samen_tui.kinds.sort.view_cards import CardView
from samen_tui.kinds.sort.view_long import LONG, CardColumn
from samen_tui.session.codec import MAX_ITEMS
from samen_tui.session.model import Participant, Session
from samen_tui.session.store import SessionReadError, load_session, save_session
from samen_tui.workshop.catalog import resolve_workshop
from tests.tui.conftest import burst, make_app, saved

STEP = "motieven"


def session_file(folder: Path, per_column: list[int]) -> Path:
    """A session of the default workshop on its sort step, with ``per_column[i]``
    cards in its i-th category (every third one from a participant)."""
    workshop = resolve_workshop("samen-ouder-worden", paths.workshop_dirs())
    step = next(s for _item, s in workshop.steps() if s.id == STEP)
    people = [Participant(id="p1", name="Anna", organisation="Gemeente")]
    cards = [
        Card(
            id=f"k{category}-{number}",
            text=f"Kaart {category}.{number}",
            category=step.categories[category].id,  # type: ignore[attr-defined]
            who="p1" if number % 3 == 0 else "",
        )
        for category, count in enumerate(per_column)
        for number in range(count)
    ]
    session = Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title="Veel kaartjes",
        started=dt.datetime(2026, 11, 28, 9, 30).astimezone(),
        current=STEP,
        steps=workshop.step_ids(),
        participants=people,
        records={STEP: SortRecord(cards=cards)},
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "veel.toml"
    save_session(session, path)
    return path


def widgets_in(view: SortView) -> int:
    return sum(1 for _ in view.walk_children())


def saved_cards(app: Any) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = saved(app)["records"][STEP]["cards"]
    return cards


async def open_app(path: Path, pilot_size: tuple[int, int] = (120, 40)) -> Any:
    return make_app(path.parent, mode="resume", session=path)


@pytest.mark.slow  # builds and reads a session of 5,000 cards: a few seconds
async def test_a_step_of_5000_cards_opens_with_a_handful_of_widgets(tmp_path: Path) -> None:
    path = session_file(tmp_path / "s", [2000, 2000, 1000])
    app = make_app(path.parent, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(SortView)
        lists = list(view.query(CardColumn))
        assert [len(c.card_ids) for c in lists] == [2000, 2000, 1000]
        assert not view.query(CardView)
        assert widgets_in(view) < 60  # not one per card
        assert "5000 kaartjes" in str(view.query_one("#sort-summary").render())


async def test_the_number_of_widgets_does_not_grow_with_the_cards(tmp_path: Path) -> None:
    counts = []
    for size in (LONG + 1, 4 * LONG):
        path = session_file(tmp_path / str(size), [size, size, 0])
        app = make_app(path.parent, mode="resume", session=path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            counts.append(widgets_in(app.screen.query_one(SortView)))
    assert counts[0] == counts[1]


async def test_a_short_column_keeps_a_widget_per_card_and_the_board_switches(
    tmp_path: Path,
) -> None:
    path = session_file(tmp_path / "s", [LONG, 2, 0])
    app = make_app(path.parent, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(SortView)
        assert len(view.query(CardView)) == LONG + 2 and not view.query(CardColumn)
        # one card more in the first column: it becomes a list, the others stay
        await burst(pilot, "Nog een")
        await pilot.press("enter", "1")
        await pilot.pause()
        await pilot.pause()
        (column,) = view.query(CardColumn)
        assert len(column.card_ids) == LONG + 1 and len(view.query(CardView)) == 2
        assert app.focused is app.screen.query_one("#sort-input", Input)
        assert saved_cards(app)[-1]["text"] == "Nog een"


async def test_the_keys_work_on_a_long_column(tmp_path: Path) -> None:
    """↓ from the field to the first card, a category key moves it, Enter edits it,
    Delete removes it, → goes to the next column, ↑ on the first card to the field."""
    path = session_file(tmp_path / "s", [LONG + 5, 3, 0])
    app = make_app(path.parent, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(SortView)
        field = app.screen.query_one("#sort-input", Input)
        await pilot.press("down")
        await pilot.pause()
        (column,) = view.query(CardColumn)
        assert app.focused is column and column.target == "k0-0"
        await pilot.press("down", "down")
        assert column.target == "k0-2"
        await pilot.press("2")  # moved to the second column, and the focus with it
        await pilot.pause()
        await pilot.pause()
        moved = {c["id"]: c["category"] for c in saved_cards(app)}
        assert moved["k0-2"] == "moreel"
        assert len(column.card_ids) == LONG + 4
        assert isinstance(app.focused, CardView) and app.focused.card_id == "k0-2"
        await pilot.press("left")  # back to the long column
        await pilot.pause()
        assert app.focused is column
        await pilot.press("end", "delete")  # its last card
        await pilot.pause()
        assert len(column.card_ids) == LONG + 3
        assert f"k0-{LONG + 4}" not in {c["id"] for c in saved_cards(app)}
        assert len(saved_cards(app)) == LONG + 5 + 3 - 1
        target = column.target
        await pilot.press("enter")  # edit it in the field
        await pilot.pause()
        assert app.focused is field
        assert field.value == next(c["text"] for c in saved_cards(app) if c["id"] == target)
        await pilot.press("end")
        await burst(pilot, " gewijzigd")
        await pilot.press("enter", "1")
        await pilot.pause()
        edited = next(c for c in saved_cards(app) if c["id"] == target)
        assert edited["text"].endswith(" gewijzigd"), (edited, field.value)
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("right")  # to the second column (widgets per card)
        await pilot.pause()
        assert isinstance(app.focused, CardView)
        await pilot.press("left")
        await pilot.pause()
        assert app.focused is column
        await pilot.press("home", "up")
        await pilot.pause()
        assert app.focused is field
        await pilot.press("ctrl+z")  # undo rebuilds the board: still a list
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(SortView).query(CardColumn)


@pytest.mark.slow  # a session of 5,000 cards, saved and resumed
async def test_the_app_refuses_the_card_after_the_limit(tmp_path: Path) -> None:
    path = session_file(tmp_path / "s", [2000, 2000, MAX_ITEMS - 4000])
    app = make_app(path.parent, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "Te veel")
        await pilot.press("enter", "1")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("het meeste dat een stap kan hebben" in m for m in messages)
        assert app.screen.query_one("#sort-input", Input).value == "Te veel"
        assert len(saved_cards(app)) == MAX_ITEMS


@pytest.mark.slow  # a session of 5,001 cards
def test_a_file_over_the_limit_is_refused_with_its_place(tmp_path: Path) -> None:
    path = session_file(tmp_path / "s", [MAX_ITEMS + 1, 0, 0])  # saving never refuses
    with pytest.raises(SessionReadError) as caught:
        load_session(path)
    assert f"records.{STEP}.cards" in caught.value.reason
    assert f"meer dan de {MAX_ITEMS}" in caught.value.reason
