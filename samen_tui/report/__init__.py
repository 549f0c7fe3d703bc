"""The "verslag": what a session captured, as one report model and its renderers.

* :mod:`~samen_tui.report.blocks`: the report model, a list of simple blocks;
* :mod:`~samen_tui.report.build`: the whole verslag as blocks (a header, then each
  step kind's section, from ``samen_tui/kinds/<kind>/report.py``);
* renderers, each on its own: :mod:`~samen_tui.report.markdown`,
  :mod:`~samen_tui.report.html` (a self-contained HTML5 document, its charts drawn by
  :mod:`~samen_tui.report.svg`, its stylesheet :mod:`~samen_tui.report.style`),
  :mod:`~samen_tui.report.rich` (a Rich renderable, for the review screen),
  :mod:`~samen_tui.report.csv` and :mod:`~samen_tui.report.ics` (the action list for
  a spreadsheet and for a calendar);
* :mod:`~samen_tui.report.export`: a session file exported in a format.

``docs/verslag.md`` says what each version holds (the trainer's notes only with
``with_notes``).

The names below are imported on first use (PEP 562): a kind's section importing the
blocks does not load the renderers, the store or the workshop loader.

This package never imports textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samen_tui.lazy import lazy_names

if TYPE_CHECKING:
    from samen_tui.report.actions import action_list, action_rows
    from samen_tui.report.blocks import (
        BAR_WIDTH,
        BarChart,
        BarRow,
        Bars,
        Block,
        Bullets,
        ChartBar,
        Fields,
        Heading,
        Link,
        Links,
        Outline,
        Paragraph,
        RadarChart,
        RangeChart,
        RangeRow,
        Table,
        TimeChart,
        TimeRow,
        bar_string,
    )
    from samen_tui.report.build import (
        report_blocks,
        report_html,
        report_markdown,
        report_title,
        stand_in_step,
    )
    from samen_tui.report.csv import report_csv, safe_cell
    from samen_tui.report.export import (
        FORMATS,
        NAMES,
        ExportError,
        export_session,
        find_workshop,
        load_session_file,
        render,
    )
    from samen_tui.report.helpers import (
        Options,
        Origin,
        action_who,
        card_who,
        fmt_date,
        fmt_day,
        fmt_number,
        fmt_when,
        status_label,
        step_title,
        using_workshop,
    )
    from samen_tui.report.html import render_html, to_html
    from samen_tui.report.ics import report_ics
    from samen_tui.report.markdown import md_escape_line, md_inline, md_text, to_markdown
    from samen_tui.report.rich import to_rich

_WHERE = {
    "action_list": "actions",
    "action_rows": "actions",
    "BAR_WIDTH": "blocks",
    "BarChart": "blocks",
    "BarRow": "blocks",
    "Bars": "blocks",
    "Block": "blocks",
    "Bullets": "blocks",
    "ChartBar": "blocks",
    "Fields": "blocks",
    "Heading": "blocks",
    "Link": "blocks",
    "Links": "blocks",
    "Outline": "blocks",
    "Paragraph": "blocks",
    "RadarChart": "blocks",
    "RangeChart": "blocks",
    "RangeRow": "blocks",
    "Table": "blocks",
    "TimeChart": "blocks",
    "TimeRow": "blocks",
    "bar_string": "blocks",
    "report_blocks": "build",
    "report_html": "build",
    "report_markdown": "build",
    "report_title": "build",
    "stand_in_step": "build",
    "report_csv": "csv",
    "safe_cell": "csv",
    "FORMATS": "export",
    "NAMES": "export",
    "ExportError": "export",
    "export_session": "export",
    "find_workshop": "export",
    "load_session_file": "export",
    "render": "export",
    "Options": "helpers",
    "Origin": "helpers",
    "action_who": "helpers",
    "card_who": "helpers",
    "fmt_date": "helpers",
    "fmt_day": "helpers",
    "fmt_number": "helpers",
    "fmt_when": "helpers",
    "status_label": "helpers",
    "step_title": "helpers",
    "using_workshop": "helpers",
    "render_html": "html",
    "to_html": "html",
    "report_ics": "ics",
    "md_escape_line": "markdown",
    "md_inline": "markdown",
    "md_text": "markdown",
    "to_markdown": "markdown",
    "to_rich": "rich",
}

__getattr__ = lazy_names(__name__, _WHERE)

__all__ = [
    "BAR_WIDTH",
    "FORMATS",
    "NAMES",
    "BarChart",
    "BarRow",
    "Bars",
    "Block",
    "Bullets",
    "ChartBar",
    "ExportError",
    "Fields",
    "Heading",
    "Link",
    "Links",
    "Options",
    "Origin",
    "Outline",
    "Paragraph",
    "RadarChart",
    "RangeChart",
    "RangeRow",
    "Table",
    "TimeChart",
    "TimeRow",
    "action_list",
    "action_rows",
    "action_who",
    "bar_string",
    "card_who",
    "export_session",
    "find_workshop",
    "fmt_date",
    "fmt_day",
    "fmt_number",
    "fmt_when",
    "load_session_file",
    "md_escape_line",
    "md_inline",
    "md_text",
    "render",
    "render_html",
    "report_blocks",
    "report_csv",
    "report_html",
    "report_ics",
    "report_markdown",
    "report_title",
    "safe_cell",
    "stand_in_step",
    "status_label",
    "step_title",
    "to_html",
    "to_markdown",
    "to_rich",
    "using_workshop",
]
