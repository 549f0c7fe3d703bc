"""The review's table of sessions: its columns and their widths, the cells of a row,
sorting and the filter's text; and the list of unreadable files below it.

The rows are :class:`~samen_tui.session.summary.SessionSummary` tuples (strings and
numbers, the texts that repeat held once), and the table is a
:class:`~samen_tui.tui.virtual_table.VirtualTable` that makes the cells of a row
only when that row is painted: of 10,000 rows only the thirty or so in view ever
become :class:`rich.text.Text` (never markup: titles and places are the user's
text). What a workshop contributes (its title, the position of each step) is worked
out once per workshop (:class:`WorkshopInfo`), not per session.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from samen_tui.i18n import t
from samen_tui.session.summary import SessionSummary, Unreadable
from samen_tui.tui.formatting import format_moment
from samen_tui.tui.virtual_table import VirtualTable
from samen_tui.workshop.model import Workshop

NARROW = 100
"""Below this width the date column shows the day only."""
BROKEN_ROWS = 5
"""At most this many unreadable files are visible at once (the list scrolls)."""


@dataclass(frozen=True)
class WorkshopInfo:
    """What the table shows of a session's workshop, worked out once per workshop."""

    title: str
    positions: dict[str, int]
    """1-based position of every step, by id (empty: the workshop was not found)."""
    total: int | None
    """How many steps the workshop has (None: not found)."""

    @classmethod
    def of(cls, workshop_id: str, workshop: Workshop | None) -> WorkshopInfo:
        if workshop is None:
            return cls(workshop_id, {}, None)
        ids = workshop.step_ids()
        positions: dict[str, int] = {}
        for number, step_id in enumerate(ids, start=1):
            positions.setdefault(step_id, number)
        return cls(workshop.title, positions, len(ids))


def cell(text: str, style: str = "", justify: str = "left") -> Text:
    """A one-line table cell: the text as it is (no markup), cut with an ellipsis."""
    return Text(
        " ".join(text.split()),
        style=style,
        no_wrap=True,
        overflow="ellipsis",
        justify=justify,  # type: ignore[arg-type]
        end="",
    )


def stem_of(name: str) -> str:
    return os.path.splitext(name)[0]


# --------------------------------------------------------------------------- rows


COLUMNS = ("mark", "date", "workshop", "title", "place", "people", "progress")
SORTABLE = COLUMNS[1:]
MARK = "●"
MARKED = Text(MARK, style="bold", no_wrap=True, end="")
UNMARKED = Text("", no_wrap=True, end="")
NAME = attrgetter("name")
STARTED = attrgetter("start_stamp")
PARTICIPANTS = attrgetter("participants")
STEPS_DONE = attrgetter("steps_done")
COMPLETE = attrgetter("complete")


def progress_text(summary: SessionSummary, info: WorkshopInfo) -> str:
    """What is done: ``done/total``, the steps with something captured of the
    workshop's steps (the step it was left on says nothing of what was done there),
    ``✓`` when finished."""
    if info.total is not None:
        done = min(summary.steps_done, info.total)
        text = f"{done:>{len(str(info.total))}}/{info.total}"
    else:
        text = str(summary.steps_done)
    return text + (" ✓" if summary.complete else "  ")


def sort_rows(
    rows: list[SessionSummary], column: str, reverse: bool, info: Callable[[str], WorkshopInfo]
) -> None:
    """Sort the rows by ``column``, then by date, then by file name (in place).

    As one sort on the key (column, date, name) would, but done as stable sorts on
    one plain value each, last key first: no key tuple per row, and the date is a
    number already."""
    keys: list[Callable[[SessionSummary], Any]] = [NAME, STARTED]
    if column == "workshop":
        keys.append(lambda b: info(b.workshop).title.casefold())
    elif column == "title":
        keys.append(lambda b: b.title.casefold())
    elif column == "place":
        keys.append(lambda b: b.place.casefold())
    elif column == "people":
        keys.append(PARTICIPANTS)
    elif column == "progress":
        keys += [
            STEPS_DONE,
            lambda b: info(b.workshop).positions.get(b.current, 0),
            COMPLETE,
        ]
    for key in keys:
        rows.sort(key=key, reverse=reverse)


def haystack(summary: SessionSummary, info: WorkshopInfo) -> str:
    """Everything shown (and the trainer, the file name), casefolded, for the filter."""
    words = (
        format_moment(summary.started),
        info.title,
        summary.workshop,
        summary.title,
        summary.place,
        summary.trainer,
        str(summary.participants),
        progress_text(summary, info),
        t("review.progress_done") if summary.complete else "",
        summary.name,
    )
    return "\n".join(words).casefold()


class SessionTable(VirtualTable):
    """The sessions: a :class:`VirtualTable` whose rows are the screen's ``shown``
    list (the screen makes the cells of a row when it is painted)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "key.open", id="review.open", tooltip="tip.open"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keys: Callable[[int], str] = lambda index: ""
        self._names: Callable[[int], str] = lambda index: ""

    def show_sessions(
        self,
        count: int,
        cells: Callable[[int], Sequence[Text]],
        names: Callable[[int], str],
        keys: Callable[[int], str],
    ) -> None:
        """Show ``count`` rows: their cells, file names and keys (paths) by index."""
        self._names, self._keys = names, keys
        self.show_rows(count, cells)

    def row_key(self, index: int) -> str:
        """The path of the session in row ``index``."""
        return self._keys(index)

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index`` as they are shown."""
        return list(self.row_cells(index))

    def get_row_index(self, key: str) -> int:
        """The row of the session with this path (or file name); ValueError if none."""
        name = os.path.basename(key)
        for index in range(self.row_count):
            if self._names(index) == name:
                return index
        raise ValueError(f"no row for {key}")

    @property
    def highlighted_key(self) -> str | None:
        return self._keys(self.cursor_row) if self.row_count else None

    @property
    def highlighted_name(self) -> str | None:
        return self._names(self.cursor_row) if self.row_count else None


def column_widths(
    total: int,
    titles: Iterable[str],
    places: Iterable[str],
    workshops: Iterable[str],
    narrow: bool,
) -> dict[str, int]:
    """Widths that fit ``total`` cells: fixed columns first, the rest shared by title,
    place and workshop up to what their longest text needs."""

    def longest(values: Iterable[str], header: str) -> int:
        return max([cell_len(header), *(cell_len(v) for v in set(values))])

    widths = {
        "mark": 1,
        "date": 10 if narrow else 16,
        "people": max(3, cell_len(t("review.col.people"))),
        "progress": max(7, cell_len(t("review.col.progress"))),
    }
    wanted = {
        "title": min(44, longest(titles, t("review.col.title"))),
        "place": min(20, longest(places, t("review.col.place"))),
        "workshop": min(26, longest(workshops, t("review.col.workshop"))),
    }
    least = {"title": 12, "place": 8, "workshop": 8}
    padding = 2 * len(COLUMNS)
    room = total - padding - sum(widths.values())
    for key in wanted:
        widths[key] = min(least[key], wanted[key])
    room -= sum(widths[k] for k in wanted)
    share = {"title": 2, "workshop": 1, "place": 1}
    growing = [key for key in share if widths[key] < wanted[key]]
    while room > 0 and growing:  # round the columns that want more; the title twice as fast
        for key in list(growing):
            extra = min(share[key], room, wanted[key] - widths[key])
            widths[key] += extra
            room -= extra
            if widths[key] >= wanted[key]:
                growing.remove(key)
    return widths


class BrokenTable(DataTable[Text]):
    """The unreadable files: the cursor shows only while the list has the focus."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", show_header=False, show_cursor=False, **kwargs)

    def on_focus(self) -> None:
        self.show_cursor = True

    def on_blur(self) -> None:
        self.show_cursor = False

    def show(self, unreadable: Sequence[Unreadable], width: int) -> None:
        """List these files (their name and why) in ``width`` cells; hidden if none."""
        self.clear()
        self.set_class(not unreadable, "hidden")
        if not unreadable:
            return
        name_width = min(30, max(cell_len(u.name) for u in unreadable))
        name_key, reason_key = list(self.columns)[:2]
        self.columns[name_key].width = name_width
        self.columns[reason_key].width = max(10, width - name_width - 4)
        for item in unreadable:
            self.add_row(cell(item.name), cell(item.reason), key=str(item.path))
        self.styles.height = min(BROKEN_ROWS, len(unreadable))  # set, not measured: no layout race
