"""The HTML verslag's stylesheet: readable on a phone, printable on A4.

Plain CSS inline in the document: the system's own fonts (none loaded), no
``@import``, no ``url()``. On a narrow screen a table of three or more columns
becomes one card per row (each cell with its column's name). In print: A4 with the
verslag's name at the top of each page and the page number at the bottom (where the
browser draws page margins), table headers repeated on every page, no table row, chart
or heading parted from what follows.

This module never imports textual.
"""

from __future__ import annotations

SCREEN = """\
:root { color-scheme: light; }
* { box-sizing: border-box; }
html {
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Liberation Sans", Arial, sans-serif;
  color: #1d2430; background: #ffffff;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
body { margin: 0 auto; max-width: 48rem; padding: 1.25rem 1rem 3rem; }
header.head { border-bottom: 3px solid #1f6f8b; padding-bottom: .5rem; margin-bottom: 1rem; }
h1, h2, h3, h4 { line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: .25rem 0 .75rem; }
h2 {
  font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .2rem;
  border-bottom: 2px solid #1f6f8b; color: #17566c;
}
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; color: #3b4452; }
p, ul, ol, dl { margin: .4rem 0 .8rem; }
p, li, dd, figcaption, caption { overflow-wrap: anywhere; }
th, td { overflow-wrap: break-word; }
ul, ol { padding-left: 1.4rem; }
li { margin: .15rem 0; }
ul.outline > li { margin: .35rem 0; font-weight: 600; }
ul.outline ul { margin: .2rem 0 .2rem; font-weight: normal; }
a { color: #17566c; }
.note { color: #5b6472; font-style: italic; }
.private {
  border-left: 4px solid #c77700; background: #fff7e6; padding: .5rem .75rem;
  border-radius: 0 .25rem .25rem 0;
}
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.fields div { display: contents; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .95rem; }
caption { caption-side: top; text-align: left; color: #5b6472; font-size: .875rem;
  padding: 0 0 .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #d5dae1; }
thead th { border-bottom: 2px solid #1d2430; font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: .75rem 0 1.25rem; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 30rem; }
figure.chart.radar svg { max-width: 32rem; }
figcaption { font-size: .875rem; color: #5b6472; margin-top: .25rem; }
figcaption b { color: #1d2430; }
footer { margin-top: 3rem; font-size: .8rem; color: #5b6472; border-top: 1px solid #d5dae1;
  padding-top: .5rem; }
@media screen and (max-width: 36em) {
  body { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.5rem; }
  table.stack, table.stack tbody, table.stack tr { display: block; width: 100%; }
  table.stack caption { display: block; }
  table.stack thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
  table.stack tr { border-bottom: 1px solid #d5dae1; padding: .4rem 0; }
  table.stack td, table.stack tbody th {
    display: grid; grid-template-columns: minmax(6rem, 40%) 1fr; gap: .5rem;
    border: 0; padding: .1rem 0; text-align: left; overflow-wrap: anywhere;
  }
  table.stack td::before, table.stack tbody th::before {
    content: attr(data-label); color: #5b6472; font-weight: normal; font-size: .85rem;
  }
  table.stack td.empty { display: none; }
}
"""

PRINT = """\
@page {
  size: A4; margin: 16mm 15mm 18mm;
  @top-left { content: "%(title)s"; font: 8pt sans-serif; color: #5b6472; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif;
    color: #5b6472; }
}
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 1.25rem; }
  h3 { font-size: 12pt; }
  h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  tr, figure, li, dl.fields, .private, p { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart svg { max-width: 10.5cm; }
  figure.chart.radar svg { max-width: 11cm; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .9em; color: #5b6472; }
  footer { margin-top: 1.5rem; }
}
"""


def css_string(text: str) -> str:
    """``text`` as the inside of a CSS string: every character but letters, digits and
    spaces as a hex escape, so nothing in it can end the string or the stylesheet."""
    return "".join(
        c if (c.isalnum() and c.isascii()) or c == " " else f"\\{ord(c):06x}" for c in text
    )


def stylesheet(title: str) -> str:
    """The whole stylesheet; ``title`` is written at the top of every printed page."""
    return SCREEN + PRINT % {"title": css_string(title)}
