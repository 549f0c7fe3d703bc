"""What the report's sections share: numbers and dates in the language, names of who
did or said something, the workshop being reported (to name other steps), and a few
small block helpers.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

from samen_tui.i18n import t
from samen_tui.report.blocks import Block, Paragraph
from samen_tui.session.model import Record, Session
from samen_tui.session.stats import group_label
from samen_tui.workshop.model import Step, Workshop

if TYPE_CHECKING:
    from samen_tui.kinds.actions.record import Action


def fmt_number(value: float | None, digits: int = 1) -> str:
    """A number with the decimal sign of the language (``3,5`` in Dutch)."""
    if value is None:
        return t("report.none")
    return f"{value:.{digits}f}".replace(".", t("report.decimal"))


def fmt_date(value: dt.date | None) -> str:
    """``12 maart 2025`` (the language's month names)."""
    if value is None:
        return ""
    return t(
        "report.date_format", day=value.day, month=t(f"report.month.{value.month}"), year=value.year
    )


def fmt_when(value: dt.date | None) -> str:
    """A deadline: the ISO date (unambiguous and sortable)."""
    return value.isoformat() if value is not None else ""


def action_who(session: Session, who: str) -> str:
    """The name of whoever does an action: a participant id resolves to the name,
    anything else is the text as typed."""
    participant = session.participant(who) if who else None
    return participant.name if participant is not None else who


def card_who(session: Session, who: str) -> str:
    """Who said a card or answer: the participant's name, or the group."""
    return session.who_name(who, group=group_label())


def status_label(action: Action) -> str:
    return t(f"report.status.{action.status}")


_workshop: ContextVar[Workshop | None] = ContextVar("samen_report_workshop", default=None)


@contextmanager
def using_workshop(workshop: Workshop | None) -> Iterator[None]:
    """Let sections name other steps by their title (the action list's "from")."""
    token = _workshop.set(workshop)
    try:
        yield
    finally:
        _workshop.reset(token)


def step_title(step_id: str) -> str:
    workshop = _workshop.get()
    step = workshop.step(step_id) if workshop is not None else None
    return step.title if step is not None else step_id


S = TypeVar("S", bound=Step)
R = TypeVar("R", bound=Record)


def as_step(step: Step, cls: type[S]) -> S:
    """``step``, known to be a ``cls`` (a section given another kind's step is a bug)."""
    if not isinstance(step, cls):
        raise TypeError(f"step {step.id!r} is a {step.KIND!r} step, not {cls.KIND!r}")
    return step


def as_record(rec: Record | None, cls: type[R]) -> R | None:
    """``rec`` if it is a ``cls``, else None."""
    return rec if isinstance(rec, cls) else None


def notes(text: str) -> list[Block]:
    """The trainer's notes as a labelled paragraph (nothing when empty)."""
    return [Paragraph(text, label=t("report.notes"))] if text.strip() else []
