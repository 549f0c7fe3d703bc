"""The virtual table: cells painted exactly as DataTable paints them (through Rich), only
the rows in view ever asked for, the keys and the mouse as in DataTable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.renderables.styled import Styled

from samen_tui.tui.virtual_table import HEADER, VirtualTable, cell_segments

ROWS = 10_000


def by_character(segments: Sequence[Segment]) -> list[tuple[str, Style | None]]:
    """Every character with its style: what the terminal shows, however it is cut."""
    return [(char, segment.style) for segment in segments for char in segment.text]


def through_rich(cell: Text, width: int, pre: Style, post: Style) -> list[Segment]:
    console = Console(width=200, color_system="truecolor")
    options = console.options.update(no_wrap=True).update_dimensions(width + 2, 1)
    return console.render_lines(
        Styled(Padding(cell, (0, 1)), pre_style=pre, post_style=post), options
    )[0]


TEXTS = [
    "",
    "kort",
    "precies tien",
    "een titel die veel te lang is",
    "日本語のタイトル",
    "a  ",
    "Zeist 🙂",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("justify", [None, "left", "right", "center"])
@pytest.mark.parametrize("overflow", [None, "ellipsis", "crop"])
@pytest.mark.parametrize("style", ["", "bold", "green", "bold underline"])
def test_cells_are_painted_as_rich_paints_them(
    text: str, justify: Any, overflow: Any, style: str
) -> None:
    pre = Style(color="white", bgcolor="blue", meta={"row": 3, "column": 2})
    for post in (Style.null(), Style.from_color(Style.parse("red").color, None)):
        for width in (1, 3, 10, 12):
            cell = Text(text, style=style, justify=justify, overflow=overflow, end="")
            fast = cell_segments(cell, width, pre, post)
            assert fast is not None
            assert by_character(fast) == by_character(through_rich(cell, width, pre, post)), (
                text,
                width,
            )


def test_what_it_does_not_do_is_left_to_rich() -> None:
    spans = Text.assemble(("a", "bold"), ("b", "red"))
    assert cell_segments(spans, 5, Style(), Style()) is None
    assert cell_segments(Text("a\nb"), 5, Style(), Style()) is None
    assert cell_segments("plain string", 5, Style(), Style()) is None


class TableApp(App[None]):
    """A VirtualTable of 10,000 rows that counts which rows it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []
        self.messages: list[Any] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.add_column("n", "Nummer", 8)
        table.add_column("name", "Naam", 40)
        table.show_rows(ROWS, self.cells)
        table.focus()

    def cells(self, index: int) -> list[Text]:
        self.asked.append(index)
        return [Text(str(index), justify="right"), Text(f"rij {index} [b]geen markup[/b]")]

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        self.messages.append(("selected", message.index))

    def on_virtual_table_header_selected(self, message: VirtualTable.HeaderSelected) -> None:
        self.messages.append(("header", message.column))


def shown(table: VirtualTable) -> list[str]:
    from textual.geometry import Region

    size = table.outer_size
    return [strip.text for strip in table.render_lines(Region(0, 0, size.width, size.height))]


async def test_only_the_rows_in_view_are_made() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        assert table.row_count == ROWS
        assert app.asked and max(app.asked) < 24, "only what fits on the screen"
        lines = shown(table)
        assert lines[0].split() == ["Nummer", "Naam"]
        assert "rij 0 [b]geen markup[/b]" in lines[1]  # text as it is, never markup
        app.asked.clear()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == ROWS - 1
        assert app.asked and min(app.asked) > ROWS - 30
        assert f"rij {ROWS - 1} " in shown(table)[-1]
        app.asked.clear()
        await pilot.press("pageup", "up", "home")
        await pilot.pause()
        assert table.cursor_row == 0
        assert len(set(app.asked)) < 100


async def test_keys_and_clicks_as_in_datatable() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.messages == [("selected", 2)]
        # the header: a click selects the column, the cursor stays
        await pilot.click(table, offset=(table.column_offset("name") + 2, 0))
        await pilot.pause()
        assert app.messages[-1] == ("header", "name") and table.cursor_row == 2
        # a row: the first click highlights it, a click on the highlighted row selects it
        await pilot.click(table, offset=(3, 6))
        await pilot.pause()
        assert table.cursor_row == 5 and app.messages[-1] == ("header", "name")
        await pilot.click(table, offset=(3, 6))
        await pilot.pause()
        assert app.messages[-1] == ("selected", 5)
        # fewer rows: the cursor stays within them
        table.show_rows(3)
        await pilot.pause()
        assert table.cursor_row == 2
        table.show_rows(0)
        await pilot.pause()
        assert table.row_count == 0
        await pilot.press("enter", "down", "end")  # nothing to select: no message, no error
        await pilot.pause()
        assert app.messages[-1] == ("selected", 5)


def test_header_is_row_minus_one() -> None:
    assert HEADER == -1
