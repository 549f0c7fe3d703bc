"""sort: cards sorted into categories (motive mapping).

The categories stand side by side as columns, each with its hint words. Quick
entry: type the card in the field at the top, press Enter, then one key picks the
category (the category's key, 1/2/3 by default; Enter again repeats the previous
category, Esc goes back to the text). Who said it is "the group" unless F4 (or a
click on *Wie*) picks a participant; that choice stays for the next cards.

On a card (↓ from the field, the arrows, or a click): a category key moves it,
Enter/e edits it (back in the field, then Enter and a key as for a new card),
Delete removes it, w/F4 chooses who said it, Esc goes back to the field. The counts
per category and per organisation stay docked at the bottom.

Every change goes through ``capture.change()`` (undo and autosave). What is being
typed but not yet filed, the chosen "who" and the focused card live in a small
per-screen state, so they survive an undo (which rebuilds the view) and leaving the
step and coming back.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from samen_tui.i18n import plural, t
from samen_tui.session.model import GROUP, Card, Participant, Session, SortRecord, new_id
from samen_tui.session.stats import category_counts, group_label, organisation_counts
from samen_tui.tui.steps.base import Capture, StepView
from samen_tui.tui.widgets.inputs import FittedInput
from samen_tui.workshop.model import Category, SortStep

# --------------------------------------------------------------------------- who picker

WHO_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
"""One key per participant, in list order; 0 is the group."""


def who_label(session: Session, who: str) -> str:
    """The name shown for a card's or rating's author."""
    if who == GROUP:
        return group_label()
    participant = session.participant(who)
    return participant.name if participant is not None else who


class WhoPicker(ModalScreen[str | None]):
    """Choose the group or one participant with one key (or arrows and Enter, or a click).

    Dismisses with the participant id, ``GROUP`` for the group, or ``None`` (escape).
    Shared by the sort and the rate step.
    """

    DEFAULT_CSS = """
    WhoPicker { align: center middle; }
    WhoPicker > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    WhoPicker #who-title { text-style: bold; margin-bottom: 1; }
    WhoPicker OptionList { height: auto; max-height: 16; border: none; }
    WhoPicker .who-hint { color: $text-muted; margin-top: 1; width: 1fr; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.who.cancel", id="who.cancel", tooltip="tip.who.cancel"),
    ]

    def __init__(self, title: str, participants: list[Participant], current: str) -> None:
        super().__init__()
        self._title = title
        self._choices: list[str] = [GROUP, *(p.id for p in participants)]
        self._participants = participants
        self._current = current
        self._keys = {"0": GROUP}
        for key, participant in zip(WHO_KEYS, participants, strict=False):
            self._keys[key] = participant.id

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        line = Text()
        line.append(" 0 ", style="reverse")
        line.append(f" {group_label()}")
        options.append(Option(line, id="who-0"))
        for index, participant in enumerate(self._participants):
            key = WHO_KEYS[index] if index < len(WHO_KEYS) else " "
            line = Text()
            line.append(f" {key} ", style="reverse")
            line.append(f" {participant.name}")
            if participant.organisation:
                line.append(f"  ({participant.organisation})", style="dim")
            options.append(Option(line, id=f"who-{index + 1}"))
        with Vertical():
            yield Label(self._title, id="who-title", markup=False)
            yield OptionList(*options, id="who-list")
            if not self._participants:
                yield Static(t("who.none"), classes="who-hint", markup=False)
            yield Static(t("who.hint"), classes="who-hint", markup=False)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self._current in self._choices:
            option_list.highlighted = self._choices.index(self._current)
        option_list.focus()

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self._keys:
            event.stop()
            event.prevent_default()
            self.dismiss(self._keys[event.character])

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- state


@dataclass
class SortState:
    """What the trainer is doing in a sort step, beyond what the record holds."""

    who: str = GROUP
    """Who the next card is from."""
    last: str = ""
    """The category of the previous card (Enter in the picker repeats it)."""
    focus: str = ""
    """The card that had the focus (restored after an undo)."""
    draft: str = ""
    """Text typed but not yet filed."""


_STATES: weakref.WeakKeyDictionary[Any, dict[str, SortState]] = weakref.WeakKeyDictionary()


def _state_for(capture: Capture, step_id: str) -> SortState:
    try:
        per_step = _STATES.setdefault(capture, {})
    except TypeError:  # a capture that cannot be weakly referenced: state per view
        return SortState()
    return per_step.setdefault(step_id, SortState())


# --------------------------------------------------------------------------- parts


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    @property
    def view(self) -> SortView:
        return self.query_ancestor(SortView)

    async def _on_key(self, event: events.Key) -> None:
        # Handled here, in the order typed, not through bindings (which the app runs
        # after the characters already queued here): see SortView.entry_key.
        if self.view.entry_key(event, from_field=True):
            event.stop()
            event.prevent_default()
        # else Input's own handler (next in the MRO) types the character

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
        self.query_ancestor(SortView).choose_who()


class PickBar(Static, can_focus=True):
    """After Enter in the field: one key picks the category."""

    BINDINGS = [
        Binding("enter", "same", "key.sort.same", id="sort.pick.same", tooltip="tip.sort.same"),
        Binding("escape", "back", "key.sort.back", id="sort.pick.back", tooltip="tip.sort.back"),
    ]

    def __init__(self, step: SortStep, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.same = ""
        """The category Enter files the card under ("" for none)."""
        group = Binding.Group(t("key.sort.pick"), compact=True)
        keymap = self._bindings.key_to_bindings
        for index, category in enumerate(step.categories):
            key = _binding_key(step.category_key(index))
            keymap[key] = [
                Binding(
                    key,
                    f"pick({index})",
                    category.title,
                    key_display=step.category_key(index),
                    id=f"sort.pick.{index}",
                    tooltip=t("tip.sort.pick"),
                    group=group,
                ),
            ]
        self._category_keys = {step.category_key(i) for i in range(len(step.categories))}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "same":
            return bool(self.same)
        return True

    @property
    def view(self) -> SortView:
        return self.query_ancestor(SortView)

    def on_key(self, event: events.Key) -> None:
        # category keys, Enter, Esc and typing on: handled here, in the order typed
        # (the bindings are there for the footer and a click on it)
        if self.view.entry_key(event, from_field=False):
            event.stop()
            event.prevent_default()

    def action_pick(self, index: int) -> None:
        view = self.view
        if view.picking:
            view.file(view.sort_step.categories[index].id)
        else:
            view.resume_typing(view.sort_step.category_key(index))

    def action_same(self) -> None:
        self.view.enter_pressed()

    def action_back(self) -> None:
        self.view.escape_pressed()


class CardView(Static, can_focus=True):
    """One card on the board: its text (never markup) and who said it."""

    BINDINGS = [
        Binding("enter,e", "edit", "key.sort.edit", id="sort.card.edit", tooltip="tip.sort.edit"),
        Binding(
            "delete,backspace",
            "delete",
            "key.sort.delete",
            id="sort.card.delete",
            tooltip="tip.sort.delete",
        ),
        Binding("w", "who", "key.sort.who", id="sort.card.who", tooltip="tip.sort.who"),
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
    ]

    def __init__(self, card_id: str, content: Text, step: SortStep, read_only: bool) -> None:
        super().__init__(content, classes="sort-card")
        self.card_id = card_id
        self._read_only = read_only
        group = Binding.Group(t("key.sort.move"), compact=True)
        keymap = self._bindings.key_to_bindings
        for index, category in enumerate(step.categories):
            key = _binding_key(step.category_key(index))
            keymap[key] = [
                Binding(
                    key,
                    f"move({index})",
                    category.title,
                    key_display=step.category_key(index),
                    id=f"sort.card.move.{index}",
                    tooltip=t("tip.sort.move"),
                    group=group,
                ),
            ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self._read_only and action in ("edit", "delete", "who", "move", "new"))

    @property
    def view(self) -> SortView:
        return self.query_ancestor(SortView)

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

    def action_new(self) -> None:
        self.view.focus_input()

    def action_move(self, index: int) -> None:
        self.view.move(self.target, self.view.sort_step.categories[index].id)

    def action_nav(self, direction: str) -> None:
        self.view.navigate(self.target, direction)


def _binding_key(char: str) -> str:
    """The Textual key name of a one-character category key."""
    names = {
        " ": "space",
        "!": "exclamation_mark",
        '"': "quotation_mark",
        "#": "number_sign",
        "$": "dollar_sign",
        "%": "percent_sign",
        "&": "ampersand",
        "'": "apostrophe",
        "(": "left_parenthesis",
        ")": "right_parenthesis",
        "*": "asterisk",
        "+": "plus",
        ",": "comma",
        "-": "minus",
        ".": "full_stop",
        "/": "slash",
        ":": "colon",
        ";": "semicolon",
        "<": "less_than_sign",
        "=": "equals_sign",
        ">": "greater_than_sign",
        "?": "question_mark",
        "@": "at",
        "[": "left_square_bracket",
        "\\": "backslash",
        "]": "right_square_bracket",
        "^": "circumflex_accent",
        "_": "underscore",
        "`": "grave_accent",
        "{": "left_curly_bracket",
        "|": "vertical_line",
        "}": "right_curly_bracket",
        "~": "tilde",
    }
    return names.get(char, char)


@dataclass(frozen=True)
class Column:
    """A column of the board: a category of the step, or one a card names that the
    step no longer has (so nothing captured is hidden)."""

    id: str
    title: str
    hints: tuple[str, ...]
    key: str


# --------------------------------------------------------------------------- the view


class SortView(StepView):
    HELP = "help.step.sort"

    DEFAULT_CSS = """
    SortView #sort-entry { height: 1; margin-bottom: 0; }
    SortView #sort-input { width: 1fr; }
    SortView #sort-who {
        width: auto; max-width: 30; height: 1; padding: 0 1; margin-left: 1;
        background: $boost; color: $text;
    }
    SortView #sort-who:hover { background: $accent 40%; }
    SortView #sort-hint { color: $text-muted; height: auto; }
    SortView #sort-pick {
        display: none; height: auto; background: $accent 25%; color: $text; padding: 0 1;
    }
    SortView #sort-pick:focus { background: $accent 45%; text-style: bold; }
    SortView #sort-board {
        layout: grid; grid-size: 3; grid-columns: 1fr; grid-rows: auto; grid-gutter: 0 1;
        height: auto; margin-top: 1;
    }
    SortView .sort-column { height: auto; }
    SortView .sort-head { height: auto; background: $primary 30%; text-style: bold; }
    SortView .sort-title { width: 1fr; height: auto; padding-left: 1; }
    SortView .sort-count { width: auto; height: 1; padding: 0 1; }
    SortView .sort-hints { height: auto; color: $text-muted; padding: 0 1; }
    SortView .sort-cards { height: auto; }
    SortView .sort-empty { color: $text-muted; text-style: italic; padding: 0 1; }
    SortView .sort-cards { margin-top: 1; }
    SortView .sort-card {
        height: auto; padding: 0 1 0 0;
        border-left: outer $primary 50%;
    }
    SortView .sort-card:odd { background: $boost; }
    SortView .sort-card:hover { background: $boost; }
    SortView .sort-card:focus {
        border-left: outer $accent; background: $accent 25%;
    }
    SortView { overflow-y: hidden; padding: 0; }
    SortView #sort-scroll { height: 1fr; padding: 0 1; }
    SortView #sort-summary {
        height: auto; max-height: 4; padding: 0 1;
        background: $panel; color: $text;
    }
    """

    BINDINGS = [
        Binding("f4", "who", "key.sort.who", id="sort.who", tooltip="tip.sort.who"),
    ]

    def __init__(self, step: SortStep, capture: Capture, *, id: str | None = None) -> None:
        super().__init__(step, capture, id=id)
        self.state = _state_for(capture, step.id)
        self.editing = ""
        """The id of the card being edited in the field ("" for a new card)."""
        self._rebuilding = False
        self.picking = False
        """Whether Enter was pressed in the field and one key now picks the category."""
        self._filed: Text | None = None
        """What the hint line says after a card is filed (until typing goes on)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.read_only and action == "who")

    # ------------------------------------------------------------------ model

    @property
    def sort_step(self) -> SortStep:
        assert isinstance(self.step, SortStep)
        return self.step

    @property
    def sort_record(self) -> SortRecord:
        record = self.record
        assert isinstance(record, SortRecord)
        return record

    def columns(self) -> list[Column]:
        step = self.sort_step
        out = [
            Column(c.id, c.title, c.hints, step.category_key(i))
            for i, c in enumerate(step.categories)
        ]
        known = {c.id for c in step.categories}
        for card in self.sort_record.cards:
            if card.category not in known:
                known.add(card.category)
                out.append(
                    Column(card.category, t("sort.unknown_category", id=card.category), (), "")
                )
        return out

    def card(self, card_id: str) -> Card | None:
        for card in self.sort_record.cards:
            if card.id == card_id:
                return card
        return None

    def _category(self, category_id: str) -> Category | None:
        for category in self.sort_step.categories:
            if category.id == category_id:
                return category
        return None

    def _keys_text(self) -> str:
        step = self.sort_step
        return "/".join(step.category_key(i) for i in range(len(step.categories)))

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sort-scroll"):
            if text := self.intro():
                yield text
            if not self.read_only:
                if self.state.who != GROUP and self.session.participant(self.state.who) is None:
                    self.state.who = GROUP
                with Horizontal(id="sort-entry"):
                    yield CardInput(
                        value=self.state.draft,
                        placeholder=t("sort.placeholder"),
                        id="sort-input",
                        max_length=500,
                        compact=True,
                        select_on_focus=False,
                    )
                    who = WhoButton(self._who_text(), id="sort-who", markup=False)
                    who.tooltip = t("sort.who_tip")
                    yield who
                yield Static(self._hint_text(), id="sort-hint", markup=False)
                yield PickBar(self.sort_step, id="sort-pick", markup=False)
            columns = self.columns()
            board = Vertical(id="sort-board")
            board.styles.grid_size_columns = min(max(len(columns), 1), 4)
            with board:
                for column in columns:
                    with Vertical(classes="sort-column"):
                        with Horizontal(classes="sort-head"):
                            yield Static(
                                self._head_text(column), classes="sort-title", markup=False
                            )
                            yield Static("", classes="sort-count", markup=False)
                        if column.hints:
                            yield Static(
                                ", ".join(column.hints), classes="sort-hints", markup=False
                            )
                        yield Vertical(classes="sort-cards")
        yield Static(self._summary_text(), id="sort-summary", markup=False)

    def on_mount(self) -> None:
        self._sync_cards()

    def focus_first(self) -> None:
        if self.state.focus and self._card_widget(self.state.focus) is not None:
            self._focus_card(self.state.focus)
        elif not self.read_only:
            self.focus_input()
        else:
            self.focus_board()

    def reload(self) -> None:
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_reload)

    def _after_reload(self) -> None:
        self._sync_cards()
        self.call_after_refresh(self.focus_first)

    # ------------------------------------------------------------------ rendering

    def _who_text(self) -> str:
        return t("sort.who", name=who_label(self.session, self.state.who)) + " ▾"

    def _hint_text(self) -> str | Text:
        if self._filed is not None:
            return self._filed
        if self.editing:
            card = self.card(self.editing)
            category = self._category(card.category) if card else None
            return t(
                "sort.hint_edit",
                keys=self._keys_text(),
                category=category.title if category else "",
            )
        return t("sort.hint", keys=self._keys_text())

    def _head_text(self, column: Column) -> Text:
        head = Text()
        if column.key:
            head.append(f" {column.key} ", style="reverse")
            head.append(" ")
        head.append(column.title)
        return head

    def _card_text(self, card: Card) -> Text:
        text = Text(card.text)
        if card.who != GROUP:
            text.append(f"\n— {who_label(self.session, card.who)}", style="dim italic")
        return text

    def _summary_text(self) -> Text:
        step = self.sort_step
        record = self.sort_record
        counts = category_counts(step, record)
        keys = [c.key or "?" for c in self.columns()]
        out = Text()
        out.append(t("sort.per_category"), style="bold")
        for column, key in zip(self.columns(), keys, strict=True):
            out.append(f" {key} ", style="reverse")
            out.append(f" {counts.get(column.id, 0)}  ")
        total = len(record.cards)
        out.append(plural("sort.total", total), style="bold")
        out.append("\n")
        out.append(t("sort.per_organisation", keys="/".join(keys)), style="bold")
        per_org = organisation_counts(self.session, record, step)
        if not per_org:
            out.append(" " + t("sort.no_cards"), style="dim")
        for index, (org, row) in enumerate(per_org.items()):
            out.append(" · " if index else " ")
            out.append(org)
            out.append(" " + "/".join(str(row.get(c.id, 0)) for c in self.columns()), style="bold")
        return out

    def _card_widget(self, card_id: str) -> CardView | None:
        for widget in self.query(CardView):
            if widget.card_id == card_id:
                return widget
        return None

    def _sync_cards(self) -> None:
        """Bring the board in line with the record: cards per column, counts, summary."""
        columns = self.columns()
        containers = list(self.query(".sort-cards").results(Vertical))
        if len(containers) != len(columns):
            # a column came or went (a card of a category the step does not have):
            # rebuild everything, once
            if not self._rebuilding:
                self._rebuilding = True
                self.refresh(recompose=True)
                self.call_after_refresh(self._sync_cards)
            return
        self._rebuilding = False
        by_category: dict[str, list[Card]] = {c.id: [] for c in columns}
        for card in self.sort_record.cards:
            by_category.setdefault(card.category, []).append(card)
        counts = category_counts(self.sort_step, self.sort_record)
        for column, container, count in zip(
            columns, containers, self.query(".sort-count").results(Static), strict=True
        ):
            count.update(t("sort.count", n=counts.get(column.id, 0)))
            cards = by_category.get(column.id, [])
            present = [w for w in container.children if isinstance(w, CardView)]
            if [w.card_id for w in present] == [c.id for c in cards] and (
                cards or container.query(".sort-empty")
            ):
                for widget, card in zip(present, cards, strict=True):
                    widget.update(self._card_text(card))
                continue
            focused = self.screen.focused if self.is_attached else None
            refocus = focused.card_id if isinstance(focused, CardView) else ""
            container.remove_children()
            widgets: list[Static] = [
                CardView(card.id, self._card_text(card), self.sort_step, self.read_only)
                for card in cards
            ]
            if not widgets:
                widgets.append(Static(t("sort.empty"), classes="sort-empty", markup=False))
            container.mount_all(widgets)
            if refocus and refocus in {c.id for c in cards}:
                self.call_after_refresh(self._focus_card, refocus)
        if not self.read_only:
            self.query_one("#sort-hint", Static).update(self._hint_text())
            self.query_one("#sort-who", Static).update(self._who_text())
        self.query_one("#sort-summary", Static).update(self._summary_text())

    # ------------------------------------------------------------------ focus

    def focus_input(self) -> None:
        if self.read_only:
            return
        self.state.focus = ""
        self._set_picking(False)
        field = self.query_one("#sort-input", CardInput)
        self.screen.set_focus(field)

    def _focus_card(self, card_id: str) -> None:
        widget = self._card_widget(card_id)
        if widget is not None and widget.is_attached:
            self.state.focus = card_id
            self.screen.set_focus(widget)  # now, so a quick next key reaches this card

    def _board(self) -> list[tuple[str, list[str]]]:
        """Columns (category id) with their card ids, in display order."""
        columns = self.columns()
        by_category: dict[str, list[str]] = {c.id: [] for c in columns}
        for card in self.sort_record.cards:
            by_category.setdefault(card.category, []).append(card.id)
        return [(c.id, by_category[c.id]) for c in columns]

    def focus_board(self) -> None:
        if self.state.focus and self.card(self.state.focus) is not None:
            self._focus_card(self.state.focus)
            return
        for _category, cards in self._board():
            if cards:
                self._focus_card(cards[0])
                return

    def navigate(self, card_id: str, direction: str) -> None:
        board = self._board()
        col = next((i for i, (_c, cards) in enumerate(board) if card_id in cards), None)
        if col is None:
            return
        row = board[col][1].index(card_id)
        if direction == "up":
            if row > 0:
                self._focus_card(board[col][1][row - 1])
            elif not self.read_only:
                self.focus_input()
        elif direction == "down":
            if row + 1 < len(board[col][1]):
                self._focus_card(board[col][1][row + 1])
        else:
            step = -1 if direction == "left" else 1
            index = col + step
            while 0 <= index < len(board):
                cards = board[index][1]
                if cards:
                    self._focus_card(cards[min(row, len(cards) - 1)])
                    return
                index += step

    # ------------------------------------------------------------------ entry

    @on(Input.Changed, "#sort-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.editing:
            self.state.draft = event.value
        if self._filed is not None and event.value:
            self._filed = None
            self.query_one("#sort-hint", Static).update(self._hint_text())

    def category_for_key(self, char: str) -> str:
        """The category a key files a card under ("" for none)."""
        step = self.sort_step
        for index, category in enumerate(step.categories):
            if step.category_key(index) == char:
                return category.id
        return ""

    def _set_picking(self, picking: bool) -> None:
        self.picking = picking
        if not self.read_only:
            self.query_one(PickBar).display = picking
            self.query_one("#sort-hint", Static).display = not picking

    def entry_key(self, event: events.Key, *, from_field: bool) -> bool:
        """Route a key that reached the field or the picker by the entry state, not by
        the focus: keys are queued per widget, so when typing runs ahead of the screen
        a category key pressed right after Enter may still reach the field, and the
        next card's first letters may reach the picker. True if handled."""
        char = event.character
        if event.key == "enter":
            self.enter_pressed()
            return True
        if event.key == "escape":
            self.escape_pressed()
            return True
        if self.picking and char and self.category_for_key(char):
            self.file(self.category_for_key(char))
            return True
        if event.is_printable and char:
            if self.picking or not from_field:
                self.resume_typing("" if from_field else char)
            return not from_field
        return False

    def enter_pressed(self) -> None:
        """Enter in the field or the picker: ask for the category, or file the card
        under the same one as before."""
        if not self.picking:
            self.ask_category()
            return
        same = self.query_one(PickBar).same
        if same:
            self.file(same)

    def escape_pressed(self) -> None:
        """Escape in the field or the picker: back to the text, or cancel an edit."""
        if self.picking:
            self.resume_typing("")
        else:
            self.cancel_edit()

    def ask_category(self) -> None:
        """Enter in the field: ask for the category with one key."""
        field = self.query_one("#sort-input", CardInput)
        if not field.value.strip():
            self.notify(t("sort.need_text"), severity="warning")
            return
        picker = self.query_one(PickBar)
        if self.editing and (card := self.card(self.editing)) is not None:
            picker.same = card.category
        elif self._category(self.state.last) is not None:
            picker.same = self.state.last
        else:
            picker.same = ""
        picker.update(self._pick_text(picker.same))
        self._set_picking(True)
        self.screen.set_focus(picker)
        self.refresh_bindings()

    def _pick_text(self, same: str) -> Text:
        step = self.sort_step
        out = Text(t("sort.pick", choices=""))
        for index, category in enumerate(step.categories):
            out.append(f" {step.category_key(index)} ", style="reverse")
            out.append(f" {category.title}  ")
        same_category = self._category(same) if same else None
        if same_category is not None:
            out.append(t("sort.pick_same", category=same_category.title))
        out.append(t("sort.pick_back"))
        return out

    def resume_typing(self, character: str) -> None:
        """Leave the category pick and go on typing (with ``character`` added)."""
        self._set_picking(False)
        field = self.query_one("#sort-input", CardInput)
        self.screen.set_focus(field)
        if character:
            field.insert_text_at_cursor(character)

    def file(self, category_id: str) -> None:
        """File the text in the field under a category: a new card, or the edited one."""
        field = self.query_one("#sort-input", CardInput)
        text = field.value.strip()
        self._set_picking(False)
        if not text:
            self.focus_input()
            return
        edited = self.card(self.editing) if self.editing else None
        with self.capture.change():
            if edited is not None:
                edited.text = text
                edited.category = category_id
            else:
                self.sort_record.cards.append(
                    Card(id=new_id("k"), text=text, category=category_id, who=self.state.who)
                )
        self.state.last = category_id
        self.editing = ""
        self.state.draft = ""
        field.value = ""
        category = self._category(category_id)
        self._filed = Text("✓ ", style="bold", no_wrap=True, overflow="ellipsis")
        self._filed.append(category.title if category else category_id, style="bold")
        self._filed.append(f": {text}")
        field.placeholder = t("sort.placeholder")
        self._sync_cards()
        if edited is not None:
            self.call_after_refresh(self._focus_card, edited.id)
        else:
            self.focus_input()

    def start_edit(self, card_id: str) -> None:
        card = self.card(card_id)
        if card is None or self.read_only:
            return
        self.editing = card_id
        self._filed = None
        field = self.query_one("#sort-input", CardInput)
        field.value = card.text
        field.placeholder = t("sort.placeholder_edit")
        field.cursor_position = len(card.text)
        self.query_one("#sort-hint", Static).update(self._hint_text())
        self._set_picking(False)
        self.screen.set_focus(field)

    def cancel_edit(self) -> None:
        if not self.editing:
            return
        card_id = self.editing
        self.editing = ""
        field = self.query_one("#sort-input", CardInput)
        field.value = self.state.draft
        field.placeholder = t("sort.placeholder")
        self.query_one("#sort-hint", Static).update(self._hint_text())
        self._focus_card(card_id)

    # ------------------------------------------------------------------ card actions

    def move(self, card_id: str, category_id: str) -> None:
        card = self.card(card_id)
        if card is None or self.read_only or card.category == category_id:
            return
        with self.capture.change():
            card.category = category_id
        self.state.focus = card_id
        self._sync_cards()
        self.call_after_refresh(self._focus_card, card_id)

    def delete(self, card_id: str) -> None:
        card = self.card(card_id)
        if card is None or self.read_only:
            return
        board = self._board()
        neighbour = ""
        for _category, cards in board:
            if card_id in cards:
                index = cards.index(card_id)
                rest = cards[index + 1 :] or cards[:index][-1:]
                neighbour = rest[0] if rest else ""
        if self.editing == card_id:
            self.cancel_edit()
        with self.capture.change():
            self.sort_record.cards.remove(card)
        self.state.focus = neighbour
        self._sync_cards()
        if neighbour:
            self.call_after_refresh(self._focus_card, neighbour)
        else:
            self.call_after_refresh(self.focus_input)
        self.notify(t("sort.removed"))

    def action_who(self) -> None:
        focused = self.screen.focused
        self.choose_who(focused.card_id if isinstance(focused, CardView) else "")

    def choose_who(self, card_id: str = "") -> None:
        """Pick who said it: for one card, or (no card) for the cards to come."""
        if self.read_only:
            return
        card = self.card(card_id) if card_id else None
        current = card.who if card is not None else self.state.who

        def chosen(who: str | None) -> None:
            if who is None:
                self._refocus(card_id)
                return
            if card is not None:
                if who != card.who:
                    with self.capture.change():
                        card.who = who
            else:
                self.state.who = who
            self._sync_cards()
            self.call_after_refresh(self._refocus, card_id)

        self.app.push_screen(
            WhoPicker(t("who.title.sort"), list(self.session.participants), current), chosen
        )

    def _refocus(self, card_id: str) -> None:
        if card_id and self._card_widget(card_id) is not None:
            self._focus_card(card_id)
        elif self.picking:
            self.screen.set_focus(self.query_one(PickBar))
        else:
            self.focus_input()
