"""Numbers drawn from a sort record: cards per category, and per organisation.

Pure functions shared by the view, the report and the comparison. Nothing here
changes a record or imports textual.
"""

from __future__ import annotations

from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.session.model import Session
from samen_tui.session.stats import group_label, no_organisation_label, organisation_of


def category_counts(step: SortStep, rec: SortRecord | None) -> dict[str, int]:
    """Cards per category id: every category of the step in its order (0 when
    empty), then any category a card names that the step no longer has."""
    counts = {category.id: 0 for category in step.categories}
    for card in rec.cards if rec is not None else ():
        counts[card.category] = counts.get(card.category, 0) + 1
    return counts


def organisation_counts(
    session: Session, rec: SortRecord | None, step: SortStep | None = None
) -> dict[str, dict[str, int]]:
    """Cards per organisation and category. Organisations in the order their
    participants are listed, then the group's and the "no organisation" rows when
    they have cards. With ``step`` every category of the step is present (0 when
    empty); without it only the categories that have cards."""
    cards = rec.cards if rec is not None else []
    base: dict[str, int] = (
        {category.id: 0 for category in step.categories} if step is not None else {}
    )
    order: list[str] = []
    for participant in session.participants:
        org = participant.organisation.strip()
        if org and org not in order:
            order.append(org)
    out: dict[str, dict[str, int]] = {}
    for card in cards:
        org = organisation_of(session, card.who)
        row = out.setdefault(org, dict(base))
        row[card.category] = row.get(card.category, 0) + 1
    ranked = {org: index for index, org in enumerate(order)}
    tail = {group_label(): len(order), no_organisation_label(): len(order) + 1}
    return dict(
        sorted(out.items(), key=lambda kv: ranked.get(kv[0], tail.get(kv[0], len(order) + 2)))
    )
