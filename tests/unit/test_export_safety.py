"""#21 items 7 (the terminal part) and 8 (the command line part): `samen export`.

* ``-o`` onto the session itself, onto any file that reads as a session (its backup,
  a copy), onto a lock, a folder or a pipe: refused, even with ``--force``; any other
  existing file refused without ``--force``; what is written is written whole;
* to a terminal, the report comes without control characters (escape sequences in a
  title cleared the screen, set the window title and filled the clipboard).

The store-level functions the app's export dialog needs (``protected``,
``export_refusal``) are tested here too.
"""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from samen_tui.cli import for_terminal, main
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.session.lock import SessionLock
from samen_tui.session.model import Session
from samen_tui.session.store import save_session
from samen_tui.session.targets import export_refusal, protected, write_export

ATTACK = "Zeist\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\u202eeoj\r\x9b31m"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv: str, out: io.StringIO | None = None) -> tuple[int, str]:
    out = out if out is not None else io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def make_session(path: Path, title: str = "Zeist") -> Path:
    session = Session(workshop="samen-ouder-worden", title=title, current="titel")
    actions = session.record("acties", "actions")
    assert isinstance(actions, ActionsRecord)
    actions.actions.append(Action(id="a1", who="Ëva", what=f"Bellen {title}"))
    save_session(session, path)
    return path


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = make_session(tmp_path / "zeist.toml")
    save_session(Session(workshop="samen-ouder-worden", title="Zeist 2"), path)  # a .bak
    return path


def untouched(*paths: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in paths}


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_export_onto_the_session_itself_is_refused(
    session_file: Path, capsys: pytest.CaptureFixture[str], fmt: str, force: bool
) -> None:
    """`samen export S -o S` wrote the session's own Markdown over it."""
    backup = session_file.with_name(session_file.name + ".bak")
    before = untouched(session_file, backup)
    extra = ["--force"] if force else []
    code, out = run("export", str(session_file), "--format", fmt, "-o", str(session_file), *extra)
    assert code == 1 and out == ""
    assert "is de sessie zelf" in capsys.readouterr().err
    assert untouched(session_file, backup) == before


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_export_onto_anything_that_reads_as_a_session_is_refused(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], force: bool
) -> None:
    other = make_session(tmp_path / "ander.txt", "Ander")  # any name: it reads as one
    newer = tmp_path / "nieuwer.toml"
    newer.write_text("schema = 9\n[iets]\n", "utf-8")
    backup = session_file.with_name(session_file.name + ".bak")
    link = tmp_path / "link.md"
    link.symlink_to(other)
    lock = SessionLock(session_file)
    assert lock.acquire()
    lock_file = session_file.with_name(session_file.name + ".lock")
    before = untouched(other, newer, backup, lock_file)
    extra = ["--force"] if force else []
    try:
        for target, words in (
            (other, "is een sessiebestand"),
            (newer, "is een sessiebestand"),
            (backup, "is een sessiebestand"),
            (link, "is een sessiebestand"),
            (lock_file, "is een slotbestand"),
        ):
            code, _ = run("export", str(session_file), "-o", str(target), *extra)
            assert code == 1, target
            assert words in capsys.readouterr().err, target
        assert untouched(other, newer, backup, lock_file) == before
    finally:
        lock.release()


def test_export_onto_an_existing_file_needs_force(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.md"
    target.write_text("mijn eigen aantekeningen", "utf-8")
    code, _ = run("export", str(session_file), "-o", str(target))
    assert code == 1
    assert "bestaat al; gebruik --force" in capsys.readouterr().err
    assert target.read_text("utf-8") == "mijn eigen aantekeningen"
    code, out = run("export", str(session_file), "-o", str(target), "--force")
    assert code == 0 and str(target) in out
    assert "Zeist" in target.read_text("utf-8")


def test_export_to_a_new_file_is_whole_and_private(session_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "verslag.html"
    code, _ = run("export", str(session_file), "--format", "html", "-o", str(target))
    assert code == 0
    assert target.read_text("utf-8").lstrip().startswith("<!DOCTYPE html>")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_onto_a_folder_or_a_pipe_is_refused_without_hanging(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    targets = [folder]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pijp")
        targets.append(tmp_path / "pijp")
    for target in targets:
        done: list[int] = []

        def export(to: Path = target, into: list[int] = done) -> None:
            into.append(run("export", str(session_file), "-o", str(to), "--force")[0])

        thread = threading.Thread(target=export, daemon=True)
        thread.start()
        thread.join(20)
        assert done == [1], target
        assert "geen gewoon bestand" in capsys.readouterr().err
    assert os.listdir(folder) == []


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_dangling_link_is_replaced_as_a_link_never_followed(
    session_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "verslag.md"
    link.symlink_to(tmp_path / "elders" / "nieuw.md")
    assert run("export", str(session_file), "-o", str(link))[0] == 1  # it is there
    assert run("export", str(session_file), "-o", str(link), "--force")[0] == 0
    assert not link.is_symlink() and "Zeist" in link.read_text("utf-8")
    assert not (tmp_path / "elders").exists()


def test_a_terminal_gets_no_control_characters(tmp_path: Path) -> None:
    """#21 item 7: an escape sequence in a title cleared the screen, set the window
    title and put `rm -rf ~` on the clipboard."""
    path = make_session(tmp_path / "aanval.toml", ATTACK)
    for fmt in ("md", "html", "csv"):
        code, shown = run("export", str(path), "--format", fmt, out=Terminal())
        assert code == 0
        assert not any(ch in shown for ch in "\x1b\x07\r\x9b\u202e"), fmt
        if fmt != "html":  # (the HTML renderer leaves control characters out itself)
            assert "␛" in shown and "pwned␇" in shown, fmt  # shown, never acted on
    # into a pipe or a file the report is as captured: the text is the participants'
    code, piped = run("export", str(path), "--format", "md")
    assert code == 0 and "pwned\x07" in piped and "\x1b" in piped


def test_for_terminal_keeps_text_and_lines() -> None:
    assert for_terminal("Ëva, 👩‍👩‍👧\ttab\r\nregel\n") == "Ëva, 👩‍👩‍👧\ttab\nregel\n"
    assert for_terminal("a\x00b\x7fc\x85d") == "a\u2400b\u2421c\ufffdd"


# --------------------------------------------------------------------------- for the dialog


def test_what_the_export_dialog_asks(session_file: Path, tmp_path: Path) -> None:
    """The dialog never overwrites what :func:`protected` names, and asks about any
    other file that exists (:func:`export_refusal` without ``force``)."""
    assert protected(session_file) is not None
    assert protected(tmp_path / "nieuw.md") is None
    assert export_refusal(tmp_path / "nieuw.md") is None
    plain = tmp_path / "oud.md"
    plain.write_text("oud")
    assert protected(plain) is None
    assert export_refusal(plain) is not None  # ask first
    assert export_refusal(plain, force=True) is None  # the user said yes
    assert export_refusal(session_file, force=True) is not None  # never
    copy = tmp_path / "kopie.md"
    copy.write_bytes(session_file.read_bytes())
    assert protected(copy, source=session_file) is not None
    with pytest.raises(FileExistsError):
        write_export(plain, "nieuw")
    assert write_export(plain, "nieuw", force=True) == plain and plain.read_text() == "nieuw"
