"""``samen resume NAME`` from another folder: the session in the sessions folder is
read and saved there; nothing appears in the folder the command ran in (#16: it
used to read the file from the sessions folder and save a fork in ``./NAME.toml``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.helpers import fingerprint, names_in, new_session_file
from tests.reliability.pty_app import PtyApp

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty"),
]

STEP_MARK = "›  Wie is er?"


def others(folder: Path, path: Path) -> dict[str, str]:
    """Everything in the sessions folder but the session, its backup and its lock."""
    keep = {path.name, path.name + ".bak", path.name + ".lock"}
    return {name: what for name, what in fingerprint(folder).items() if name not in keep}


@pytest.mark.parametrize("how", ["file name", "bare name", "prefix"])
def test_resume_by_name_from_another_folder_saves_in_the_sessions_folder(
    sessions: Path, tmp_path: Path, how: str
) -> None:
    path = new_session_file(sessions, title="Zeist bij naam")
    new_session_file(sessions, title="Amersfoort")  # another session, untouched
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    name = {
        "file name": path.name,
        "bare name": path.stem,
        "prefix": path.stem[: len(path.stem) - 4],
    }[how]
    before = others(sessions, path)
    with PtyApp(["--sessions", str(sessions), "resume", name], cwd=elsewhere) as app:
        app.wait_for_text(STEP_MARK, 60)
        app.type("Bert Jansen", 0.01)
        app.press("enter")
        app.wait_for(lambda: names_in(path)[-1:] == ["Bert Jansen"], 10, "Bert saved")
        app.press("ctrl+q")
        assert app.wait() == 0
    assert names_in(path) == ["Anna de Vries", "Bert Jansen"]
    assert list(elsewhere.iterdir()) == [], "resume wrote a copy in the current folder"
    assert others(sessions, path) == before
