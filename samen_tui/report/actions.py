"""The session's action list: every action of every step, by date.

The actions step shows it as its section; the report adds it at its end when the
workshop has no actions step; the CSV export is made of it. This module never
imports textual.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from samen_tui.i18n import t
from samen_tui.report.blocks import Block, Table
from samen_tui.report.helpers import (
    action_who,
    fmt_day,
    origin_label,
    status_label,
    step_title,
)
from samen_tui.session.model import Session

if TYPE_CHECKING:
    from samen_tui.kinds.actions.record import Action


def action_rows(session: Session) -> list[tuple[str, Action]]:
    """Every action of the session with the id of its step, by date (undated last);
    actions with the same date keep their order."""
    actions = session.all_actions()
    return sorted(actions, key=lambda sa: (sa[1].when is None, sa[1].when or dt.date.min))


def action_list(session: Session) -> list[Block]:
    """The action list: wie / wat / wanneer / status / from where."""
    rows = action_rows(session)
    if not rows:
        return []
    return [
        Table(
            (
                t("report.action.who"),
                t("report.action.what"),
                t("report.action.when"),
                t("report.action.status"),
                t("report.action.from"),
            ),
            tuple(
                (
                    action_who(session, a.who),
                    a.what,
                    fmt_day(a.when),
                    status_label(a),
                    t("report.action.taken_over", origin=origin_label(a.origin))
                    if a.origin
                    else step_title(step_id),
                )
                for step_id, a in rows
            ),
            caption=t("report.action.caption"),
        )
    ]
