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


BRAINSTORM = """\
[workshop]
id = "hmw"
title = "HMW"

[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 30

[[items.steps]]
kind = "brainstorm"
id = "hmw"
title = "How might we"
overall = true
voting = { budget = 5, per = "group" }
prompts = [{ id = "a", title = "Wonen" }, { id = "b", title = "Zorg" }]
"""


async def test_merging_two_cards_keeps_their_dots_and_overall_ranking(
    sessions: Path, tmp_path: Path
) -> None:
    from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea

    workshop = tmp_path / "hmw.toml"
    workshop.write_text(BRAINSTORM, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # set up by value: three cards with dots, one column each
        record = walk_screen(app).session.record("hmw", "brainstorm")
        assert isinstance(record, BrainstormRecord)
        record.ideas += [
            Idea(id="i1", prompt="a", text="Hofjes", votes={"groep": 2}),
            Idea(id="i2", prompt="a", text="Kangoeroewoning", votes={"groep": 1}),
            Idea(id="i3", prompt="b", text="Buurtzorg", votes={"groep": 2}),
        ]
        walk_screen(app).go_to("hmw")  # the same step: shown from the record
        view = walk_screen(app).step_view
        assert view is not None
        view.show_cards()  # type: ignore[attr-defined]
        await pilot.pause()
        view.query_one("#ideas-a").focus()
        await pilot.press("home", "down", "m", "up", "m")
        await pilot.pause()
        ideas = saved(app)["records"]["hmw"]["ideas"]
        assert [(i["text"], i.get("votes")) for i in ideas] == [
            ("Hofjes / Kangoeroewoning", {"groep": 3}),
            ("Buurtzorg", {"groep": 2}),
        ]
        await pilot.press("r")
        await pilot.pause()
        note = str(view.query_one("#bs-ranked-note").render())
        assert "Over alle vragen: 1. Hofjes / Kangoeroewoning (3)  2. Buurtzorg (2)" in note


FLOW = """\
[workshop]
id = "dt"
title = "Design thinking"

[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 30

[[items.steps]]
kind = "brainstorm"
id = "hmw"
title = "How might we"
voting = { budget = 5, per = "group" }
prompts = [{ id = "p", title = "Hoe zouden we ...?" }]

[[items.steps]]
kind = "rate"
id = "impact"
title = "Impact"
from = "hmw"
top = 2
scale = { min = 1, max = 5, labels = [] }
"""


async def test_a_rate_step_scores_the_top_cards_of_an_earlier_step(
    sessions: Path, tmp_path: Path
) -> None:
    from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
    from samen_tui.kinds.rate.view_rows import IngredientRow

    workshop = tmp_path / "dt.toml"
    workshop.write_text(FLOW, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("impact")  # nothing to rate yet
        await pilot.pause()
        assert not list(app.screen.query(IngredientRow))
        walk_screen(app).go_to("hmw")
        await pilot.pause()
        record = walk_screen(app).session.record("hmw", "brainstorm")
        assert isinstance(record, BrainstormRecord)
        record.ideas += [
            Idea(id="i1", prompt="p", text="Buurtkamer", votes={"groep": 1}),
            Idea(id="i2", prompt="p", text="Maaltijdservice", votes={"groep": 3}),
            Idea(id="i3", prompt="p", text="Klusbus", votes={"groep": 2}),
        ]
        walk_screen(app).go_to("impact")  # built anew: what it depends on changed
        await pilot.pause()
        await pilot.pause()
        view = walk_screen(app).step_view
        assert view is not None
        rows = list(view.query(IngredientRow))
        assert [r.item.title for r in rows] == ["Maaltijdservice", "Klusbus"]
        rows[0].focus()
        await pilot.press("5", "down", "2")
        await pilot.pause()
        assert saved(app)["records"]["impact"]["ratings"] == {
            "i2": {"group": 5},
            "i3": {"group": 2},
        }
        session = walk_screen(app).session
        verslag = to_markdown(report_blocks(walk_screen(app).workshop, session))
        assert "- Maaltijdservice: score van de groep 5" in verslag
        assert "Buurtkamer" not in verslag.split("### Impact")[1]


BREAKOUTS = """\
[workshop]
id = "w3"
title = "W3"

[[items]]
id = "w3"
title = "W3"
minutes = 20

[[items.steps]]
kind = "questions"
id = "w3"
title = "What, So What, Now What?"
attributed = false
breakouts = ["Tafel 1", "Tafel 2"]
questions = [{ id = "what", text = "What?" }]

[[items.steps]]
kind = "brainstorm"
id = "ideeen"
title = "Ideeën"
anonymous = true
breakouts = ["Tweetal A", "Tweetal B"]
prompts = [{ id = "p", title = "Ideeën" }]
"""


async def test_answers_and_cards_are_credited_to_breakout_groups(
    sessions: Path, tmp_path: Path
) -> None:
    from textual.widgets import Select

    workshop = tmp_path / "w3.toml"
    workshop.write_text(BREAKOUTS, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = walk_screen(app).step_view
        assert view is not None
        who = view.query_one(".answer-who", Select)
        assert [str(o[0]) for o in who._options][1:] == ["Tafel 1", "Tafel 2"]  # no names
        who.value = "Tafel 2"
        view.query_one(".answer-input", Input).focus()
        await pilot.press(*"Te weinig tijd", "enter")
        await pilot.pause()
        answers = saved(app)["records"]["w3"]["answers"]
        assert [(a["text"], a["who"]) for a in answers] == [("Te weinig tijd", "Tafel 2")]

        walk_screen(app).go_to("ideeen")
        await pilot.pause()
        await pilot.pause()
        view = walk_screen(app).step_view
        assert view is not None
        who = view.query_one("#bs-who", Select)
        who.value = "Tweetal B"
        await pilot.pause()
        view.query_one("#new-p", Input).focus()
        await pilot.press(*"Samen koken", "enter")
        await pilot.pause()
        ideas = saved(app)["records"]["ideeen"]["ideas"]
        assert [(i["text"], i["who"]) for i in ideas] == [("Samen koken", "Tweetal B")]
        verslag = to_markdown(report_blocks(walk_screen(app).workshop, walk_screen(app).session))
        assert "- Te weinig tijd — Tafel 2" in verslag
        assert "- Samen koken — Tweetal B" in verslag
