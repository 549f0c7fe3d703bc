"""The command line one can trust (#16): one way to name a session, ``--version``,
no traceback on a closed pipe, ``check`` by id, errors before the screen, ``--help``
and messages in the interface language."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from samen_tui import __version__
from samen_tui.cli import asked_language, main
from samen_tui.i18n import set_language
from samen_tui.session.model import Session
from samen_tui.session.resolve import SessionNameError, resolve_session
from samen_tui.session.store import save_session

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def session_file(folder: Path, name: str, title: str = "Zeist", language: str = "nl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    save_session(
        Session(workshop="samen-ouder-worden", title=title, current="titel", language=language),
        path,
    )
    return path


# ---------------------------------------------------------------- naming a session


def test_a_session_by_file_name_bare_name_prefix_and_path(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    zeist = session_file(folder, "2026-11-28-zeist.toml")
    session_file(folder, "2026-11-30-amersfoort.toml")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    for name in ("2026-11-28-zeist.toml", "2026-11-28-zeist", "2026-11-28", "2026-11-28-Z"):
        assert resolve_session(name, folder, cwd=elsewhere) == zeist, name
    assert resolve_session(str(zeist), folder, cwd=elsewhere) == zeist
    # a relative path with a folder in it is taken from the current folder
    assert resolve_session("../sessions/2026-11-28-zeist.toml", folder, cwd=elsewhere) == zeist
    # always absolute: saved where it was read, whatever the current folder
    assert resolve_session("2026-11-28-zeist", Path("sessions"), cwd=tmp_path).is_absolute()


def test_an_ambiguous_prefix_lists_the_candidates(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    one = session_file(folder, "2026-11-28-zeist.toml")
    two = session_file(folder, "2026-11-28-zeist-2.toml")
    with pytest.raises(SessionNameError) as caught:
        resolve_session("2026-11", folder, cwd=tmp_path)
    message = str(caught.value)
    assert "meer dan één sessie" in message
    assert str(one) in message and str(two) in message
    assert caught.value.candidates == [one, two]
    # the exact name is not ambiguous even though it is a prefix of another
    assert resolve_session("2026-11-28-zeist", folder, cwd=tmp_path) == one


def test_a_name_without_its_date(tmp_path: Path) -> None:
    """``samen resume zeist``: the trainer names the session as they titled it."""
    folder = tmp_path / "sessions"
    zeist = session_file(folder, "2026-11-28-zeist.toml")
    session_file(folder, "2026-11-30-amersfoort.toml")
    for name in ("zeist", "Zei", "zeist.toml"):
        assert resolve_session(name, folder, cwd=tmp_path) == zeist, name
    again = session_file(folder, "2026-12-05-zeist.toml")
    with pytest.raises(SessionNameError, match="meer dan één") as caught:
        resolve_session("zeist", folder, cwd=tmp_path)
    assert caught.value.candidates == [zeist, again]


def test_a_missing_session_names_what_is_there(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    zeist = session_file(folder, "2026-11-28-zeist.toml")
    (folder / "2026-11-28-zeist.toml.bak").write_text("", "utf-8")  # never a candidate
    with pytest.raises(SessionNameError) as caught:
        resolve_session("utrecht", folder, cwd=tmp_path)
    assert "geen sessie met de naam utrecht" in str(caught.value)
    assert str(zeist) in str(caught.value) and ".bak" not in str(caught.value)


def test_a_name_in_both_folders_is_ambiguous(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    session_file(folder, "zeist.toml")
    session_file(tmp_path, "zeist.toml", title="Een kopie")
    with pytest.raises(SessionNameError, match="meer dan één"):
        resolve_session("zeist.toml", folder, cwd=tmp_path)
    # the same file seen from inside the sessions folder is one session
    assert resolve_session("zeist.toml", folder, cwd=folder) == folder / "zeist.toml"


def test_export_by_bare_name_and_a_missing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    session_file(folder, "2026-11-28-zeist.toml", title="Zeist bij naam")
    code, out = run("export", "2026-11-28-zeist", "--sessions", str(folder))
    assert code == 0 and "Zeist bij naam" in out
    code, _ = run("export", "utrecht", "--sessions", str(folder))
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("samen export: geen sessie met de naam utrecht")
    assert "2026-11-28-zeist.toml" in err


@pytest.mark.parametrize("command", ["resume", "review"])
def test_a_missing_session_stops_before_the_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, _ = run(command, "nergens", "--sessions", str(tmp_path))
    assert code == 1
    assert f"samen {command}: geen sessie met de naam nergens" in capsys.readouterr().err


# ---------------------------------------------------------------- the command itself


def test_version_is_the_packages() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert __version__ == project["version"]
    code, out = run("--version")
    assert code == 0 and out == ""  # argparse prints it on the real stdout
    done = subprocess.run(
        [sys.executable, "-m", "samen_tui", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"samen {__version__}"


def test_help_speaks_dutch_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--help")[0] == 0
    text = capsys.readouterr().out
    assert text.startswith("gebruik: samen") and "opties:" in text
    assert "toon deze hulp en stop" in text and "show this help" not in text
    assert run("--lang", "en", "export", "--help")[0] == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: samen export") and "the participants' version" in text
    assert asked_language(["--lang=en", "dirs"]) == "en"
    assert asked_language(["--", "--lang", "en"]) == ""


def test_a_usage_error_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("export")[0] == 2
    err = capsys.readouterr().err
    assert "samen export: fout: dit ontbreekt: session" in err and "error" not in err


def test_check_takes_a_workshop_id() -> None:
    code, out = run("check", "samen-ouder-worden")
    assert code == 0
    assert out.rstrip().endswith("6 agendapunten, 14 stappen, 150 minuten"), out


def test_check_and_export_speak_the_workshops_language(tmp_path: Path) -> None:
    code, out = run("check", "samen-ouder-worden-en")
    assert code == 0 and "6 agenda items, 14 steps" in out
    broken = tmp_path / "broken.toml"
    broken.write_text('[workshop]\nid = "x"\nlanguage = "en"\ntitle = 3\n', "utf-8")
    code, out = run("check", str(broken))
    assert code == 1 and "broken.toml:" in out
    set_language("en")
    english = out
    set_language("nl")
    code, dutch = run("--lang", "nl", "check", str(broken))
    assert dutch != english, "the problems of an English file were told in Dutch"
    # export: the messages in the session's language
    session_file(tmp_path / "s", "en.toml", language="en")
    code, out = run("export", "en", "--sessions", str(tmp_path / "s"), "-o", str(tmp_path / "r.md"))
    assert code == 0 and out.startswith("Written: ")


def test_run_of_an_unknown_workshop_fails_before_anything_is_drawn() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "samen_tui", "run", "nope"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("samen run: geen workshop met id 'nope'")
    assert "\x1b" not in done.stdout + done.stderr, "the screen was drawn first"


COMMANDS = [
    ["--help"],
    ["--version"],
    ["dirs"],
    ["check", "samen-ouder-worden"],
    ["check", "samen-ouder-worden", "--help"],
    ["export", "sessie"],
    ["export", "nergens"],
    ["new", "pijp-proef", "--dir", "{tmp}/w"],
    ["resume", "nergens"],
    ["run", "nope"],
    ["review", "--help"],
    ["review", "nergens"],
    ["serve", "--host", "192.0.2.1"],
    ["bogus"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: " ".join(argv))
def test_a_closed_pipe_is_no_traceback(argv: list[str], tmp_path: Path) -> None:
    """``samen dirs | head -0``: stdout (and stderr) closed before the command writes."""
    session_file(tmp_path / "s", "sessie.toml", title="Pijp " * 2000)  # a long verslag
    command = [sys.executable, "-m", "samen_tui", "--sessions", str(tmp_path / "s")]
    command += [part.replace("{tmp}", str(tmp_path)) for part in argv]
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: every write is a broken pipe
    try:
        done = subprocess.run(
            command,
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        os.close(write)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert "Exception ignored" not in err, err
    assert done.returncode in (0, 1, 2)


def test_new_with_lang_en_writes_an_english_workshop(tmp_path: Path) -> None:
    from samen_tui import kinds
    from samen_tui.workshop.loader import parse_workshop

    code, out = run("--lang", "en", "new", "demo", "--dir", str(tmp_path / "en"))
    assert code == 0 and out.startswith("Written: ")
    code, _ = run("new", "demo", "--dir", str(tmp_path / "nl"))
    assert code == 0
    english = (tmp_path / "en" / "demo.toml").read_text("utf-8")
    dutch = (tmp_path / "nl" / "demo.toml").read_text("utf-8")
    assert 'language = "en"' in english and "(required)" in english
    for word in ("(verplicht)", "standaard", "Agendapunt", "Wie is er?"):
        assert word not in english, word
    en = parse_workshop(english.encode(), "en.toml")
    nl = parse_workshop(dutch.encode(), "nl.toml")
    assert en.meta.language == "en" and nl.meta.language == "nl"
    # the same workshop, in other words: the same ids and kinds, step by step
    assert [(s.id, s.KIND) for _i, s in en.steps()] == [(s.id, s.KIND) for _i, s in nl.steps()]
    assert all(hasattr(kinds.scaffold(kind), "EXAMPLE_EN") for kind in kinds.names())
    # and check speaks its language
    code, out = run("check", str(tmp_path / "en" / "demo.toml"))
    assert code == 0 and "agenda items" in out
