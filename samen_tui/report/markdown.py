"""The report as Markdown: every block, with participant text escaped so that
Markdown shows it as it is (never as a heading, a list, a link or HTML). Charts are
left out (their numbers are in the tables beside them); so are tables' captions (a
heading names each table).

This module never imports textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from samen_tui.report.blocks import (
    CHARTS,
    Bars,
    Block,
    Bullets,
    Fields,
    Heading,
    Link,
    Links,
    Outline,
    Paragraph,
    Table,
    bar_string,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~$])")


_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


_MD_LINE_START = re.compile(r"^([-+=])")


_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md_escape_line(line: str, *, block_start: bool = True) -> str:
    """One line of text, escaped so Markdown shows it as it is. ``block_start``:
    the line starts a block (a paragraph or a list item), where ``- ``, ``+ ``,
    ``1. `` and ``===`` would also mean something."""
    line = _MD_SPECIAL.sub(r"\\\1", line.strip())
    line = _MD_ENTITY.sub(r"\\&", line)
    if block_start:
        line = _MD_LINE_START.sub(r"\\\1", line)
        line = _MD_ORDERED.sub(r"\1\\\2", line)
    return line


def md_inline(text: str, *, block_start: bool = True) -> str:
    """Text on one line (line breaks become spaces), escaped."""
    return md_escape_line(
        " ".join(part.strip() for part in text.splitlines() if part.strip()),
        block_start=block_start,
    )


def md_text(text: str) -> str:
    """Text that may span lines: each line escaped, line breaks kept (hard breaks)."""
    lines = [md_escape_line(line) for line in text.strip().splitlines()]
    return "\\\n".join(line for line in lines if line)


_AUTOLINK = re.compile(r"^(https?|mailto):[^\s<>\x00-\x1f\x7f]+$", re.IGNORECASE)


def _md_link(link: Link) -> str:
    """A reference: its text, then its address as an autolink (``<https://...>``) when
    it is a web or mail address that fits one, else as text."""
    url = link.url.strip()
    parts = [md_inline(link.text)] if link.text.strip() else []
    if url:
        parts.append(f"<{url}>" if _AUTOLINK.match(url) else md_inline(url, block_start=False))
    if link.note.strip():
        parts.append(md_inline(link.note, block_start=False))
    return " — ".join(parts)


def _md_outline(block: Outline) -> str:
    lines: list[str] = []
    for text, children in block.items:
        lines.append("- " + md_inline(text))
        lines.extend("  - " + md_inline(child) for child in children)
    return "\n".join(lines)


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {md_inline(block.text, block_start=False)}"
    if isinstance(block, Paragraph):
        body = md_text(block.text)
        if block.note:
            body = f"_{body}_"
        return f"**{md_inline(block.label)}** {body}" if block.label else body
    if isinstance(block, Fields):
        return "\n".join(f"- **{md_inline(k)}:** {md_inline(v)}" for k, v in block.pairs)
    if isinstance(block, Bullets):
        return "\n".join(f"- {md_inline(item)}" for item in block.items)
    if isinstance(block, Outline):
        return _md_outline(block)
    if isinstance(block, Links):
        return "\n".join(f"- {_md_link(link)}" for link in block.items)
    if isinstance(block, Table):
        head = "| " + " | ".join(md_inline(h, block_start=False) for h in block.headers) + " |"
        rule = (
            "| "
            + " | ".join(
                "---:" if block.justify(i) == "right" else "---" for i in range(len(block.headers))
            )
            + " |"
        )
        rows = [
            "| " + " | ".join(md_inline(cell, block_start=False) for cell in row) + " |"
            for row in block.rows
        ]
        return "\n".join([head, rule, *rows])
    if isinstance(block, Bars):
        return "\n".join(
            f"- {md_inline(row.label)}: {bar_string(row.value, block.low, block.high)}"
            f" {md_inline(row.text)}"
            for row in block.rows
        )
    raise TypeError(f"not a report block: {block!r}")  # pragma: no cover


def to_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as Markdown, one blank line between blocks, ending in a newline
    (charts left out)."""
    return "\n\n".join(_md_block(block) for block in blocks if not isinstance(block, CHARTS)) + "\n"
