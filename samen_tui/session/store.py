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

from samen_tui.i18n import t
from samen_tui.safefile import make_private_folder
from samen_tui.session.errors import SaveError, SessionReadError, describe_os_error, format_size
from samen_tui.session.listing import list_sessions, summarize
from samen_tui.session.lock import OddLockFile, SessionLock
from samen_tui.session.model import Session
from samen_tui.session.naming import (
    BACKUP_SUFFIX,
    SUFFIX,
    TEMP_SUFFIX,
    candidates,
    is_session_name,
    session_filename,
    slugify,
    taken,
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

    def make_folder(self) -> None:
        """Make the sessions folder, private (``0700``, and the folders above it that
        are made with it). Raises :class:`SaveError`."""
        try:
            make_private_folder(self._directory)
        except OSError as exc:
            raise SaveError(self._directory, describe_os_error(exc), code=exc.errno) from None

    def new_path(self, session: Session) -> Path:
        """Where a new session would go (a look only: see :meth:`create`); creates the
        folder. Raises :class:`SaveError`."""
        self.make_folder()
        return unique_path(self._directory, session)

    MAX_NAMES = 10_000
    """How many names :meth:`create` tries before it gives up."""

    def create(self, session: Session) -> tuple[Path, SessionLock]:
        """Save a new session under a free name, and hold its lock: the path and the
        lock (the caller releases it when the session closes).

        One name at a time (``<date>-<title>.toml``, then ``-2``, ``-3``...): its lock is
        taken first; with the lock held, a name with nothing at it (no file, no backup)
        gets the complete file, linked into place so that it never replaces anything.
        Two copies of the app starting the same session at the same moment get two
        files; a name whose lock another copy holds is passed by, never written.
        Raises :class:`SaveError` (the folder cannot be made or written)."""
        self.make_folder()
        snapshot = session.to_dict()
        for number, path in enumerate(candidates(self._directory, session)):
            if number >= self.MAX_NAMES:
                break
            lock = SessionLock(path)
            try:
                if not lock.acquire():
                    continue  # another copy holds this name
            except OddLockFile:
                continue
            except OSError as exc:
                raise SaveError(path, describe_os_error(exc), code=exc.errno) from None
            if taken(path):
                lock.release()
                continue
            try:
                save_data(snapshot, path, new=True)
            except FileExistsError:
                lock.release()
                continue
            except BaseException:
                lock.release()
                raise
            return path, lock
        raise SaveError(self._directory, t("session.create_failed", dir=self._directory))

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
