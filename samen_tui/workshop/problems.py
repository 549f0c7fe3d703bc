"""What can be wrong with a workshop file: :class:`Problem` and :class:`WorkshopError`.

Apart from the loader, so that a caller that only catches the error (the app, when
it starts a session) need not import the loader: a workshop built before comes from
:mod:`samen_tui.workshop.built` without it.

This module never imports textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from samen_tui.i18n import t


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workshop file, and where."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class WorkshopError(Exception):
    """A workshop file that cannot be used; ``problems`` says why, all of it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def file_problem(path: str, exc: OSError) -> Problem:
    """A file that could not be read, as a problem at 1:1."""
    if isinstance(exc, FileNotFoundError):
        message = t("workshop.file_not_found")
    elif isinstance(exc, IsADirectoryError):
        message = t("workshop.is_directory")
    elif isinstance(exc, PermissionError):
        message = t("workshop.no_permission")
    else:
        message = t("workshop.unreadable", reason=exc.strerror or exc)
    return Problem(path, 1, 1, message)


def read_file(path: Path | str) -> bytes:
    """The bytes of a workshop file; :class:`WorkshopError` if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise WorkshopError([file_problem(str(path), exc)]) from None
