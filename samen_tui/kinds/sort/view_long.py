"""A long column of the sort step's board, drawn as one list.

A column of up to :data:`LONG` cards has a widget per card
(:class:`~samen_tui.kinds.sort.view_cards.CardView`): each its own focus, its own
keys. Mounting, styling and laying out one widget per card costs a few milliseconds
each, so a column of thousands took seconds (and the board once styled every card
for every other card: minutes). A longer column is a :class:`CardColumn`: one
option list of its cards, which draws only the lines on screen. The highlighted
card takes the keys a card widget takes (a category key moves it, Enter or e edits,
Delete removes, w picks who said it, a makes it an action, Esc goes to the field,
← → to the next column, ↑ on the first card to the field), so the trainer works the
same way.

Opening a step is then linear in its cards, and quick: see ``bench/sortbench.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.view_cards import CardView, category_keys, sort_view

if TYPE_CHECKING:
    from samen_tui.kinds.sort.view import SortView

LONG = 100
"""A column with more cards than this is drawn as one list (:class:`CardColumn`)."""


def _card_bindings() -> list[Binding]:
    """A card's keys, but the arrows up and down: the list moves its highlight."""
    out: list[Binding] = []
    for binding in CardView.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.action not in ("nav('up')", "nav('down')"):
            out.append(binding)
    return out


class CardColumn(OptionList):
    """The cards of one long column, one option each (their text is never markup);
    the highlighted one is the card the keys act on."""

    DEFAULT_CSS = """
    CardColumn {
        height: auto; max-height: 70vh; margin-top: 1; padding: 0;
        border: none; border-left: outer $primary 50%; background: transparent;
    }
    CardColumn:focus { border: none; border-left: outer $accent; }
    """

    BINDINGS = [
        *_card_bindings(),
        Binding("up", "up", "key.sort.nav", show=False, id="sort.long.up", tooltip="tip.sort.nav"),
    ]

    def __init__(self, category_id: str, step: SortStep, read_only: bool) -> None:
        super().__init__(classes="sort-long", markup=False)
        self.category_id = category_id
        self.step = step
        self._read_only = read_only
        self._keys = category_keys(step)
        self._shown: list[tuple[str, Text]] = []

    # ------------------------------------------------------------------ cards

    @property
    def card_ids(self) -> list[str]:
        return [card_id for card_id, _text in self._shown]

    def show_cards(self, cards: Sequence[tuple[str, Text]]) -> None:
        """Show ``cards`` (id, text), keeping the highlight on the same card. The same
        cards are left as they are and cards added at the end are added; anything
        else replaces the options (once, in one go: never one by one)."""
        wanted = list(cards)
        if wanted == self._shown:
            return
        keep = self.target
        old = self._shown
        if old and wanted[: len(old)] == old:
            self.add_options([Option(text, id=key) for key, text in wanted[len(old) :]])
        else:
            self.clear_options()
            self.add_options([Option(text, id=key) for key, text in wanted])
        self._shown = wanted
        ids = self.card_ids
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif ids:
            self.highlighted = 0

    def highlight(self, card_id: str) -> bool:
        """Put the highlight on a card of this column (False if it is not here)."""
        ids = self.card_ids
        if card_id not in ids:
            return False
        self.highlighted = ids.index(card_id)
        return True

    @property
    def target(self) -> str:
        """The card the keys act on: the highlighted one ("" for none)."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._shown):
            return ""
        return self._shown[self.highlighted][0]

    # ------------------------------------------------------------------ keys

    @property
    def view(self) -> SortView:
        return sort_view(self)

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

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.has_focus and self.target:
            self.view.state.focus = self.target

    def on_focus(self) -> None:
        if self.target:
            self.view.state.focus = self.target

    def action_up(self) -> None:
        if self.highlighted in (None, 0):
            if self._read_only:
                return
            self.view.focus_input()
        else:
            self.action_cursor_up()

    def action_edit(self) -> None:
        if self.target:
            self.view.start_edit(self.target)

    def action_delete(self) -> None:
        if self.target:
            self.view.delete(self.target)

    def action_who(self) -> None:
        if self.target:
            self.view.choose_who(self.target)

    def action_to_action(self) -> None:
        if self.target:
            self.view.card_to_action(self.target)

    def action_new(self) -> None:
        self.view.focus_input()

    def action_move(self, key: str) -> None:
        if self.target:
            self.view.move(self.target, self.step.categories[self._keys[key]].id)

    def action_nav(self, direction: str) -> None:
        if self.target:
            self.view.navigate(self.target, direction)
