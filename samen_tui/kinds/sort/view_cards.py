"""The parts of the sort step's view that take keys: the entry field, the "who" button,
the category pick line and a card on the board.

The category keys are static bindings, one per key a category may have
(:data:`~samen_tui.kinds.sort.model.CATEGORY_KEYS`), enabled by ``check_action`` for
the keys the step uses and named after their category by ``binding_label`` (the key
bar and F1's help ask for it, see :func:`samen_tui.tui.keys.describe`). Each part
reaches its :class:`~samen_tui.kinds.sort.view.SortView` as an ancestor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static

from samen_tui.kinds.sort import categories
from samen_tui.kinds.sort.model import CATEGORY_KEYS, SortStep
from samen_tui.tui.keys import label
from samen_tui.tui.widgets.inputs import FittedInput

if TYPE_CHECKING:
    from samen_tui.kinds.sort.view import SortView


def sort_view(node: DOMNode) -> SortView:
    """The sort view a part is in."""
    return cast("SortView", node.query_ancestor("SortView"))


def category_keys(step: SortStep) -> dict[str, int]:
    """The index of the category each key of the step files under."""
    return {step.category_key(index): index for index in range(len(step.categories))}


class CardInput(FittedInput):
    """The entry field: Enter asks for the category; ↓ goes to the cards."""

    BINDINGS = [
        Binding(
            "down",
            "to_cards",
            "key.sort.to_cards",
            show=False,
            id="sort.input.cards",
            tooltip="tip.sort.to_cards",
        ),
        Binding(
            "escape",
            "cancel_edit",
            "key.sort.back",
            show=False,
            id="sort.input.cancel",
            tooltip="tip.sort.back",
        ),
    ]

    @property
    def view(self) -> SortView:
        return sort_view(self)

    async def on_key(self, event: events.Key) -> None:
        # Handled here, in the order typed, not through bindings (which the app runs
        # after the characters already queued here): see SortView.entry_key. This
        # class's handler runs before Input's own (next in the MRO), which types the
        # character unless the default is prevented.
        if self.view.entry_key(event, from_field=True):
            event.stop()
            event.prevent_default()

    async def action_submit(self) -> None:
        # at once, not through a message: a category key typed right after Enter must
        # reach the picker, not this field
        self.view.enter_pressed()

    def action_to_cards(self) -> None:
        self.view.focus_board()

    def action_cancel_edit(self) -> None:
        self.view.escape_pressed()


class WhoButton(Static):
    """Shows who the next card is from; a click opens the picker."""

    def on_click(self, event: events.Click) -> None:
        event.stop()
        sort_view(self).choose_who()


class PickBar(Static, can_focus=True):
    """After Enter in the field: one key picks the category."""

    BINDINGS = [
        Binding("enter", "same", "key.sort.same", id="sort.pick.same", tooltip="tip.sort.same"),
        Binding("escape", "back", "key.sort.back", id="sort.pick.back", tooltip="tip.sort.back"),
        *(
            Binding(
                key,
                f"pick('{key}')",
                "key.sort.pick",
                id=f"sort.pick.{key}",
                tooltip="tip.sort.pick",
            )
            for key in CATEGORY_KEYS
        ),
    ]

    def __init__(self, step: SortStep, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.step = step
        self.same = ""
        """The category Enter files the card under ("" for none)."""
        self._keys = category_keys(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "same":
            return bool(self.same)
        if action == "pick":
            return parameters[:1] != () and parameters[0] in self._keys
        return True

    def binding_label(self, binding: Binding) -> str | None:
        """A category key is named after its category."""
        index = self._keys.get(binding.key)
        if index is None or not binding.action.startswith("pick("):
            return None
        return self.step.categories[index].title

    def binding_group(self, binding: Binding) -> str | None:
        """The category keys as one hint where the key bar lacks room: "1/2/3 Motief"."""
        if binding.key in self._keys and binding.action.startswith("pick("):
            return label(binding.description)
        return None

    @property
    def view(self) -> SortView:
        return sort_view(self)

    def on_key(self, event: events.Key) -> None:
        # category keys, Enter, Esc and typing on: handled here, in the order typed
        # (the bindings are there for the key bar and a click on it)
        if self.view.entry_key(event, from_field=False):
            event.stop()
            event.prevent_default()

    def action_pick(self, key: str) -> None:
        index = self._keys[key]
        view = self.view
        if view.picking:
            view.file(self.step.categories[index].id)
        else:
            view.resume_typing(key)

    def action_same(self) -> None:
        self.view.enter_pressed()

    def action_back(self) -> None:
        self.view.escape_pressed()


def _move(key: str) -> Binding:
    return Binding(
        key, f"move('{key}')", "key.sort.move", id=f"sort.card.move.{key}", tooltip="tip.sort.move"
    )


class CardView(Static, can_focus=True):
    """One card on the board: its text (never markup) and who said it.

    ``e`` edits, ``w`` picks who said it and ``a`` makes it an action, unless a
    category has that key: then it moves the card there (its move binding comes first
    for that key, and is on only when a category has the key)."""

    BINDINGS = [
        Binding("enter", "edit", "key.sort.edit", id="sort.card.edit", tooltip="tip.sort.edit"),
        _move("e"),
        Binding(
            "e", "edit", "key.sort.edit", show=False, id="sort.card.edit", tooltip="tip.sort.edit"
        ),
        Binding(
            "delete,backspace",
            "delete",
            "key.sort.delete",
            id="sort.card.delete",
            tooltip="tip.sort.delete",
        ),
        _move("w"),
        Binding("w", "who", "key.sort.who", id="sort.card.who", tooltip="tip.sort.who"),
        _move("a"),
        Binding(
            "a",
            "to_action",
            "key.forms.to_action",
            show=False,
            id="sort.card.to_action",
            tooltip="tip.forms.to_action",
        ),
        Binding("escape", "new", "key.sort.new", id="sort.card.new", tooltip="tip.sort.new"),
        Binding(
            "up", "nav('up')", "key.sort.nav", show=False, id="sort.card.up", tooltip="tip.sort.nav"
        ),
        Binding(
            "down",
            "nav('down')",
            "key.sort.nav",
            show=False,
            id="sort.card.down",
            tooltip="tip.sort.nav",
        ),
        Binding(
            "left",
            "nav('left')",
            "key.sort.nav",
            show=False,
            id="sort.card.left",
            tooltip="tip.sort.nav",
        ),
        Binding(
            "right",
            "nav('right')",
            "key.sort.nav",
            show=False,
            id="sort.card.right",
            tooltip="tip.sort.nav",
        ),
        *(_move(key) for key in CATEGORY_KEYS if key not in categories.RESERVED),
    ]

    def __init__(self, card_id: str, content: Text, step: SortStep, read_only: bool) -> None:
        super().__init__(content, classes="sort-card")
        self.card_id = card_id
        self.step = step
        self._read_only = read_only
        self._keys = category_keys(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._read_only and action in ("edit", "delete", "who", "move", "new", "to_action"):
            return False
        if action == "move":
            return parameters[:1] != () and parameters[0] in self._keys
        return True

    def binding_label(self, binding: Binding) -> str | None:
        """A category key is named after its category."""
        index = self._keys.get(binding.key)
        if index is None or not binding.action.startswith("move("):
            return None
        return self.step.categories[index].title

    def binding_group(self, binding: Binding) -> str | None:
        """The category keys as one hint where the key bar lacks room: "1/2/3 Motief"."""
        if binding.key in self._keys and binding.action.startswith("move("):
            return label(binding.description)
        return None

    @property
    def view(self) -> SortView:
        return sort_view(self)

    def on_focus(self) -> None:
        self.view.state.focus = self.card_id

    @property
    def target(self) -> str:
        """The card a key acts on: the one with the cursor (keys are queued per widget,
        so one pressed right after an arrow may still arrive at this card)."""
        current = self.view.state.focus
        return current if self.view.card(current) is not None else self.card_id

    def action_edit(self) -> None:
        self.view.start_edit(self.target)

    def action_delete(self) -> None:
        self.view.delete(self.target)

    def action_who(self) -> None:
        self.view.choose_who(self.target)

    def action_to_action(self) -> None:
        self.view.card_to_action(self.target)

    def action_new(self) -> None:
        self.view.focus_input()

    def action_move(self, key: str) -> None:
        self.view.move(self.target, self.step.categories[self._keys[key]].id)

    def action_nav(self, direction: str) -> None:
        self.view.navigate(self.target, direction)
