"""Exporting a session: the verslag as Markdown or HTML, the actions as CSV or as a
calendar (ICS) (``samen export``, and the app's export dialog).

The verslag is written in the session's language (``--lang`` may choose another),
as the participants' version unless ``with_notes`` asks for the trainer's notes too.
An action taken over from an earlier session is named by that session's title and
date, read from its file beside the session's (never by the file's name).

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path, PurePath

from samen_tui.i18n import t
from samen_tui.report.build import report_html, report_markdown
from samen_tui.report.csv import report_csv
from samen_tui.report.helpers import Options, Origin, using_language, using_options
from samen_tui.report.ics import NoDatedActions, report_ics
from samen_tui.session.model import Session
from samen_tui.session.store import SessionReadError, load_session
from samen_tui.workshop.catalog import session_workshop
from samen_tui.workshop.loader import WorkshopError
from samen_tui.workshop.model import Workshop

FORMATS = {
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "csv": "csv",
    "ics": "ics",
    "ical": "ics",
}
NAMES = ("md", "html", "csv", "ics")
"""The formats, as the command line and the dialog offer them."""

DELIMITERS = {";": ";", ",": ",", "tab": "\t", "\t": "\t", "|": "|"}
"""What ``--delimiter`` accepts, and the character it means."""


class ExportError(ValueError):
    """A session that cannot be exported (unreadable file, unknown format, nothing
    to put in a calendar, a file that cannot be written)."""


def _format(fmt: str) -> str:
    kind = FORMATS.get(fmt.lower().lstrip("."))
    if kind is None:
        raise ExportError(t("report.export.format", fmt=fmt, formats=", ".join(NAMES)))
    return kind


def delimiter_of(text: str) -> str:
    """The character ``--delimiter`` names (``;``, ``,``, ``tab``, ``|``)."""
    found = DELIMITERS.get(text.lower() if len(text) > 1 else text)
    if found is None:
        raise ExportError(t("report.export.delimiter", text=text))
    return found


def report_language(session: Session, workshop: Workshop | None, language: str = "") -> str:
    """The language a verslag is written in: ``language`` when given, else the
    session's, else its workshop's, else Dutch."""
    chosen = language or session.language or (workshop.meta.language if workshop else "")
    return chosen if chosen in ("nl", "en") else "nl"


def origins_near(session: Session, folder: Path | None) -> dict[str, Origin]:
    """The earlier sessions the actions were taken over from, read from their files
    in ``folder`` (the session's own): title and date. A file that is gone or
    unreadable is left out (the action then says "an earlier session")."""
    found: dict[str, Origin] = {}
    if folder is None:
        return found
    for _step_id, action in session.all_actions():
        if not action.origin or action.origin in found:
            continue
        name = PurePath(action.origin).name
        path = folder / name
        if not name.endswith(".toml") or not path.is_file():
            continue
        try:
            earlier = load_session(path)
        except (SessionReadError, OSError, ValueError):
            continue
        title = earlier.title.strip() or earlier.workshop
        if title:
            date = earlier.started.date() if earlier.started is not None else None
            found[action.origin] = Origin(title, date)
    return found


def render(
    workshop: Workshop | None,
    session: Session,
    fmt: str,
    *,
    with_notes: bool = False,
    language: str = "",
    delimiter: str = "",
    session_path: Path | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The verslag as ``md`` or ``html``, or the actions as ``csv`` or ``ics``, in
    the session's language (or ``language``). ``with_notes``: the trainer's notes
    too. ``delimiter``: the CSV's (default: the language's). ``session_path``: where
    the session's file is, to name the sessions actions were taken over from.
    ``now``: the calendar's time stamp. An unknown format, or a calendar without
    dated actions, is an :class:`ExportError`."""
    kind = _format(fmt)
    folder = session_path.parent if session_path is not None else None
    options = Options(with_notes=with_notes, origins=origins_near(session, folder))
    with using_language(report_language(session, workshop, language)):
        if kind == "md":
            return report_markdown(workshop, session, options)
        if kind == "html":
            return report_html(workshop, session, options)
        if kind == "ics":
            try:
                return report_ics(session, now)
            except NoDatedActions as exc:
                raise ExportError(str(exc)) from None
        with using_options(options):
            return report_csv(session, workshop, delimiter=delimiter or None)


def load_session_file(path: Path) -> Session:
    """Read a session file through the store; a problem is an :class:`ExportError`."""
    try:
        return load_session(path)
    except SessionReadError as exc:
        raise ExportError(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise ExportError(t("report.export.unreadable", path=str(path), reason=str(exc))) from None


def _dirs(workshop_dirs: Iterable[Path | tuple[str, Path]]) -> list[tuple[str, Path]]:
    return [d if isinstance(d, tuple) else (str(d), Path(d)) for d in workshop_dirs]


def find_workshop(
    workshop_id: str, workshop_dirs: Iterable[Path | tuple[str, Path]]
) -> Workshop | None:
    """The workshop with this id in the folders, as the app finds it (first folder
    wins, see ``samen_tui.workshop.catalog``); ``None`` when there is none or its
    file does not load (``samen check`` explains why)."""
    if not workshop_id:
        return None
    try:  # and where `samen run PATH` ran it from (see session_workshop)
        return session_workshop(workshop_id, _dirs(workshop_dirs))
    except (LookupError, WorkshopError, OSError):
        return None


def write_text(out_path: Path, text: str) -> Path:
    """Write an export as UTF-8, line ends as they are (the CSV's and the calendar's
    CRLF); a problem is an :class:`ExportError`."""
    try:
        out_path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(
            t("report.export.write", path=str(out_path), reason=exc.strerror or str(exc))
        ) from None
    return out_path


def export_session(
    session_path: Path,
    fmt: str,
    out_path: Path | None = None,
    workshop_dirs: Iterable[Path | tuple[str, Path]] = (),
    *,
    workshop: Workshop | None = None,
    session: Session | None = None,
    with_notes: bool = False,
    language: str = "",
    delimiter: str = "",
) -> str | Path:
    """Export a session file as ``md``, ``html``, ``csv`` or ``ics``.

    The workshop is ``workshop`` when given, else looked up by the session's
    workshop id in ``workshop_dirs`` (``paths.workshop_dirs()`` fits); without it
    the report is made from the records alone, with a note. ``session``: the
    session in ``session_path`` when the caller has read it already (it is not read
    again; see :func:`load_session_file`). ``with_notes``,
    ``language`` and ``delimiter``: see :func:`render`. Returns the text, or
    ``out_path`` after writing the text there."""
    _format(fmt)  # an unknown format is refused before anything is read
    sep = delimiter_of(delimiter) if delimiter else ""
    if session is None:
        session = load_session_file(session_path)
    if workshop is None or workshop.id != session.workshop:
        workshop = find_workshop(session.workshop, workshop_dirs)
    text = render(
        workshop,
        session,
        fmt,
        with_notes=with_notes,
        language=language,
        delimiter=sep,
        session_path=session_path,
    )
    if out_path is None:
        return text
    return write_text(out_path, text)
