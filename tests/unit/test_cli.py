"""The command line: dirs, export, check and run errors, without a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from samen_tui.cli import main
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.session.model import Participant, Session
from samen_tui.session.store import save_session


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_dirs_lists_every_place_in_order(tmp_path: Path, samen_dirs: object) -> None:
    code, out = run("dirs", "--sessions", str(tmp_path / "s"), "--workshops", str(tmp_path / "w"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Sessies: {tmp_path / 's'}"
    order = [line for line in lines if line.strip()[:2] in ("1.", "2.", "3.", "4.")]
    assert str(tmp_path / "w") in order[0] and "--workshops" in order[0]
    assert "./workshops" in order[1]
    assert "package" in order[3] and "data/workshops" in order[3]
    assert any(line.startswith("Instellingen: ") for line in lines)


def test_dirs_in_english() -> None:
    code, out = run("--lang", "en", "dirs")
    assert code == 0 and out.startswith("Sessions: ")


def make_session(path: Path) -> Path:
    session = Session(workshop="samen-ouder-worden", title="Zeist", current="titel")
    session.participants.append(Participant(id="p1", name="Ëva", organisation="Gemeente"))
    actions = session.record("acties", "actions")
    assert isinstance(actions, ActionsRecord)
    actions.actions.append(Action(id="a1", who="Ëva", what="Uitnodiging [b]sturen[/]"))
    save_session(session, path)
    return path


def test_export_markdown_to_stdout_and_csv_to_file(tmp_path: Path) -> None:
    path = make_session(tmp_path / "zeist.toml")
    code, out = run("export", str(path), "--format", "md")
    assert code == 0
    assert "Zeist" in out and "Ëva" in out
    target = tmp_path / "acties.csv"
    code, out = run("export", str(path), "--format", "csv", "-o", str(target))
    assert code == 0 and str(target) in out
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("\ufeffwie;wat;wanneer;status")  # Dutch Excel
    assert "Uitnodiging [b]sturen[/]" in text


def test_export_html_comes_from_rich(tmp_path: Path) -> None:
    path = make_session(tmp_path / "zeist.toml")
    code, out = run("export", str(path), "--format", "html")
    assert code == 0
    assert out.lstrip().startswith("<!DOCTYPE html>")
    assert "Uitnodiging [b]sturen[/]" in out


def test_export_of_a_broken_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kapot.toml"
    bad.write_bytes(b"schema = [")
    code, _ = run("export", str(bad))
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("samen export: ") and "Traceback" not in err


def test_python_m_samen_tui_check_runs_without_textual(tmp_path: Path) -> None:
    bad = tmp_path / "w.toml"
    bad.write_text('[workshop]\nid = "x"\ntitle = "X"\nitems = []\n', encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from samen_tui.cli import main; code = main(['check', sys.argv[1]]);"
            " assert 'textual' not in sys.modules, 'check imported textual'; sys.exit(code)",
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert f"{bad}:" in result.stdout and "Traceback" not in result.stderr
