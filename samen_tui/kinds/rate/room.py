"""rate in the room: the ingredients per cluster, and once the trainer reveals them
(F7) the ratings: a bar per cluster and per item, the weakest items marked.

While the room would not hold every item (a small or zoomed terminal), it shows the
clusters' bars and the weakest items only. A step with ``chart = "radar"`` shows,
once revealed, the web of the items' means as large as the room allows (only the
mean: never one person's scores on the beamer), the weakest items marked; where the
web would not fit, the bars as above. Never the trainer's notes on the step."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.rate.draw import bar_text, number
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.radar import MIN_ROWS, MIN_WIDTH, Series, radar
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.rate.stats import ItemStat, group_means, item_ratings, weakest
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import GUTTER, Columns, RoomView, columns_for

BAR = 10
"""Cells of a bar."""
WIDEST = 80
"""The widest a column of clusters is: wider, the bars stand far from their titles."""
MEAN = 4
MARK = 3
RADAR_ROWS = 3
"""Rows under the web: its legend, a blank, the weakest items."""


class RoomRadar(Widget):
    """The web of the means, drawn at the height it is given."""

    DEFAULT_CSS = """
    RoomRadar { height: 1; }
    RoomRadar > .rate-radar--grid { color: $text-muted; }
    RoomRadar > .rate-radar--mean { color: $accent; text-style: bold; }
    RoomRadar > .rate-radar--weak { color: $text-warning; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rate-radar--grid",
        "rate-radar--mean",
        "rate-radar--weak",
    }

    def __init__(self, step: RateStep, stats: list[ItemStat], weak: dict[str, int]) -> None:
        super().__init__(classes="rate-radar")
        self.rate_step, self.stats, self.weak = step, stats, weak

    def render(self) -> Text:
        style = self.get_component_rich_style
        labels = [
            Text(
                f"▼{self.weak[s.item.id]} {s.item.title}"
                if s.item.id in self.weak
                else s.item.title,
                style=style("rate-radar--weak") if s.item.id in self.weak else "",
            )
            for s in self.stats
        ]
        values = [Text(_mean(s.mean), style="bold") for s in self.stats]
        scale = self.rate_step.scale
        lines = radar(
            labels,
            [Series(tuple(s.mean for s in self.stats), style=style("rate-radar--mean"))],
            scale.min,
            scale.max,
            self.content_size.width,
            self.content_size.height - 1,
            values=values,
            grid_style=style("rate-radar--grid"),
        )
        legend = Text(t("rate.radar.room_legend", low=scale.min, high=scale.max), style="dim")
        legend.align("center", self.content_size.width)
        return Text("\n", end="").join([*lines, legend])


def _mean(value: float | None) -> str:
    return number(value) if value is not None else "–"


class RateRoom(RoomView):
    """See the module doc."""

    DEFAULT_CSS = """
    RateRoom .rate-row { height: auto; }
    RateRoom .rate-title { width: 1fr; height: auto; }
    RateRoom .rate-bar { width: 10; margin-left: 1; }
    RateRoom .rate-mean { width: 4; text-align: right; }
    RateRoom .rate-mark { width: 3; text-align: right; color: $warning; text-style: bold; }
    RateRoom .rate-row.weak .rate-title { color: $warning; text-style: bold; }
    RateRoom .rate-group .rate-title { text-style: bold; color: $text-accent; }
    RateRoom .rate-weakest { margin-top: 1; }
    """

    @classmethod
    def hides_results(cls, step: object) -> bool:
        """The ratings wait for the trainer's reveal."""
        return True

    def key(self, shown: Shown) -> object:
        record = shown.record
        ratings = record.ratings if isinstance(record, RateRecord) else {}
        return (encode(ratings), shown.revealed)  # not the notes: the trainer's

    def layout_for(self, size: Size) -> object:
        return (self.column_count(size), self.radar_rows(size))

    def radar_rows(self, size: Size) -> int:
        """The rows of the web when the step has one and it fits, else 0."""
        step = self.step
        assert isinstance(step, RateStep)
        rows = size.height - RADAR_ROWS
        if not step.radar or rows < MIN_ROWS + 1 or size.width < MIN_WIDTH:
            return 0
        return rows

    def column_count(self, size: Size) -> int:
        """The number of columns of clusters when every item fits on the screen (the
        fewest that fit, none wider than :data:`WIDEST`), else 0: the summary."""
        step = self.step
        assert isinstance(step, RateStep)
        most = columns_for(size.width, len(step.groups))
        for count in range(1, most + 1):
            wide = (size.width - GUTTER * (count - 1)) // count
            if wide <= WIDEST and self.rows_needed(size.width, count) <= size.height:
                return count
        return 0

    def rows_needed(self, width: int, count: int) -> int:
        """About how many lines the full view takes at ``width`` cells in ``count``
        columns."""
        step = self.step
        assert isinstance(step, RateStep)
        column = max((width - GUTTER * (count - 1)) // count, 1)
        title = max(column - BAR - 1 - MEAN - MARK, 8)
        heights = [
            1 + sum(math.ceil(len(item.title) / title) for item in step.items_of(group.id))
            for group in step.groups
        ]
        rows = [max(heights[i : i + count]) for i in range(0, len(heights), count)]
        return sum(rows) + len(rows) - 1 + 2  # gutters, and the line under it

    def compose(self) -> ComposeResult:
        step = self.step
        assert isinstance(step, RateStep)
        record = self.shown.record
        rec = record if isinstance(record, RateRecord) else None
        if not self.shown.revealed:
            yield from self.intro()
            yield self._items(step)
            yield self.hidden_note()
            return
        count = self.column_count(self.room_size)
        if rows := self.radar_rows(self.room_size):
            yield from self._radar(step, rec, rows)
        elif count:
            yield from self._full(step, rec, count)
        else:
            yield from self._summary(step, rec)

    def _items(self, step: RateStep) -> Widget:
        """The items per cluster, without ratings (they are not revealed)."""
        columns = []
        for group in step.groups:
            titles = [Text(item.title) for item in step.items_of(group.id)]
            columns.append(
                Vertical(
                    Static(group.title, classes="room-heading", markup=False),
                    self.lines(titles),
                    classes="room-column",
                )
            )
        return Columns(*columns, classes="room-columns")

    def _row(self, title: str, mean: float | None, rank: int = 0, group: bool = False) -> Widget:
        step = self.step
        assert isinstance(step, RateStep)
        classes = "rate-row" + (" weak" if rank else "") + (" rate-group" if group else "")
        return Horizontal(
            Static(title, classes="rate-title", markup=False),
            Static(bar_text(step.scale, mean, BAR), classes="rate-bar"),
            Static(_mean(mean), classes="rate-mean", markup=False),
            Static(f"▼{rank}" if rank else "", classes="rate-mark", markup=False),
            classes=classes,
        )

    def _full(self, step: RateStep, rec: RateRecord | None, count: int) -> ComposeResult:
        stats = item_ratings(step, rec)
        means = group_means(step, rec)
        rank = {s.item.id: n for n, s in enumerate(weakest(step, rec), start=1)}
        columns = []
        for group in step.groups:
            rows = [self._row(group.title, means[group.id], group=True)]
            rows += [
                self._row(s.item.title, s.mean, rank.get(s.item.id, 0))
                for s in stats
                if s.item.group == group.id
            ]
            columns.append(Vertical(*rows, classes="room-column"))
        yield Columns(*columns, count=count, classes="room-columns")
        if rank:
            yield self.note(t("room.rate.legend", n=len(rank)))

    def _radar(self, step: RateStep, rec: RateRecord | None, rows: int) -> ComposeResult:
        weak = weakest(step, rec)
        web = RoomRadar(
            step, item_ratings(step, rec), {s.item.id: n for n, s in enumerate(weak, 1)}
        )
        web.styles.height = rows
        yield web
        if weak:
            yield self.note(
                t("room.rate.weakest", n=len(weak))
                + ":  "
                + "  ".join(f"▼{n} {s.item.title} {_mean(s.mean)}" for n, s in enumerate(weak, 1)),
                "rate-weakest",
            )

    def _summary(self, step: RateStep, rec: RateRecord | None) -> ComposeResult:
        means = group_means(step, rec)
        for group in step.groups:
            yield self._row(group.title, means[group.id], group=True)
        weak: list[ItemStat] = weakest(step, rec)
        if weak:
            yield Static(
                Content(t("room.rate.weakest", n=len(weak))),
                classes="room-heading rate-weakest",
            )
            for n, s in enumerate(weak, start=1):
                yield self._row(s.item.title, s.mean, n)


ROOM = RateRoom
