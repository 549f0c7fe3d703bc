"""Cards: participant texts in a list that edits, and the field that adds them.

* :class:`CardList`: an option list of participant texts (never markup) with Enter to
  edit and Delete to remove, used by brainstorm and questions.
* :class:`CardEntry`: the field that adds such cards with Enter, above their list; it
  loads one card at a time to edit (a brainstorm column, a question).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from samen_tui.tui import tuning
from samen_tui.tui.widgets.inputs import EntryInput

if TYPE_CHECKING or not tuning.on("cards"):
    CardListBase = OptionList
else:  # a new card laid out and painted once (see tuning/options.py)
    from samen_tui.tui.tuning.options import GrowingOptions as CardListBase


class CardList(CardListBase):
    """Participant texts, one option each (never markup). Enter edits, Delete removes;
    the step view implements ``edit_card(list, id)`` and ``remove_card(list, id)``."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("enter", "edit_card", "key.forms.edit", id="cards.edit", tooltip="tip.forms.edit"),
        Binding(
            "delete",
            "remove_card",
            "key.forms.remove",
            id="cards.remove",
            tooltip="tip.forms.remove",
        ),
        Binding(
            "a",
            "card_to_action",
            "key.forms.to_action",
            id="cards.to_action",
            tooltip="tip.forms.to_action",
            show=False,
        ),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_card", "remove_card", "card_to_action"):
            view = self._view()
            if action == "card_to_action" and not hasattr(view, "card_to_action"):
                return False
            return view is not None and not view.read_only
        return True

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def show(self, items: Iterable[tuple[str, RenderableType]], select: str | None = None) -> None:
        """Show ``items`` (id, text), keeping the highlight on ``select`` or where it was.

        Only what changed is drawn again: the same items are left as they are, and items
        added at the end are added (an answer or a card typed in); anything else
        replaces the options. Replacing them redrew every line of every list in the
        step, on each Enter."""
        keep = select if select is not None else self.highlighted_id
        old_index = self.highlighted
        wanted = list(items)
        shown = [(option.id, option.prompt) for option in self.options]
        if wanted[: len(shown)] == shown and shown:
            if len(wanted) > len(shown):
                self.add_options([Option(text, id=key) for key, text in wanted[len(shown) :]])
        elif wanted != shown:
            self.clear_options()
            self.add_options([Option(text, id=key) for key, text in wanted])
        ids = [key for key, _text in wanted]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif ids:
            self.highlighted = min(old_index or 0, len(ids) - 1)

    def _view(self) -> Any:
        from samen_tui.tui.steps.base import StepView

        node = self.parent
        while node is not None and not isinstance(node, StepView):
            node = node.parent
        return node

    def action_edit_card(self) -> None:
        card = self.highlighted_id
        view = self._view()
        if card is not None and view is not None and not view.read_only:
            view.edit_card(self, card)

    def action_card_to_action(self) -> None:
        """The highlighted card becomes an action (``card_to_action`` of the view)."""
        card = self.highlighted_id
        view = self._view()
        if card is not None and view is not None and not view.read_only:
            view.card_to_action(self, card)

    def action_remove_card(self) -> None:
        card = self.highlighted_id
        view = self._view()
        if card is not None and view is not None and not view.read_only:
            view.remove_card(self, card)


class CardEntry(Vertical):
    """A field that adds cards with Enter, above the :class:`CardList` of them (not in
    read-only mode). One card at a time can be loaded into the field to edit; the
    step view does the saving (see brainstorm and questions)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The size of what is in it. Textual sets it in a layout, and asked for another
    layout of the whole screen when it changed (``Widget.virtual_size``): every answer
    added to a question was two layouts. It does not scroll (its list does), so
    nothing but scrolling reads it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.editing: str | None = None
        """The id of the card being edited (``None``: Enter adds a new card)."""

    @property
    def input(self) -> EntryInput:
        return self.query_one(EntryInput)

    @property
    def cards(self) -> CardList:
        return self.query_one(CardList)

    def start_editing(self, card_id: str, text: str, title: str) -> None:
        """Load a card into the field; the next Enter saves it (the caller focuses)."""
        self.editing = card_id
        field = self.input
        field.value = text
        field.border_title = title
        self.add_class("-editing")

    def stop_editing(self, submitted: str | None = None) -> None:
        """Back to adding cards. After an Enter, ``submitted`` (the event's value) is
        taken out of the field, keeping what was typed after it; else it is emptied."""
        self.editing = None
        field = self.input
        if submitted is None:
            field.value = ""
        else:
            field.take(submitted)
        field.border_title = None
        self.remove_class("-editing")
