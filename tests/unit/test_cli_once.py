"""The command line reads what it needs once: the settings once per command (and the
app or the room it starts gets them as read), a session file once per export."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samen_tui import config as config_module
from samen_tui.cli import main
from samen_tui.session.model import Session
from samen_tui.session.store import save_session
from tests.conftest import SamenDirs


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def english_settings(samen_dirs: SamenDirs, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """config.toml says English; every read of it is noted in the list returned."""
    samen_dirs.config.mkdir(parents=True, exist_ok=True)
    (samen_dirs.config / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    reads: list[Path] = []
    load = config_module._load

    def counted(path: Path) -> Any:
        reads.append(path)
        return load(path)

    monkeypatch.setattr(config_module, "_load", counted)
    return reads


def test_check_reads_the_settings_once_and_speaks_their_language(
    tmp_path: Path, english_settings: list[Path]
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_bytes(b"schema = [\n")  # no language line: the settings' language
    code, said = run("check", str(broken))
    assert code == 1 and said
    assert len(english_settings) == 1
    assert run("--lang", "en", "check", str(broken)) == (1, said)
    assert run("--lang", "nl", "check", str(broken))[1] != said


def test_export_reads_the_settings_once(tmp_path: Path, english_settings: list[Path]) -> None:
    path = tmp_path / "zeist.toml"
    save_session(Session(workshop="samen-ouder-worden", title="Zeist", language=""), path)
    code, out = run("export", str(path), "--format", "md")
    assert code == 0 and "Zeist" in out
    assert len(english_settings) == 1


def test_the_app_gets_the_settings_the_command_line_read(
    tmp_path: Path, english_settings: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from samen_tui.tui.app import SamenApp

    started: list[SamenApp] = []
    monkeypatch.setattr(SamenApp, "run", lambda self, *a, **k: started.append(self))
    assert run("--sessions", str(tmp_path))[0] == 0
    (app,) = started
    assert app.config.language == "en" and app.language == "en"
    assert len(english_settings) == 1


def test_the_room_gets_the_settings_the_command_line_read(
    tmp_path: Path, english_settings: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from samen_tui.i18n import language
    from samen_tui.tui.room.app import RoomApp

    started: list[RoomApp] = []
    monkeypatch.setattr("samen_tui.room.yield_to_the_trainer", lambda: None)  # no nice here
    monkeypatch.setattr(RoomApp, "run", lambda self, *a, **k: started.append(self))
    assert run("room", "--sessions", str(tmp_path))[0] == 0
    assert len(started) == 1 and language() == "en"
    assert started[0].room_screen.fixed_language  # the settings chose the language
    assert len(english_settings) == 1


def test_export_reads_the_session_once_and_writes_in_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samen_tui.report import export
    from samen_tui.session import store

    path = tmp_path / "zeist.toml"
    save_session(Session(workshop="samen-ouder-worden", title="Zeist", language="en"), path)
    reads: list[Path] = []

    def counting(load: Any) -> Any:
        def counted(where: Path, *args: Any, **kwargs: Any) -> Any:
            reads.append(Path(where))
            return load(where, *args, **kwargs)

        return counted

    # wherever the session is read from: the store, or the export's own import of it
    monkeypatch.setattr(store, "load_session", counting(store.load_session))
    monkeypatch.setattr(export, "load_session", counting(export.load_session))
    code, out = run("export", str(path), "-o", str(tmp_path / "verslag.md"))
    assert code == 0
    assert reads == [path]
    english = (tmp_path / "verslag.md").read_text(encoding="utf-8")
    assert run("--lang", "en", "export", str(path))[1] == english
    assert run("--lang", "nl", "export", str(path))[1] != english
    assert out == f"Written: {tmp_path / 'verslag.md'}\n"  # the messages too


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_the_language_of_a_pipe_named_as_a_workshop_is_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not even opened (an open of a device may do something): refused on its name."""
    from samen_tui.cli import file_language

    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    opened: list[str] = []
    real_open = os.open

    def noting(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", noting)
    assert file_language(pipe) == ""
    assert str(pipe) not in opened
    english = tmp_path / "en.toml"
    english.write_text('[workshop]\nlanguage = "en"\n', encoding="utf-8")
    assert file_language(english) == "en"  # a regular file is looked at as before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_pipe_named_like_a_session_or_workshop_is_a_prompt_message(
    tmp_path: Path, command: str
) -> None:
    """``samen check`` (which looks for the file's language) and ``samen export`` on a
    pipe: a message and exit code 1 at once, never waiting for a writer."""
    pipe = tmp_path / "sessie.toml"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "samen_tui", command, str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,  # a hang fails here instead of blocking the suite
    )
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert str(pipe) in said and "Traceback" not in said
    if command == "check":
        assert done.stdout.startswith(f"{pipe}:1:1: dit is geen gewoon bestand (maar een pijp")
    else:  # not "that file does not exist": it does, as a pipe
        assert done.stderr.startswith(f"samen export: {pipe}: geen gewoon bestand (een map, pipe")
