"""Numbers drawn from a rate record: the statistics of each item and of each group.

Pure functions over the step and its record, shared by the view, the report and the
comparison. Nothing here changes a record or imports textual.

An item's *values* are the participants' own ratings when at least one participant
rated it (the group's rating is then shown beside them but not averaged in, so it
does not count twice); otherwise the group's rating alone. ``mean`` is the
arithmetic mean of the values, ``spread`` is their range (highest minus lowest:
"from 2 to 5" reads better in a room than a standard deviation; 0 for a single
value), ``n`` how many values there are. An item without any value has ``mean``
and ``spread`` ``None`` and ``n`` 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samen_tui.kinds.rate.model import RateItem, RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating


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
    """The ``n`` (default ``step.weakest``) rated items with the lowest mean (the
    highest, when ``step.lower_is_better``); on equal means the widest spread first,
    then the step's order."""
    count = step.weakest if n is None else n
    if count <= 0:
        return []
    rated = [s for s in item_ratings(step, rec) if s.mean is not None]
    order = {item.id: index for index, item in enumerate(step.items)}
    sign = -1 if step.lower_is_better else 1
    rated.sort(key=lambda s: (sign * (s.mean or 0.0), -(s.spread or 0), order[s.item.id]))
    return rated[:count]
