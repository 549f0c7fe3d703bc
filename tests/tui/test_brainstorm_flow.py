"""#20 flow: the winning How-Might-We feeds the ideation. The trainer votes in the
first brainstorm, goes on, and finds the winning question as the next brainstorm's
column; the idea added there is kept under it. The room shows the question too."""

from __future__ import annotations

from pathlib import Path

from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.brainstorm.view import IdeaList, PromptColumn
from samen_tui.report.build import report_blocks
from samen_tui.report.markdown import to_markdown
from samen_tui.session.model import Session
from samen_tui.tui.room.app import RoomApp
from samen_tui.tui.room.screen import RoomScreen
from samen_tui.workshop.loader import load_workshop
from tests.room.helpers import NOW, write
from tests.room.test_room_app import flat
from tests.tui.conftest import make_app, saved, walk_screen
from tests.unit.test_brainstorm_from import HEAD, HMW

WORKSHOP = (
    HEAD
    + HMW
    + 'kind = "brainstorm"\nid = "ideate"\ntitle = "Ideeën bij de winnende vraag"\n'
    + 'from = "hmw"\ntop = 1\n'
)


async def test_the_winning_question_becomes_the_column_of_the_next_brainstorm(
    sessions: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dt.toml"
    path.write_text(WORKSHOP, encoding="utf-8")
    app = make_app(sessions, workshop=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"HZW eenzaamheid zien", "enter", *"HZW buren laten helpen", "enter")
        await pilot.press("tab", "home", "down", "plus", "plus", "up", "plus")  # 2 dots, 1 dot
        await pilot.pause()
        hmw = saved(app)["records"]["hmw"]["ideas"]
        assert [i.get("votes") for i in hmw] == [{"groep": 1}, {"groep": 2}]
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        assert screen.session.current == "ideate"
        assert screen.step_view is not None
        columns = list(screen.step_view.query(PromptColumn))
        assert [str(c.border_title) for c in columns] == ["HZW buren laten helpen"]
        await pilot.press(*"Burenbank bij de bakker", "enter")
        await pilot.pause()
        record = saved(app)["records"]["ideate"]
        winner = hmw[1]["id"]
        assert [(i["prompt"], i["text"]) for i in record["ideas"]] == [
            (winner, "Burenbank bij de bakker")
        ]
        assert record["prompts"] == {winner: "HZW buren laten helpen"}
        # the vote turns: the new winner is the column, the idea keeps its own one
        await pilot.press("pageup")
        await pilot.pause()
        await pilot.press("tab", "home", "down", "minus", "minus", "up", "plus", "plus")
        await pilot.pause()
        assert [i.get("votes") for i in saved(app)["records"]["hmw"]["ideas"]] == [
            {"groep": 3},
            None,
        ]
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        view = walk_screen(app).step_view
        assert view is not None
        columns = list(view.query(PromptColumn))
        assert [str(c.border_title) for c in columns] == [
            "HZW eenzaamheid zien",
            "HZW buren laten helpen",
        ]
        kept = columns[1].query_one(IdeaList)
        assert kept.option_count == 1
        verslag = to_markdown(report_blocks(walk_screen(app).workshop, walk_screen(app).session))
    ideation = verslag.split("Ideeën bij de winnende vraag")[1]
    assert "HZW buren laten helpen" in ideation and "Burenbank bij de bakker" in ideation


async def test_without_cards_to_take_the_step_says_where_they_come_from(
    sessions: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dt.toml"
    path.write_text(WORKSHOP, encoding="utf-8")
    app = make_app(sessions, workshop=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        view = walk_screen(app).step_view
        assert view is not None and not list(view.query(PromptColumn))
        text = " ".join(str(label.render()) for label in view.query(".no-cards"))
        assert "Nog geen vragen: ze komen uit 'Hoe zouden we'." in text


async def test_the_room_shows_the_winning_question_as_the_column(tmp_path: Path) -> None:
    workshops = tmp_path / "workshops"
    workshops.mkdir()
    (workshops / "dt.toml").write_text(WORKSHOP, encoding="utf-8")
    workshop = load_workshop(workshops / "dt.toml")
    session = Session(
        workshop=workshop.id,
        title="Ideeën",
        current="ideate",
        steps=workshop.step_ids(),
        records={
            "hmw": BrainstormRecord(
                ideas=[
                    Idea(id="i1", prompt="p", text="HZW eenzaamheid zien", votes={"groep": 1}),
                    Idea(id="i2", prompt="p", text="HZW buren laten helpen", votes={"groep": 2}),
                ]
            ),
            "ideate": BrainstormRecord(
                ideas=[Idea(id="x", prompt="i2", text="Burenbank bij de bakker")]
            ),
        },
    )
    folder = tmp_path / "sessies"
    path = write(session, folder)
    app = RoomApp(
        path, folder, [("test", workshops)], clock=lambda: NOW, poll_every=None, look_every=None
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        text = flat(app)
        assert "HZW buren laten helpen 1" in text and "Burenbank bij de bakker" in text
        assert "HZW eenzaamheid zien" not in text
