"""The benchmark runs end to end (``bench/run.py --smoke``: tiny counts) and prints every
row of its table. No speed is checked here: figures come from the full bench."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the bench: still run by .ci/run

ROOT = Path(__file__).resolve().parents[2]
ROWS = (
    "| 1. start → painted agenda",
    "| 2. keypress → repaint, walk of every step, p95",
    "| 2. keypress → repaint, median",
    "| 3. autosave never on the keypress path",
    "| 3. autosave: `save_session`",
    "| 3. autosave: `Session.to_dict()`",
    "| 4. review painted, 20 sessions, warm cache",
    "| 4. review painted, 20 sessions, cold cache",
    "| 5. peak memory (RSS), review of 20 sessions",
    "| 6. growth of review painted",
    "| 6. growth of peak memory",
    "| 4-6. review with 10,000 sessions",
    "| 7. sort step opened",
    "| 8. the room: key that makes a card",
    "| 8. the trainer's keypress → repaint (typing on a pty), p95 with the room",
    "| 8. the room idle",
    "| 9. 4 phones x 3 contributions during the walk",
)


def bench_table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.find("<!-- bench-table -->") : text.find("<!-- /bench-table -->")]


PARTS = {
    "app": ("start", "keys", "autosave", "review", "sort"),
    "room-and-phones": ("room", "join"),
}
"""The smoke run in two halves that run side by side (pytest -n 6): every section of
the bench in one of them."""


@pytest.mark.parametrize("part", list(PARTS))
def test_bench_smoke_prints_the_table(part: str) -> None:
    sections = PARTS[part]
    table = bench_table()
    argv = [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"]
    for section in sections:
        argv += ["--only", section]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert out.startswith("Measured "), out[:500]
    assert "| figure | tuning on | tuning off (`SAMEN_SAFE=1`) | target | result |" in out
    mine = [row for row in ROWS if SECTION_OF[row[2]] in sections]
    assert mine
    for row in mine:
        assert row in out, f"missing row {row!r} in:\n{out}"
    assert "error:" not in out, out
    if "join" in sections:
        assert re.search(
            r"^join: lost \d+ of 12 contributions from 4 devices; server p95 \d+ ms;"
            r" keypress p95 \d+ ms$",
            out,
            re.MULTILINE,
        ), out
    assert bench_table() == table  # only --write-readme writes it


SECTION_OF = {
    "1": "start",
    "2": "keys",
    "3": "autosave",
    "4": "review",
    "5": "review",
    "6": "review",
    "7": "sort",
    "8": "room",
    "9": "join",
}
"""The section of a row, by the number it begins with (``4-6`` is the review's)."""


def test_every_section_is_in_one_half() -> None:
    from bench.run import SECTIONS  # type: ignore[import-not-found]

    halves = [section for part in PARTS.values() for section in part]
    assert sorted(halves) == sorted(SECTIONS)
