"""The user's config remembers the workshop files ``samen run PATH`` ran, so that a
session of such a workshop resumes, reviews and shows in the room by its id; and the
config is read only from a regular file (a pipe in its place never blocks)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from samen_tui import config, paths
from samen_tui.report.export import export_session
from samen_tui.session.store import load_session
from samen_tui.tui.screens.walk import WalkScreen
from samen_tui.workshop.catalog import session_workshop
from tests.tui.conftest import make_app

OWN = """\
[workshop]
id = "eigen-workshop"
title = "Eigen workshop"

[[items]]
id = "welkom"
title = "Welkom"
minutes = 5

[[items.steps]]
kind = "content"
id = "intro"
title = "Intro"
text = "Welkom allemaal."
"""


def dirs_without(folder: Path) -> list[tuple[str, Path]]:
    found = paths.workshop_dirs()
    assert all(folder != where for _label, where in found)
    return found


async def test_a_session_of_a_workshop_run_by_path_is_found_again(tmp_path: Path) -> None:
    own = tmp_path / "elders" / "eigen.toml"
    own.parent.mkdir()
    own.write_text(OWN, encoding="utf-8")
    sessions = tmp_path / "sessions"
    app = make_app(sessions, workshop=str(own))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        path = app.screen.path
    # by id, from folders that do not hold the file: the config noted where it was
    workshop = session_workshop(load_session(path).workshop, dirs_without(own.parent))
    assert workshop.id == "eigen-workshop" and workshop.path == own
    assert "Eigen workshop" in export_session(path, "md", None, paths.workshop_dirs())
    # resumed by the app as `samen resume` does
    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WalkScreen)
        assert again.screen.workshop.id == "eigen-workshop"


def test_a_file_that_now_holds_another_workshop_is_not_taken(tmp_path: Path) -> None:
    own = tmp_path / "eigen.toml"
    own.write_text(OWN, encoding="utf-8")
    config.remember_workshop("eigen-workshop", own)
    assert config.remembered_workshop("eigen-workshop") == own
    own.write_text(OWN.replace("eigen-workshop", "een-andere"), encoding="utf-8")
    with pytest.raises(LookupError, match="eigen-workshop"):
        session_workshop("eigen-workshop", dirs_without(tmp_path))
    own.unlink()
    with pytest.raises(LookupError):
        session_workshop("eigen-workshop", dirs_without(tmp_path))


def test_remembering_keeps_the_other_settings_and_a_damaged_file(tmp_path: Path) -> None:
    with config.update_config(theme="nord", bell=True):
        pass
    config.remember_workshop("a", tmp_path / "a.toml")
    config.remember_workshop("b", tmp_path / "b.toml")
    kept = config.load_config()
    assert (kept.theme, kept.bell) == ("nord", True)
    assert kept.workshop_files == {"a": str(tmp_path / "a.toml"), "b": str(tmp_path / "b.toml")}
    damaged = b'theme = "nord"\nbell = tru'
    paths.config_file().write_bytes(damaged)
    config.remember_workshop("c", tmp_path / "c.toml")
    assert paths.config_file().read_bytes() == damaged  # left as it is


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_config_is_not_read(tmp_path: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    os.mkfifo(paths.config_file())
    result: list[config.Config] = []
    reader = threading.Thread(target=lambda: result.append(config.load_config()), daemon=True)
    reader.start()
    reader.join(5)
    assert result == [config.Config()], "load_config blocked on a pipe"
