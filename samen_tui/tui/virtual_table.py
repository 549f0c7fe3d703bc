"""A table that renders only the rows in view, for lists of many thousands of rows.

:class:`VirtualTable` looks and behaves like Textual's ``DataTable`` with a row cursor
and zebra stripes (a fixed header row, the same component classes' look, the same
keys, hover and clicks: a click on the header selects the column, a click on the
highlighted row selects it), but holds no cells at all. It knows how many rows there
are; :meth:`VirtualTable.row_cells` gives the cells of one row when that row is
painted. Showing 10,000 rows therefore costs nothing until they scroll into view,
and sorting or filtering is done by the owner on its own plain list, followed by
:meth:`VirtualTable.show_rows`.

Cells are :class:`rich.text.Text` (never markup: the text is shown as it is) and each
row is one line high. Styles come from the component classes below (``app.tcss``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.styled import Styled
from textual.scroll_view import ScrollView
from textual.strip import Strip

CELL_PADDING = 1
"""Blank cells on each side of every column, as in DataTable."""
HEADER = -1
"""The row index of the header (in messages and mouse positions)."""

_EMPTY = Text(end="")


@dataclass
class Column:
    key: str
    label: Text
    width: int
    """Content width in cells, without the padding."""

    @property
    def render_width(self) -> int:
        return self.width + 2 * CELL_PADDING


class _RowMessage(Message):
    """A message about one row of a :class:`VirtualTable`."""

    def __init__(self, table: VirtualTable, index: int) -> None:
        super().__init__()
        self.table = table
        self.index = index

    @property
    def control(self) -> VirtualTable:
        return self.table


class VirtualTable(ScrollView, can_focus=True):
    """A row-cursor table over ``row_count`` rows whose cells are asked for when a row
    is painted (override :meth:`row_cells`, or pass ``cells`` to :meth:`show_rows`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--even-row",
        "virtual-table--odd-row",
        "virtual-table--cursor",
        "virtual-table--hover",
        "virtual-table--header-hover",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]

    show_cursor = reactive(True)
    zebra_stripes = reactive(True)

    class RowHighlighted(_RowMessage):
        """The cursor moved to another row (``index`` -1: the table is empty)."""

    class RowSelected(_RowMessage):
        """Enter on a row, or a click on the highlighted row."""

    class HeaderSelected(Message):
        """A click on a column's header."""

        def __init__(self, table: VirtualTable, column: str) -> None:
            super().__init__()
            self.table = table
            self.column = column

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self,
        *,
        show_header: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.show_header = show_header
        self.columns: list[Column] = []
        self._count = 0
        self._cells: Callable[[int], Sequence[Text]] | None = None
        self._cursor = 0
        self._hover = 0
        """The row under the mouse (HEADER: the header); shown only while the mouse
        is the last thing used (``_show_hover``), as in DataTable."""
        self._show_hover = False
        self._generation = 0
        """Counts changes of the rows or the columns: cached lines of older ones are stale."""
        self._lines: LRUCache[tuple[Any, ...], Strip] = LRUCache(400)
        self._style_cache: dict[str, Style] = {}
        self._style_state: Any = None

    # ------------------------------------------------------------------ columns

    def add_column(self, key: str, label: Text | str, width: int) -> None:
        label = label if isinstance(label, Text) else Text(label)
        self.columns.append(Column(key, label, width))
        self._changed()

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def set_widths(self, widths: dict[str, int]) -> None:
        for column in self.columns:
            column.width = widths.get(column.key, column.width)
        self._changed()

    def set_label(self, key: str, label: Text) -> None:
        self.column(key).label = label
        self._changed()

    def column_offset(self, key: str) -> int:
        """Where a column starts, in cells from the left of the table."""
        x = 0
        for column in self.columns:
            if column.key == key:
                return x
            x += column.render_width
        raise KeyError(key)

    # ------------------------------------------------------------------ rows

    @property
    def row_count(self) -> int:
        return self._count

    def row_cells(self, index: int) -> Sequence[Text]:
        """The cells of row ``index`` (0 <= index < row_count), one per column."""
        if self._cells is None:
            return ()
        return self._cells(index)

    def show_rows(self, count: int, cells: Callable[[int], Sequence[Text]] | None = None) -> None:
        """From now on the table has ``count`` rows (their cells from ``cells``, or
        :meth:`row_cells`); the cursor stays at its index, within the new rows."""
        self._count = max(0, count)
        if cells is not None:
            self._cells = cells
        self._changed()
        self.move_cursor(self._cursor, scroll=False)

    def refresh_rows(self) -> None:
        """Paint again every row in view (their cells changed)."""
        self._generation += 1
        self.refresh()

    def refresh_row(self, index: int) -> None:
        """Paint row ``index`` again (its cells changed)."""
        self._lines.clear()
        self.refresh_line(index + self._header_height)

    def _changed(self) -> None:
        self._generation += 1
        width = sum(column.render_width for column in self.columns)
        self.virtual_size = Size(width, self._count + self._header_height)
        self.refresh()

    @property
    def _header_height(self) -> int:
        return 1 if self.show_header else 0

    # ------------------------------------------------------------------ cursor

    @property
    def cursor_row(self) -> int:
        """The highlighted row (0 when the table is empty)."""
        return self._cursor

    @cursor_row.setter
    def cursor_row(self, index: int) -> None:
        self.move_cursor(index)

    def move_cursor(self, row: int, *, animate: bool = False, scroll: bool = True) -> None:
        """Highlight row ``row`` (kept within the rows) and scroll it into view."""
        del animate  # always at once: a list of thousands is no place for animation
        index = max(0, min(row, self._count - 1))
        old, self._cursor = self._cursor, index
        if old != index:
            self.refresh_line(old + self._header_height)
            self.refresh_line(index + self._header_height)
            self.post_message(self.RowHighlighted(self, index if self._count else -1))
        if scroll:
            self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll so that the cursor's row is in view (below the header)."""
        rows = self.scrollable_content_region.height - self._header_height
        if rows <= 0:  # not laid out yet
            self.call_after_refresh(self._scroll_to_cursor_if_sized)
            return
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, force=True)
        elif self._cursor >= top + rows:
            self.scroll_to(y=self._cursor - rows + 1, animate=False, force=True)

    def _scroll_to_cursor_if_sized(self) -> None:
        if self.scrollable_content_region.height > self._header_height:
            self.scroll_to_cursor()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - self._header_height)

    def action_cursor_up(self) -> None:
        self._show_hover = False
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._show_hover = False
        self.move_cursor(self._cursor + 1)

    def action_page_down(self) -> None:
        self._show_hover = False
        page = self._page()
        self.scroll_to(y=self.scroll_y + page, animate=False, force=True)
        self.move_cursor(self._cursor + page)

    def action_page_up(self) -> None:
        self._show_hover = False
        page = self._page()
        self.scroll_to(y=self.scroll_y - page, animate=False, force=True)
        self.move_cursor(self._cursor - page)

    def action_first(self) -> None:
        self._show_hover = False
        self.move_cursor(0)

    def action_last(self) -> None:
        self._show_hover = False
        self.move_cursor(self._count - 1)

    def action_select_cursor(self) -> None:
        self._show_hover = False
        if self.show_cursor and self._count:
            self.post_message(self.RowSelected(self, self._cursor))

    def watch_show_cursor(self) -> None:
        self.refresh()

    def watch_zebra_stripes(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ mouse

    def _row_at(self, event: events.MouseEvent) -> tuple[int, int] | None:
        """(row, column index) under the mouse; row HEADER for the header, column -1
        right of the last column. None: outside the rows."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        if offset.y < self._header_height:
            row = HEADER
        else:
            row = offset.y - self._header_height + round(self.scroll_y)
            if row >= self._count:
                return None
        x = offset.x + round(self.scroll_x)
        for index, column in enumerate(self.columns):
            if x < column.render_width:
                return row, index
            x -= column.render_width
        return row, -1

    def _set_hover(self, row: int | None) -> None:
        show = row is not None
        old = (self._hover, self._show_hover)
        if row is not None:
            self._hover = row
        self._show_hover = show
        if (self._hover, self._show_hover) != old:
            self.refresh_line(old[0] + self._header_height)
            self.refresh_line(self._hover + self._header_height)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._row_at(event)
        self._set_hover(found[0] if found is not None else None)

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    async def on_click(self, event: events.Click) -> None:
        found = self._row_at(event)
        if found is None:
            return
        row, column = found
        self._set_hover(row)
        if row == HEADER:
            self.post_message(self.HeaderSelected(self, self.columns[max(column, 0)].key))
            return
        if not self.show_cursor:
            return
        already = row == self._cursor
        self.move_cursor(row)
        if already:
            self.post_message(self.RowSelected(self, row))
        event.stop()

    # ------------------------------------------------------------------ painting

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._style_cache = {}
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y < self._header_height:
            row = HEADER
        else:
            row = y - self._header_height + scroll_y
            if row >= self._count:
                return Strip.blank(width, self.rich_style)
        cursor = row == self._cursor and self.show_cursor and row != HEADER
        hover = row == self._hover and self._show_hover and self.show_cursor
        key = (
            row,
            self._generation,
            cursor,
            hover,
            width,
            scroll_x,
            self.zebra_stripes,
            self.get_pseudo_class_state(),
        )
        strip = self._lines.get(key)
        if strip is None:
            strip = self._render_row(row, cursor, hover, scroll_x, width)
            self._lines[key] = strip
        return strip

    def _styles(self) -> dict[str, Style]:
        """The styles of the component classes in the current state (focus, theme)."""
        state = self.get_pseudo_class_state()
        if self._style_state != state or not self._style_cache:
            self._style_cache = {}
            self._style_state = state
        return self._style_cache

    def _component(self, name: str, partial: bool = False) -> Style:
        styles = self._styles()
        key = name + ("/rich" if partial else "")
        found = styles.get(key)
        if found is None:
            if partial:
                found = self.get_component_rich_style(name)
            else:
                found = self.get_component_styles(name).rich_style
            styles[key] = found
        return found

    def _row_style(self, row: int) -> Style:
        if row == HEADER:
            return self._component("virtual-table--header")
        if not self.zebra_stripes:
            return self.rich_style
        return self._component("virtual-table--odd-row" if row % 2 else "virtual-table--even-row")

    def _highlight(self, row: int, cursor: bool, hover: bool) -> Style:
        style = Style()
        if hover:
            style += self._component("virtual-table--hover", partial=True)
            if row == HEADER:
                style += self._component("virtual-table--header-hover", partial=True)
        if cursor:
            style += self._component("virtual-table--cursor", partial=True)
        return style

    def _render_row(self, row: int, cursor: bool, hover: bool, scroll_x: int, width: int) -> Strip:
        base = self.rich_style
        row_style = self._row_style(row)
        highlight = self._highlight(row, cursor, hover)
        post = Style.from_color(highlight.color, highlight.bgcolor)
        if row == HEADER:
            cells: Sequence[RenderableType] = [column.label for column in self.columns]
        else:
            cells = self.row_cells(row)
        segments: list[Segment] = []
        for index, column in enumerate(self.columns):
            cell = cells[index] if index < len(cells) else _EMPTY
            pre = row_style + Style.from_meta({"row": row, "column": index}) + highlight
            segments += cell_segments(cell, column.width, pre, post) or self._rich_cell(
                cell, column.render_width, pre, post
            )
        remaining = max(0, width - sum(column.render_width for column in self.columns))
        extend = row_style + highlight
        extend += Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * remaining, extend))
        line = Strip(segments).crop(scroll_x, scroll_x + width)
        return line.adjust_cell_length(width, base).simplify()

    def _rich_cell(
        self, cell: RenderableType, width: int, pre: Style, post: Style
    ) -> list[Segment]:
        """A cell as DataTable renders it, through Rich (for what :func:`cell_segments`
        does not do itself)."""
        lines = self.app.console.render_lines(
            Styled(Padding(cell, (0, CELL_PADDING)), pre_style=pre, post_style=post),
            self.app.console_options.update(no_wrap=True).update_dimensions(width, 1),
        )
        return lines[0]


def cell_segments(
    cell: RenderableType, width: int, pre: Style, post: Style
) -> list[Segment] | None:
    """The segments of a one-line :class:`Text` cell of ``width`` cells with its padding,
    exactly as Rich renders ``Styled(Padding(cell, (0, 1)), pre, post)`` on one line
    (as DataTable does), about twenty times faster; None for what it does not handle
    (text with spans of its own, wrapping, full justification: Rich does those)."""
    if not isinstance(cell, Text) or cell.spans or "\n" in cell.plain or "\t" in cell.plain:
        return None
    justify = cell.justify or "default"
    overflow = cell.overflow or "fold"
    if justify == "full" or overflow == "ignore" or width < 1:
        return None
    plain = cell.plain
    if justify in ("right", "center"):
        plain = plain.rstrip()
    length = cell_len(plain)
    if length > width:
        if overflow == "ellipsis":
            plain = set_cell_size(plain, width - 1) + "…"
        else:
            plain = set_cell_size(plain, width)
    elif justify == "left":
        plain += " " * (width - length)
    if justify == "right":
        plain = " " * (width - cell_len(plain)) + plain
    elif justify == "center":
        plain = " " * ((width - cell_len(plain)) // 2) + plain
        plain += " " * (width - cell_len(plain))
    padding = pre + post
    own = cell.style
    style = (Style.parse(own) if own else None) if isinstance(own, str) else own
    text_style = pre + style + post if style else padding
    fill = width - cell_len(plain)  # what the text does not take: padding, not text
    pad = " " * CELL_PADDING
    return [
        Segment(pad, padding),
        Segment(plain, text_style),
        Segment(" " * fill + pad, padding),
    ]


__all__ = ["CELL_PADDING", "HEADER", "Column", "VirtualTable", "cell_segments"]
