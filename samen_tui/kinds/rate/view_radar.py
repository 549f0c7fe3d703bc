"""The radar of a rate step with ``chart = "radar"`` in the trainer's view: a web of
the items' means (and of the chosen rater's own scores), drawn by
:func:`samen_tui.kinds.rate.radar.radar` at the size it gets.

Where it goes (:func:`mode`): below the list when the view has room for both
(``below``); when it has not, the list alone, with **g** showing the radar instead of
the list (``only``: ←/→ still choose whose web is drawn beside the mean) and **g**
again the list. On a tall screen **g** hides and shows the radar below the list.
The weakest items (``lower_is_better`` turns them around) are marked in their labels;
the web shows the values as they are, the centre the scale's lowest point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from samen_tui.i18n import t
from samen_tui.kinds.rate.draw import number
from samen_tui.kinds.rate.radar import MIN_ROWS, MIN_WIDTH, Series, radar
from samen_tui.kinds.rate.stats import ItemStat
from samen_tui.kinds.rate.view_rows import hand_over, rate_view
from samen_tui.session.model import GROUP

if TYPE_CHECKING:
    from samen_tui.kinds.rate.view import RateView

Mode = Literal["off", "below", "only"]

PANEL_ROWS = 5
"""The rows kept for the panel under the list (the weakest, the detail)."""


class RadarCell(Widget, can_focus=True):
    """The web, drawn at the size it is given (the last line is its legend)."""

    DEFAULT_CSS = """
    RadarCell { height: 1fr; min-height: 0; }
    RadarCell:focus { background: $boost; }
    RadarCell > .rate-radar--grid { color: $text-muted; }
    RadarCell > .rate-radar--mean { color: $accent; text-style: bold; }
    RadarCell > .rate-radar--own { color: $warning; }
    RadarCell > .rate-radar--weak { color: $text-warning; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rate-radar--grid",
        "rate-radar--mean",
        "rate-radar--own",
        "rate-radar--weak",
    }
    BINDINGS = [
        Binding("left", "rater(-1)", "key.rate.prev_rater", show=False, id="rate.radar.prev"),
        Binding("right", "rater(1)", "key.rate.next_rater", show=False, id="rate.radar.next"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stats: list[ItemStat] = []
        self.weak: list[str] = []
        self.own: dict[str, int] = {}
        self.own_name = ""
        self.low, self.high = 0, 1
        self._shown: object = None

    def show(
        self,
        stats: list[ItemStat],
        weak: list[str],
        own: dict[str, int],
        own_name: str,
        scale: tuple[int, int],
    ) -> None:
        """Draw these means, the weakest marked, and ``own`` (one rater's scores, by
        item id; empty: none) beside them."""
        means = tuple((s.item.id, s.item.title, s.mean) for s in stats)
        key = (means, tuple(weak), tuple(own.items()), own_name, scale)
        if key == self._shown:
            return
        self._shown = key
        self.stats, self.weak, self.own, self.own_name = stats, weak, own, own_name
        self.low, self.high = scale
        self.refresh()
        hand_over(self)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"rate-radar--{name}")

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        if height < MIN_ROWS + 1 or width < MIN_WIDTH or len(self.stats) < 3:
            return Text()
        weak = self._style("weak")
        labels = [
            Text(s.item.title, style=weak if s.item.id in self.weak else "") for s in self.stats
        ]
        values = [
            Text(number(s.mean) if s.mean is not None else t("rate.none"), style="bold")
            for s in self.stats
        ]
        mean = Series(tuple(s.mean for s in self.stats), style=self._style("mean"))
        series = [mean]
        if self.own:
            own = tuple(
                float(self.own[s.item.id]) if s.item.id in self.own else None for s in self.stats
            )
            series.insert(0, Series(own, style=self._style("own"), marks=False))
        lines = radar(
            labels,
            series,
            self.low,
            self.high,
            width,
            height - 1,
            values=values,
            grid_style=self._style("grid"),
        )
        legend = Text(no_wrap=True, overflow="ellipsis", end="")
        legend.append(t("rate.radar.mean"), style=self._style("mean"))
        if self.own:
            legend.append("   ")
            legend.append(t("rate.radar.own", name=self.own_name), style=self._style("own"))
        legend.append("   " + t("rate.radar.scale", low=self.low, high=self.high), style="dim")
        return Text("\n", end="").join([*lines, legend])

    def action_rater(self, delta: int) -> None:
        rate_view(self).cycle_rater(delta)


def list_rows(view: RateView) -> int:
    """The rows the list takes (the intro, the rater's line, the clusters or one tab)."""
    step = view.rate_step
    intro = view.query(".step-text")
    rows = sum(w.outer_size.height for w in intro if w.is_mounted)
    sizes = [1 + len(step.items_of(g.id)) + 1 for g in step.groups]
    return rows + 1 + (sum(sizes) if view.wide else 3 + max(sizes, default=0))


def mode(view: RateView) -> Mode:
    """Where the radar goes now (see the module doc)."""
    want = view.state.radar
    if not view.rate_step.radar or want is False:
        return "off"
    room = view.size.height - list_rows(view) - PANEL_ROWS
    if room >= MIN_ROWS + 1:
        return "below"
    return "only" if want else "off"


def place(view: RateView) -> None:
    """Show the radar where :func:`mode` says, moving the focus off a hidden list."""
    cell = view.radar_cell
    if cell is None or not cell.is_attached:
        return
    now = mode(view)
    was = "only" if view.has_class("-radar-only") else ("off" if not cell.display else "below")
    if now == was:
        return
    cell.display = now != "off"
    view.set_class(now == "only", "-radar-only")
    if now == "only":
        view.screen.set_focus(cell)
    elif was == "only":
        view.call_after_refresh(view.focus_first)


def toggle(view: RateView) -> None:
    """**g**: the radar on or off (below the list, or instead of it)."""
    shown = mode(view) != "off"
    view.state.radar = not shown
    place(view)


def show(view: RateView, stats: list[ItemStat], weak: list[str]) -> None:
    """The radar of the record, with the chosen rater's own web."""
    cell = view.radar_cell
    if cell is None:
        return
    rater = view.state.rater
    order = {item.id: n for n, item in enumerate(view.ordered_items())}
    ordered = sorted(stats, key=lambda s: order.get(s.item.id, 0))
    own = {
        s.item.id: value
        for s in stats
        if (value := s.group if rater == GROUP else s.by.get(rater)) is not None
    }
    if rater == GROUP and not any(s.by for s in stats):
        own = {}  # the group's scores are the means: drawn once
    scale = (view.rate_step.scale.min, view.rate_step.scale.max)
    cell.show(ordered, weak, own, view.who(rater), scale)
    place(view)
