"""The report as a Rich renderable (the review screen shows it). Participant text only
ever reaches Rich inside ``rich.text.Text``, never as a markup string. Charts are left
out (their numbers are in the tables beside them). The HTML verslag is
:mod:`samen_tui.report.html`, not a console's export.

This module never imports textual (Rich is not Textual).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from samen_tui.report.blocks import (
    CHARTS,
    Bars,
    Block,
    Bullets,
    Fields,
    Heading,
    Links,
    Outline,
    Paragraph,
    Table,
    bar_string,
)


def _grid(*justify: str) -> RichTable:
    grid = RichTable.grid(padding=(0, 1))
    for j in justify:
        grid.add_column(justify="right" if j == "r" else "left", no_wrap=j == "n")
    return grid


def _rich_block(block: Block) -> RenderableType:
    if isinstance(block, Heading):
        if block.level <= 1:
            return Panel(Text(block.text, style="bold", justify="center"), box=box.DOUBLE)
        if block.level == 2:
            return Rule(Text(block.text, style="bold"), align="left", style="cyan")
        if block.level == 3:
            return Text(block.text, style="bold underline")
        return Text(block.text, style="bold")
    if isinstance(block, Paragraph):
        text = Text(block.text.strip(), style="italic dim" if block.note else "")
        if block.label:
            return Text.assemble(Text(block.label, style="bold"), " ", text)
        return text
    if isinstance(block, Fields):
        grid = _grid("n", "l")
        for label, value in block.pairs:
            grid.add_row(Text(f"{label}:", style="bold"), Text(value))
        return grid
    if isinstance(block, Bullets):
        grid = _grid("n", "l")
        for item in block.items:
            grid.add_row(Text("•"), Text(item))
        return grid
    if isinstance(block, Outline):
        grid = _grid("n", "l")
        for entry, children in block.items:
            grid.add_row(Text("•"), Text(entry))
            for child in children:
                grid.add_row(Text(""), Text.assemble("◦ ", Text(child)))
        return grid
    if isinstance(block, Links):
        grid = _grid("n", "l")
        for link in block.items:
            parts = [p for p in (link.text, link.url, link.note) if p.strip()]
            grid.add_row(Text("•"), Text(" — ".join(parts)))
        return grid
    if isinstance(block, Table):
        table = RichTable(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
        for index, header in enumerate(block.headers):
            table.add_column(Text(header), justify=block.justify(index))
        for row in block.rows:
            table.add_row(*(Text(cell) for cell in row))
        return table
    if isinstance(block, Bars):
        grid = _grid("l", "n", "l")
        for bar_row in block.rows:
            bar = bar_string(bar_row.value, block.low, block.high)
            filled = len(bar.rstrip("░"))
            grid.add_row(
                Text(bar_row.label),
                Text.assemble(Text(bar[:filled], style="cyan"), Text(bar[filled:], style="dim")),
                Text(bar_row.text),
            )
        return grid
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover


def to_rich(blocks: Iterable[Block]) -> Group:
    """The blocks as one Rich renderable (a blank line between blocks; charts left
    out)."""
    parts: list[RenderableType] = []
    for block in blocks:
        if isinstance(block, CHARTS):
            continue
        if parts:
            parts.append(Text(""))
        parts.append(_rich_block(block))
    return Group(*parts)
