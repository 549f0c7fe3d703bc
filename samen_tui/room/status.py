"""The room's one quiet line: what it follows, and anything the room should know
about it (the file cannot be read, the trainer's app is gone, a new session began).

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samen_tui.i18n import t
from samen_tui.room.follow import Follower
from samen_tui.session.summary import SessionSummary


def clock_time(moment: float | None) -> str:
    """A moment (POSIX) as the local time of day, ``14:03:12``."""
    if moment is None:
        return "?"
    try:
        return dt.datetime.fromtimestamp(moment).strftime("%H:%M:%S")
    except (OverflowError, OSError, ValueError):
        return "?"


def summary_title(summary: SessionSummary) -> str:
    return summary.title.strip() or summary.name


def status_line(follower: Follower | None, newer: SessionSummary | None, folder: Path) -> str:
    """The line under the room (see the module doc); the parts that apply, joined."""
    parts: list[str] = []
    if newer is not None:
        parts.append(t("room.status.newer", title=summary_title(newer)))
    if follower is None:
        parts.append(t("room.status.waiting", dir=str(folder)))
        return "  ·  ".join(parts)
    session = follower.session
    when = clock_time(follower.updated)
    if session is None:
        parts.append(follower.problem or t("room.status.reading"))
        return "  ·  ".join(parts)
    if follower.problem:
        parts.append(t("room.status.kept", problem=follower.problem, time=when))
    elif session.ended is not None:
        parts.append(t("room.status.ended"))
    elif follower.trainer == "gone":
        parts.append(t("room.status.trainer_gone", time=when))
    elif follower.trainer == "closed":
        parts.append(t("room.status.trainer_closed", time=when))
    if follower.workshop is None and follower.workshop_problem:
        parts.append(t("room.status.no_workshop", reason=follower.workshop_problem))
    if not parts:
        title = session.title.strip()
        place = session.place.strip()
        parts.append(f"{title} · {place}" if title and place else title or place)
    return "  ·  ".join(part for part in parts if part)
