"""sort: adding, renaming and merging categories in the app (``open = true``).

Ctrl+N asks for the name of a new category, F9 for a category and its new name, F5
for a category and the one to merge it into (:class:`MergeDialog`). The categories
the session has are :mod:`samen_tui.kinds.sort.categories`'s; the view is built anew
with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from samen_tui.i18n import t
from samen_tui.kinds.sort import categories
from samen_tui.kinds.sort.model import CATEGORY_KEYS, Category
from samen_tui.kinds.sort.record import Added
from samen_tui.session.model import new_id
from samen_tui.tui.screens.dialogs import Dialog

if TYPE_CHECKING:
    from samen_tui.kinds.sort.view import SortView

MAX_CATEGORIES = len(CATEGORY_KEYS) - len(categories.RESERVED)
"""Every key but those a card uses itself (e, w, a)."""


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


class MergeDialog(Dialog):
    """Which category goes (left) into which (right): Enter on the left goes to the
    right, Enter on the right merges; a click does the same. Answers (gone, into)."""

    DEFAULT_CSS = """
    MergeDialog .merge-lists { height: auto; }
    MergeDialog .merge-side { width: 1fr; height: auto; }
    MergeDialog OptionList { height: auto; max-height: 12; }
    MergeDialog #merge-what { width: 1fr; height: auto; margin-top: 1; }
    MergeDialog #merge-keys { width: 1fr; height: auto; color: $text-muted; }
    """

    def __init__(self, gone: list[Category], into: list[Category], counts: dict[str, int]):
        super().__init__()
        self._gone = gone
        self._into = into
        self._counts = counts

    def _option(self, category: Category) -> Option:
        text = Text()
        if category.key:
            text.append(f" {category.key} ", style="reverse")
        text.append(f" {category.title} ")
        text.append(f"({self._counts.get(category.id, 0)})", style="dim")
        return Option(text, id=category.id)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("sort.merge_category"), classes="dialog-title", markup=False)
            with Horizontal(classes="merge-lists"):
                with Vertical(classes="merge-side"):
                    yield Label(t("sort.merge_gone"), markup=False)
                    yield OptionList(*(self._option(c) for c in self._gone), id="merge-gone")
                with Vertical(classes="merge-side"):
                    yield Label(t("sort.merge_into"), markup=False)
                    yield OptionList(id="merge-into")
            yield Label("", id="merge-what", markup=False)
            yield Label(t("sort.merge_keys"), id="merge-keys", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("button.cancel"), id="cancel")
                yield Button(t("sort.merge_button"), id="ok", variant="primary")

    def on_mount(self) -> None:
        gone = self.query_one("#merge-gone", OptionList)
        gone.highlighted = 0
        self._fill_into()
        gone.focus()

    @property
    def gone(self) -> str:
        gone = self.query_one("#merge-gone", OptionList)
        index = gone.highlighted
        return self._gone[index].id if index is not None else ""

    @property
    def into(self) -> str:
        into = self.query_one("#merge-into", OptionList)
        index = into.highlighted
        if index is None or not into.option_count:
            return ""
        return into.get_option_at_index(index).id or ""

    def _fill_into(self) -> None:
        into = self.query_one("#merge-into", OptionList)
        keep = self.into
        into.clear_options()
        targets = [c for c in self._into if c.id != self.gone]
        into.add_options([self._option(c) for c in targets])
        ids = [c.id for c in targets]
        into.highlighted = ids.index(keep) if keep in ids else 0
        self._describe()

    def _describe(self) -> None:
        titles = {c.id: c.title for c in self._into}
        gone, into = self.gone, self.into
        self.query_one("#merge-what", Label).update(
            t(
                "sort.merge_what",
                gone=titles.get(gone, gone),
                into=titles.get(into, into),
                n=self._counts.get(gone, 0),
            )
            if gone and into
            else ""
        )

    @on(OptionList.OptionHighlighted, "#merge-gone")
    def _gone_highlighted(self) -> None:
        self._fill_into()

    @on(OptionList.OptionHighlighted, "#merge-into")
    def _into_highlighted(self) -> None:
        self._describe()

    @on(OptionList.OptionSelected, "#merge-gone")
    def _gone_chosen(self) -> None:
        self.query_one("#merge-into", OptionList).focus()

    @on(OptionList.OptionSelected, "#merge-into")
    @on(Button.Pressed, "#ok")
    def _merge(self) -> None:
        if self.gone and self.into:
            self.dismiss((self.gone, self.into))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def merge_category(view: SortView) -> None:
    """Ask for a category and the one to merge it into; move its cards there (one
    undoable change) and show the categories without it."""
    from samen_tui.kinds.sort.stats import category_counts

    step = view.sort_step
    gone = categories.mergeable(step)
    if not gone or len(step.categories) < 2:
        view.notify(t("sort.merge_none"), severity="warning")
        return
    counts = category_counts(step, view.sort_record)

    def merged(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        titles = {c.id: c.title for c in view.sort_step.categories}
        with view.capture.change():
            moved = categories.merge(view.sort_record, *answer)
        view.apply_categories()
        view.notify(
            t(
                "sort.merged.one" if moved == 1 else "sort.merged",
                gone=titles[answer[0]],
                into=titles[answer[1]],
                n=moved,
            ),
            markup=False,
        )

    view.app.push_screen(MergeDialog(gone, list(step.categories), counts), merged)
