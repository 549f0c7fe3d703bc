"""The verslag as one HTML5 document, drawn from the report model (not a console's
export).

Semantic HTML: ``lang`` and ``<title>``, the report's title in a ``<header>``, one
``<section>`` per level-2 heading with h2/h3/h4 inside, tables with a caption, column
header cells and (where the first column names the row) row header cells, lists,
clickable links, and the charts as inline SVG (:mod:`samen_tui.report.svg`) in a
``<figure>`` with a caption. One self-contained file: the stylesheet inline
(:mod:`samen_tui.report.style`), no script, no fonts, nothing loaded from anywhere;
the only addresses in it are the references' links, which a reader may click.

Participant text is escaped (``html.escape``) wherever it goes, attributes included.

This module never imports textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from samen_tui.i18n import language
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
    RadarChart,
    Table,
)
from samen_tui.report.style import stylesheet
from samen_tui.report.svg import draw, esc

STACK_FROM = 3
"""Tables with this many columns or more become one card per row on a phone."""

_LINKABLE = re.compile(r"^(https?://|mailto:)[^\s<>\"'\x00-\x1f\x7f]+$", re.IGNORECASE)


def _lines(text: str) -> str:
    """Text that may span lines: escaped, each line break a ``<br>``."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return "<br>\n".join(esc(line) for line in lines if line)


def _link(link: Link) -> str:
    url = link.url.strip()
    text = link.text.strip()
    parts: list[str] = []
    if url and _LINKABLE.match(url):
        parts.append(f'<a href="{esc(url)}">{esc(text or url)}</a>')
    else:
        parts.extend(esc(part) for part in (text, url) if part)
    if link.note.strip():
        parts.append(esc(link.note.strip()))
    return " — ".join(parts)


def _table(block: Table) -> str:
    stack = ' class="stack"' if len(block.headers) >= STACK_FROM else ""
    out = [f"<table{stack}>"]
    if block.caption:
        out.append(f"<caption>{esc(block.caption)}</caption>")
    out.append("<thead><tr>")
    for index, header in enumerate(block.headers):
        num = ' class="num"' if block.justify(index) == "right" else ""
        out.append(f'<th scope="col"{num}>{esc(header)}</th>')
    out.append("</tr></thead>\n<tbody>")
    for row in block.rows:
        out.append("<tr>")
        for index, cell in enumerate(row):
            header = block.headers[index] if index < len(block.headers) else ""
            classes = []
            if block.justify(index) == "right":
                classes.append("num")
            if not cell.strip():
                classes.append("empty")
            attrs = f' data-label="{esc(header)}"'
            if classes:
                attrs += f' class="{" ".join(classes)}"'
            if index == 0 and block.row_headers:
                out.append(f'<th scope="row"{attrs}>{esc(cell)}</th>')
            else:
                out.append(f"<td{attrs}>{esc(cell)}</td>")
        out.append("</tr>\n")
    out.append("</tbody></table>")
    return "".join(out)


class _Writer:
    """Blocks to HTML, with a ``<section>`` per level-2 heading."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.in_header = False
        self.in_section = False
        self.count = 0

    def ident(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def close(self) -> None:
        if self.in_header:
            self.out.append("</header>")
            self.in_header = False
        if self.in_section:
            self.out.append("</section>")
            self.in_section = False

    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 6)
        if level == 1:
            self.close()
            self.out.append('<header class="head">')
            self.in_header = True
            self.out.append(f"<h1>{esc(block.text)}</h1>")
            return
        if level == 2:
            self.close()
            ident = self.ident("s")
            self.out.append(f'<section aria-labelledby="{ident}">')
            self.in_section = True
            self.out.append(f'<h2 id="{ident}">{esc(block.text)}</h2>')
            return
        self.out.append(f"<h{level}>{esc(block.text)}</h{level}>")

    def figure(self, block: Block) -> None:
        assert isinstance(block, (*CHARTS, Bars))
        ident = self.ident("c")
        radar = " radar" if isinstance(block, RadarChart) else ""
        legend = getattr(block, "legend", "")
        caption = f"<b>{esc(block.title)}</b>" if block.title else ""
        if legend:
            caption += (" " if caption else "") + esc(legend)
        self.out.append(f'<figure class="chart{radar}">{draw(block, ident)}')
        if caption:
            self.out.append(f"<figcaption>{caption}</figcaption>")
        self.out.append("</figure>")

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            body = _lines(block.text)
            if block.label:
                body = f"<strong>{esc(block.label)}</strong> {body}"
            cls = ' class="private"' if block.private else ' class="note"' if block.note else ""
            self.out.append(f"<p{cls}>{body}</p>")
        elif isinstance(block, Fields):
            self.out.append('<dl class="fields">')
            for label, value in block.pairs:
                self.out.append(f"<div><dt>{esc(label)}</dt><dd>{esc(value)}</dd></div>")
            self.out.append("</dl>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{_lines(item)}</li>" for item in block.items)
            self.out.append(f"<ul>{items}</ul>")
        elif isinstance(block, Outline):
            self.out.append('<ul class="outline">')
            for text, children in block.items:
                inner = "".join(f"<li>{esc(child)}</li>" for child in children)
                self.out.append(f"<li>{esc(text)}" + (f"<ul>{inner}</ul>" if inner else ""))
                self.out.append("</li>")
            self.out.append("</ul>")
        elif isinstance(block, Links):
            items = "".join(f"<li>{_link(link)}</li>" for link in block.items)
            self.out.append(f'<ul class="links">{items}</ul>')
        elif isinstance(block, Table):
            self.out.append(_table(block))
        elif isinstance(block, (*CHARTS, Bars)):
            self.figure(block)
        else:  # pragma: no cover - every block kind is handled above
            raise TypeError(f"not a report block: {block!r}")


def to_html(blocks: Sequence[Block], *, lang: str, title: str, footer: str = "") -> str:
    """The blocks as a whole HTML document in language ``lang`` (``nl``, ``en``),
    named ``title`` (the window's title and the top of each printed page)."""
    writer = _Writer()
    for block in blocks:
        writer.block(block)
        writer.out.append("\n")
    writer.close()
    tail = f"<footer><p>{esc(footer)}</p></footer>\n" if footer else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="samen-tui">\n'
        f"<title>{esc(title)}</title>\n<style>\n{stylesheet(title)}</style>\n</head>\n"
        f"<body>\n<main>\n{''.join(writer.out)}</main>\n{tail}</body>\n</html>\n"
    )


def render_html(blocks: Sequence[Block], *, title: str = "", lang: str = "") -> str:
    """Any blocks (a comparison's, say) as a whole HTML document: named ``title`` or
    else by their first heading, in ``lang`` or else the current language."""
    if not title:
        title = next((b.text for b in blocks if isinstance(b, Heading)), "samen-tui")
    return to_html(blocks, lang=lang or language(), title=title)
