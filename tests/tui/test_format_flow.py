"""#20 item 6: a card or an answer becomes an action with one key (a); the actions
step lists it with where it came from, and the verslag's action list has it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from samen_tui.kinds.actions.view import ActionsView
from samen_tui.report.build import report_blocks
from samen_tui.report.markdown import to_markdown
from tests.tui.conftest import make_app, saved, walk_screen

RETRO = """\
[workshop]
id = "retro"
title = "Retro"

[[items]]
id = "terugblik"
title = "Terugblik"
minutes = 30

[[items.steps]]
kind = "brainstorm"
id = "start-stop"
title = "Start, Stop, Continue"
prompts = [{ id = "start", title = "Start" }, { id = "stop", title = "Stop" }]

[[items.steps]]
kind = "questions"
id = "vragen"
title = "Vragen"
questions = [{ id = "q", text = "Wat nemen we mee?" }]

[[items.steps]]
kind = "actions"
id = "acties"
title = "Acties"
"""


async def test_a_card_and_an_answer_become_actions(sessions: Path, tmp_path: Path) -> None:
    workshop = tmp_path / "retro.toml"
    workshop.write_text(RETRO, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#new-start", Input).focus()
        await pilot.press(*"Pair programming", "enter", *"Demo elke week", "enter")
        await pilot.press("tab", "home", "a")
        await pilot.pause()
        await pilot.press("a")  # once is enough: no second action of the same card
        await pilot.pause()
        record = saved(app)["records"]["start-stop"]
        assert [(a["what"], a.get("who", "")) for a in record["actions"]] == [
            ("Pair programming", "")
        ]
        assert record["actions"][0]["source"] == record["ideas"][0]["id"]

        walk_screen(app).go_to("vragen")
        await pilot.pause()
        await pilot.pause()
        app.screen.query_one(".answer-input", Input).focus()
        await pilot.press(*"Retro elke sprint", "enter")
        await pilot.pause()
        app.screen.query_one(".answer-list").focus()
        await pilot.press("a")
        await pilot.pause()
        assert [a["what"] for a in saved(app)["records"]["vragen"]["actions"]] == [
            "Retro elke sprint"
        ]

        walk_screen(app).go_to("acties")
        await pilot.pause()
        await pilot.pause()
        view = walk_screen(app).step_view
        assert isinstance(view, ActionsView)
        listed = [a.what for _step, a in walk_screen(app).session.all_actions()]
        assert listed == ["Pair programming", "Retro elke sprint"]
        session = walk_screen(app).session
        verslag = to_markdown(report_blocks(walk_screen(app).workshop, session))
        assert "Pair programming" in verslag and "Retro elke sprint" in verslag
