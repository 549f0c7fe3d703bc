"""The action list as CSV, for a spreadsheet: wie, wat, wanneer, status, stap,
herkomst, with a header row in the session's language.

Made for the spreadsheet the session's readers use: a Dutch one reads ``;`` between
cells and needs the byte order mark to see UTF-8 (without it, Dutch Excel shows one
column of garbled accents); an English one reads ``,``. Any delimiter can be asked
for. Every cell a spreadsheet would run as a formula (one starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return: OWASP's CSV injection) gets a leading ``'``,
so it is shown as the text it is; a cell holding a line break, a quote or the
delimiter is quoted. Dates as the session's tables write them (``26-1-2027``).

This module never imports textual.
"""

from __future__ import annotations

import csv
import io

from samen_tui.i18n import language, t
from samen_tui.report.actions import action_rows
from samen_tui.report.helpers import (
    action_who,
    fmt_day,
    origin_label,
    status_label,
    step_title,
    using_workshop,
)
from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula (OWASP: CSV injection)."""


def default_delimiter(lang: str | None = None) -> str:
    """``;`` for Dutch (the list separator of a Dutch spreadsheet), ``,`` otherwise."""
    return ";" if (lang or language()) == "nl" else ","


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs: a leading ``'`` before a
    cell that would start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def report_csv(
    session: Session,
    workshop: Workshop | None = None,
    *,
    delimiter: str | None = None,
    bom: bool | None = None,
) -> str:
    """The actions as CSV in the current language: wie, wat, wanneer, status, stap,
    herkomst. ``stap`` is the step's title when ``workshop`` is given, else its id;
    ``herkomst`` the earlier session an action was taken over from. ``delimiter``
    and ``bom`` default to the language's (``;`` with a BOM in Dutch, ``,`` without
    one in English). Lines end in CRLF (RFC 4180)."""
    sep = delimiter if delimiter else default_delimiter()
    out = io.StringIO()
    if bom if bom is not None else language() == "nl":
        out.write(BOM)
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(
        [
            t("report.csv.who"),
            t("report.csv.what"),
            t("report.csv.when"),
            t("report.csv.status"),
            t("report.csv.step"),
            t("report.csv.origin"),
        ]
    )
    with using_workshop(workshop):
        for step_id, action in action_rows(session):
            cells = [
                action_who(session, action.who),
                action.what,
                fmt_day(action.when),
                status_label(action),
                step_title(step_id),
                origin_label(action.origin) if action.origin else "",
            ]
            writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()
