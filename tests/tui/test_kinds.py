"""A new step kind is one new folder: the toy kind of ``docs/adding-a-step-kind.md``,
written into a temporary folder that is added to ``samen_tui.kinds``, is picked up by
every registry (the loader, the session, the report, ``samen new``, the catalog and
the walk screen) with no other change."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

import samen_tui.kinds
from samen_tui import i18n, kinds
from samen_tui.report.build import report_markdown
from samen_tui.session.model import Session
from samen_tui.session.store import dumps_session, loads_session
from samen_tui.workshop.loader import WorkshopError, parse_workshop
from samen_tui.workshop.scaffold import scaffold_workshop
from tests.tui.conftest import make_app, walk_screen

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "adding-a-step-kind.md"

WORKSHOP = """\
[workshop]
id = "speelgoed"
title = "Speelgoed"

[[items]]
id = "begin"
title = "Begin"
minutes = 10

[[items.steps]]
kind = "toy"
id = "kiezen"
title = "Waar beginnen we mee?"
options = ["Tijd", "Geld"]
choices = 2
"""


def toy_files() -> dict[str, str]:
    """The files of the toy kind, as the documentation gives them."""
    blocks = re.findall(
        r"```python\n# samen_tui/kinds/toy/(\w+\.py)\n(.*?)```", DOC.read_text(), re.S
    )
    return dict(blocks)


def forget() -> None:
    kinds.clear()
    i18n.catalog.cache_clear()
    for name in [m for m in sys.modules if m.startswith("samen_tui.kinds.toy")]:
        del sys.modules[name]


@pytest.fixture
def toy(tmp_path: Path) -> Iterator[None]:
    folder = tmp_path / "more-kinds"
    (folder / "toy").mkdir(parents=True)
    files = toy_files()
    assert set(files) == {
        "__init__.py",
        "model.py",
        "record.py",
        "report.py",
        "scaffold.py",
        "texts.py",
        "view.py",
        "room.py",
    }
    for name, text in files.items():
        (folder / "toy" / name).write_text(text, encoding="utf-8")
    samen_tui.kinds.__path__.append(str(folder))
    forget()
    try:
        yield
    finally:
        samen_tui.kinds.__path__.remove(str(folder))
        forget()


def problems_of(text: str) -> list[str]:
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, "w.toml")
    return [str(problem) for problem in info.value.problems]


def test_without_the_folder_there_is_no_toy_kind() -> None:
    assert "toy" not in kinds.names()
    assert problems_of(WORKSHOP)[0].startswith("w.toml:11:8: onbekende stapsoort 'toy'")


def test_the_registries_find_the_new_folder(toy: None) -> None:
    assert kinds.names()[-1] == "toy"  # ORDER 100: after the nine
    step, record = kinds.step_class("toy"), kinds.record_class("toy")
    assert step is not None and step.__name__ == "ToyStep"
    assert record is not None and record.__name__ == "ToyRecord"
    assert callable(kinds.section("toy")) and callable(kinds.stand_in("toy"))


def test_a_kind_without_a_room_or_a_view_shows_in_the_plain_one(toy: None, tmp_path: Path) -> None:
    """``view.py`` and ``room.py`` are looked up alike: None without the module or its
    ``VIEW`` / ``ROOM`` (the walk screen and the room then show their plain view)."""
    from samen_tui.tui.room.view import RoomView, room_view

    folder = tmp_path / "more-kinds" / "toy"
    (folder / "room.py").unlink()
    (folder / "view.py").write_text("VIEW = None\n", encoding="utf-8")
    assert kinds.room_class("toy") is None and room_view("toy") is RoomView
    assert kinds.view_class("toy") is None
    assert kinds.view_class("no-such-kind") is None and kinds.room_class("no-such-kind") is None


def test_the_loader_reads_the_toy_step_and_places_its_problems(toy: None) -> None:
    workshop = parse_workshop(WORKSHOP, "w.toml")
    step = workshop.step("kiezen")
    assert step is not None and step.KIND == "toy"
    assert step.options == ("Tijd", "Geld")  # type: ignore[attr-defined]
    assert step.choices == 2  # type: ignore[attr-defined]
    bad = WORKSHOP.replace("choices = 2", "choices = 3").replace(
        'options = ["Tijd", "Geld"]', 'opties = ["Tijd"]\noptions = ["Tijd", 5]'
    )
    assert problems_of(bad) == [
        "w.toml:14:1: onbekende sleutel 'opties' (bedoel je 'options'?)",
        "w.toml:15:20: verwacht tekst, gevonden: geheel getal",
    ]
    too_many = WORKSHOP.replace("choices = 2", "choices = 3")
    assert problems_of(too_many) == ["w.toml:15:11: er zijn maar 2 opties om uit te kiezen"]
    # the kind is among those the loader offers when a kind is missing
    missing = problems_of(WORKSHOP.replace('kind = "toy"\n', ""))
    assert missing[0].endswith("actions, references, toy)")


def test_a_session_with_its_record_round_trips_and_is_reported(toy: None) -> None:
    workshop = parse_workshop(WORKSHOP, "w.toml")
    session = Session(workshop="speelgoed", title="Proef")
    record = session.record("kiezen", "toy")
    record.picked.append("Geld [b]*")  # type: ignore[attr-defined]
    text = dumps_session(session)
    assert '[records.kiezen]\nkind = "toy"\npicked = [\n    "Geld [b]*",\n]\n' in text
    again = loads_session(text)
    assert again == session
    assert type(again.records["kiezen"]) is type(record)

    report = report_markdown(workshop, again)
    assert "### Waar beginnen we mee?\n\nGekozen:\n\n- Geld \\[b\\]\\*\n" in report
    # without its workshop: the kind's stand-in step, named by its id
    alone = report_markdown(None, again)
    assert "### kiezen\n\nGekozen:\n\n- Geld \\[b\\]\\*\n" in alone


def test_samen_new_has_its_example_and_the_catalog_its_texts(toy: None) -> None:
    text = scaffold_workshop("alles")
    assert "#     toy           een vraag met opties; de groep kiest er een of meer" in text
    assert "# --- toy: een vraag met opties" in text
    workshop = parse_workshop(text, "alles.toml")
    assert {step.KIND for _item, step in workshop.steps()} == set(kinds.names())
    assert i18n.t("help.step.toy").startswith("**Kiezen.**")
    assert i18n.catalog("en")["toy.report.picked"] == "Picked:"


async def test_the_walk_screen_shows_its_view(toy: None, sessions: Path, tmp_path: Path) -> None:
    path = tmp_path / "speelgoed.toml"
    path.write_text(WORKSHOP, encoding="utf-8")
    app = make_app(sessions, workshop=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        view = screen.step_view
        assert type(view).__name__ == "ToyView"
        shown = screen.query_one("#toy-options", Static).render()
        assert str(shown) == "Opties: Tijd, Geld"


async def test_the_room_shows_its_room_view(toy: None, tmp_path: Path) -> None:
    """``samen room`` finds the kind's ``room.py`` and keeps what was picked hidden until
    the trainer reveals it."""
    from samen_tui.session.saving import save_session
    from samen_tui.tui.room.app import RoomApp
    from samen_tui.tui.room.screen import RoomScreen

    room = kinds.room_class("toy")
    assert room is not None and room.__name__ == "ToyRoom"
    workshops = tmp_path / "workshops"
    workshops.mkdir()
    (workshops / "speelgoed.toml").write_text(WORKSHOP, encoding="utf-8")
    workshop = parse_workshop(WORKSHOP, "w.toml")
    session = Session(workshop="speelgoed", title="Proef", current="kiezen")
    session.record("kiezen", "toy").picked.append("Geld [b]*")  # type: ignore[attr-defined]
    path = tmp_path / "s" / "proef.toml"
    path.parent.mkdir()
    save_session(session, path)
    app = RoomApp(path, path.parent, [("test", workshops)], poll_every=None, look_every=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        assert type(screen.view).__name__ == "ToyRoom"
        assert workshop.step("kiezen") is not None

        def text() -> str:
            return " ".join(s.text for s in screen._compositor.render_strips())

        assert "Tijd" in text() and "De uitslag is nog verborgen." in text()
        assert "Geld [b]*" not in text()
        session.room.revealed.append("kiezen")
        save_session(session, path)
        await screen.poll()
        await pilot.pause()
        await pilot.pause()
        assert "Gekozen:" in text() and "Geld [b]*" in text()
