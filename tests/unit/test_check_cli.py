"""``samen check``: every malformed file in tests/workshops_bad gives exactly its expected lines."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from samen_tui.i18n import set_language
from samen_tui.workshop.check import check_files, main
from samen_tui.workshop.loader import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "workshops_bad"
BAD_FILES = sorted(BAD.glob("*.toml"))
ALL_KINDS = ROOT / "tests" / "fixtures" / "all-kinds.toml"


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def run(paths: list[str]) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = check_files(paths, out, err)
    return code, out.getvalue().splitlines(), err.getvalue()


def expected_lines(toml: Path) -> list[str]:
    return toml.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_there_are_enough_malformed_files() -> None:
    assert len(BAD_FILES) >= 30
    for toml in BAD_FILES:
        assert toml.with_suffix(".expected").is_file(), toml.name


@pytest.mark.parametrize("toml", BAD_FILES, ids=lambda p: p.stem)
def test_malformed_file(toml: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    code, lines, err = run([toml.name])
    assert code == 1
    assert lines == expected_lines(toml)
    assert "Traceback" not in "\n".join(lines) + err


def test_valid_file_gets_one_summary_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ALL_KINDS.parent)
    code, lines, err = run(["all-kinds.toml"])
    assert (code, lines, err) == (
        0,
        ["all-kinds.toml: 6 agendapunten, 10 stappen, 150 minuten"],
        "",
    )


def test_summary_counts_and_singulars(tmp_path: Path) -> None:
    path = tmp_path / "een.toml"
    path.write_text(
        '[workshop]\nid = "een"\ntitle = "Een"\n\n[[items]]\nid = "a"\ntitle = "A"\n'
        'minutes = 1\nsteps = [{ kind = "actions", id = "acties", title = "Acties" }]\n',
        encoding="utf-8",
    )
    assert run([str(path)]) == (0, [f"{path}: 1 agendapunt, 1 stap, 1 minuut"], "")
    set_language("en")
    assert run([str(path)]) == (0, [f"{path}: 1 agenda item, 1 step, 1 minute"], "")


def test_shipped_workshop_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "workshops" / "samen-ouder-worden.toml"
    if not path.exists():
        pytest.skip("workshops/samen-ouder-worden.toml is not there yet")
    monkeypatch.chdir(ROOT)
    code, lines, _err = run(["workshops/samen-ouder-worden.toml"])
    assert code == 0
    assert len(lines) == 1
    assert lines[0].startswith("workshops/samen-ouder-worden.toml: 6 agendapunten, ")


def test_too_big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "groot.toml"
    good = ALL_KINDS.read_bytes()
    padding = b"# opvulling\n" * ((MAX_BYTES - len(good)) // 12 + 1)
    big.write_bytes(good + padding)
    size = big.stat().st_size
    assert size > MAX_BYTES
    monkeypatch.chdir(tmp_path)
    assert run(["groot.toml"]) == (
        1,
        [
            f"groot.toml:1:1: bestand is te groot ({size} bytes);"
            " een workshopbestand mag hoogstens 1 MiB zijn"
        ],
        "",
    )
    # Exactly 1 MiB is still fine.
    big.write_bytes((good + padding)[: MAX_BYTES - 1] + b"\n")
    assert run(["groot.toml"])[0] == 0


def test_missing_and_unreadable_files_are_problem_lines(tmp_path: Path) -> None:
    (tmp_path / "map.toml").mkdir()
    code, lines, err = run([str(tmp_path / "weg.toml"), str(tmp_path / "map.toml")])
    assert code == 1
    assert lines == [
        f"{tmp_path / 'weg.toml'}:1:1: bestand niet gevonden",
        f"{tmp_path / 'map.toml'}:1:1: dit is een map, geen bestand",
    ]
    assert err == "2 van de 2 bestanden hebben problemen\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "geheim.toml"
    path.write_bytes(ALL_KINDS.read_bytes())
    path.chmod(0)
    try:
        assert run([str(path)]) == (1, [f"{path}:1:1: geen toegang tot dit bestand"], "")
    finally:
        path.chmod(0o644)


def test_good_and_bad_files_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    bad = "tests/workshops_bad/25-duplicate-item-ids.toml"
    code, lines, err = run(["tests/fixtures/all-kinds.toml", bad])
    assert code == 1
    assert lines == [
        "tests/fixtures/all-kinds.toml: 6 agendapunten, 10 stappen, 150 minuten",
        f"{bad}:12:6: dubbele id 'welkom' (ook op regel 6)",
    ]
    assert err == "1 van de 2 bestanden heeft problemen\n"


def test_no_files_is_a_usage_error() -> None:
    assert run([]) == (2, [], "gebruik: samen check BESTAND.toml...\n")


def test_main_uses_argv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ALL_KINDS.parent)
    assert main(["all-kinds.toml"]) == 0
    assert capsys.readouterr().out == "all-kinds.toml: 6 agendapunten, 10 stappen, 150 minuten\n"


def test_english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("en")
    monkeypatch.chdir(BAD)
    code, lines, _err = run(["06-unknown-key-did-you-mean.toml", "11-int-given-as-text.toml"])
    assert code == 1
    assert lines == [
        "06-unknown-key-did-you-mean.toml:3:1: unknown key 'titel' (did you mean 'title'?)",
        "11-int-given-as-text.toml:8:11: expected a whole number, found: text",
    ]


def test_as_a_module_in_a_subprocess_without_traceback() -> None:
    names = [
        "06-unknown-key-did-you-mean.toml",
        "43-not-utf8.toml",
        "01-toml-unclosed-string.toml",
        "niet-aanwezig.toml",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "samen_tui.workshop.check", *names],
        cwd=BAD,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    expected = [line for name in names[:3] for line in expected_lines(BAD / name)]
    expected.append("niet-aanwezig.toml:1:1: bestand niet gevonden")
    assert result.stdout.splitlines() == expected
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == "4 van de 4 bestanden hebben problemen\n"

    ok = subprocess.run(
        [sys.executable, "-m", "samen_tui.workshop.check", str(ALL_KINDS)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout == f"{ALL_KINDS}: 6 agendapunten, 10 stappen, 150 minuten\n"
