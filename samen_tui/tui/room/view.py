"""The base of every step kind's view of the room, and what those views share.

A kind's ``room.py`` defines ``ROOM``, a :class:`RoomView`: it gets the room's
picture of the session (:class:`~samen_tui.room.shown.Shown`) and the size it has on
the screen, and composes what the room should see of the step, large and calm:
never the trainer's notes, and participant text as text (``Static(..., markup=False)``
or inside :class:`rich.text.Text`). The room builds the view again (``recompose``)
only when what it depends on changed (:meth:`RoomView.key`), at most a few times a
second while the trainer types.

A kind whose results (ratings, dot votes) the room keeps hidden until the trainer
reveals them says so with :meth:`RoomView.hides_results`; the view then shows what
the group works on without them while ``shown.revealed`` is false.

A kind without ``room.py`` is shown by :class:`RoomView` itself: the step's text (its
title is above it, in the room's heading); :func:`room_view` says which view a kind has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from samen_tui import kinds
from samen_tui.i18n import t
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.widgets.slide import SlideText
from samen_tui.workshop.model import Step

COLUMN_WIDTH = 22
"""The narrowest a column of the room may be (cells): a board of three motives is
three columns at 80 cells, one at 60."""


def plain(text: str, style: str = "") -> Text:
    """Participant (or workshop) text as text: markup characters shown as they are."""
    return Text(text, style=style)


def columns_for(width: int, count: int, narrowest: int = COLUMN_WIDTH) -> int:
    """How many columns of at least ``narrowest`` cells ``count`` things get in
    ``width`` cells (at least one), the rows as full as can be: four clusters in a
    room for three are two rows of two, not three and one."""
    most = max(1, min(count, (width + GUTTER) // (max(narrowest, 1) + GUTTER)))
    rows = -(-count // most) if count else 1
    return max(1, -(-count // rows)) if count else 1


GUTTER = 3
"""Cells between two columns."""


def counted(title: str, count: int) -> Content:
    """A column's heading with how many it holds (kept on the title's last line)."""
    return Content.assemble((title, ""), (f"\u00a0\u00a0{count}", "$text-muted not bold"))


def bullets(texts: Iterable[str | Text], marker: str = "•", gap: int = 0) -> Static:
    """Lines of participant text, each after a marker and wrapped under itself
    (``gap`` blank lines between two)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.leading = gap
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(ratio=1, overflow="fold")  # a long address folds, never cut
    for text in texts:
        grid.add_row(marker, plain(text) if isinstance(text, str) else text)
    return Static(grid, classes="room-lines")


class Columns(Widget):
    """Its children side by side in as many columns as the width holds (at least
    :data:`COLUMN_WIDTH` cells each), row under row; one column when narrow. Each
    cell is as high as what it holds: nothing is cut, text wraps."""

    DEFAULT_CSS = """
    Columns {
        layout: grid; grid-size: 1; grid-columns: 1fr; grid-rows: auto;
        grid-gutter: 1 3; height: auto;
    }
    """

    def __init__(
        self,
        *children: Widget,
        narrowest: int = COLUMN_WIDTH,
        count: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*children, **kwargs)
        self.narrowest = narrowest
        self.count = count
        """The number of columns, when the view chose it (else: as many as fit)."""

    def fit(self, width: int) -> None:
        count = self.count or columns_for(width, len(self.children), self.narrowest)
        self.styles.grid_size_columns = count

    def on_mount(self) -> None:
        self.fit(self.size.width or self.app.size.width)

    def on_resize(self) -> None:
        self.fit(self.size.width)


class RoomView(Vertical):
    """The room's view of one step (see the module doc). Laid out as high as it is:
    the room's body scrolls when it is higher than the screen."""

    FOLLOW_END = True
    """When what the group adds makes the view higher than the screen, the room
    scrolls to its end (where the newest is): nobody scrolls a beamer. A view that
    only shows the workshop's text (a slide) stays at its top."""

    def __init__(self, shown: Shown, size: Size) -> None:
        super().__init__(classes="room-view")
        self.shown = shown
        self.room_size = size
        """The room's body: the width and height this view has on the screen."""
        self._built: tuple[object, object] = self._whole_key(shown, size)

    @property
    def step(self) -> Step:
        step = self.shown.step
        assert step is not None, "a room view is made for a step"
        return step

    @classmethod
    def hides_results(cls, step: Step) -> bool:
        """Whether the room hides this step's results until the trainer reveals them."""
        return False

    def key(self, shown: Shown) -> object:
        """What this view shows depends on: it is built again when this changes. By
        default the step's record, the participants and whether the results are
        revealed."""
        record = shown.record
        return (
            encode(record) if record is not None else None,
            encode(shown.session.participants),
            shown.revealed,
        )

    def layout_for(self, size: Size) -> object:
        """What of the room's size changes how this view is built (a view that shows
        less when it would not fit); None: the size changes nothing."""
        return None

    def _whole_key(self, shown: Shown, size: Size) -> tuple[object, object]:
        return (self.key(shown), self.layout_for(size))

    async def show(self, shown: Shown, size: Size) -> bool:
        """The session changed, or the room's size: build again if that changes what
        this view shows. Whether what it shows changed (its :meth:`key`; not only how
        it is laid out), each key computed once."""
        self.shown = shown
        self.room_size = size
        key = self._whole_key(shown, size)
        if key == self._built:
            return False
        before, self._built = self._built, key
        await self.recompose()
        return bool(key[0] != before[0])

    # ------------------------------------------------------------------ shared parts

    def intro(self) -> Iterator[Widget]:
        """The step's text while nothing is captured yet: what the group is asked to
        do; once the group's work comes in, that has the room."""
        if self.step.text.strip() and not self.shown.captured:
            yield SlideText(self.step.text, classes="room-intro")

    @staticmethod
    def note(text: str, classes: str = "") -> Static:
        """A quiet line of the room's own (``nog verborgen``, ``nog niets``)."""
        return Static(text, classes=f"room-note {classes}".strip(), markup=False)

    @staticmethod
    def lines(texts: Iterable[Text | str], classes: str = "room-lines") -> Static:
        """Lines of text, one after the other, each wrapped at the width."""
        joined = Text("\n").join(plain(x) if isinstance(x, str) else x for x in texts)
        return Static(joined, classes=classes)

    def compose(self) -> ComposeResult:
        """The step's title is in the room's heading: its text, here."""
        if self.step.text.strip():
            yield SlideText(self.step.text, classes="room-slide")

    def hidden_note(self) -> Static:
        return self.note(t("room.hidden"), "room-hidden")


def room_view(kind: str) -> type[RoomView]:
    """The room's view of a kind (its ``room.ROOM``), or the plain one (title and text)
    for a kind without one or whose ``room.py`` cannot be imported."""
    try:
        found = kinds.room_class(kind)
    except ImportError:
        found = None
    return found if found is not None else RoomView
