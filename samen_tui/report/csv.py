"""The action list as CSV, for a spreadsheet: wie, wat, wanneer, status, stap,
herkomst, with a header row in the session's language.

This module never imports textual.
"""

from __future__ import annotations

import csv
import io

from samen_tui.i18n import t
from samen_tui.report.actions import action_rows
from samen_tui.report.helpers import action_who, fmt_when, status_label, step_title, using_workshop
from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop


def report_csv(session: Session, workshop: Workshop | None = None) -> str:
    """The actions as CSV: wie, wat, wanneer (ISO date), status, stap, herkomst;
    a header row in the language (Dutch by default). ``stap`` is the step's title
    when ``workshop`` is given, else its id; ``herkomst`` the session an action was
    taken over from."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
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
            writer.writerow(
                [
                    action_who(session, action.who),
                    action.what,
                    fmt_when(action.when),
                    status_label(action),
                    step_title(step_id),
                    action.origin,
                ]
            )
    return out.getvalue()
