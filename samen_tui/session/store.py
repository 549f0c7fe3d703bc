"""Session files on disk, one TOML file per session (see DESIGN.md, "Saving: nothing
is ever lost"): :class:`SessionStore` is one sessions folder (new file names,
listing, loading and saving), and this module is where the rest of the app finds
what it needs of session files. The work is done in one room each:

* :mod:`~samen_tui.session.errors`: what can go wrong, in Dutch;
* :mod:`~samen_tui.session.reading`: the text of a session both ways, careful reading;
* :mod:`~samen_tui.session.saving`: atomic saving, the backup, left-over temporary files;
* :mod:`~samen_tui.session.naming`: safe file names, which names are sessions;
* :mod:`~samen_tui.session.summary`: what a listing knows of a file;
* :mod:`~samen_tui.session.listing`: listing a folder, the quick look at a file;
* :mod:`~samen_tui.session.index`: the summary cache that lists 10,000 files quickly.

This module never imports textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from samen_tui.session.errors import SaveError, SessionReadError, describe_os_error, format_size
from samen_tui.session.listing import list_sessions, summarize
from samen_tui.session.model import Session
from samen_tui.session.naming import (
    BACKUP_SUFFIX,
    SUFFIX,
    TEMP_SUFFIX,
    is_session_name,
    session_filename,
    slugify,
    unique_path,
)
from samen_tui.session.reading import (
    MAX_SIZE,
    dumps_data,
    dumps_session,
    load_session,
    loads_session,
    read_session,
)
from samen_tui.session.saving import refusal, save_data, save_session
from samen_tui.session.summary import Listing, SessionSummary, Unreadable

if TYPE_CHECKING:
    from samen_tui.session.index import SessionIndex


class SessionStore:
    """One sessions folder."""

    def __init__(self, directory: Path | str, index: SessionIndex | None = None) -> None:
        self._directory = Path(directory)
        self.index = index

    @property
    def directory(self) -> Path:
        return self._directory

    def path_of(self, path: Path | str) -> Path:
        """A path as given, or a bare name taken inside this folder."""
        path = Path(path)
        return path if path.is_absolute() or path.parent != Path() else self._directory / path

    def new_path(self, session: Session) -> Path:
        """Where a new session goes; creates the folder. Raises :class:`SaveError`."""
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(self._directory, describe_os_error(exc), code=exc.errno) from None
        return unique_path(self._directory, session)

    def list(self) -> Listing:
        """Summaries of every session file (unreadable ones with their reason)."""
        if self.index is not None:
            return self.index.summaries(self._directory)
        return list_sessions(self._directory)

    def load(self, path: Path | str) -> Session:
        return load_session(self.path_of(path))

    def save(self, session: Session, path: Path | str) -> None:
        save_session(session, self.path_of(path))


__all__ = [
    "BACKUP_SUFFIX",
    "MAX_SIZE",
    "SUFFIX",
    "TEMP_SUFFIX",
    "Listing",
    "SaveError",
    "SessionReadError",
    "SessionStore",
    "SessionSummary",
    "Unreadable",
    "describe_os_error",
    "dumps_data",
    "dumps_session",
    "format_size",
    "is_session_name",
    "list_sessions",
    "load_session",
    "loads_session",
    "read_session",
    "refusal",
    "save_data",
    "save_session",
    "session_filename",
    "slugify",
    "summarize",
    "unique_path",
]
