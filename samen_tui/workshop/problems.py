"""What can be wrong with a workshop file: :class:`Problem` and :class:`WorkshopError`.

Apart from the loader, so that a caller that only catches the error (the app, when
it starts a session) need not import the loader: a workshop built before comes from
:mod:`samen_tui.workshop.built` without it.

This module never imports textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from samen_tui import safefile
from samen_tui.i18n import t

MAX_BYTES = 1024 * 1024
"""A workshop file is small; anything bigger than this is refused unread."""

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
"""What an id looks like: lowercase letters, digits, '-' and '_', not starting with '-' or '_'."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workshop file, and where."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class WorkshopError(ValueError):
    """A workshop file that cannot be used; ``problems`` says why, all of it.

    A ValueError (bad input), so that every caller that catches those for what a
    user gave it catches this too."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def file_problem(path: str, exc: OSError) -> Problem:
    """A file that could not be read, as a problem at 1:1."""
    if isinstance(exc, safefile.Refused):
        if exc.kind == safefile.TOO_BIG:
            message = t("workshop.too_big", size=exc.size)
        elif exc.kind == safefile.DIRECTORY:
            message = t("workshop.is_directory")
        else:
            message = t("workshop.not_regular")
    elif isinstance(exc, FileNotFoundError):
        message = t("workshop.file_not_found")
    elif isinstance(exc, IsADirectoryError):
        message = t("workshop.is_directory")
    elif isinstance(exc, PermissionError):
        message = t("workshop.no_permission")
    else:
        message = t("workshop.unreadable", reason=exc.strerror or exc)
    return Problem(path, 1, 1, message)


def read_bytes(path: Path | str) -> bytes:
    """The bytes of a workshop file: a regular file (or a link to one) of at most
    :data:`MAX_BYTES`, its size checked before a byte is read, never an open that
    hangs (a pipe) or a read that does not end (``/dev/zero``). Raises OSError
    (:class:`samen_tui.safefile.Refused` for what is no workshop file)."""
    data, _info = safefile.read_regular(path, MAX_BYTES)
    return data


def read_file(path: Path | str) -> bytes:
    """The bytes of a workshop file (see :func:`read_bytes`); :class:`WorkshopError`
    if it cannot be read."""
    try:
        return read_bytes(path)
    except OSError as exc:
        raise WorkshopError([file_problem(str(path), exc)]) from None
