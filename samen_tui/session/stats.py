"""Numbers drawn from captured records: ratings, motive counts, dot votes.

Pure functions over the workshop model and the session records, shared by the
step widgets, the report and the comparison. Nothing here changes a record or
imports textual.

Ratings (``item_ratings``): an item's *values* are the participants' own ratings
when at least one participant rated it (the group's rating is then shown beside
them but not averaged in, so it does not count twice); otherwise the group's
rating alone. ``mean`` is the arithmetic mean of the values, ``spread`` is their
range (highest minus lowest: "from 2 to 5" reads better in a room than a
standard deviation; 0 for a single value), ``n`` how many values there are. An
item without any value has ``mean`` and ``spread`` ``None`` and ``n`` 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samen_tui.i18n import t
from samen_tui.session.model import (
    GROUP,
    BrainstormRecord,
    Idea,
    RateRecord,
    Rating,
    Session,
    SortRecord,
)
from samen_tui.workshop.model import BrainstormStep, RateItem, RateStep, SortStep

GROUP_VOTER = "groep"
"""The voter id used in ``Idea.votes`` when the group votes as one."""


# --------------------------------------------------------------------------- rate


@dataclass(frozen=True)
class ItemStat:
    """The rating statistics of one rate item."""

    item: RateItem
    values: tuple[int, ...]
    """The ratings the mean is taken over (see the module docstring)."""
    mean: float | None
    spread: int | None
    """Highest minus lowest value."""
    group: int | None = None
    """The group's own rating, whether or not it is in ``values``."""
    by: dict[str, int] = field(default_factory=dict)
    """The participants' ratings by participant id."""
    note: str = ""

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def rated(self) -> bool:
        return bool(self.values)

    @property
    def from_participants(self) -> bool:
        """Whether the values are the participants' ratings (else the group's)."""
        return bool(self.by)


def item_stat(item: RateItem, rating: Rating | None) -> ItemStat:
    """The statistics of one item from its rating (``None``: not rated)."""
    if rating is None:
        return ItemStat(item=item, values=(), mean=None, spread=None)
    by = dict(rating.by)
    if by:
        values = tuple(by.values())
    elif rating.group is not None:
        values = (rating.group,)
    else:
        values = ()
    mean = sum(values) / len(values) if values else None
    spread = max(values) - min(values) if values else None
    return ItemStat(
        item=item,
        values=values,
        mean=mean,
        spread=spread,
        group=rating.group,
        by=by,
        note=rating.note,
    )


def item_ratings(step: RateStep, rec: RateRecord | None) -> list[ItemStat]:
    """One ``ItemStat`` per item of the step, in the step's order."""
    ratings = rec.ratings if rec is not None else {}
    return [item_stat(item, ratings.get(item.id)) for item in step.items]


def _mean(values: Iterable[float]) -> float | None:
    vals = list(values)
    return sum(vals) / len(vals) if vals else None


def group_means(step: RateStep, rec: RateRecord | None) -> dict[str, float | None]:
    """Per group id (in the step's order): the mean of its rated items' means
    (every rated item weighs the same), ``None`` when none of them is rated."""
    stats = item_ratings(step, rec)
    return {
        group.id: _mean(s.mean for s in stats if s.item.group == group.id and s.mean is not None)
        for group in step.groups
    }


def weakest(step: RateStep, rec: RateRecord | None, n: int | None = None) -> list[ItemStat]:
    """The ``n`` (default ``step.weakest``) rated items with the lowest mean; on equal
    means the widest spread first, then the step's order."""
    count = step.weakest if n is None else n
    if count <= 0:
        return []
    rated = [s for s in item_ratings(step, rec) if s.mean is not None]
    order = {item.id: index for index, item in enumerate(step.items)}
    rated.sort(key=lambda s: (s.mean, -(s.spread or 0), order[s.item.id]))
    return rated[:count]


# --------------------------------------------------------------------------- sort


def category_counts(step: SortStep, rec: SortRecord | None) -> dict[str, int]:
    """Cards per category id: every category of the step in its order (0 when
    empty), then any category a card names that the step no longer has."""
    counts = {category.id: 0 for category in step.categories}
    for card in rec.cards if rec is not None else ():
        counts[card.category] = counts.get(card.category, 0) + 1
    return counts


def group_label() -> str:
    """How "the group" is named where a participant or organisation would be."""
    return t("stats.group")


def no_organisation_label() -> str:
    return t("stats.no_organisation")


def organisation_of(session: Session, who: str) -> str:
    """The organisation a card's author stands for: the group's label for the
    group, a label for a participant without (or no longer with) an organisation."""
    if who == GROUP:
        return group_label()
    participant = session.participant(who)
    if participant is None or not participant.organisation.strip():
        return no_organisation_label()
    return participant.organisation.strip()


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


# --------------------------------------------------------------------------- brainstorm


def ranked(
    step: BrainstormStep | None, rec: BrainstormRecord | None, prompt_id: str | None = None
) -> list[Idea]:
    """The ideas (of one prompt, or all) by votes, most first; equal votes keep the
    order in which they were entered. ``step`` may be ``None`` (record only)."""
    ideas = rec.ideas if rec is not None else []
    chosen = [idea for idea in ideas if prompt_id is None or idea.prompt == prompt_id]
    return sorted(chosen, key=lambda idea: -idea.total_votes)  # sorted() is stable


def ranks(ideas: list[Idea]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of ideas already in ``ranked`` order."""
    out: list[int] = []
    for index, idea in enumerate(ideas):
        if index and idea.total_votes == ideas[index - 1].total_votes:
            out.append(out[-1])
        else:
            out.append(index + 1)
    return out


def votes_used(rec: BrainstormRecord | None, voter: str) -> int:
    """The dots ``voter`` has placed on any idea of the step."""
    if rec is None:
        return 0
    return sum(max(idea.votes.get(voter, 0), 0) for idea in rec.ideas)


def votes_left(step: BrainstormStep, rec: BrainstormRecord | None, voter: str) -> int:
    """The dots ``voter`` may still place (0 when the step has no voting)."""
    if step.voting is None:
        return 0
    return max(step.voting.budget - votes_used(rec, voter), 0)


def voters(step: BrainstormStep, session: Session) -> list[str]:
    """Who votes: each participant's id, or the group as one (``GROUP_VOTER``) when
    the step says so or nobody is listed. Empty when the step has no voting."""
    if step.voting is None:
        return []
    if step.voting.per == "group" or not session.participants:
        return [GROUP_VOTER]
    return [p.id for p in session.participants]
