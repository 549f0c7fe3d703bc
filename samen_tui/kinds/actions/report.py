"""The actions step in the verslag: the session's whole action list (see
:mod:`samen_tui.report.actions`).

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.kinds.actions.model import ActionsStep
from samen_tui.report.actions import action_list
from samen_tui.report.blocks import Block
from samen_tui.report.helpers import as_step
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step

SHOWS_ALL_ACTIONS = True
"""This section is the action list: the report adds none at its end, and a record of
this kind is not reported apart (its actions are in the list)."""


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Every action across the session (not only this step's)."""
    as_step(step, ActionsStep)
    return action_list(session)


def stand_in(step_id: str, rec: Record) -> Step:
    """The step named by its id."""
    return ActionsStep(id=step_id, title=step_id)
