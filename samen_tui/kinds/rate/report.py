"""The rate step in the verslag: the ratings per cluster (the mean of the
participants' scores beside the group's own score), the weakest items, and their
pictures (cluster means as bars, each cluster's scores on the scale, a radar of all
items when there are five or more).

This module never imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.rate.model import Group, RateItem, RateStep, Scale
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.rate.stats import ItemStat, group_means, item_ratings, weakest
from samen_tui.report.blocks import (
    BarRow,
    Bars,
    Block,
    Bullets,
    Heading,
    Paragraph,
    RadarChart,
    RangeChart,
    RangeRow,
    Table,
)
from samen_tui.report.helpers import as_record, as_step, current_workshop, fmt_number, notes
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import Step

RADAR_FROM = 5
"""A rate step with this many items or more also gets a radar chart."""


def _own(s: ItemStat) -> tuple[float | None, int | None, int | None]:
    """The mean, lowest and highest of the participants' own scores."""
    values = list(s.by.values())
    if not values:
        return None, None, None
    return sum(values) / len(values), min(values), max(values)


def _weak_text(s: ItemStat) -> str:
    mean, lowest, highest = _own(s)
    if mean is None:
        return t("report.rate.weak_group", title=s.item.title, group=s.group)
    spread = (highest or 0) - (lowest or 0)
    text = t("report.rate.weak_item", title=s.item.title, mean=fmt_number(mean), spread=spread)
    if s.group is not None:
        text += t("report.rate.weak_with_group", group=s.group)
    return text


def _row_text(s: ItemStat, weak: int) -> str:
    """One item's numbers in words (the title of its marks in the chart)."""
    mean, lowest, highest = _own(s)
    parts: list[str] = []
    if mean is not None:
        parts.append(
            t("report.rate.row_own", mean=fmt_number(mean), lowest=lowest, highest=highest)
        )
    if s.group is not None:
        parts.append(t("report.rate.row_group", group=s.group))
    if not parts:
        parts.append(t("report.rate.unrated"))
    if weak:
        parts.append(t("report.rate.row_weak", n=weak))
    return f"{s.item.title}: " + "; ".join(parts)


def _bars(rate: RateStep, means: dict[str, float | None]) -> Bars:
    """A bar per cluster with its mean."""
    return Bars(
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
        rate.scale.min,
        rate.scale.max,
        title=rate.words.get("report_bars"),
    )


def _radar(
    rate: RateStep, stats: list[ItemStat], weak_rank: dict[str, int], *, labelled: bool
) -> RadarChart:
    """The items' means as a web (``labelled``: the step asked for it, see
    :class:`~samen_tui.report.blocks.RadarChart`)."""
    low, high = rate.scale.min, rate.scale.max
    return RadarChart(
        t("report.rate.radar_title", title=rate.title),
        tuple(
            BarRow(
                s.item.title,
                s.mean,
                fmt_number(s.mean) if s.mean is not None else t("report.rate.unrated"),
            )
            for s in stats
        ),
        low,
        high,
        legend=t("report.rate.radar_legend", low=low, high=high),
        labelled=labelled,
        weak=tuple(weak_rank.get(s.item.id, 0) for s in stats) if labelled else (),
    )


def section(step: Step, rec: Record | None, session: Session) -> list[Block]:
    """Ratings per cluster: a bar per cluster with its mean, each cluster's items
    with the participants' mean, spread and count and the group's score, the
    weakest items marked and listed."""
    rate = flow.resolve(as_step(step, RateStep), session, current_workshop())
    record = as_record(rec, RateRecord)
    if record is None:
        return []
    item_stats = item_ratings(rate, record)
    if not any(s.rated or s.note.strip() for s in item_stats) and not notes(record.notes):
        return []
    low, high = rate.scale.min, rate.scale.max
    means = group_means(rate, record)
    weak = weakest(rate, record)
    weak_rank = {s.item.id: index for index, s in enumerate(weak, start=1)}
    has_group = any(s.group is not None for s in item_stats)
    has_notes = any(s.note.strip() for s in item_stats)
    group_only = any(s.group is not None and not s.by for s in item_stats)
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
        Paragraph(
            t("report.rate.columns_group" if has_group else "report.rate.columns"), note=True
        ),
    ]
    if group_only:
        blocks.append(Paragraph(t("report.rate.group_only"), note=True))
    if rate.lower_is_better:
        blocks.append(Paragraph(t("report.rate.lower_is_better"), note=True))
    if rate.radar:  # the step's own picture: first, every label whole
        blocks.append(_radar(rate, item_stats, weak_rank, labelled=True))
    if rate.totals:
        blocks.append(_bars(rate, means))
    if len(rate.items) >= RADAR_FROM and not rate.radar:
        blocks.append(_radar(rate, item_stats, weak_rank, labelled=False))
    headers = [rate.words.get("report_item"), t("report.rate.mean"), t("report.rate.spread")]
    headers.append(t("report.rate.n"))
    align = "lrrr"
    if has_group:
        headers.append(t("report.rate.group"))
        align += "r"
    if has_notes:
        headers.append(t("report.rate.note"))
        align += "l"
    if weak:
        headers.append(t("report.rate.weak_col"))
        align += "r"
    for group in rate.groups:
        stats = [s for s in item_stats if s.item.group == group.id]
        rows = []
        chart_rows = []
        for s in stats:
            mean, lowest, highest = _own(s)
            rank = weak_rank.get(s.item.id, 0)
            row = [
                s.item.title,
                fmt_number(mean),
                str(highest - lowest)
                if highest is not None and lowest is not None
                else t("report.none"),
                str(len(s.by)),
            ]
            if has_group:
                row.append(str(s.group) if s.group is not None else t("report.none"))
            if has_notes:
                row.append(s.note.strip())
            if weak:
                row.append(str(rank) if rank else "")
            rows.append(tuple(row))
            chart_rows.append(
                RangeRow(s.item.title, mean, lowest, highest, s.group, rank, _row_text(s, rank))
            )
        if rate.totals:
            blocks.append(Heading(f"{group.title} ({fmt_number(means[group.id])})", level=4))
        elif rate.grouped:
            blocks.append(Heading(group.title, level=4))
        blocks.append(
            RangeChart(
                t("report.rate.range_title", cluster=group.title),
                tuple(chart_rows),
                low,
                high,
                legend=t("report.rate.range_legend") if group == rate.groups[0] else "",
            )
        )
        blocks.append(
            Table(
                tuple(headers),
                tuple(rows),
                align=align,
                caption=t("report.rate.caption", cluster=group.title),
                row_headers=True,
            )
        )
    if weak:
        blocks.append(Paragraph(rate.words.get("report_weakest")))
        blocks.append(Bullets(tuple(_weak_text(s) for s in weak)))
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
