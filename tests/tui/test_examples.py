"""#20 item 8: every workshop in workshops/examples/ checks clean and is walked from
its first step to its last with the real keys, each exercise used (participants
typed in, a card filed, a score given, a card with a dot and made an action, an
answer, the rounds stepped through), and its verslag exported as Markdown and HTML."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.pilot import Pilot

from samen_tui.kinds.brainstorm.model import BrainstormStep
from samen_tui.kinds.brainstorm.view import PromptColumn
from samen_tui.kinds.matrix.model import MatrixStep
from samen_tui.kinds.matrix.view import MatrixView
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.view_rows import IngredientRow
from samen_tui.kinds.sort.model import SortStep
from samen_tui.report.export import export_session
from samen_tui.tui.app import SamenApp
from samen_tui.workshop.check import check_files
from samen_tui.workshop.loader import load_workshop
from samen_tui.workshop.model import Step
from tests.tui.conftest import make_app, saved, walk_screen

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "workshops" / "examples").glob("*.toml"))
PEOPLE = [("Anna", "Wijkteam"), ("Bert", "Bibliotheek")]


def test_there_are_examples_and_each_checks_clean() -> None:
    assert len(EXAMPLES) >= 5
    out, err = io.StringIO(), io.StringIO()
    assert check_files([str(p) for p in EXAMPLES], out, err) == 0, out.getvalue()
    assert err.getvalue() == ""


async def use(app: SamenApp, pilot: Pilot[object], step: Step, typed: list[str]) -> None:
    """Do the step's exercise with keys; what was typed goes into ``typed``."""
    text = f"Kaartje van {step.id}"
    if step.KIND == "participants":
        for name, organisation in PEOPLE:
            await pilot.press(*name, "tab", *organisation, "enter")
            await pilot.pause()
    elif isinstance(step, SortStep):
        await pilot.press(*text, "enter", step.category_key(0))
        typed.append(text)
    elif isinstance(step, BrainstormStep):
        if step.from_:  # the prompts are the cards of the earlier step, most dots first
            view = walk_screen(app).step_view
            assert view is not None
            columns = [str(c.border_title) for c in view.query(PromptColumn)]
            assert columns[:1] == [f"Kaartje van {step.from_}"], columns
        await pilot.press(*text, "enter", "tab", "home", "a")
        if step.voting is not None:
            await pilot.press("plus")
        typed.append(text)
    elif isinstance(step, QuestionsStep):
        await pilot.press(*text, "enter")
        typed.append(text)
    elif isinstance(step, MatrixStep):
        view = walk_screen(app).step_view
        assert isinstance(view, MatrixView) and view.matrix.items, f"{step.id}: no items"
        await pilot.press(str(step.y.max), "right", str(step.x.min))
        typed.append(step.quadrants.high_left or step.y.title)
    elif isinstance(step, RateStep):
        view = walk_screen(app).step_view
        assert view is not None
        rows = list(view.query(IngredientRow))
        assert rows, f"{step.id}: nothing to rate"
        if step.anonymous:
            await pilot.press("right")
        await pilot.press(str(min(step.scale.max, 9)), "down", str(step.scale.min))
        typed.append(rows[0].item.title)
    for _round in step.rounds[1:]:
        await pilot.press("f8")
    await pilot.pause()


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
async def test_an_example_is_walked_and_its_verslag_exported(
    path: Path, sessions: Path, tmp_path: Path
) -> None:
    workshop = load_workshop(path)
    steps = [step for _item, step in workshop.steps()]
    app = make_app(sessions, workshop=str(path))
    typed: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for number, step in enumerate(steps):
            if number:
                await pilot.press("pagedown")
                await pilot.pause()
                await pilot.pause()
            assert walk_screen(app).session.current == step.id
            await use(app, pilot, step, typed)
            if step.rounds:
                times = saved(app)["step_times"][step.id]
                assert times["round"] == len(step.rounds) - 1
        session_file = walk_screen(app).path
        data = saved(app)
        session = walk_screen(app).session
    # the exercises are in the file: cards, scores, answers, the actions made with a
    records = data["records"]
    for step in steps:
        if isinstance(step, (SortStep, BrainstormStep, QuestionsStep, RateStep, MatrixStep)):
            assert step.id in records, step.id
    made = [a for _sid, a in session.all_actions()]
    brainstorms = [s for s in steps if isinstance(s, BrainstormStep)]
    assert len(made) == len(brainstorms)
    anonymous = [s.id for s in steps if getattr(s, "anonymous", False)]
    for step_id in anonymous:  # no participant's id in an anonymous step's record
        for pid in (p.id for p in session.participants):
            assert f"'{pid}'" not in str(records.get(step_id, {}))
    # the verslag, as the export writes it
    md = export_session(session_file, "md", tmp_path / "verslag.md", workshop=workshop)
    html = export_session(session_file, "html", tmp_path / "verslag.html", workshop=workshop)
    text = Path(md).read_text(encoding="utf-8")
    page = Path(html).read_text(encoding="utf-8")
    assert workshop.title in text and "<html" in page
    for words in typed:
        assert words in text, words
    for step in steps:
        if step.id in records:
            assert step.title in text, step.title
