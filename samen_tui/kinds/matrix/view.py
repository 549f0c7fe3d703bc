"""matrix: the items with their two scores, and the four quadrants with their items.

One focusable list: ↑/↓ picks the item, a number key scores it on the chosen scale,
←/→ switches the scale, x clears. Below it the 2×2 grid of named quadrants.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.matrix.model import Axis, MatrixStep
from samen_tui.kinds.matrix.record import MatrixRecord, Point
from samen_tui.tui.steps.base import Capture, StepView

DIGITS = "0123456789"


class MatrixList(Static, can_focus=True):
    """The items, one line each: title, x score, y score; the chosen one marked."""

    BINDINGS = [
        Binding("up", "nav(-1)", "key.matrix.nav", show=False, id="matrix.up"),
        Binding("down", "nav(1)", "key.matrix.nav", show=False, id="matrix.down"),
        Binding("left,right", "axis", "key.matrix.axis", id="matrix.axis"),
        Binding("x,delete", "clear", "key.matrix.clear", id="matrix.clear"),
        *(
            Binding(d, f"score({d})", "key.matrix.score", show=False, id=f"matrix.score.{d}")
            for d in DIGITS
        ),
    ]

    def __init__(self, view: MatrixView) -> None:
        super().__init__(id="matrix-list", markup=False)
        self.view = view

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("score", "clear"):
            if self.view.read_only:
                return False
            if action == "score":
                value = parameters[0] if parameters else None
                axis = self.view.axis
                return isinstance(value, int) and axis.min <= value <= axis.max
        return True

    def action_nav(self, delta: int) -> None:
        self.view.move(delta)

    def action_axis(self) -> None:
        self.view.switch_axis()

    def action_score(self, value: int) -> None:
        self.view.score(value)

    def action_clear(self) -> None:
        self.view.score(None)


class MatrixView(StepView):
    HELP = "help.step.matrix"
    SHOWS_PARTICIPANTS = False

    DEFAULT_CSS = """
    MatrixView #matrix-list { height: auto; padding: 0 1; }
    MatrixView #matrix-list:focus { background: $boost; }
    MatrixView #matrix-axis { color: $text-muted; padding: 0 1; }
    MatrixView #matrix-grid { height: auto; margin-top: 1; }
    """

    def __init__(self, step: MatrixStep, capture: Capture, *, id: str | None = None) -> None:
        super().__init__(flow.resolve(step, capture.session, capture.workshop), capture, id=id)
        self.current = 0
        self.on_y = True
        """Whether the number keys score the vertical scale (else the horizontal)."""

    @property
    def matrix(self) -> MatrixStep:
        assert isinstance(self.step, MatrixStep)
        return self.step

    @property
    def matrix_record(self) -> MatrixRecord:
        record = self.record
        assert isinstance(record, MatrixRecord)
        return record

    @property
    def axis(self) -> Axis:
        return self.matrix.y if self.on_y else self.matrix.x

    def depends(self) -> object:
        step = self.matrix
        if not step.from_:
            return None
        return tuple(
            flow.cards_from(
                self.session, self.capture.workshop, step.from_, step.top, step.category
            )
        )

    def compose(self) -> ComposeResult:
        if text := self.intro():
            yield text
        yield Static(id="matrix-axis", markup=False)
        yield MatrixList(self)
        yield Static(id="matrix-grid", markup=False)

    def on_mount(self) -> None:
        self.show()

    def focus_first(self) -> None:
        self.query_one(MatrixList).focus()

    def move(self, delta: int) -> None:
        if self.matrix.items:
            self.current = (self.current + delta) % len(self.matrix.items)
            self.show()

    def switch_axis(self) -> None:
        self.on_y = not self.on_y
        self.show()

    def score(self, value: int | None) -> None:
        items = self.matrix.items
        if self.read_only or not items:
            return
        item = items[min(self.current, len(items) - 1)]
        with self.capture.change():
            point = self.matrix_record.points.setdefault(item.id, Point())
            if self.on_y:
                point.y = value
            else:
                point.x = value
            if point.x is None and point.y is None:
                del self.matrix_record.points[item.id]
        self.show()

    def show(self) -> None:
        step = self.matrix
        axis = self.axis
        self.query_one("#matrix-axis", Static).update(
            t("matrix.scoring", axis=axis.title, low=axis.min, high=axis.max)
        )
        self.query_one(MatrixList).update(self._rows())
        self.query_one("#matrix-grid", Static).update(self._grid())
        del step

    def _rows(self) -> Table | Text:
        step = self.matrix
        if not step.items:
            return Text(t("matrix.none", step=step.from_), style="dim")
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_row(
            Text(""),
            Text(step.y.title, style="bold" if self.on_y else "dim"),
            Text(step.x.title, style="dim" if self.on_y else "bold"),
        )
        points = self.matrix_record.points
        for index, item in enumerate(step.items):
            point = points.get(item.id, Point())
            mark = "▶ " if index == self.current else "  "
            style = "reverse" if index == self.current else ""
            table.add_row(
                Text(mark + item.title, style=style),
                Text("–" if point.y is None else str(point.y)),
                Text("–" if point.x is None else str(point.x)),
            )
        return table

    def _grid(self) -> Table:
        step = self.matrix
        points = self.matrix_record.points
        placed: dict[str, list[str]] = {}
        for item in step.items:
            point = points.get(item.id, Point())
            if quadrant := step.quadrant(point.x, point.y):
                placed.setdefault(quadrant, []).append(item.title)
        grid = Table(show_header=False, expand=True, padding=(0, 1), show_lines=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        for high in (True, False):
            cells = []
            for right in (False, True):
                x = step.x.max if right else step.x.min
                y = step.y.max if high else step.y.min
                name = step.quadrant(x, y)
                cell = Text(name, style="bold")
                for title in placed.get(name, []):
                    cell.append("\n• " + title, style="")
                cells.append(cell)
            grid.add_row(*cells)
        grid.caption = Text(f"← {step.x.title} →   ↑ {step.y.title}")  # text, never markup
        return grid


VIEW = MatrixView
