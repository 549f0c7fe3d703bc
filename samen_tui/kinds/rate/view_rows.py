"""The rows of the rate step's view: a line of columns (title, score, mean, spread),
an ingredient's row with its note, a cluster's head, the rater's line and the note
field. Each reaches its :class:`~samen_tui.kinds.rate.view.RateView` as an ancestor.

The score keys are static bindings, one per digit
(:data:`~samen_tui.kinds.rate.draw.SCORE_KEYS`), enabled by ``check_action`` for the
keys the step's scale uses and named after their point of the scale by
``binding_label`` (see :func:`samen_tui.tui.keys.describe`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.rate.draw import (
    MEAN_WIDTH,
    SCORE_KEYS,
    SPREAD_WIDTH,
    TYPING_WINDOW,
    score_keys,
    shown_key,
    starts_two_digits,
    typed_score,
)
from samen_tui.kinds.rate.model import Group, RateItem, RateStep
from samen_tui.tui import tuning
from samen_tui.tui.widgets.inputs import FittedInput

if TYPE_CHECKING:
    from samen_tui.kinds.rate.view import RateView

clock = time.monotonic
"""The clock of two-digit typing (a test sets its own)."""


def rate_view(node: DOMNode) -> RateView:
    """The rate view a row is in."""
    return cast("RateView", node.query_ancestor("RateView"))


def hand_over(widget: Widget) -> None:
    """A changed cell's repaint handed to the screen at once with the tuning on
    (:mod:`samen_tui.tui.tuning.views`); stock Textual paints it at the widget's turn.
    The tuning module is not even imported with ``SAMEN_SAFE=1``."""
    if tuning.ENABLED:
        from samen_tui.tui.tuning.views import hand_over as now

        now(widget)


class Cell(Static):
    """A cell of a :class:`Line` (or a note) that remembers what it shows."""

    def __init__(self, *, classes: str = "", id: str | None = None) -> None:
        super().__init__("", classes=classes, id=id, markup=False)
        self.shown: object = None

    def show(self, content: str | Text, *, layout: bool) -> bool:
        """Show ``content`` unless it is shown already; whether it changed."""
        key = shown_key(content)
        if key == self.shown:
            return False
        self.shown = key
        self.update(content, layout=False)
        if layout and not self._keeps_height():
            self.refresh(layout=True)
        # hand the request to the screen now: left to the cell's own idle time it often
        # arrived after the screen had painted the rest of the key (the detail line
        # after a move: a second paint, ~30 ms later)
        hand_over(self)
        return True

    def _keeps_height(self) -> bool:
        """Whether what it shows now takes the lines it has: then a repaint will do (a
        layout of the screen for the line under the checklist was most of a key)."""
        size = self.content_size
        if not self.is_mounted or not size.width or not size.height:
            return False
        return self.get_content_height(size, size, size.width) == size.height


class Line(Widget):
    """One line in the columns every row shares: title, score, mean, spread.

    One widget that lays out its own columns: as a row of four cells it was five
    widgets per ingredient, and the paint of the checklist (a pagedown onto it) went
    mostly to rendering them and cutting each line at their edges.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rate-line--title"}
    COLUMNS = ("title", "score", "mean", "spread")

    def __init__(self, score_cols: int, *, classes: str = "", id: str | None = None) -> None:
        super().__init__(classes=f"rate-line {classes}".strip(), id=id)
        self._score_cols = score_cols
        self._parts: tuple[Text, ...] = tuple(Text() for _ in self.COLUMNS)
        self._shown: object = None

    def show(
        self, title: str | Text, score: str | Text, mean: str | Text, spread: str | Text
    ) -> None:
        """Show these columns; a change repaints the line (it is one row high, so it
        never asks for a layout)."""
        parts = tuple(
            part if isinstance(part, Text) else Text(part) for part in (title, score, mean, spread)
        )
        key = tuple(shown_key(part) for part in parts)
        if key == self._shown:
            return
        self._shown = key
        self._parts = parts
        self.refresh()
        # hand the request to the screen now: left to the line's own idle time it often
        # arrived after the screen had painted the rest of the key (a second paint)
        hand_over(self)

    def spans(self, width: int) -> list[tuple[str, int, int]]:
        """(column, start, end) of each column on a line ``width`` cells wide: the
        title takes what the others leave; the score has a blank before it, the mean
        and the spread are right-aligned in ``MEAN_WIDTH`` and ``SPREAD_WIDTH`` cells
        with a blank between them and after the spread."""
        widths = (
            max(0, width - self._score_cols - MEAN_WIDTH - SPREAD_WIDTH - 2),
            self._score_cols,
            MEAN_WIDTH + 1,
            SPREAD_WIDTH + 1,
        )
        out = []
        start = 0
        for name, size in zip(self.COLUMNS, widths, strict=True):
            out.append((name, start, start + size))
            start += size
        return out

    def _title_style(self) -> Style:
        style = self.get_component_rich_style("rate-line--title", partial=True)
        if style.color is not None:
            # a colour such as $text is worked out against the background, and only
            # the full style has that done
            color = self.get_component_rich_style("rate-line--title").color
            style += Style(color=color)
        return style

    def render(self) -> Text:
        width = self.content_size.width
        title, score, mean, spread = (part.copy() for part in self._parts)
        (_, _, title_end), _, _, _ = self.spans(width)
        title.truncate(title_end, overflow="ellipsis", pad=True)
        title.stylize_before(self._title_style())
        score.truncate(self._score_cols - 1, pad=True)
        mean.truncate(MEAN_WIDTH)
        mean.align("right", MEAN_WIDTH + 1)
        spread.truncate(SPREAD_WIDTH)
        spread.align("right", SPREAD_WIDTH)
        return Text.assemble(title, " ", score, mean, spread, " ", no_wrap=True, end="")


class ClusterHead(Line):
    """A cluster's title with a bar of its mean."""

    def __init__(self, group: Group, score_cols: int) -> None:
        super().__init__(score_cols, classes="rate-head")
        self.group = group


class IngredientRow(Vertical, can_focus=True):
    """One ingredient: a line of columns, and its note below (never markup)."""

    BINDINGS = [
        Binding(
            "up", "nav(-1)", "key.rate.nav", show=False, id="rate.row.up", tooltip="tip.rate.nav"
        ),
        Binding(
            "down", "nav(1)", "key.rate.nav", show=False, id="rate.row.down", tooltip="tip.rate.nav"
        ),
        Binding(
            "x,delete,backspace",
            "clear",
            "key.rate.clear",
            id="rate.row.clear",
            tooltip="tip.rate.clear",
        ),
        Binding("enter,n", "note", "key.rate.note", id="rate.row.note", tooltip="tip.rate.note"),
        Binding(
            "left",
            "rater(-1)",
            "key.rate.prev_rater",
            show=False,
            id="rate.row.prev",
            tooltip="tip.rate.prev_rater",
        ),
        Binding(
            "right",
            "rater(1)",
            "key.rate.next_rater",
            show=False,
            id="rate.row.next",
            tooltip="tip.rate.next_rater",
        ),
        *(
            Binding(
                key,
                f"score('{key}')",
                "key.rate.score",
                id=f"rate.row.score.{key}",
                tooltip="tip.rate.score",
            )
            for key in SCORE_KEYS
        ),
    ]

    def __init__(self, item: RateItem, step: RateStep, score_cols: int, read_only: bool) -> None:
        super().__init__(classes="rate-row")
        self.item = item
        self._score_cols = score_cols
        self._read_only = read_only
        self.scale = step.scale
        self._values = dict(score_keys(step.scale))
        self._noun = step.words.item_noun

    def compose(self) -> ComposeResult:
        self.line = Line(self._score_cols)
        self.note = Cell(classes="rate-note")
        yield self.line
        yield self.note

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._read_only and action in ("score", "clear", "note"):
            return False
        if action == "score":
            return parameters[:1] != () and parameters[0] in self._values
        if action == "rater":
            try:
                return self.view.can_switch_rater
            except NoMatches:  # being recomposed (a resize): no view above this row now
                return False
        return True

    def _score_value(self, binding: Binding) -> int | None:
        if not binding.action.startswith("score("):
            return None
        return self._values.get(binding.key)

    def binding_label(self, binding: Binding) -> str | None:
        """A score key is named after its point of the scale; on a scale without labels
        the lowest key stands for all of them ("0–10 Score"). ↑/↓ name the file's
        item (``words.item_noun``) where it gives one."""
        if self._noun and binding.action.startswith("nav("):
            return t("key.rate.nav_noun", noun=self._noun)
        value = self._score_value(binding)
        if value is None:
            return None
        if self.scale.labels:
            return self.scale.label(value)
        return None if value == self.scale.min else ""

    def binding_tooltip(self, binding: Binding) -> str | None:
        """The keys' explanations with the file's item (``words.item_noun``)."""
        if not self._noun:
            return None
        action = binding.action.split("(")[0]
        if action == "nav":
            return t("key.rate.nav_noun", noun=self._noun)
        if action in ("score", "clear", "note"):
            return t(f"tip.rate.{action}_noun", noun=self._noun)
        return None

    def binding_display(self, binding: Binding) -> str | None:
        """The lowest score key of a scale without labels is shown as the scale."""
        value = self._score_value(binding)
        if value is None or self.scale.labels or value != self.scale.min:
            return None
        return f"{self.scale.min}–{self.scale.max}"

    @property
    def view(self) -> RateView:
        return rate_view(self)

    def on_focus(self) -> None:
        self.view.focused_item(self.item.id)

    @property
    def target(self) -> str:
        """The ingredient a key acts on: the one with the cursor (keys are queued per
        widget, so one pressed right after ↑/↓ may still arrive at this row)."""
        current = self.view.state.current
        return current if self.view.has_item(current) else self.item.id

    def action_nav(self, delta: int) -> None:
        self.view.move_cursor(self.target, delta)

    def action_score(self, key: str) -> None:
        """A score key: its point of the scale; right after a 1 on a scale up to 10,
        a 0 makes 10 (the number typed)."""
        view = self.view
        target = self.target
        item_id, before, at = view.typed
        now = clock()
        value = self._values[key]
        if item_id == target and now - at <= TYPING_WINDOW:
            value = typed_score(self.scale, before, key) or value
            view.typed = ("", "", 0.0)
        elif starts_two_digits(self.scale, key):
            view.typed = (target, key, now)
        view.rate(target, value)

    def action_clear(self) -> None:
        self.view.clear(self.target)

    def action_note(self) -> None:
        self.view.edit_note(self.target)

    def action_rater(self, delta: int) -> None:
        self.view.cycle_rater(delta)


class NoteInput(FittedInput):
    """The note of the focused ingredient; Enter or Esc is done."""

    BINDINGS = [
        Binding(
            "escape",
            "done",
            "key.rate.note_done",
            id="rate.note.done",
            tooltip="tip.rate.note_done",
        ),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.item_id = ""

    def action_done(self) -> None:
        rate_view(self).note_done()

    async def action_submit(self) -> None:
        # at once, not through a message: keys typed right after Enter reach the list
        rate_view(self).note_done()


class RaterBar(Line):
    """Who rates now, and the column headings."""

    def on_click(self, event: events.Click) -> None:
        event.stop()
        rate_view(self).action_who()
