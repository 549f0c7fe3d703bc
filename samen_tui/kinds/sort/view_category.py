"""sort: adding and renaming categories in the app (``open = true``).

Ctrl+N asks for the name of a new category, F7 for a category and its new name. The
categories the session has are :mod:`samen_tui.kinds.sort.categories`'s; the view is
built anew with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select

from samen_tui.i18n import t
from samen_tui.kinds.sort.model import CATEGORY_KEYS
from samen_tui.kinds.sort.record import Added
from samen_tui.session.model import new_id
from samen_tui.tui.screens.dialogs import Dialog

if TYPE_CHECKING:
    from samen_tui.kinds.sort.view import SortView

MAX_CATEGORIES = len(CATEGORY_KEYS) - 2
"""Every key but the two a card uses itself (e, w)."""


class CategoryDialog(Dialog):
    """A name for a new category, or a category (``choices``) and its new name."""

    def __init__(self, title: str, choices: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self._title = title
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="dialog-title", markup=False)
            if self._choices:
                yield Select(
                    [(title, cid) for cid, title in self._choices],
                    value=self._choices[0][0],
                    allow_blank=False,
                    id="category-choice",
                )
            yield Input(id="category-title", max_length=80)

    def on_mount(self) -> None:
        self.query_one("#category-title", Input).focus()

    @on(Select.Changed, "#category-choice")
    def _chosen(self, event: Select.Changed) -> None:
        title = dict(self._choices or []).get(str(event.value), "")
        field = self.query_one("#category-title", Input)
        field.value = title
        field.focus()

    @on(Input.Submitted, "#category-title")
    def _submitted(self, event: Input.Submitted) -> None:
        title = event.value.strip()
        if not title:
            return
        choice = self.query("#category-choice")
        category = str(choice.first(Select).value) if choice else ""
        self.dismiss((category, title))


def add_category(view: SortView) -> None:
    """Ask for a new category's name; add it to the session and show it."""
    if len(view.sort_step.categories) >= MAX_CATEGORIES:
        view.notify(t("sort.category_full", n=len(view.sort_step.categories)), severity="warning")
        return

    def added(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        with view.capture.change():
            view.sort_record.added.append(Added(id=new_id("c"), title=answer[1]))
        view.apply_categories()
        new = view.sort_step.categories[-1 if not view.sort_step.unsorted else -2]
        view.notify(t("sort.category_added", title=new.title, key=new.key), markup=False)

    view.app.push_screen(CategoryDialog(t("sort.add_category")), added)


def rename_category(view: SortView) -> None:
    """Ask for a category and its new name; keep the name in the session."""
    choices = [(c.id, c.title) for c in view.sort_step.categories]

    def renamed(answer: tuple[str, str] | None) -> None:
        if answer is None or not answer[0]:
            return
        with view.capture.change():
            view.sort_record.titles[answer[0]] = answer[1]
        view.apply_categories()

    view.app.push_screen(CategoryDialog(t("sort.rename_category"), choices), renamed)
