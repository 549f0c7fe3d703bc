"""The whole verslag as blocks: a header, then every agenda item with the section of
each of its steps, the records no step of the workshop holds, and the action list.

Every step kind has its section (``samen_tui/kinds/<kind>/report.py``, found through
:func:`samen_tui.kinds.section`) that turns a step and its record into blocks (``[]``
when nothing was captured: the step is then left out).

A session whose workshop cannot be found still reports everything it captured: each
record is shown with a stand-in step made from the record alone (the kind's
``stand_in``), with ids where titles are unknown.

This module never imports textual.
"""

from __future__ import annotations

from typing import Any

from samen_tui import kinds
from samen_tui.i18n import t
from samen_tui.report.actions import action_list
from samen_tui.report.blocks import Block, Fields, Heading, Paragraph, Table
from samen_tui.report.helpers import fmt_date, using_workshop
from samen_tui.report.markdown import to_markdown
from samen_tui.report.rich import render_html
from samen_tui.session.codec import DecodeError, decode
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step, Workshop


def stand_in_step(step_id: str, rec: Record) -> Step:
    """A step made from a record alone, so a record whose step is unknown (no
    workshop, or a step since removed from it) still goes through its section.
    Titles are the ids the record holds."""
    make = kinds.stand_in(rec.KIND)
    if make is None:  # pragma: no cover - a record is always of a known kind
        raise TypeError(f"no kind {rec.KIND!r}")
    return make(step_id, rec)


def _decode_removed(raw: dict[str, Any]) -> Record | None:
    kind = raw.get("kind")
    cls = kinds.record_class(kind) if isinstance(kind, str) else None
    if cls is None:
        return None
    try:
        return decode(cls, raw)
    except DecodeError:
        return None


def _header(workshop: Workshop | None, session: Session) -> list[Block]:
    title = session.title.strip() or (workshop.title if workshop else "") or session.workshop
    pairs: list[tuple[str, str]] = []
    pairs.append(
        (t("report.workshop"), workshop.title if workshop is not None else session.workshop)
    )
    if session.started is not None:
        pairs.append((t("report.date"), fmt_date(session.started.date())))
        times = session.started.strftime("%H:%M")
        if session.ended is not None:
            times += "–" + session.ended.strftime("%H:%M")
        pairs.append((t("report.time"), times))
    if session.place.strip():
        pairs.append((t("report.place"), session.place.strip()))
    if session.trainer.strip():
        pairs.append((t("report.trainer"), session.trainer.strip()))
    blocks: list[Block] = [Heading(t("report.title", title=title), level=1), Fields(tuple(pairs))]
    if workshop is None:
        blocks.append(Paragraph(t("report.no_workshop", id=session.workshop), note=True))
    elif (
        session.fingerprint and workshop.fingerprint and session.fingerprint != workshop.fingerprint
    ):
        blocks.append(Paragraph(t("report.workshop_changed"), note=True))
    blocks.append(Heading(t("report.participants"), level=2))
    if session.participants:
        blocks.append(
            Table(
                (t("report.participant.name"), t("report.organisation"), t("report.role")),
                tuple((p.name, p.organisation, p.role) for p in session.participants),
            )
        )
    else:
        blocks.append(Paragraph(t("report.nothing"), note=True))
    return blocks


def _section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    section = kinds.section(step.KIND)
    if section is None:  # pragma: no cover - every kind has a section (tests check)
        return []
    if rec is not None and rec.KIND != step.KIND:
        rec = None
    return section(step, rec, session)


def _minutes(seconds: int) -> int:
    return (seconds + 30) // 60


def report_blocks(workshop: Workshop | None, session: Session) -> list[Block]:
    """The whole verslag as blocks. ``workshop`` ``None``: from the records alone."""
    with using_workshop(workshop):
        blocks = _header(workshop, session)
        shown_actions = False
        used: set[str] = set()
        if workshop is not None:
            for number, item in enumerate(workshop.items, start=1):
                blocks.append(Heading(f"{number}. {item.title}", level=2))
                spent = session.items.get(item.id)
                if spent is not None and spent.seconds > 0:
                    blocks.append(
                        Paragraph(
                            t(
                                "report.item_time",
                                spent=_minutes(spent.seconds),
                                planned=item.minutes,
                            ),
                            note=True,
                        )
                    )
                item_blocks: list[Block] = []
                for step in item.steps:
                    rec = session.records.get(step.id)
                    if rec is not None and rec.KIND == step.KIND:
                        used.add(step.id)
                    content = _section(step, rec, session)
                    if content:
                        shown_actions = shown_actions or kinds.shows_all_actions(step.KIND)
                        item_blocks.append(Heading(step.title, level=3))
                        item_blocks.extend(content)
                blocks.extend(item_blocks or [Paragraph(t("report.nothing"), note=True)])
        others: list[tuple[str, Record]] = [
            (step_id, rec)
            for step_id, rec in session.records.items()
            if step_id not in used and not kinds.shows_all_actions(rec.KIND)
        ]
        for step_id, raw in session.removed_steps.items():
            decoded = _decode_removed(raw)
            if decoded is not None and not kinds.shows_all_actions(decoded.KIND):
                others.append((step_id, decoded))
        other_blocks: list[Block] = []
        for step_id, rec in others:
            content = _section(stand_in_step(step_id, rec), rec, session)
            if content:
                other_blocks.append(Heading(step_id, level=3))
                other_blocks.extend(content)
        if other_blocks:
            blocks.append(Heading(t("report.other_records"), level=2))
            if workshop is not None:
                blocks.append(Paragraph(t("report.other_records.note"), note=True))
            blocks.extend(other_blocks)
        if not shown_actions and session.all_actions():
            blocks.append(Heading(t("report.actions"), level=2))
            blocks.extend(action_list(session))
    return blocks


def report_markdown(workshop: Workshop | None, session: Session) -> str:
    """The verslag as Markdown."""
    return to_markdown(report_blocks(workshop, session))


def report_html(workshop: Workshop | None, session: Session) -> str:
    """The verslag as HTML (Rich's ``export_html``)."""
    return render_html(report_blocks(workshop, session))
