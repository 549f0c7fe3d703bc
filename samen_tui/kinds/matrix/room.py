"""matrix in the room: the four quadrants, each with the items the group placed
there and their two scores; the items still to place under them. Never the trainer's
notes on the step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.flow import resolve
from samen_tui.kinds.matrix.model import MatrixStep
from samen_tui.kinds.matrix.record import MatrixRecord
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import Columns, RoomView, bullets, counted

CORNERS = ((True, False), (True, True), (False, False), (False, True))
"""(high, right) of the quadrants in the order they are drawn: as on paper."""


class MatrixRoom(RoomView):
    """A column per quadrant (its name, how many, the items with their scores)."""

    def key(self, shown: Shown) -> object:
        record = shown.record
        points = record.points if isinstance(record, MatrixRecord) else {}
        # the items of a step fed by an earlier one change with that step's record
        return encode(points), encode(shown.session.records)

    def compose(self) -> ComposeResult:
        step = resolve(self.step, self.shown.session, self.shown.workshop)
        assert isinstance(step, MatrixStep)
        record = self.shown.record
        points = record.points if isinstance(record, MatrixRecord) else {}
        yield from self.intro()
        placed: dict[tuple[bool, bool], list[str]] = {corner: [] for corner in CORNERS}
        waiting: list[str] = []
        for item in step.items:
            point = points.get(item.id)
            if point is None or point.x is None or point.y is None:
                waiting.append(item.title)
                continue
            corner = (point.y > step.y.middle, point.x > step.x.middle)
            placed[corner].append(f"{item.title} ({point.x} · {point.y})")
        axes = f"{step.x.title} · {step.y.title}"
        yield Static(axes, classes="room-hint", markup=False)
        columns = []
        for high, right in CORNERS:
            x = step.x.max if right else step.x.min
            y = step.y.max if high else step.y.min
            texts = placed[(high, right)]
            parts = [Static(counted(step.quadrant(x, y), len(texts)), classes="room-heading")]
            if texts:
                parts.append(bullets(texts))
            columns.append(Vertical(*parts, classes="room-column"))
        yield Columns(*columns, classes="room-columns")
        if waiting:
            yield self.note(t("room.matrix.waiting", n=len(waiting)))
            yield bullets(waiting)


ROOM = MatrixRoom
