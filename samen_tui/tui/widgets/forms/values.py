"""What is typed in the forms' fields: dates, and who.

* :func:`parse_date`: a deadline typed as ``2026-12-05``, ``5-12-2026``, ``5-12-26``
  (also with ``/`` or ``.``) or ``morgen``, with a clear Dutch message for a date that
  does not exist or cannot be read; :func:`samen_tui.tui.formatting.format_date` writes
  it back.
* :func:`who_from_text`: a typed name back to the participant's id
  (:func:`samen_tui.session.stats.who_label` shows an id as a name);
  :func:`name_suggestions` for the wie-field.
"""

from __future__ import annotations

import datetime as dt
import re

from samen_tui.i18n import t
from samen_tui.session.model import Session

# --------------------------------------------------------------------------- dates


class DateError(ValueError):
    """A date that cannot be read or does not exist; ``str()`` is the message to show."""


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_RELATIVE = {
    "vandaag": 0,
    "morgen": 1,
    "overmorgen": 2,
    "today": 0,
    "tomorrow": 1,
}
"""Words for a day, in both languages (a Dutch trainer may type "today" too)."""


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date in ``text``: ``YYYY-MM-DD``, ``D-M-YYYY`` or ``D-M-YY`` (``-``, ``/``
    or ``.``; ``31-1-27`` is 31 January 2027), or ``vandaag``/``morgen``/``overmorgen``
    (``today`` is the day they count from; default: today).

    Empty text is ``None`` (no date). Raise :class:`DateError` with a message for
    the user when the text is not a date or names a day that does not exist.
    """
    value = text.strip()
    if not value:
        return None
    days = _RELATIVE.get(value.casefold())
    if days is not None:
        return (today or dt.date.today()) + dt.timedelta(days=days)
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
    else:
        raise DateError(t("forms.date.unreadable", text=value))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(t("forms.date.nonexistent", text=value)) from None


# --------------------------------------------------------------------------- who


def who_from_text(session: Session, text: str) -> str:
    """A typed name: the id of the participant with that name, else the text itself."""
    name = text.strip()
    for participant in session.participants:
        if participant.name.strip().casefold() == name.casefold() and name:
            return participant.id
    return name


def name_suggestions(session: Session) -> list[str]:
    """The participants' names and organisations, for the wie-field's suggester."""
    names = [p.name for p in session.participants if p.name]
    orgs = sorted({p.organisation for p in session.participants if p.organisation})
    return names + [o for o in orgs if o not in names]
