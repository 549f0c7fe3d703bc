"""One way to name a session on the command line (``resume``, ``export``, ``review``).

A session is named by

* a path (with a folder in it, or absolute): that file;
* a file name or a bare name (``2026-11-28-zeist.toml``, ``2026-11-28-zeist``): that
  file in the sessions folder; a file of that name in the current folder only when
  the sessions folder has none (and when both have one, and they differ, the name is
  ambiguous);
* an unambiguous beginning of a name in the sessions folder (``2026-11-28-z``);
* a name without its date (``zeist``, ``zei``): the one session whose name after the
  date begins so (several, on different days: the name is ambiguous).

:func:`resolve_session` gives the absolute path, so that the session is always saved
where it was read; a name that fits nothing, or more than one session, raises
:class:`SessionNameError` with a Dutch (or English) message listing the candidates.

This module never imports textual.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from samen_tui.i18n import t
from samen_tui.session.naming import SUFFIX, is_session_name
from samen_tui.session.targets import same_file

MAX_LISTED = 8
"""How many candidates a message lists at most."""


class SessionNameError(LookupError):
    """A session name that fits no session, or more than one."""

    def __init__(self, message: str, candidates: list[Path]) -> None:
        super().__init__(message)
        self.message = message
        self.candidates = candidates

    def __str__(self) -> str:
        return self.message


def _names(directory: Path) -> list[str]:
    try:
        entries = os.listdir(directory)
    except OSError:
        return []
    return sorted(
        (name for name in entries if is_session_name(name)), key=lambda n: n[: -len(SUFFIX)]
    )


DATED = re.compile(r"\d{4}-\d{2}-\d{2}-")


def _undated(name: str) -> str:
    """A session's file name without the date it begins with (``2026-11-28-``)."""
    return name[len(found[0]) :] if (found := DATED.match(name)) else name


def _listing(paths: list[Path]) -> str:
    shown = [f"  {path}" for path in paths[:MAX_LISTED]]
    if len(paths) > MAX_LISTED:
        shown.append("  " + t("resolve.more", n=len(paths) - MAX_LISTED))
    return "\n".join(shown)


def resolve_session(reference: str | Path, directory: Path, cwd: Path | None = None) -> Path:
    """The absolute path of the session ``reference`` names (see the module)."""
    text = str(reference)
    cwd = Path.cwd() if cwd is None else cwd
    directory = directory if directory.is_absolute() else cwd / directory
    if not text.strip():
        raise SessionNameError(t("resolve.empty"), [])
    given = Path(text).expanduser()
    if given.is_absolute() or len(given.parts) > 1 or text.endswith(os.sep):
        path = given if given.is_absolute() else cwd / given
        if path.is_file():
            return Path(os.path.abspath(path))
        if path.exists():  # a stat, never an open: a pipe named here does not block
            raise SessionNameError(t("resolve.not_regular", path=text), [])
        raise SessionNameError(t("resolve.no_file", path=text), [])
    name = given.name
    wanted = name if name.endswith(SUFFIX) else name + SUFFIX
    in_folder = directory / wanted
    here = [cwd / candidate for candidate in dict.fromkeys((name, wanted))]
    here_file = next((path for path in here if path.is_file()), None)
    if in_folder.is_file():
        if here_file is not None and not same_file(here_file, in_folder):
            both = [Path(os.path.abspath(in_folder)), Path(os.path.abspath(here_file))]
            raise SessionNameError(t("resolve.ambiguous", name=text) + "\n" + _listing(both), both)
        return Path(os.path.abspath(in_folder))
    if here_file is not None:
        return Path(os.path.abspath(here_file))
    names = _names(directory)
    stem = wanted[: -len(SUFFIX)].casefold()
    matches = [n for n in names if n.casefold().startswith(stem)]
    if len(matches) == 1:
        return Path(os.path.abspath(directory / matches[0]))
    if not matches:
        matches = [n for n in names if _undated(n).casefold().startswith(stem)]
        if len(matches) == 1:
            return Path(os.path.abspath(directory / matches[0]))
    if matches:
        found = [Path(os.path.abspath(directory / n)) for n in matches]
        raise SessionNameError(t("resolve.ambiguous", name=text) + "\n" + _listing(found), found)
    near = [n for n in names if stem in n.casefold()] or names[::-1]
    found = [Path(os.path.abspath(directory / n)) for n in near]
    message = t("resolve.missing", name=text, dir=str(directory))
    if found:
        message += "\n" + t("resolve.candidates") + "\n" + _listing(found)
    raise SessionNameError(message, found)
