"""The sort step in the verslag: the motive map.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.sort import categories, taken
from samen_tui.kinds.sort.model import Category, SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.kinds.sort.stats import category_counts, organisation_counts
from samen_tui.report.blocks import (
    BarChart,
    Block,
    Bullets,
    ChartBar,
    Heading,
    Paragraph,
    Table,
)
from samen_tui.report.helpers import as_record, as_step, card_who, current_workshop, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """The motive map: counts per category (a table and its bars), the cards per
    category with who said them, and the counts per organisation. With ``from`` the
    earlier step's cards are in it as the step shows them (:mod:`taken`); categories
    merged in the room are named under the table."""
    file_step = as_step(step, SortStep)
    record = as_record(rec, SortRecord)
    if file_step.from_:
        record = taken.pulled(record, flow.incoming(file_step, session, current_workshop()))
    sort = categories.resolve(file_step, record)
    if record is None or (not record.cards and not notes(record.notes)):
        return []
    titles = {c.id: c.title for c in sort.categories}
    counts = category_counts(sort, record)
    blocks: list[Block] = []
    merges = categories.merges(file_step, record)
    if record.cards:
        blocks.append(
            Table(
                (t("report.sort.category"), t("report.sort.cards")),
                tuple((titles.get(cid, cid), str(n)) for cid, n in counts.items()),
                align="lr",
                caption=sort.words.get("report_counts"),
                row_headers=True,
            )
        )
        if merges:
            joined = "; ".join(t("report.sort.merged_one", gone=g, into=i) for g, i in merges)
            blocks.append(Paragraph(t("report.sort.merged", merges=joined), note=True))
        blocks.append(
            BarChart(
                sort.words.get("report_counts"),
                tuple(
                    ChartBar(titles.get(cid, cid), float(n), str(n)) for cid, n in counts.items()
                ),
            )
        )
        for cid, n in counts.items():
            if not n:
                continue
            blocks.append(Heading(f"{titles.get(cid, cid)} ({n})", level=4))
            blocks.append(
                Bullets(
                    tuple(
                        t("report.said_by", text=card.text, who=card_who(session, card.who))
                        for card in record.cards
                        if card.category == cid
                    )
                )
            )
        by_org = organisation_counts(session, record, sort)
        columns = [cid for cid, n in counts.items() if n]
        blocks.append(Heading(sort.words.get("report_per_organisation"), level=4))
        blocks.append(
            Table(
                (
                    t("report.organisation"),
                    *(titles.get(cid, cid) for cid in columns),
                    t("report.total"),
                ),
                tuple(
                    (org, *(str(row.get(cid, 0)) for cid in columns), str(sum(row.values())))
                    for org, row in by_org.items()
                ),
                align="l" + "r" * (len(columns) + 1),
                caption=sort.words.get("report_per_organisation_caption"),
                row_headers=True,
            )
        )
    blocks.extend(notes(record.notes))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """A step with the categories the cards name (titled by their ids)."""
    assert isinstance(rec, SortRecord)
    return SortStep(
        id=step_id,
        title=step_id,
        categories=tuple(
            Category(id=c, title=c or t("report.other"))
            for c in dict.fromkeys(card.category for card in rec.cards)
        ),
    )
