"""``samen check FILE...``: validate workshop files the way an editor or CI wants it.

Every problem goes to ``out`` as ``path:line:col: message`` (path as typed), one a
line, all of them; a valid file gets one summary line. The exit code is 1 when any
file has a problem, 0 otherwise, 2 without files. Never a traceback: a missing or
unreadable file is a problem line like any other.

Runs on its own too: ``python -m samen_tui.workshop.check FILE...``.
This module never imports textual.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from samen_tui.i18n import t
from samen_tui.workshop.loader import WorkshopError, file_problem, parse_workshop
from samen_tui.workshop.model import Workshop
from samen_tui.workshop.problems import read_bytes


def _count(key: str, count: int) -> str:
    return t(f"{key}.one") if count == 1 else t(f"{key}.many", count=count)


def summary(workshop: Workshop) -> str:
    """``6 agendapunten, 18 stappen, 150 minuten``."""
    return t(
        "workshop.summary",
        items=_count("workshop.items", len(workshop.items)),
        steps=_count("workshop.steps", len(workshop.steps())),
        minutes=_count("workshop.minutes", workshop.total_minutes),
    )


def check_file(path: str) -> tuple[Workshop | None, list[str]]:
    """The workshop in ``path`` (None if it has problems) and its problem lines."""
    try:
        data = read_bytes(path)  # a regular file, its size checked first; never hangs
    except OSError as exc:
        return None, [str(file_problem(path, exc))]
    try:
        return parse_workshop(data, path), []
    except WorkshopError as exc:
        return None, [str(problem) for problem in exc.problems]


def check_files(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Check each file; print problems (or a summary line) to ``out``; return the exit code."""
    if not paths:
        print(t("workshop.check_usage"), file=err)
        return 2
    failed = 0
    for path in paths:
        workshop, problems = check_file(path)
        if workshop is None:
            failed += 1
            for line in problems:
                print(line, file=out)
        else:
            print(f"{path}: {summary(workshop)}", file=out)
    if failed and len(paths) > 1:
        key = "workshop.check_failed.one" if failed == 1 else "workshop.check_failed.many"
        print(t(key, count=failed, total=len(paths)), file=err)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return check_files(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
