"""The Markdown text of a step (workshop text), drawn as one widget.

Textual's ``Markdown`` widget mounts a widget per block (a paragraph, a list, every
list item), asynchronously, and importing it costs more than the rest of the walk
screen together: on the first step that was a tenth of the start-up time, and every
step view carried its tree of widgets into each layout pass. A slide's text is
paragraphs, headings, lists and emphasis; markdown-it (the parser Textual itself uses)
parses it and this module turns the tokens into Rich renderables in one ``Static``:
lists and quotes with hanging indents, code as written, tables as tables. Anything
it does not know it shows as plain text, never as markup.

The tokens are kept as plain data (:class:`MdToken`) in the start-up cache
(:mod:`samen_tui.startcache`), so a text seen at an earlier start is drawn without
importing markdown-it (24 ms of a start); cached tokens are used only while the
markdown-it that made them is the one installed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from samen_tui import startcache

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_PARSER: MarkdownIt | None = None

HEADING_STYLES = {
    "h1": Style(bold=True),
    "h2": Style(bold=True, underline=True),
    "h3": Style(bold=True),
}
INLINE_STYLES = {
    "em": Style(italic=True),
    "strong": Style(bold=True),
    "s": Style(strike=True),
}


def parser() -> MarkdownIt:
    """The markdown-it parser, imported and made on first use (a text not in the
    start-up cache)."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return _PARSER


class MdToken:
    """What this module reads of a markdown-it token, as plain data: the same for a
    text just parsed and one from the start-up cache."""

    __slots__ = ("attrs", "children", "content", "tag", "type")

    def __init__(
        self,
        type: str,
        tag: str,
        content: str,
        attrs: dict[str, str | int | float],
        children: list[MdToken] | None,
    ) -> None:
        self.type = type
        self.tag = tag
        self.content = content
        self.attrs = attrs
        self.children = children

    def __repr__(self) -> str:
        return f"MdToken({self.type!r}, {self.tag!r}, {self.content!r})"


PlainToken: TypeAlias = (
    "tuple[str, str, str, dict[str, str | int | float], tuple[PlainToken, ...] | None]"
)
"""A token as kept in the start-up cache: type, tag, content, attrs, children."""


def _plain(tokens: Sequence[Token]) -> tuple[PlainToken, ...]:
    return tuple(
        (
            token.type,
            token.tag,
            token.content,
            dict(token.attrs),
            None if token.children is None else _plain(token.children),
        )
        for token in tokens
    )


def _tokens(plain: tuple[PlainToken, ...]) -> list[MdToken]:
    return [
        MdToken(kind, tag, content, attrs, None if children is None else _tokens(children))
        for kind, tag, content, attrs, children in plain
    ]


_MARKDOWN_IT = "markdown-it"
"""The start-up cache's META key for the markdown-it that made the cached tokens: its
package folder and that folder's modification time (installing another version
changes it)."""


def _installed_markdown_it() -> tuple[str, int]:
    import markdown_it

    folder = os.path.dirname(os.path.abspath(markdown_it.__file__ or ""))
    return folder, os.stat(folder).st_mtime_ns


def _cache_is_current() -> bool:
    """Whether the cached tokens were made by the markdown-it installed now, without
    importing it: one ``stat`` of its folder."""
    stamp = startcache.get(startcache.META, _MARKDOWN_IT)
    if type(stamp) is not tuple or len(stamp) != 2:
        return False
    folder, mtime = stamp
    try:
        return bool(os.stat(folder).st_mtime_ns == mtime)
    except (OSError, TypeError, ValueError):
        return False


def _keep(text: str, plain: tuple[PlainToken, ...]) -> None:
    """Put a text's tokens in the start-up cache, dropping those another markdown-it
    made (if the cache held any)."""
    try:
        stamp = _installed_markdown_it()
    except (OSError, TypeError, ValueError):
        return
    if startcache.get(startcache.META, _MARKDOWN_IT) != stamp:
        startcache.drop(startcache.SLIDES)
        startcache.put(startcache.META, _MARKDOWN_IT, stamp)
    startcache.put(startcache.SLIDES, text, plain)


def parse(text: str) -> list[MdToken]:
    """The block tokens of a Markdown text: from the start-up cache when they are in
    it (markdown-it is then not even imported), else parsed and kept there."""
    if _cache_is_current():
        cached = startcache.get(startcache.SLIDES, text)
        if cached is not None:
            try:
                return _tokens(cached)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                pass  # not what this module writes: parse it again
    plain = _plain(parser().parse(text))
    _keep(text, plain)
    return _tokens(plain)


def inline_text(tokens: Sequence[MdToken], base: Style | None = None) -> Text:
    """The children of an ``inline`` token as styled text (never markup)."""
    text = Text(style=base or "")
    stack: list[Style] = []

    def style() -> Style:
        return Style.chain(*stack) if stack else Style()

    for token in tokens:
        kind = token.type
        if kind.endswith("_open") and kind[:-5] in INLINE_STYLES:
            stack.append(INLINE_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in INLINE_STYLES:
            if stack:
                stack.pop()
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            stack.append(Style(underline=True, link=href or None))
        elif kind == "link_close":
            if stack:
                stack.pop()
        elif kind == "code_inline":
            text.append(token.content, style=style() + Style(reverse=True))
        elif kind == "softbreak":
            text.append(" ", style=style())
        elif kind == "hardbreak":
            text.append("\n")
        elif kind == "image":
            text.append(token.content or str(token.attrs.get("src", "")), style=style())
        else:  # text, html_inline and anything else: the text as written
            text.append(token.content, style=style())
    return text


class _Blocks:
    """Turns the flat block token stream into nested renderables."""

    def __init__(self, tokens: list[MdToken]) -> None:
        self.tokens = tokens
        self.at = 0

    def blocks(self, until: str | None = None, *, tight: bool = False) -> list[RenderableType]:
        out: list[RenderableType] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            if until is not None and token.type == until:
                self.at += 1
                break
            block = self.block(token, tight=tight)
            if block is not None:
                if out and not tight:
                    out.append(Text(""))  # a blank line between blocks, as on a slide
                out.append(block)
        return out

    def block(self, token: MdToken, *, tight: bool) -> RenderableType | None:
        kind = token.type
        self.at += 1
        if kind == "paragraph_open":
            inline = self.tokens[self.at]
            self.at += 2  # inline, paragraph_close
            return inline_text(inline.children or [])
        if kind == "heading_open":
            inline = self.tokens[self.at]
            self.at += 2
            heading = inline_text(
                inline.children or [], HEADING_STYLES.get(token.tag, Style(bold=True))
            )
            if token.tag == "h1":  # a slide's title, as Textual's Markdown shows it
                heading.justify = "center"
            return heading
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.listing(token)
        if kind == "blockquote_open":
            inner = Group(*self.blocks("blockquote_close"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column()
            grid.add_row(Text("▌"), inner)
            return grid
        if kind in ("fence", "code_block"):
            return Padding(Text(token.content.rstrip("\n"), style="dim"), (0, 0, 0, 2))
        if kind == "hr":
            return Rule(style="dim")
        if kind == "table_open":
            return self.table()
        if kind in ("html_block",):
            return Text(token.content.rstrip("\n"))
        return None  # a closing token or one without content

    def listing(self, opening: MdToken) -> RenderableType:
        ordered = opening.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        number = int(opening.attrs.get("start", 1) or 1) if ordered else 0
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right" if ordered else "left")
        grid.add_column()
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == close:
                break
            if token.type == "list_item_open":
                items = self.blocks("list_item_close", tight=True)
                marker = f"{number}." if ordered else "•"
                number += 1
                grid.add_row(Text(marker, style="bold"), Group(*items))
        return grid

    def table(self) -> RenderableType:
        table = Table(show_edge=False, box=None, padding=(0, 1), header_style="bold")
        header: list[Text] = []
        rows: list[list[Text]] = []
        row: list[Text] = []
        in_head = False
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token.type == "table_close":
                break
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif token.type == "inline":
                row.append(inline_text(token.children or []))
        for cell in header:
            table.add_column(cell)
        for cells in rows:
            table.add_row(*cells)
        return table


def render_markdown(text: str) -> RenderableType:
    """The Markdown ``text`` as one Rich renderable."""
    return Group(*_Blocks(parse(text)).blocks())


class SlideText(Static):
    """A step's Markdown text (see the module doc)."""

    def __init__(self, markdown: str, **kwargs: Any) -> None:
        super().__init__(render_markdown(markdown), **kwargs)
        self.markdown = markdown
