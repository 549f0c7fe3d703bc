"""Entries typed faster than the step handles them (a burst through tmux, a fast
typist): each Enter adds what was typed since the Enter before it. "AAA⏎BBB⏎CCC⏎"
made the cards "AAA", "AAABBB" and "AAABBBCCC", and left "BBBCCC" in the field."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.tui.conftest import burst, make_app, saved, until, walk_screen
from tests.tui.test_brainstorm import ideas, open_step

BURST = ["A", "A", "A", "enter", "B", "B", "B", "enter", "C", "C", "C", "enter", "D"]


async def test_a_burst_of_cards_in_the_brainstorm(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        field = app.screen.query_one("#new-randvoorwaarden", Input)
        assert app.focused is field
        await burst(pilot, BURST)
        await until(pilot, lambda: len(ideas(app)) == 3)
        assert [i["text"] for i in ideas(app)] == ["AAA", "BBB", "CCC"]
        assert field.value == "D"  # the start of the next card stays


async def test_a_burst_of_participants(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "p-name")
        await burst(pilot, [*"Anna", "enter", *"Bert", "enter", *"Chloë", "enter"])
        await until(pilot, lambda: len(saved(app).get("participants", [])) == 3)
        assert [p["name"] for p in saved(app)["participants"]] == ["Anna", "Bert", "Chloë"]
