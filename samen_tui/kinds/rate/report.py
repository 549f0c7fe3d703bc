"""The rate step in the verslag: the ratings per cluster, the weakest items.

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds.rate.model import Group, RateItem, RateStep, Scale
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.rate.stats import group_means, item_ratings, weakest
from samen_tui.report.blocks import BarRow, Bars, Block, Bullets, Heading, Paragraph, Table
from samen_tui.report.helpers import as_record, as_step, fmt_number, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Ratings per cluster: a bar per cluster with its mean, the items with mean
    and spread, the weakest items marked and listed."""
    rate = as_step(step, RateStep)
    record = as_record(rec, RateRecord)
    if record is None:
        return []
    item_stats = item_ratings(rate, record)
    if not any(s.rated or s.note.strip() for s in item_stats) and not record.notes.strip():
        return []
    low, high = rate.scale.min, rate.scale.max
    means = group_means(rate, record)
    weak = weakest(rate, record)
    weak_ids = {s.item.id for s in weak}
    blocks: list[Block] = [
        Paragraph(
            t(
                "report.rate.scale",
                low=low,
                high=high,
                low_label=rate.scale.label(low),
                high_label=rate.scale.label(high),
            ),
            note=True,
        ),
        Bars(
            tuple(
                BarRow(
                    group.title,
                    means[group.id],
                    fmt_number(means[group.id])
                    if means[group.id] is not None
                    else t("report.rate.unrated"),
                )
                for group in rate.groups
            ),
            low,
            high,
        ),
    ]
    headers = (
        t("report.rate.item"),
        t("report.rate.mean"),
        t("report.rate.spread"),
        t("report.rate.n"),
        t("report.rate.note"),
        "",
    )
    for group in rate.groups:
        rows = []
        for s in item_stats:
            if s.item.group != group.id:
                continue
            rows.append(
                (
                    s.item.title,
                    fmt_number(s.mean),
                    str(s.spread) if s.spread is not None else t("report.none"),
                    str(s.n),
                    s.note.strip(),
                    t("report.rate.weak_mark") if s.item.id in weak_ids else "",
                )
            )
        blocks.append(Heading(f"{group.title} ({fmt_number(means[group.id])})", level=4))
        blocks.append(Table(headers, tuple(rows), align="lrrrll"))
    if weak:
        blocks.append(Paragraph(t("report.rate.weakest"), label=""))
        blocks.append(
            Bullets(
                tuple(
                    t(
                        "report.rate.weak_item",
                        title=s.item.title,
                        mean=fmt_number(s.mean),
                        spread=s.spread,
                    )
                    for s in weak
                )
            )
        )
    blocks.extend(notes(record.notes))
    return blocks


def stand_in(step_id: str, rec: Record) -> Step:
    """One group of the items the record rates (titled by their ids), on a scale that
    holds every value it has."""
    assert isinstance(rec, RateRecord)
    return RateStep(
        id=step_id,
        title=step_id,
        groups=(Group(id="", title=t("report.rate.items")),),
        items=tuple(RateItem(id=k, title=k, group="") for k in rec.ratings),
        scale=_stand_in_scale(rec),
    )


def _stand_in_scale(rec: RateRecord) -> Scale:
    """The default scale, widened to hold every value the record has."""
    values = [
        v
        for rating in rec.ratings.values()
        for v in ([rating.group] if rating.group is not None else []) + list(rating.by.values())
    ]
    default = Scale()
    low = min([default.min, *values])
    high = max([default.max, *values])
    if (low, high) == (default.min, default.max):
        return default
    return Scale(min=low, max=high, labels=())
