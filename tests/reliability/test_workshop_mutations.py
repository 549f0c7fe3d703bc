"""Damaged workshop files: `samen check` and `samen run FILE` never crash on them.

The default workshop (``workshops/samen-ouder-worden.toml``) is mutated: bits
flipped, bytes deleted, lines duplicated, deleted or swapped, values swapped between
two ``key = value`` lines, random unicode inserted (anywhere, or inside a quoted
string so the file often stays valid), the file cut short. Then:

* ``check_files`` in-process (hypothesis drives the mutations): exit code 0 or 1,
  never an exception or a traceback; with 1, every problem line reads
  ``path:line:col: message``; with 0, the one summary line;
* ``python -m samen_tui check FILE...`` and ``python -m samen_tui.workshop.check``
  as subprocesses on batches of mutated files: exit code 0 or 1, no traceback, every
  file named in the output;
* the app (Pilot) started as ``samen run MUTATED-FILE``: either it exits with code 1
  and a message, or the workshop is valid and every step can be walked (pagedown to
  the end, F1 on the first ones), and quitting saves; never a crash.
"""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen_tui.session.store import load_session
from samen_tui.workshop.check import check_files
from tests.reliability.helpers import FULL, count, report
from tests.reliability.pty_app import ROOT
from tests.tui.conftest import make_app

pytestmark = pytest.mark.slow  # a real pty: still run by .ci/run

ORIGINAL = (ROOT / "workshops" / "samen-ouder-worden.toml").read_bytes()
CHECK_EXAMPLES = count(300, 5000, "SAMEN_MUTATION_EXAMPLES")
SUBPROCESS_FILES = count(12, 60)
APP_VALID = count(1, 10, "SAMEN_MUTATION_APP_VALID")
APP_BROKEN = count(4, 100, "SAMEN_MUTATION_APP_BROKEN")

_ASSIGN = re.compile(rb"^(\s*[A-Za-z0-9_.\"-]+\s*=\s*)(.+)$")
_STRING = re.compile(rb'"[^"\\\n]*"')
ALPHABETS = [
    "ëïéèüöçñß",
    "مرحبا שלום",
    "👩\u200d👩\u200d👧 🇳🇱 👍🏽",
    "e\u0301a\u0308\u0351",
    "[b]x[/b] {x} \\ $ % \" '",
    "\t\r\x00\x07\x1b\x7f\u2028\u2029\ufeff\u200b",
]


def random_text(rng: random.Random) -> str:
    """A few characters: from any plane (no surrogates), or from an awkward set."""
    if rng.random() < 0.5:
        alphabet = rng.choice(ALPHABETS)
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
    out = []
    for _ in range(rng.randint(1, 12)):
        code = rng.choice((rng.randint(0, 0x7F), rng.randint(0, 0xFFFF), rng.randint(0, 0x10FFFF)))
        if 0xD800 <= code <= 0xDFFF:
            code = 0xFFFD
        out.append(chr(code))
    return "".join(out)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to four random mutations; returns the bytes and what was done."""
    buf = bytearray(data)
    done: list[str] = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(
            [
                "flip",
                "delete",
                "dup_line",
                "delete_line",
                "swap_lines",
                "swap_values",
                "insert",
                "insert_in_string",
                "insert_in_string",
                "truncate",
            ]
        )
        lines = bytes(buf).split(b"\n")
        if op == "flip" and buf:
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == "delete" and buf:
            i = rng.randrange(len(buf))
            del buf[i : i + rng.randint(1, 80)]
        elif op == "dup_line":
            k = rng.randrange(len(lines))
            lines.insert(k, lines[k])
            buf = bytearray(b"\n".join(lines))
        elif op == "delete_line":
            del lines[rng.randrange(len(lines))]
            buf = bytearray(b"\n".join(lines))
        elif op == "swap_lines" and len(lines) > 1:
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            buf = bytearray(b"\n".join(lines))
        elif op == "swap_values":
            assigns = [i for i, line in enumerate(lines) if _ASSIGN.match(line)]
            if len(assigns) > 1:
                a, b = rng.sample(assigns, 2)
                ma, mb = _ASSIGN.match(lines[a]), _ASSIGN.match(lines[b])
                assert ma and mb
                lines[a], lines[b] = ma[1] + mb[2], mb[1] + ma[2]
                buf = bytearray(b"\n".join(lines))
        elif op == "insert":
            i = rng.randrange(len(buf) + 1)
            buf[i:i] = random_text(rng).encode("utf-8")
        elif op == "insert_in_string":
            strings = list(_STRING.finditer(bytes(buf)))
            if strings:
                m = rng.choice(strings)
                i = rng.randint(m.start() + 1, m.end() - 1)
                buf[i:i] = random_text(rng).encode("utf-8")
        elif op == "truncate" and buf:
            del buf[rng.randrange(len(buf)) :]
        done.append(op)
    return bytes(buf), done


def check_in_process(path: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = check_files([path], out, err)
    except BaseException as exc:
        pytest.fail(f"check_files raised {type(exc).__name__}: {exc}")
    return code, out.getvalue(), err.getvalue()


def assert_check_output(path: str, code: int, out: str, err: str) -> None:
    assert code in (0, 1), code
    assert "Traceback" not in out + err
    if code == 1:
        pattern = re.compile(rf"^{re.escape(path)}:\d+:\d+: \S", re.MULTILINE)
        assert pattern.search(out), out
    else:
        assert out.startswith(f"{path}: ") and re.search(r"\d+ stap", out), out


@pytest.fixture(scope="module")
def mutation_counts() -> Iterator[Counter[str]]:
    """What the hypothesis test checked, counted across its examples and reported once
    it is done."""
    counts: Counter[str] = Counter()
    yield counts
    ops = ", ".join(
        f"{k} {v}" for k, v in sorted(counts.items()) if not k.startswith(("exit", "ex"))
    )
    report(
        "workshop_mutations",
        f"check_files on {counts['examples']} mutated workshops: {counts['exit 0']} valid "
        f"(exit 0), {counts['exit 1']} with problems (exit 1), no traceback; mutations: {ops}",
    )


@settings(
    max_examples=CHECK_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False))
def test_check_never_crashes_on_a_mutated_workshop(
    mutation_counts: Counter[str], rnd: random.Random
) -> None:
    data, ops = mutate(ORIGINAL, rnd)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "gemuteerd.toml")
        with open(path, "wb") as f:
            f.write(data)
        code, out, err = check_in_process(path)
        assert_check_output(path, code, out, err)
    mutation_counts["examples"] += 1
    mutation_counts[f"exit {code}"] += 1
    for op in ops:
        mutation_counts[op] += 1


def mutated_files(folder: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for i in range(n):
        data, _ops = mutate(ORIGINAL, rng)
        path = folder / f"gemuteerd-{seed}-{i}.toml"
        path.write_bytes(data)
        files.append(path)
    return files


@pytest.mark.parametrize(
    "command",
    [["-m", "samen_tui", "check"], ["-m", "samen_tui.workshop.check"]],
    ids=["samen-check", "module"],
)
def test_check_as_a_subprocess(tmp_path: Path, command: list[str]) -> None:
    files = mutated_files(tmp_path, SUBPROCESS_FILES, seed=len(command))
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, *command, *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode in (0, 1), (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-3000:]
    for path in files:
        assert f"{path}:" in done.stdout, f"{path} is not named in the output"
    # one by one: the exit code of each file agrees with the in-process check
    singles = 0
    for path in files[:3]:
        one = subprocess.run(
            [sys.executable, *command, str(path)],
            capture_output=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
        expected, _out, _err = check_in_process(str(path))
        assert one.returncode == expected
        assert b"Traceback" not in one.stdout + one.stderr
        singles += 1
    report(
        "workshop_mutations",
        f"{' '.join(command[1:])}: {len(files)} mutated files in one "
        f"run + {singles} one by one: exit {done.returncode}, no traceback",
    )


def app_cases(valid: bool, n: int) -> list[int]:
    """The first ``n`` seeds (from 1000 on) whose mutated workshop is valid, or not."""
    seeds: list[int] = []
    seed = 1000
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "gemuteerd.toml")
        while len(seeds) < n:
            data, _ops = mutate(ORIGINAL, random.Random(seed))
            with open(path, "wb") as f:
                f.write(data)
            if (check_in_process(path)[0] == 0) == valid:
                seeds.append(seed)
            seed += 1
    return seeds


def write_case(tmp_path: Path, seed: int) -> tuple[Path, Path, list[str]]:
    data, ops = mutate(ORIGINAL, random.Random(seed))
    folder = tmp_path / str(seed)
    folder.mkdir()
    path = folder / "gemuteerd.toml"
    path.write_bytes(data)
    return path, folder / "sessions", ops


async def test_app_walks_every_step_of_a_valid_mutated_workshop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mutations that keep the file valid (unicode in texts, swapped minutes...)."""
    seeds = app_cases(True, APP_VALID)
    steps_walked = 0
    for seed in seeds:
        path, sessions, ops = write_case(tmp_path, seed)
        app = make_app(sessions, workshop=str(path), title=f"Mutatie {seed}")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen: Any = app.screen
            assert app.return_code is None and type(screen).__name__ == "WalkScreen", (seed, ops)
            total = len(screen._steps)
            visited = {screen.session.current}
            for number in range(total):
                if number < 3 or FULL:  # the help of the first steps (all in full mode)
                    await pilot.press("f1")
                    await pilot.pause()
                    await pilot.press("escape")
                await pilot.press("pagedown")
                await pilot.pause()
                visited.add(screen.session.current)
            assert len(visited) == total, (seed, ops)
            steps_walked += total
            saved_path = screen.path
            await pilot.press("ctrl+q")
            await pilot.pause()
        said = capsys.readouterr()
        assert "Traceback" not in said.out + said.err, (seed, ops, said.err[-2000:])
        assert app.return_code in (0, None), (seed, app.return_code)
        assert load_session(saved_path).title == f"Mutatie {seed}"
    report(
        "workshop_mutations",
        f"app `run MUTATED-FILE` on {len(seeds)} valid mutations: "
        f"{steps_walked} steps walked (with F1), saved, never a crash",
    )


async def test_app_refuses_a_broken_mutated_workshop_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = app_cases(False, APP_BROKEN)
    for seed in seeds:
        path, sessions, ops = write_case(tmp_path, seed)
        app = make_app(sessions, workshop=str(path), title=f"Mutatie {seed}")
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
        except Exception as exc:  # the crash this test is about
            pytest.fail(f"seed {seed} ({ops}): the app crashed: {type(exc).__name__}: {exc}")
        said = capsys.readouterr()
        assert "Traceback" not in said.out + said.err, (seed, ops, said.err[-2000:])
        assert app.return_code == 1, (seed, ops)
        assert f"{path}:" in "".join(said.err.split()) or str(path) in said.err, said.err
        assert not list(sessions.glob("*.toml")) if sessions.exists() else True
    report(
        "workshop_mutations",
        f"app `run MUTATED-FILE` on {len(seeds)} broken mutations: "
        "exit 1 with the file:line:col message, never a crash",
    )


async def test_resume_when_the_workshop_file_broke_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.reliability.helpers import new_session_file

    sessions = tmp_path / "sessions"
    sessions.mkdir()
    session = new_session_file(sessions)
    workshops = tmp_path / "workshops"
    workshops.mkdir()
    broken = workshops / "samen-ouder-worden.toml"
    broken.write_bytes(ORIGINAL.replace(b"minutes = ", b"minutes = [", 1))
    app = make_app(sessions, mode="resume", session=session, workshops_dir=workshops)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
    except Exception as exc:
        pytest.fail(f"the app crashed: {type(exc).__name__}: {exc}")
    said = capsys.readouterr()
    assert "Traceback" not in said.err
    assert app.return_code == 1 and "samen-ouder-worden" in said.err
