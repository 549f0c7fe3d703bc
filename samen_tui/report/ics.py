"""The actions with a date as an iCalendar file (RFC 5545), for anyone's calendar.

One all-day event per action with a date: its summary is *wat*, its description
*wie* and the session it was agreed in (title and date). Written here, with no
library: lines end in CRLF and are folded at 75 octets (never inside a UTF-8
character), text values are escaped (``\\``, ``;``, ``,``, line breaks), control
characters dropped. The UID of an action is the same at every export (a hash of the
session and the action), so importing the file again updates the events instead of
doubling them.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from samen_tui.i18n import t
from samen_tui.report.actions import action_rows
from samen_tui.report.helpers import action_who, fmt_date, status_label
from samen_tui.session.model import Session

PRODID = "-//samen-tui//verslag//NL"
LINE_OCTETS = 75

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class NoDatedActions(ValueError):
    """A session without any action with a date: there is nothing for a calendar."""


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; other control characters (but tab) dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\n", "\\n")
    return _CONTROL.sub("", value)


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets (RFC 5545 3.1), each
    continuation starting with a space, never splitting a UTF-8 character; CRLF after
    each."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not out else LINE_OCTETS - 1  # the leading space counts
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out) + "\r\n"


def _stamp(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    return utc.strftime("%Y%m%dT%H%M%SZ")


def _uid(session: Session, step_id: str, index: int, action_id: str, what: str) -> str:
    started = session.started.isoformat() if session.started else ""
    key = "\x1f".join(
        (session.workshop, started, session.title, step_id, action_id or f"#{index}:{what}")
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@samen-tui"


def report_ics(session: Session, now: dt.datetime | None = None) -> str:
    """The session's dated actions as a VCALENDAR of all-day VEVENTs. ``now`` (the
    DTSTAMP) defaults to the current time. Raises :class:`NoDatedActions` when no
    action has a date (a calendar must hold at least one event)."""
    dated = [(step_id, a) for step_id, a in action_rows(session) if a.when is not None]
    if not dated:
        raise NoDatedActions(t("report.ics.none"))
    stamp = _stamp(now or dt.datetime.now(dt.UTC))
    title = session.title.strip() or session.workshop
    if session.started is not None:
        origin = t("report.ics.session_dated", title=title, date=fmt_date(session.started.date()))
    else:
        origin = t("report.ics.session", title=title)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(t('report.ics.calendar', title=title))}",
    ]
    for index, (step_id, action) in enumerate(dated):
        assert action.when is not None
        description = [t("report.ics.who", who=action_who(session, action.who) or "–"), origin]
        if action.status == "done":
            description.append(t("report.ics.status", status=status_label(action)))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(session, step_id, index, action.id, action.what)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{action.when.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(action.when + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(action.what.strip() or '–')}",
            f"DESCRIPTION:{escape_text(chr(10).join(description))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
