"""Exporting a session file: the verslag as Markdown or HTML, or the actions as CSV
(``samen export``, and the app's export dialog).

This module never imports textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from samen_tui.i18n import t
from samen_tui.report.build import report_html, report_markdown
from samen_tui.report.csv import report_csv
from samen_tui.session.model import Session
from samen_tui.session.store import SessionReadError, load_session
from samen_tui.workshop.catalog import find_workshops
from samen_tui.workshop.loader import WorkshopError, load_workshop
from samen_tui.workshop.model import Workshop

FORMATS = {"md": "md", "markdown": "md", "html": "html", "csv": "csv"}


class ExportError(ValueError):
    """A session that cannot be exported (unreadable file, unknown format)."""


def _format(fmt: str) -> str:
    kind = FORMATS.get(fmt.lower().lstrip("."))
    if kind is None:
        raise ExportError(t("report.export.format", fmt=fmt, formats="md, html, csv"))
    return kind


def render(workshop: Workshop | None, session: Session, fmt: str) -> str:
    """The verslag as ``md`` or ``html``, or the actions as ``csv``; an unknown
    format is an :class:`ExportError`."""
    kind = _format(fmt)
    if kind == "md":
        return report_markdown(workshop, session)
    if kind == "html":
        return report_html(workshop, session)
    return report_csv(session, workshop)


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
    for entry in find_workshops(_dirs(workshop_dirs)):
        if entry.id == workshop_id:
            try:
                workshop = load_workshop(entry.path)
            except WorkshopError:
                return None
            return workshop if workshop.id == workshop_id else None
    return None


def export_session(
    session_path: Path,
    fmt: str,
    out_path: Path | None = None,
    workshop_dirs: Iterable[Path | tuple[str, Path]] = (),
    *,
    workshop: Workshop | None = None,
) -> str | Path:
    """Export a session file as ``md``, ``html`` or ``csv``.

    The workshop is ``workshop`` when given, else looked up by the session's
    workshop id in ``workshop_dirs`` (``paths.workshop_dirs()`` fits); without it
    the report is made from the records alone, with a note. Returns the text, or
    ``out_path`` after writing the text there."""
    _format(fmt)  # an unknown format is refused before anything is read
    session = load_session_file(session_path)
    if workshop is None or workshop.id != session.workshop:
        workshop = find_workshop(session.workshop, workshop_dirs)
    text = render(workshop, session, fmt)
    if out_path is None:
        return text
    try:
        out_path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(
            t("report.export.write", path=str(out_path), reason=exc.strerror or str(exc))
        ) from None
    return out_path
