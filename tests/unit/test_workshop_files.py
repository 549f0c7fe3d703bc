"""#21 items 3 and 10: workshop files are regular files up to the size limit, checked
before reading; nesting too deep is a `file:line:col` problem; a session names its
workshop by id only (a path in it is never opened)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samen_tui.workshop import catalog
from samen_tui.workshop.catalog import find_workshops, resolve_workshop, session_workshop
from samen_tui.workshop.check import check_files
from samen_tui.workshop.loader import MAX_DEPTH, WorkshopError, parse_workshop
from samen_tui.workshop.problems import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
ALL_KINDS = ROOT / "tests" / "fixtures" / "all-kinds.toml"
TIMEOUT = 60
HAS_FIFO = hasattr(os, "mkfifo")


def run(paths: list[str]) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = check_files(paths, out, err)
    return code, out.getvalue().splitlines()


def check_in_a_subprocess(*paths: str) -> subprocess.CompletedProcess[str]:
    """``samen check`` as a user runs it, stopped if it hangs (a FIFO) or eats memory."""
    return subprocess.run(
        [sys.executable, "-m", "samen_tui", "check", *paths],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_check_dev_zero_is_a_problem_line_not_a_memory_error() -> None:
    result = check_in_a_subprocess("/dev/zero")
    assert result.returncode == 1
    assert result.stdout == (
        "/dev/zero:1:1: dit is geen gewoon bestand (maar een pijp, apparaat of socket);"
        " het wordt niet gelezen\n"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not HAS_FIFO, reason="no FIFOs here")
def test_check_of_a_fifo_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    result = check_in_a_subprocess(str(pipe))  # TimeoutExpired if it hangs
    assert result.returncode == 1
    assert result.stdout.startswith(f"{pipe}:1:1: dit is geen gewoon bestand")


def test_a_sparse_3_gb_file_is_refused_unread(tmp_path: Path) -> None:
    big = sparse(tmp_path / "groot.toml", 3 * 1024**3)
    assert run([str(big)]) == (
        1,
        [
            f"{big}:1:1: bestand is te groot ({3 * 1024**3} bytes);"
            " een workshopbestand mag hoogstens 1 MiB zijn"
        ],
    )


def test_a_sparse_3_gb_file_in_the_workshops_folder_is_listed_with_its_reason(
    tmp_path: Path,
) -> None:
    """ "Nieuwe sessie" lists the workshops: a huge file there is one entry with its
    error, and the good ones are still there."""
    folder = tmp_path / "workshops"
    folder.mkdir()
    (folder / "goed.toml").write_bytes(ALL_KINDS.read_bytes())
    sparse(folder / "groot.toml", 3 * 1024**3)
    if HAS_FIFO:
        os.mkfifo(folder / "pijp.toml")
    entries = {entry.path.name: entry for entry in find_workshops([("x", folder)])}
    assert entries["goed.toml"].ok
    assert entries["groot.toml"].error is not None
    assert "te groot" in entries["groot.toml"].error
    assert "pijp.toml" not in entries  # not a file: not a workshop


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_deep_nesting_is_a_problem_at_its_place(tmp_path: Path, opening: str) -> None:
    """Nesting that tomllib cannot parse (RecursionError) and nesting it can but the
    checks after it would walk: both a problem at the bracket that goes too deep."""
    closing = "]" if opening == "[" else "}"
    for depth in (MAX_DEPTH + 1, 5000):
        path = tmp_path / f"diep-{depth}.toml"
        value = opening * depth + "1" + closing * depth
        path.write_text(f'[workshop]\nid = "x"\ntitle = "x"\nwaarde = {value}\n')
        code, lines = run([str(path)])
        assert code == 1
        column = len("waarde = ") + len(opening) * MAX_DEPTH + 1
        assert lines == [
            f"{path}:4:{column}: tabellen en lijsten zijn hier te diep genest"
            f" (hoogstens {MAX_DEPTH} niveaus); klopt het aantal haken?"
        ], depth


def test_deep_nesting_in_run_and_the_start_screen_is_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "workshops"
    folder.mkdir()
    deep = folder / "diep.toml"
    deep.write_text('[workshop]\nid = "diep"\ntitle = "x"\nw = ' + "[" * 5000 + "]" * 5000)
    (entry,) = find_workshops([("x", folder)], validate=True)
    assert entry.error is not None and "te diep genest" in entry.error
    with pytest.raises(WorkshopError, match="te diep genest"):
        resolve_workshop(str(deep), [])
    with pytest.raises(WorkshopError, match="te diep genest"):
        resolve_workshop("diep", [("x", folder)])


def test_nesting_up_to_the_limit_is_not_refused_for_depth() -> None:
    parse_workshop(ALL_KINDS.read_text(), "ok.toml")  # the format is well within the limit
    value = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    with pytest.raises(WorkshopError) as caught:
        parse_workshop(f'w = {value}\n[workshop]\nid = "x"\ntitle = "x"\n', "x.toml")
    assert "te diep" not in str(caught.value)
    # one level more, in a table: found at its deepest bracket
    with pytest.raises(WorkshopError) as caught:
        parse_workshop(f'[workshop]\nid = "x"\ntitle = "x"\nw = {value}\n', "x.toml")
    assert str(caught.value).startswith(f"x.toml:4:{len('w = ') + MAX_DEPTH}: ")
    assert "te diep" in str(caught.value)


def test_a_workshop_error_is_a_value_error() -> None:
    """Callers that catch ValueError for bad input (the review did) catch it too."""
    assert issubclass(WorkshopError, ValueError)


@pytest.mark.parametrize(
    ("named", "words"),
    [
        ("", "de sessie noemt geen workshop"),
        ("   ", "de sessie noemt geen workshop"),
        ("/dev/zero", "geen geldige workshop-id"),
        ("../workshops/samen-ouder-worden.toml", "geen geldige workshop-id"),
        ("Samen", "geen geldige workshop-id"),
    ],
)
def test_a_session_names_its_workshop_by_id_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str, words: str
) -> None:
    opened: list[str] = []
    real = catalog.read_bytes
    monkeypatch.setattr(catalog, "read_bytes", lambda p: opened.append(str(p)) or real(p))
    with pytest.raises(LookupError, match=words):
        session_workshop(named, [("x", tmp_path)])
    assert opened == []


@pytest.mark.skipif(not HAS_FIFO, reason="no FIFOs here")
def test_a_session_naming_a_fifo_opens_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LookupError):
        session_workshop("pijp", [("x", tmp_path / "geen")])


def test_a_session_finds_its_workshop_by_id(tmp_path: Path) -> None:
    folder = tmp_path / "workshops"
    folder.mkdir()
    (folder / "iets.toml").write_bytes(ALL_KINDS.read_bytes())
    ident = resolve_workshop(str(folder / "iets.toml"), []).id
    assert session_workshop(ident, [("x", folder)]).id == ident


def test_an_empty_workshop_on_the_command_line_is_a_message() -> None:
    with pytest.raises(LookupError, match="geen workshop opgegeven"):
        resolve_workshop("", [])


def test_the_size_limit_is_the_loaders(tmp_path: Path) -> None:
    """The limit checked before reading is the one the loader states."""
    path = tmp_path / "precies.toml"
    path.write_bytes(b"#" * (MAX_BYTES - 1) + b"\n")
    _code, lines = run([str(path)])
    assert "te groot" not in "\n".join(lines)
    path.write_bytes(b"#" * MAX_BYTES + b"\n")
    assert "te groot" in run([str(path)])[1][0]
