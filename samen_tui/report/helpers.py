"""What the report's sections share: numbers and dates in the language, names of who
did or said something, what is being reported (the workshop, to name other steps;
the options: the trainer's notes or not, where taken-over actions came from), and a
few small block helpers.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, TypeVar

from samen_tui.i18n import language, set_language, t
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
    """A date in running text: ``26 januari 2027``, ``26 January 2027``."""
    if value is None:
        return ""
    return t(
        "report.date_format", day=value.day, month=t(f"report.month.{value.month}"), year=value.year
    )


def fmt_day(value: dt.date | None) -> str:
    """A date in a table: ``26-1-2027`` (as the app shows it), ``26 Jan 2027``."""
    if value is None:
        return ""
    month = t(f"report.day_month.{value.month}")
    return t("report.day_format", day=value.day, month=month, year=value.year)


def fmt_when(value: dt.date | None) -> str:
    """A deadline as an ISO date (the comparison's tables); the verslag writes
    :func:`fmt_day`."""
    return value.isoformat() if value is not None else ""


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """Write in ``lang`` (``nl``, ``en``) inside the block, then as before."""
    before = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


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


@dataclass(frozen=True)
class Origin:
    """An earlier session an action was taken over from, as a reader knows it."""

    title: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Options:
    """What a verslag holds beyond what every version holds."""

    with_notes: bool = False
    """The trainer's notes (the participants' version, the default, leaves them out)."""
    origins: Mapping[str, Origin] = field(default_factory=dict)
    """The sessions actions were taken over from, by the ``origin`` they carry."""


_options: ContextVar[Options | None] = ContextVar("samen_report_options", default=None)


@contextmanager
def using_options(options: Options) -> Iterator[None]:
    token = _options.set(options)
    try:
        yield
    finally:
        _options.reset(token)


def options() -> Options:
    """The options of the verslag being made (the participants' version outside
    :func:`using_options`)."""
    return _options.get() or Options()


_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def origin_label(origin: str) -> str:
    """Where a taken-over action came from, without a file name: the earlier
    session's title and date when known (``Gemeente Zeist van 6 december 2026``),
    else "an earlier session" with the date its file name starts with; text that is
    not a file name as it is."""
    known = options().origins.get(origin)
    if known is not None:
        if known.date is None:
            return known.title
        return t("report.origin", title=known.title, date=fmt_date(known.date))
    name = PurePath(origin).name
    if not name.endswith(".toml"):
        return origin
    found = _FILE_DATE.match(name)
    if found is not None:
        try:
            day = dt.date(*(int(part) for part in found.groups()))
        except ValueError:
            pass
        else:
            return t("report.origin.earlier_on", date=fmt_date(day))
    return t("report.origin.earlier")


_workshop: ContextVar[Workshop | None] = ContextVar("samen_report_workshop", default=None)


@contextmanager
def using_workshop(workshop: Workshop | None) -> Iterator[None]:
    """Let sections name other steps by their title (the action list's "from")."""
    token = _workshop.set(workshop)
    try:
        yield
    finally:
        _workshop.reset(token)


def current_workshop() -> Workshop | None:
    """The workshop the verslag is made for (see :func:`using_workshop`)."""
    return _workshop.get()


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
    """The trainer's notes as a labelled paragraph: only in the version with the
    trainer's notes (``Options.with_notes``), and nothing when empty. What the group
    said is never given to this (it is in every version)."""
    if not text.strip() or not options().with_notes:
        return []
    return [Paragraph(text, label=t("report.notes"), private=True)]
