"""#20 item 3: scales up to 0–10 (10 typed as 1 then 0), lower is better, no groups,
no totals, and anonymous rate, brainstorm and questions steps (no names in the file)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Label

from samen_tui.kinds.rate import view_rows
from samen_tui.kinds.rate.view_rows import ClusterHead, IngredientRow, Line
from samen_tui.session.model import Participant
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.dialogs import HelpScreen
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import make_app, saved, until, walk_screen

HEALTH = """\
[workshop]
id = "gezondheid"
title = "Gezondheid"

[[items]]
id = "web"
title = "Het web"
minutes = 30

[[items.steps]]
kind = "rate"
id = "web"
title = "Mijn gezondheid"
scale = { min = 0, max = 10, labels = [] }
totals = false
weakest = 1
items = [
  { id = "lichaam", title = "Lichaamsfuncties" },
  { id = "mentaal", title = "Mentaal welbevinden" },
]

[[items.steps]]
kind = "rate"
id = "moeite"
title = "Moeite"
scale = { min = 1, max = 5, labels = [] }
lower_is_better = true
weakest = 1
anonymous = true
groups = [{ id = "werk", title = "Werk" }]
items = [
  { id = "a", title = "Plannen", group = "werk" },
  { id = "b", title = "Bellen", group = "werk" },
]

[[items.steps]]
kind = "brainstorm"
id = "ideeen"
title = "Ideeën"
anonymous = true
voting = { budget = 2 }
prompts = [{ id = "p", title = "Wat helpt?" }]

[[items.steps]]
kind = "questions"
id = "vragen"
title = "Vragen"
anonymous = true
questions = [{ id = "q", text = "Wat neem je mee?" }]
"""

PEOPLE = [Participant(id="p1", name="Anna Jansen"), Participant(id="p2", name="Bert Smit")]


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def view(app: SamenApp) -> Widget:
    shown_view = walk_screen(app).step_view
    assert shown_view is not None
    return shown_view


def row(app: SamenApp, item_id: str) -> IngredientRow:
    return next(r for r in view(app).query(IngredientRow) if r.item.id == item_id)


def ratings(app: SamenApp, step: str) -> dict[str, Any]:
    found: dict[str, Any] = saved(app).get("records", {}).get(step, {}).get("ratings", {})
    return found


@pytest.fixture
def health(tmp_path: Path) -> Path:
    path = tmp_path / "gezondheid.toml"
    path.write_text(HEALTH, encoding="utf-8")
    return path


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_a_0_to_10_scale_takes_the_number_typed(
    sessions: Path, health: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(view_rows, "clock", clock)
    app = make_app(sessions, workshop=str(health))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        row(app, "lichaam").focus()
        await pilot.pause()
        await pilot.press("1", "0")
        await pilot.pause()
        assert ratings(app, "web") == {"lichaam": {"group": 10}}
        await pilot.press("0")  # a 0 on its own is 0 on this scale
        await pilot.pause()
        assert ratings(app, "web") == {"lichaam": {"group": 0}}
        await pilot.press("1")
        clock.now += 2  # too late for a second digit: 0 is a score of its own
        await pilot.press("0")
        await pilot.pause()
        assert ratings(app, "web") == {"lichaam": {"group": 0}}
        await pilot.press("down", "1", "2")  # 12 is not on the scale: 2
        await pilot.pause()
        assert ratings(app, "web") == {"lichaam": {"group": 0}, "mentaal": {"group": 2}}
        assert "●●●○○○○○○○○ 2" in shown(row(app, "mentaal").query_one(Line))
        # no groups in the file: one cluster named after the step, and no total
        heads = list(view(app).query(ClusterHead))
        assert [shown(h).split()[0:2] for h in heads] == [["Mijn", "gezondheid"]]
        assert "░" not in shown(heads[0]) and "█" not in shown(heads[0])
        # weakest: the lowest
        assert [r.item.id for r in view(app).query(IngredientRow) if r.has_class("-weakest")] == [
            "lichaam"
        ]


async def test_a_scale_without_labels_is_one_hint_in_the_key_bar(
    sessions: Path, health: Path
) -> None:
    """Eleven score keys named "0", "1", … pushed the step's other keys off the bar at
    80 columns: without labels they are one hint, "0–10 Score", in the bar and in F1."""
    app = make_app(sessions, workshop=str(health))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row(app, "lichaam").focus()
        await pilot.pause()
        hints = [(h.display, h.description) for h in app.screen.query_one(KeyBar).hints]
        assert ("0–10", "Score") in hints
        assert not any(d.isdigit() for _key, d in hints), hints
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = shown(app.screen.query_one(".keys"))
        assert re.search(r"^ *0–10  Score", keys, re.M), keys
        assert not re.search(r"^ *1  ", keys, re.M), keys
        await pilot.press("escape")
        walk_screen(app).go_to("moeite")  # 1 to 5 without labels
        await pilot.pause()
        row(app, "a").focus()
        await pilot.pause()
        hints = [(h.display, h.description) for h in app.screen.query_one(KeyBar).hints]
        assert ("1–5", "Score") in hints


async def test_anonymous_rate_keeps_numbers_not_names(sessions: Path, health: Path) -> None:
    app = make_app(sessions, workshop=str(health))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).session.participants.extend(PEOPLE)
        walk_screen(app).go_to("moeite")
        await pilot.pause()
        await pilot.pause()
        row(app, "a").focus()
        await pilot.press("right")
        await pilot.pause()
        assert "Anoniem 1" in shown(view(app).query_one("#rate-rater"))
        await pilot.press("4", "down", "2", "right", "5", "f4", "up", "1")
        await pilot.pause()
        assert "Anoniem 3" in shown(view(app).query_one("#rate-rater"))
        assert ratings(app, "moeite") == {
            "a": {"by": {"anon-1": 4, "anon-3": 1}},
            "b": {"by": {"anon-1": 2, "anon-2": 5}},
        }
        text = walk_screen(app).path.read_text(encoding="utf-8")
        assert '"p1"' not in text.split("[[participants]]")[0].split("records")[-1]
        # lower is better: the weakest is the highest mean (b: 3.5 against a: 2.5)
        assert [r.item.id for r in view(app).query(IngredientRow) if r.has_class("-weakest")] == [
            "b"
        ]


async def test_anonymous_brainstorm_and_questions_name_nobody(sessions: Path, health: Path) -> None:
    app = make_app(sessions, workshop=str(health))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).session.participants.extend(PEOPLE)
        walk_screen(app).go_to("ideeen")
        await pilot.pause()
        await pilot.pause()
        assert not view(app).query("#bs-who")
        assert str(view(app).query_one("#bs-voter-name", Label).render()) == "Anoniem 1"
        view(app).query_one("#new-p").focus()
        await pilot.press(*"Buurtkamer", "enter")
        await pilot.pause()
        await pilot.press("tab", "home", "plus")
        await pilot.pause()
        ideas = saved(app)["records"]["ideeen"]["ideas"]
        assert [(i["text"], i.get("who", ""), i.get("votes")) for i in ideas] == [
            ("Buurtkamer", "", {"anon-1": 1})
        ]
        await pilot.press("v")  # the next voter: a new number
        await pilot.pause()
        assert str(view(app).query_one("#bs-voter-name", Label).render()) == "Anoniem 2"
        await pilot.press("plus")
        await pilot.pause()
        ideas = saved(app)["records"]["ideeen"]["ideas"]
        assert ideas[0]["votes"] == {"anon-1": 1, "anon-2": 1}
        walk_screen(app).go_to("vragen")
        await pilot.pause()
        await pilot.pause()
        assert not view(app).query(".answer-who")


async def help_keys_at(app: SamenApp, step_id: str) -> str:
    """F1's keys, as one line, with the first row of rate step ``step_id`` focused."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to(step_id)
        await until(pilot, lambda: bool(view(app).query(IngredientRow)))
        view(app).query(IngredientRow).first().focus()
        await pilot.press("f1")
        await pilot.pause()
        return " ".join(shown(app.screen.query_one(".keys")).split())


async def test_the_keys_help_names_the_files_item(sessions: Path) -> None:
    """F1 at a rate step speaks of the file's item (``words.item_noun``), not of the
    default workshop's ingredients; the default workshop's keys are as they were."""
    from samen_tui import paths

    example = paths.PACKAGE_WORKSHOPS / "examples" / "positieve-gezondheid.toml"
    keys = await help_keys_at(make_app(sessions, workshop=str(example)), "dimensies")
    assert "Naar de dimensie erboven of eronder" in keys
    assert "Geef de dimensie met de cursor deze score" in keys
    assert "ingrediënt" not in keys
    keys = await help_keys_at(make_app(sessions), "ingredienten")
    assert "Ander ingrediënt" in keys and "Geef het gekozen ingrediënt deze score" in keys
