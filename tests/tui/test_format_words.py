"""#20 item 2: the words a step shows come from the workshop file (its ``words`` and
``help``); the default workshop's words stay where the file says nothing."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Label, Markdown, Static

from samen_tui.kinds.sort.view_cards import PickBar
from samen_tui.tui.screens.dialogs import HelpScreen
from tests.tui.conftest import make_app, until, walk_screen

RETRO = """\
[workshop]
id = "retro"
title = "Retro"

[[items]]
id = "terugblik"
title = "Terugblik"
minutes = 20

[[items.steps]]
kind = "sort"
id = "gevoel"
title = "Mad, Sad, Glad"
help = "**Mad, Sad, Glad.** Elk kaartje in de kolom van zijn gevoel."
words = { placeholder = "Wat ging er deze sprint?", pick = "Welk gevoel?", per_category = "Per gevoel:", empty = "leeg" }
categories = [
  { id = "mad", title = "Mad" },
  { id = "sad", title = "Sad" },
  { id = "glad", title = "Glad" },
]

[[items.steps]]
kind = "rate"
id = "roti"
title = "ROTI"
weakest = 1
groups = [{ id = "roti", title = "Return on time invested" }]
items = [{ id = "sessie", title = "Deze retro", group = "roti" }]
words = { weakest = "Laagste:", weakest_none = "nog niemand ({n})" }

[[items.steps]]
kind = "questions"
id = "vragen"
title = "Vragen"
words = { placeholder = "Wat zeggen ze?", empty = "Stil." }
questions = [{ id = "a", text = "Wat nemen we mee?" }]

[[items.steps]]
kind = "brainstorm"
id = "ideeen"
title = "Ideeën"
words = { placeholder = "Nieuw idee", empty = "Niets." }
prompts = [{ id = "p", title = "Start" }]
"""  # noqa: E501


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


async def test_sort_speaks_the_files_words(sessions: Path, tmp_path: Path) -> None:
    workshop = tmp_path / "retro.toml"
    workshop.write_text(RETRO, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#sort-input", Input)
        assert field.placeholder == "Wat ging er deze sprint?"
        assert "Per gevoel:" in shown(app.screen.query_one("#sort-summary", Static))
        assert "Per motief" not in shown(app.screen.query_one("#sort-summary", Static))
        assert next(shown(w) for w in app.screen.query(".sort-empty")).strip() == "leeg"
        await pilot.press(*"Te veel meetings", "enter")
        await pilot.pause()
        pick = shown(app.screen.query_one(PickBar))
        assert pick.strip().startswith("Welk gevoel?")
        assert "motief" not in pick
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one(Markdown).source
        assert help_text.startswith("**Mad, Sad, Glad.**")


async def test_rate_questions_and_brainstorm_speak_the_files_words(
    sessions: Path, tmp_path: Path
) -> None:
    workshop = tmp_path / "retro.toml"
    workshop.write_text(RETRO, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("roti")
        # the line is filled once the view is laid out: a later frame on a busy machine
        await until(pilot, lambda: any(shown(w) for w in app.screen.query("#rate-weakest")))
        weakest = shown(app.screen.query_one("#rate-weakest"))
        assert "Laagste: nog niemand (1)" in weakest
        await pilot.press("f1")
        await pilot.pause()
        # no help of its own: the kind's help
        assert "Ingrediënten" in app.screen.query_one(Markdown).source
        await pilot.press("escape")
        walk_screen(app).go_to("vragen")
        await pilot.pause()
        assert app.screen.query_one(".answer-input", Input).placeholder == "Wat zeggen ze?"
        assert str(app.screen.query_one(".no-answers", Label).render()) == "Stil."
        walk_screen(app).go_to("ideeen")
        await pilot.pause()
        assert app.screen.query_one("#new-p", Input).placeholder == "Nieuw idee"
        assert str(app.screen.query_one("#col-p .no-cards", Label).render()) == "Niets."
