"""Reliability tests: kills, two copies, failing disks, damaged files, strange input, resizes.

Quick by default (CI); ``SAMEN_RELIABILITY_FULL=1`` runs the big counts. Every test
adds its counts with :func:`tests.reliability.helpers.report`; they are printed at
the end of the run in a "reliability counts" section (see docs/reliability.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import COUNTS, FULL


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not COUNTS:
        return
    mode = "full" if FULL else "quick (CI)"
    terminalreporter.section(f"reliability counts, {mode} mode")
    for test, lines in COUNTS.items():
        for line in lines:
            terminalreporter.write_line(f"{test}: {line}")


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "sessions"
    folder.mkdir()
    yield folder
