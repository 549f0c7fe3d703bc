"""What a listing knows of a session file: :class:`SessionSummary` for a readable
session, :class:`Unreadable` for anything else in the sessions folder, with why.

One summary type serves the whole listing: a full read of a file
(:meth:`SessionSummary.of`), the quick look at its top (``listing.quick_read``),
the summary cache (``index``), the helper processes that list a folder
(``reader``, ``halves``) and the review table. It is a :class:`~typing.NamedTuple`
of plain values (no path, no date objects): the review holds 10,000 of them, sorts
them one field at a time, and a helper process sends them over a pipe as plain
tuples. The path and the start as a date are worked out when asked for.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from samen_tui.session.model import Session

NEVER = float("-inf")
"""The start of a session whose start is not known (sorts first)."""


def start_of(moment: dt.datetime | None) -> tuple[float, int | None]:
    """A start as (POSIX timestamp, UTC offset in seconds or None: written without one);
    (:data:`NEVER`, None) when it is not known or not a time a timestamp can hold."""
    if moment is None:
        return NEVER, None
    try:
        stamp = moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return NEVER, None
    offset = moment.utcoffset()
    return stamp, None if offset is None else int(offset.total_seconds())


class SessionSummary(NamedTuple):
    """One readable session file as the listing shows it."""

    name: str
    """The file name in the sessions folder."""
    workshop: str
    title: str
    place: str
    trainer: str
    start_stamp: float
    """When the session started, as a POSIX timestamp (:data:`NEVER`: not known)."""
    start_offset: int | None
    """The UTC offset of the start as written in the file, in seconds (None: written
    without one, in local time)."""
    participants: int
    steps_done: int
    """The number of steps with something captured (non-empty records)."""
    current: str
    complete: bool
    size: int
    """The size of the file, in bytes."""
    mtime: float
    """When the file was last changed (POSIX timestamp)."""
    folder: str
    """The sessions folder, as it was given to the listing."""

    @property
    def path(self) -> Path:
        return Path(self.folder, self.name)

    @property
    def started(self) -> dt.datetime | None:
        """The start as written in the file (None: not known)."""
        if self.start_stamp == NEVER:
            return None
        try:
            if self.start_offset is None:
                return dt.datetime.fromtimestamp(self.start_stamp)
            zone = dt.timezone(dt.timedelta(seconds=self.start_offset))
            return dt.datetime.fromtimestamp(self.start_stamp, zone)
        except (OverflowError, OSError, ValueError):
            return None

    @classmethod
    def of(cls, path: Path, session: Session, st: os.stat_result) -> SessionSummary:
        """The summary of a session read in full (what a quick look at its file gives)."""
        stamp, offset = start_of(session.started)
        return cls(
            path.name,
            session.workshop,
            session.title,
            session.place,
            session.trainer,
            stamp,
            offset,
            len(session.participants),
            sum(1 for rec in session.records.values() if not rec.is_empty()),
            session.current,
            session.ended is not None,
            st.st_size,
            st.st_mtime,
            str(path.parent),
        )


@dataclass(frozen=True)
class Unreadable:
    """A file in the sessions folder that is not a readable session, and why (Dutch)."""

    path: Path
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


Listing = list[SessionSummary | Unreadable]
"""Every file of a sessions folder, readable or not."""
