"""Following a session file as the trainer's app saves it.

The trainer's app saves atomically (a temporary file renamed over the session)
within a second of every change, keeps a ``.bak`` and holds a ``.lock``. The room
looks at the file's status (inode, size, modification time) a few times a second
(:meth:`Follower.poll`: one ``stat``) and reads it again only when that changed,
with the careful reading of every session file (a regular file, within the size
limit, never a pipe: ``session.reading.read_session``).

What it read last that was a good session is what the room shows. A file that
cannot be read (caught mid-save by another writer, damaged, refused) or that is
gone leaves that state in place; :attr:`Follower.problem` says why in one Dutch
sentence, until a good file is read again. Whether the trainer's app is still
there is told by its lock (:meth:`Follower.check_trainer`): a lock whose process is
gone is an app that was killed; no lock at all, an app that was closed.

Nothing here writes: no lock is taken, no index, no backup.

This module never imports textual.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from samen_tui.i18n import t
from samen_tui.session.errors import SessionReadError, describe_os_error
from samen_tui.session.lock import SessionLock
from samen_tui.session.model import Session
from samen_tui.session.reading import read_session
from samen_tui.workshop.model import Workshop

Trainer = Literal["here", "gone", "closed"]
"""The trainer's app: running (or not known otherwise), killed (its lock is left by a
process that is gone), or closed (no lock, the session not ended)."""

Stamp = tuple[int, int, int, int]
"""(device, inode, size, modification time in ns): what tells that a file changed."""


def stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(eq=False)
class Follower:
    """One session file, followed (see the module doc)."""

    path: Path
    workshop_dirs: list[tuple[str, Path]] = field(default_factory=list)
    session: Session | None = None
    """The last good state read (None until one was)."""
    updated: float | None = None
    """When the file of :attr:`session` was written (its modification time, POSIX)."""
    trouble: tuple[str, dict[str, str]] | None = None
    """Why the file on disk is not what is shown: a catalog key and its values (see
    :attr:`problem`), or None when it is."""
    gone: bool = False
    """The file is not there (deleted, or renamed away)."""
    trainer: Trainer = "here"
    workshop: Workshop | None = None
    """The workshop the session runs (None: not found, see :attr:`workshop_problem`)."""
    workshop_problem: str = ""
    reads: int = 0
    """How many times the file was read (a test sees that an unchanged file is not)."""
    _stamp: Stamp | None = None
    _workshop_of: tuple[str, str] | None = None

    def poll(self) -> bool:
        """Look at the file; read it if it changed. Whether what the room shows (the
        state, or the line about it) changed."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return self._lost(("room.gone", {}), gone=True)
        except OSError as exc:
            return self._lost(("room.unreadable", {"reason": describe_os_error(exc)}))
        stamp = stamp_of(st)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        self.reads += 1
        try:
            session, read_st = read_session(self.path)
        except SessionReadError as exc:
            return self._lost(("room.unreadable", {"reason": exc.reason}))
        self._stamp = stamp_of(read_st)  # what was read, should it differ from the stat
        self.session = session
        self.updated = read_st.st_mtime_ns / 1e9
        self.trouble = None
        self.gone = False
        self._find_workshop(session)
        return True

    @property
    def problem(self) -> str:
        """Why the file on disk is not what is shown (in the interface's language), or
        "" when it is."""
        if self.trouble is None:
            return ""
        key, values = self.trouble
        return t(key, **values)

    def _lost(self, trouble: tuple[str, dict[str, str]], *, gone: bool = False) -> bool:
        """The file cannot be read now: keep the last good state, say why."""
        self._stamp = None if gone else self._stamp
        changed = trouble != self.trouble or gone != self.gone
        self.trouble, self.gone = trouble, gone
        return changed

    def _find_workshop(self, session: Session) -> None:
        """The workshop the session names, looked up again only when the session
        names another one (or the trainer's app changed to a new version of it)."""
        wanted = (session.workshop, session.fingerprint)
        if wanted == self._workshop_of:
            return
        self._workshop_of = wanted
        from samen_tui.workshop.catalog import session_workshop
        from samen_tui.workshop.problems import WorkshopError

        try:
            self.workshop = session_workshop(session.workshop, self.workshop_dirs)
            self.workshop_problem = ""
        except (LookupError, ValueError, OSError, WorkshopError) as exc:
            self.workshop = None
            self.workshop_problem = str(exc)

    def check_trainer(self) -> bool:
        """Look at the session's lock: is the trainer's app still there? Whether that
        changed. Only reads the lock (never takes it)."""
        holder = SessionLock(self.path).holder()
        state: Trainer
        if holder is None:
            ended = self.session is not None and self.session.ended is not None
            state = "here" if ended else "closed"
        elif holder.pid > 0 and holder.is_stale():
            state = "gone"
        else:
            state = "here"
        changed = state != self.trainer
        self.trainer = state
        return changed
