"""Take over the open actions of an earlier session of the same workshop.

:func:`take_over` (a palette command of the walk screen) opens
:class:`TakeOverDialog`: the earlier sessions of this workshop that still have
open actions, newest first, each with how many. On a choice their open actions
are copied into the workshop's first ``actions`` step (new ids, status open,
``origin`` the earlier session's file name) by
:func:`samen_tui.session.compare.take_over_actions`, inside the walk screen's
``change()``: one ctrl+z takes them all back, and the session is saved within a
second. Taking over from the same session again adds nothing.

The sessions folder is listed through the summary cache; only sessions of the
same workshop that started earlier are read, newest first, in a thread, and the
list stops at :data:`MAX_SHOWN` sessions with open actions.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from samen_tui.i18n import plural, t
from samen_tui.session.compare import CompareError, open_actions, take_over_actions
from samen_tui.session.model import Session
from samen_tui.session.store import SessionReadError, SessionStore, SessionSummary
from samen_tui.tui.formatting import format_moment
from samen_tui.tui.screens.dialogs import Dialog
from samen_tui.tui.services import Services, close_store
from samen_tui.workshop.model import Step, Workshop

if TYPE_CHECKING:
    from samen_tui.tui.screens.walk import WalkScreen

MAX_SHOWN = 25
"""At most this many sessions are offered (the newest ones)."""


def actions_step(workshop: Workshop) -> Step | None:
    """The first step of kind ``actions`` in the workshop."""
    return next((step for _item, step in workshop.steps() if step.KIND == "actions"), None)


class _Stopped(Exception):
    """Raised from the listing's progress callback once the dialog has gone."""


def _started(summary: SessionSummary) -> float:
    return summary.started.timestamp() if summary.started is not None else summary.mtime


def earlier_with_open_actions(
    store: SessionStore,
    workshop_id: str,
    session: Session,
    path: Path,
    stop: threading.Event | None = None,
) -> Iterator[tuple[Path, Session, int]]:
    """Sessions of ``workshop_id`` in the store that started before ``session`` (not the
    file at ``path``), newest first, that have open actions; with how many. Ends early
    (without raising) once ``stop`` is set."""
    here = os.path.abspath(path)
    since = session.started.timestamp() if session.started is not None else None

    def progress(_done: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise _Stopped

    try:  # through the summary cache where there is one (not the review's screen)
        if store.index is not None:
            listing = store.index.summaries(store.directory, progress=progress, quick=True)
        else:
            listing = store.list()
    except _Stopped:
        return
    candidates = [
        item
        for item in listing
        if isinstance(item, SessionSummary)
        and item.workshop == workshop_id
        and os.path.abspath(item.path) != here
        and (since is None or _started(item) < since)
    ]
    candidates.sort(key=lambda s: (_started(s), s.name), reverse=True)
    for summary in candidates:
        if stop is not None and stop.is_set():
            return
        try:
            earlier = store.load(summary.path)
        except SessionReadError:
            continue
        count = len(open_actions(earlier))
        if count:
            yield summary.path, earlier, count


class TakeOverDialog(Dialog):
    """Choose an earlier session whose open actions to take over; answers
    ``(path, session)`` or None."""

    DEFAULT_CSS = """
    TakeOverDialog #takeover-list {
        height: auto; max-height: 14; min-height: 4; margin-top: 1;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    TakeOverDialog #takeover-note { color: $text-muted; }
    """

    def __init__(
        self, workshop: Workshop, session: Session, path: Path, step: Step, services: Services
    ) -> None:
        super().__init__()
        self.services = services
        self.workshop = workshop
        self.session = session
        self.path = path
        self.step = step
        self.found: dict[str, tuple[Path, Session]] = {}
        self.searching = True
        self._store: SessionStore | None = None
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("takeover.title"), classes="dialog-title")
            yield Static(t("takeover.hint", step=self.step.title), markup=False)
            yield OptionList(id="takeover-list")
            yield Label(t("takeover.searching"), id="takeover-note", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        self._store = self.services.new_store()
        self.query_one("#takeover-list", OptionList).focus()
        self._fit()
        self._search(self._store)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The list gets what the dialog (at most 90% high) leaves, so Annuleren stays
        visible at 80x24."""
        room = int(self.app.size.height * 0.9) - 13
        self.query_one("#takeover-list", OptionList).styles.max_height = max(4, min(14, room))

    def on_unmount(self) -> None:
        self._stop.set()
        close_store(self._store)
        self._store = None

    @work(thread=True, exclusive=True, group="takeover")
    def _search(self, store: SessionStore) -> None:
        shown = 0
        more = False
        for path, earlier, count in earlier_with_open_actions(
            store, self.workshop.id, self.session, self.path, self._stop
        ):
            if shown == MAX_SHOWN:
                more = True
                break
            shown += 1
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._add, path, earlier, count)
        if self._stop.is_set():
            return
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._done, shown, more)

    def _add(self, path: Path, earlier: Session, count: int) -> None:
        key = str(len(self.found))
        self.found[key] = (path, earlier)
        date = format_moment(earlier.started)
        key_count = "takeover.count.one" if count == 1 else "takeover.count"
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{date}  ", style="dim")
        line.append(f"{t(key_count, n=count):<14} ", style="yellow")
        line.append(earlier.title.strip() or path.stem, style="bold")
        if earlier.place.strip():
            line.append(f" · {earlier.place.strip()}")
        options = self.query_one("#takeover-list", OptionList)
        options.add_option(Option(line, id=key))
        if options.highlighted is None:
            options.highlighted = 0

    def _done(self, shown: int, more: bool) -> None:
        self.searching = False
        if not shown:
            note = t("takeover.nothing")
        else:
            note = plural("takeover.found", shown)
            if more:
                note += " " + t("takeover.more", n=shown)
        self.query_one("#takeover-note", Label).update(note)

    @on(OptionList.OptionSelected, "#takeover-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        found = self.found.get(event.option.id or "")
        if found is not None:
            self.dismiss(found)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def take_over(walk_screen: WalkScreen) -> None:
    """Ask which earlier session, then copy its open actions into this session's action
    list (undoable, saved) and say how many."""
    workshop = walk_screen.workshop
    step = actions_step(workshop)
    if step is None:
        walk_screen.notify(t("takeover.no_step"), severity="warning")
        return
    if walk_screen.read_only:
        walk_screen.notify(t("takeover.read_only"), severity="warning")
        return

    def chosen(answer: Any) -> None:
        if not answer:
            return
        path, earlier = answer
        origin = path.name
        # first on a copy: nothing new means no undo step and no save
        try:
            trial = Session.from_dict(walk_screen.session.to_dict())
            count = take_over_actions(earlier, origin, trial, step.id)
        except CompareError as exc:
            walk_screen.notify(
                t("takeover.failed", reason=str(exc)), severity="error", markup=False
            )
            return
        if not count:
            walk_screen.notify(t("takeover.none_new", origin=origin), markup=False)
            return
        try:
            with walk_screen.capture.change():
                count = take_over_actions(earlier, origin, walk_screen.session, step.id)
        except PermissionError:
            return
        walk_screen.show_step(walk_screen.session.current)
        key = "takeover.done.one" if count == 1 else "takeover.done"
        walk_screen.notify(t(key, n=count, origin=origin), markup=False)

    walk_screen.app.push_screen(
        TakeOverDialog(workshop, walk_screen.session, walk_screen.path, step, walk_screen.services),
        chosen,
    )
