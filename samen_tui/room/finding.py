"""Which session the room follows: one named on the command line (a path, a file
name or a bare name in the sessions folder), or the newest unfinished one; and,
while it runs, a session started since in the same folder.

Only reads: the folder's listing, the files' status, and a quick look at the top of
a file (``session.listing.quick_read``). The review's index is never opened (it
would be written).

This module never imports textual.
"""

from __future__ import annotations

import os
from pathlib import Path

from samen_tui.i18n import t
from samen_tui.session.listing import quick_read, scan, summarize
from samen_tui.session.naming import SUFFIX
from samen_tui.session.summary import SessionSummary


def resolve_session(name: str, folder: Path) -> Path:
    """The session file ``name`` means: a path (with a folder in it) as it is; a bare
    name in the sessions folder, with or without ``.toml``, else in the current
    folder. Raises :class:`LookupError` with a Dutch message when there is none."""
    given = Path(name).expanduser()
    if given.is_absolute() or given.parent != Path():
        tries = [given]
    else:
        tries = [folder / name, folder / (name + SUFFIX), given]
    for path in tries:
        if os.path.lexists(path):
            return path
    raise LookupError(t("room.no_such_session", name=name, dir=str(folder)))


def summary_of(folder: Path, entry: os.DirEntry[str]) -> SessionSummary | None:
    """What the listing knows of one file (a quick look at its top, else a full read);
    None for a file that is no readable session."""
    try:
        plain = entry.is_file(follow_symlinks=False)
    except OSError:
        plain = False
    quick = quick_read(str(folder), entry.name, plain)
    if quick is not None:
        return quick[0]
    found, _st = summarize(Path(entry.path))
    return found if isinstance(found, SessionSummary) else None


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        return list(scan(folder))
    except OSError:
        return []


def _mtime(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_mtime_ns
    except OSError:
        return 0


def newest_unfinished(folder: Path) -> Path | None:
    """The unfinished session saved last in ``folder`` (as ``samen resume`` picks
    it), or None. Files are looked at newest first, until one is unfinished."""
    for entry in sorted(_entries(folder), key=_mtime, reverse=True):
        summary = summary_of(folder, entry)
        if summary is not None and not summary.complete:
            return summary.path
    return None


class FolderWatch:
    """Sessions begun in a folder since the watch began. :meth:`look` is cheap while
    the folder does not change: one ``stat`` of the folder. When it changed, its
    names are listed and only the new ones are looked at (a quick look at the top of
    the file); while the room waits for a session, also the files saved since
    (a session resumed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stamp = self._folder_stamp()
        self.known: dict[str, int] = {entry.name: _mtime(entry) for entry in _entries(folder)}
        """Every file name seen, with its modification time (ns) when last looked at."""

    def _folder_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.folder)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def look(self, *, saved_too: bool = False) -> list[SessionSummary]:
        """The unfinished sessions that appeared since the last look (and, with
        ``saved_too``, those saved since), saved last first; each is told once."""
        stamp = self._folder_stamp()
        if stamp == self._stamp:
            return []
        self._stamp = stamp
        found: list[tuple[int, SessionSummary]] = []
        for entry in _entries(self.folder):
            before = self.known.get(entry.name)
            if before is not None and not saved_too:
                continue
            mtime = _mtime(entry)
            if before == mtime:
                continue
            # a new session is linked into place whole (``SessionStore.create``): one
            # look at a file tells; one that is no session is looked at again only
            # when it is saved again
            self.known[entry.name] = mtime
            summary = summary_of(self.folder, entry)
            if summary is not None and not summary.complete:
                found.append((mtime, summary))
        found.sort(key=lambda pair: pair[0], reverse=True)
        return [summary for _mtime_ns, summary in found]
