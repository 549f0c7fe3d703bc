"""The sort step's board kept in line with its record: the cards of each column (a
widget per card, or one list for a long column: :mod:`~samen_tui.kinds.sort.view_long`),
the counts, the summary; and which widget shows a card.

Every pass is linear in the number of cards: the cards are put in their columns
once, a column whose cards did not change is only brought up to date, and nothing
is styled by its position among the others (``:odd`` made Textual look through every
sibling for every card: opening a step of 3,000 cards took minutes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.sort import board
from samen_tui.kinds.sort.record import Card
from samen_tui.kinds.sort.stats import category_counts
from samen_tui.kinds.sort.view_cards import CardView, PickBar
from samen_tui.kinds.sort.view_long import LONG, CardColumn

if TYPE_CHECKING:
    from samen_tui.kinds.sort.view import SortView


def card_widget(view: SortView, card_id: str) -> CardView | CardColumn | None:
    """The widget that shows a card: its own, or the list of its long column."""
    for widget in view.query(CardView):
        if widget.card_id == card_id:
            return widget
    for column in view.query(CardColumn):
        if card_id in column.card_ids:
            return column
    return None


def focused_card(view: SortView) -> str:
    """The card the focus is on ("" for none)."""
    focused = view.screen.focused
    if isinstance(focused, CardView):
        return focused.card_id
    if isinstance(focused, CardColumn):
        return focused.target
    return ""


def sync_cards(view: SortView) -> None:
    """Bring the board in line with the record: cards per column, counts, summary."""
    columns = view.columns()
    containers = list(view.query(".sort-cards").results(Vertical))
    if len(containers) != len(columns):
        # a column came or went (a card of a category the step does not have):
        # rebuild everything, once
        if not view._rebuilding:
            view._rebuilding = True
            view.refresh(recompose=True)
            view.call_after_refresh(view._sync_cards)
        return
    view._rebuilding = False
    by_category: dict[str, list[Card]] = {c.id: [] for c in columns}
    for card in view.sort_record.cards:
        by_category.setdefault(card.category, []).append(card)
    counts = category_counts(view.sort_step, view.sort_record)
    for column, container, count in zip(
        columns, containers, view.query(".sort-count").results(Static), strict=True
    ):
        count.update(t("sort.count", n=counts.get(column.id, 0)))
        cards = by_category.get(column.id, [])
        if len(cards) > LONG:
            _show_long(view, container, column.id, cards)
        else:
            _show_short(view, container, cards)
    if not view.read_only:
        view.query_one("#sort-hint", Static).update(view._hint_text())
        view.query_one("#sort-who", Static).update(view._who_text())
    view.query_one("#sort-summary", Static).update(
        board.summary_text(view.sort_step, view.sort_record, view.session)
    )


def _show_short(view: SortView, container: Vertical, cards: list[Card]) -> None:
    """A widget per card (alternate ones marked ``odd`` for their background)."""
    present = [w for w in container.children if isinstance(w, CardView)]
    if [w.card_id for w in present] == [c.id for c in cards] and (
        cards or container.query(".sort-empty")
    ):
        for widget, card in zip(present, cards, strict=True):
            widget.update(board.card_text(card, view.session))
        return
    ids = [c.id for c in cards]
    if present and [w.card_id for w in present] == ids[: len(present)]:
        # cards added at the end (a participant's phone, #18): only those are mounted,
        # the others left as they are (updating each one laid the column out again)
        added = []
        for number, card in enumerate(cards[len(present) :], start=len(present)):
            widget = CardView(
                card.id, board.card_text(card, view.session), view.sort_step, view.read_only
            )
            widget.set_class(number % 2 == 0, "odd")
            added.append(widget)
        container.mount_all(added)
        return
    refocus = focused_card(view) if view.is_attached else ""
    container.remove_children()
    widgets: list[Static] = []
    for number, card in enumerate(cards):
        widget = CardView(
            card.id, board.card_text(card, view.session), view.sort_step, view.read_only
        )
        widget.set_class(number % 2 == 0, "odd")  # the first, third...: as CSS counts
        widgets.append(widget)
    if not widgets:
        widgets.append(
            Static(view.sort_step.words.get("empty"), classes="sort-empty", markup=False)
        )
    container.mount_all(widgets)
    if refocus and refocus in {c.id for c in cards}:
        view.call_after_refresh(view._focus_card, refocus)


def _show_long(view: SortView, container: Vertical, category_id: str, cards: list[Card]) -> None:
    """One list for the column's cards (drawn as far as it is on screen)."""
    shown = [(card.id, board.card_text(card, view.session)) for card in cards]
    lists = [w for w in container.children if isinstance(w, CardColumn)]
    if lists:
        lists[0].show_cards(shown)
        return
    refocus = focused_card(view) if view.is_attached else ""
    container.remove_children()
    column = CardColumn(category_id, view.sort_step, view.read_only)
    column.show_cards(shown)
    container.mount(column)
    if refocus and refocus in {c.id for c in cards}:
        view.call_after_refresh(view._focus_card, refocus)


def choose_who(view: SortView, card_id: str = "") -> None:
    """Pick who said it: for one card (then it is this step's own, see
    :mod:`~samen_tui.kinds.sort.taken`), or (no card) for the cards to come."""
    from samen_tui.kinds.sort.view_who import WhoPicker

    if view.read_only:
        return
    card = view.card(card_id) if card_id else None
    current = card.who if card is not None else view.state.who

    def chosen(who: str | None) -> None:
        if who is None:
            refocus(view, card_id)
            return
        if card is not None:
            if who != card.who:
                with view.capture.change():
                    card.who = who
                    card.follows = ""
        else:
            view.state.who = who
        view._sync_cards()
        view.call_after_refresh(refocus, view, card_id)

    view.app.push_screen(
        WhoPicker(t("who.title.sort"), list(view.session.participants), current), chosen
    )


def refocus(view: SortView, card_id: str) -> None:
    """The focus back on a card, the category pick, or the field."""
    if card_id and view._card_widget(card_id) is not None:
        view._focus_card(card_id)
    elif view.picking:
        view.screen.set_focus(view.query_one(PickBar))
    else:
        view.focus_input()
