"""The facilitator's side: live reload of the workshop file, and resume after an edit."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from samen_tui.cli import main
from samen_tui.paths import PACKAGE_WORKSHOPS
from samen_tui.tui.app import SamenApp
from samen_tui.tui.widgets.agenda import AgendaPanel
from tests.tui.conftest import burst, make_app, saved, walk_screen

SOURCE = PACKAGE_WORKSHOPS / "samen-ouder-worden.toml"


@pytest.fixture
def workshop_file(tmp_path: Path) -> Path:
    target = tmp_path / "ws" / "samen-ouder-worden.toml"
    target.parent.mkdir()
    shutil.copy(SOURCE, target)
    return target


def notifications(app: SamenApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def agenda_text(app: SamenApp) -> str:
    agenda = app.screen.query_one(AgendaPanel)
    return "\n".join(str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await burst(pilot, text)


async def test_valid_edit_shows_within_two_seconds(sessions: Path, workshop_file: Path) -> None:
    app = make_app(sessions, workshop=str(workshop_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Inspiratie nodig?" in agenda_text(app)
        text = workshop_file.read_text(encoding="utf-8")
        workshop_file.write_text(
            text.replace('title = "Inspiratie nodig?"', 'title = "Leestips"'), encoding="utf-8"
        )
        await pilot.pause(1.5)
        assert "Leestips" in agenda_text(app)
        assert "Inspiratie nodig?" not in agenda_text(app)
        assert "Workshop bijgewerkt" in notifications(app)
        data = saved(app)
        assert data["fingerprint"] == walk_screen(app).workshop.fingerprint


async def test_invalid_edit_shows_errors_and_keeps_the_session(
    sessions: Path, workshop_file: Path
) -> None:
    app = make_app(sessions, workshop=str(workshop_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        before = screen.workshop
        screen.go_to("wie-is-er")
        await pilot.pause()
        await type_text(pilot, "Anne")
        await pilot.press("enter")
        text = workshop_file.read_text(encoding="utf-8")
        workshop_file.write_text(text.replace("minutes = 15", "minutes = -5", 1), encoding="utf-8")
        await pilot.pause(1.5)
        shown = notifications(app)
        assert f"{workshop_file}:" in shown and "minutes" in shown
        # path:line:col: message
        line = next(line for line in shown.splitlines() if str(workshop_file) in line)
        _path, line_no, col, _message = line.rsplit(":", 3)[0], *line.split(":")[-3:]
        assert line_no.strip().isdigit() and col.strip().isdigit()
        assert screen.workshop is before
        assert screen.session.current == "wie-is-er"
        assert [p["name"] for p in saved(app)["participants"]] == ["Anne"]


async def test_removed_step_keeps_its_record(sessions: Path, workshop_file: Path) -> None:
    app = make_app(sessions, workshop=str(workshop_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        first = screen.session.current
        await type_text(pilot, "Koffie om 10 uur")
        await pilot.pause()
        assert saved(app)["records"][first]["notes"] == "Koffie om 10 uur"
        # remove the first step (the title slide) from the file
        text = workshop_file.read_text(encoding="utf-8")
        start = text.index("\n[[items.steps]]")
        end = text.index("\n[[items.steps]]", start + 1)
        workshop_file.write_text(text[:start] + text[end:], encoding="utf-8")
        await pilot.pause(1.5)
        assert first not in screen.workshop.step_ids()
        assert screen.session.current == screen.workshop.step_ids()[0]
        data = saved(app)
        assert first not in data.get("records", {})
        assert data["removed_steps"][first]["notes"] == "Koffie om 10 uur"
        assert data["removed_steps"][first]["kind"] == "content"


async def test_resume_after_edit_lists_added_and_removed(
    sessions: Path, workshop_file: Path
) -> None:
    app = make_app(sessions, workshop=str(workshop_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        path = walk_screen(app).path
        await pilot.press("ctrl+q")
        await pilot.pause()
    text = workshop_file.read_text(encoding="utf-8")
    text = text.replace('id = "inspiratie"', 'id = "leestips"').replace(
        'title = "Inspiratie nodig?"', 'title = "Leestips"'
    )
    workshop_file.write_text(text, encoding="utf-8")
    again = make_app(sessions, mode="resume", session=path, workshops_dir=workshop_file.parent)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = notifications(again)
        assert "Workshopbestand gewijzigd" in shown
        assert "Toegevoegd: Leestips" in shown
        assert "Verwijderd: inspiratie" in shown
        data = saved(again)
        assert "leestips" in data["steps"] and "inspiratie" not in data["steps"]


def test_new_scaffold_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "mijn-workshop", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "mijn-workshop.toml"
    assert path.exists()
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and str(path) in out
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    kinds = {s["kind"] for item in data["items"] for s in item["steps"]}
    from samen_tui import kinds as registry

    assert kinds == set(registry.names())
    # a second time refuses to overwrite
    assert main(["new", "mijn-workshop", "--dir", str(tmp_path)]) == 1
