"""The whole verslag as blocks: a header (who was there, "Wat we bespraken"), then
every agenda item with the section of each of its steps, the action list, the records
no step of the workshop holds, and the time used per agenda item.

Every step kind has its section (``samen_tui/kinds/<kind>/report.py``, found through
:func:`samen_tui.kinds.section`) that turns a step and its record into blocks (``[]``
when nothing was captured: the step is then left out).

A session whose workshop cannot be found still reports everything it captured: each
record is shown with a stand-in step made from the record alone (the kind's
``stand_in``), with ids where titles are unknown.

The trainer's notes are only in the version made with ``Options(with_notes=True)``
(each kind's section gives them through :func:`samen_tui.report.helpers.notes`).

This module never imports textual.
"""

from __future__ import annotations

from typing import Any

from samen_tui import kinds
from samen_tui.i18n import language, plural, t
from samen_tui.report.actions import action_list
from samen_tui.report.blocks import (
    Block,
    Fields,
    Heading,
    Outline,
    Paragraph,
    Table,
    TimeChart,
    TimeRow,
)
from samen_tui.report.helpers import Options, fmt_date, using_options, using_workshop
from samen_tui.report.html import to_html
from samen_tui.report.markdown import to_markdown
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


def _title(workshop: Workshop | None, session: Session) -> str:
    return session.title.strip() or (workshop.title if workshop else "") or session.workshop


def report_title(workshop: Workshop | None, session: Session) -> str:
    """The verslag's name: its title and the session's date (the HTML's ``<title>``)."""
    title = t("report.title", title=_title(workshop, session))
    if session.started is not None:
        title = t("report.title_dated", title=title, date=fmt_date(session.started.date()))
    return title


def _discussed(workshop: Workshop, session: Session) -> list[Block]:
    """ "Wat we bespraken": the titles of the steps whose kind says ``DISCUSSED`` (the
    slides), in order, per agenda item; for a session not ended, up to the step it
    was on."""
    ids = workshop.step_ids()
    last = ids.index(session.current) if session.ended is None and session.current in ids else None
    items: list[tuple[str, tuple[str, ...]]] = []
    for number, item in enumerate(workshop.items, start=1):
        titles = tuple(
            step.title
            for step in item.steps
            if getattr(kinds.part(step.KIND, "report"), "DISCUSSED", False)
            and (last is None or ids.index(step.id) <= last)
        )
        if titles:
            items.append((f"{number}. {item.title}", titles))
    if not items:
        return []
    return [Heading(t("report.discussed"), level=2), Outline(tuple(items))]


def _times(workshop: Workshop, session: Session) -> list[Block]:
    """Time used against time planned per agenda item (when any was recorded)."""
    if not any(
        (spent := session.items.get(item.id)) is not None and spent.seconds > 0
        for item in workshop.items
    ):
        return []
    rows: list[tuple[str, str, str]] = []
    chart: list[TimeRow] = []
    for number, item in enumerate(workshop.items, start=1):
        spent = session.items.get(item.id)
        used = _minutes(spent.seconds) if spent is not None and spent.seconds > 0 else None
        label = f"{number}. {item.title}"
        rows.append((label, str(item.minutes), str(used) if used is not None else t("report.none")))
        text = t(
            "report.time.row",
            item=label,
            planned=item.minutes,
            used=used if used is not None else t("report.none"),
        )
        chart.append(TimeRow(label, item.minutes, used, text))
    return [
        Heading(t("report.time.title"), level=2),
        Table(
            (t("report.time.item"), t("report.time.planned"), t("report.time.used")),
            tuple(rows),
            align="lrr",
            caption=t("report.time.caption"),
            row_headers=True,
        ),
        TimeChart(t("report.time.title"), tuple(chart), legend=t("report.time.legend")),
    ]


def _header(workshop: Workshop | None, session: Session, options: Options) -> list[Block]:
    title = _title(workshop, session)
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
    if options.with_notes:
        blocks.append(Paragraph(t("report.with_notes"), note=True))
    blocks.append(Heading(t("report.participants"), level=2))
    if session.participants:
        columns = [t("report.participant.name")]
        has_org = any(p.organisation.strip() for p in session.participants)
        has_role = any(p.role.strip() for p in session.participants)
        if has_org:
            columns.append(t("report.organisation"))
        if has_role:
            columns.append(t("report.role"))
        rows = []
        for p in session.participants:
            row = [p.name]
            if has_org:
                row.append(p.organisation)
            if has_role:
                row.append(p.role)
            rows.append(tuple(row))
        blocks.append(
            Table(
                tuple(columns),
                tuple(rows),
                caption=plural("report.participants.caption", len(session.participants)),
                row_headers=True,
            )
        )
    else:
        blocks.append(Paragraph(t("report.nothing"), note=True))
    if workshop is not None:
        blocks.extend(_discussed(workshop, session))
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


def report_blocks(
    workshop: Workshop | None, session: Session, options: Options | None = None
) -> list[Block]:
    """The whole verslag as blocks, in the current language. ``workshop`` ``None``:
    from the records alone. ``options``: the participants' version by default."""
    options = options or Options()
    with using_workshop(workshop), using_options(options):
        blocks = _header(workshop, session, options)
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
        if workshop is not None:
            blocks.extend(_times(workshop, session))
    return blocks


def report_markdown(
    workshop: Workshop | None, session: Session, options: Options | None = None
) -> str:
    """The verslag as Markdown."""
    return to_markdown(report_blocks(workshop, session, options))


def report_html(workshop: Workshop | None, session: Session, options: Options | None = None) -> str:
    """The verslag as one self-contained HTML document (:mod:`samen_tui.report.html`)."""
    return to_html(
        report_blocks(workshop, session, options),
        lang=language(),
        title=report_title(workshop, session),
        footer=t("report.made_with"),
    )
