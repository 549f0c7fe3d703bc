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

The board's text is drawn by :mod:`~samen_tui.kinds.sort.board`, the parts that take
keys are in :mod:`~samen_tui.kinds.sort.view_cards`, the "who" picker (shared with
the rate step) in :mod:`~samen_tui.kinds.sort.view_who`.

Every change goes through ``capture.change()`` (undo and autosave). What is being
typed but not yet filed, the chosen "who" and the focused card live in a small
per-screen state, so they survive an undo (which rebuilds the view) and leaving the
step and coming back.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.sort import board, categories, taken, view_board
from samen_tui.kinds.sort.board import Column
from samen_tui.kinds.sort.model import Category, SortStep
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.kinds.sort.view_cards import CardInput, CardView, PickBar, WhoButton
from samen_tui.kinds.sort.view_long import CardColumn
from samen_tui.session.codec import MAX_ITEMS
from samen_tui.session.model import GROUP, new_id
from samen_tui.session.stats import who_label
from samen_tui.tui.steps.base import Capture, StepView
from samen_tui.tui.steps.memory import StepMemory

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


_STATES = StepMemory(SortState)


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
    SortView .sort-card.odd { background: $boost; }
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
        Binding(
            "ctrl+n",
            "add_category",
            "key.sort.add_category",
            id="sort.add_category",
            tooltip="tip.sort.add_category",
        ),
        Binding(
            "f9",
            "rename_category",
            "key.sort.rename_category",
            id="sort.rename_category",
            tooltip="tip.sort.rename_category",
        ),
        Binding(
            "f5",
            "merge_category",
            "key.sort.merge_category",
            id="sort.merge_category",
            tooltip="tip.sort.merge_category",
        ),
    ]

    def __init__(self, step: SortStep, capture: Capture, *, id: str | None = None) -> None:
        self.file_step = step
        """The step as the file has it; shown with the session's categories."""
        if step.from_:  # the earlier step's cards in the unsorted pile (not undoable)
            held = capture.session.record(step.id, step.KIND)
            assert isinstance(held, SortRecord)
            taken.pull(held, flow.incoming(step, capture.session, capture.workshop))
        record = capture.session.records.get(step.id)
        own = categories.resolve(step, record if isinstance(record, SortRecord) else None)
        super().__init__(own, capture, id=id)
        self.state = _STATES.of(capture, step.id)
        self.editing = ""
        """The id of the card being edited in the field ("" for a new card)."""
        self._rebuilding = False
        self.picking = False
        """Whether Enter was pressed in the field and one key now picks the category."""
        self._filed: Text | None = None
        """What the hint line says after a card is filed (until typing goes on)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_category", "rename_category", "merge_category"):
            return self.file_step.open and not self.read_only
        return not (self.read_only and action == "who")

    def depends(self) -> object:
        """The participants, the categories, and with ``from`` the earlier step's cards."""
        earlier = tuple(flow.incoming(self.file_step, self.session, self.capture.workshop))
        return (super().depends(), categories.state(self.sort_record), earlier)

    def help_text(self) -> str:
        """The kind's (or the file's) help, and the keys of open categories."""
        extra = [t("help.step.sort.action")]
        if self.file_step.open:
            extra.append(t("help.step.sort.open"))
        if self.file_step.from_:
            step = self.capture.workshop.step(self.file_step.from_)
            extra.append(t("help.step.sort.from", step=step.title if step else ""))
        return "\n\n".join([super().help_text(), *extra])

    def action_add_category(self) -> None:
        from samen_tui.kinds.sort import view_category  # its dialog, when asked for

        view_category.add_category(self)

    def action_rename_category(self) -> None:
        from samen_tui.kinds.sort import view_category

        view_category.rename_category(self)

    def action_merge_category(self) -> None:
        from samen_tui.kinds.sort import view_category

        view_category.merge_category(self)

    def apply_categories(self) -> None:
        """Show the session's categories (one was added, renamed or merged)."""
        self._filed = None  # "✓ category: card" may name one that is gone
        self.step = categories.resolve(self.file_step, self.sort_record)
        self.reload()

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
        return board.columns(self.sort_step, self.sort_record)

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
                        placeholder=self.sort_step.words.get("placeholder"),
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
            grid = Vertical(id="sort-board")
            grid.styles.grid_size_columns = min(max(len(columns), 1), 4)
            with grid:
                for column in columns:
                    with Vertical(classes="sort-column"):
                        with Horizontal(classes="sort-head"):
                            yield Static(
                                board.head_text(column), classes="sort-title", markup=False
                            )
                            yield Static("", classes="sort-count", markup=False)
                        if column.hints:
                            yield Static(
                                ", ".join(column.hints), classes="sort-hints", markup=False
                            )
                        yield Vertical(classes="sort-cards")
        yield Static(
            board.summary_text(self.sort_step, self.sort_record, self.session),
            id="sort-summary",
            markup=False,
        )

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

    def record_changed(self) -> None:
        """A phone added to the record (#18): shown without composing anew."""
        self._sync_cards()

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
                keys=board.keys_text(self.sort_step),
                category=category.title if category else "",
            )
        return self.sort_step.words.get("hint", keys=board.keys_text(self.sort_step))

    def _card_widget(self, card_id: str) -> CardView | CardColumn | None:
        """The widget that shows a card: its own, or the list of its long column."""
        return view_board.card_widget(self, card_id)

    def _sync_cards(self) -> None:
        """Bring the board in line with the record: cards per column, counts, summary."""
        view_board.sync_cards(self)

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
            if isinstance(widget, CardColumn):
                widget.highlight(card_id)
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
        layout = self._board()
        col = next((i for i, (_c, cards) in enumerate(layout) if card_id in cards), None)
        if col is None:
            return
        row = layout[col][1].index(card_id)
        if direction == "up":
            if row > 0:
                self._focus_card(layout[col][1][row - 1])
            elif not self.read_only:
                self.focus_input()
        elif direction == "down":
            if row + 1 < len(layout[col][1]):
                self._focus_card(layout[col][1][row + 1])
        else:
            step = -1 if direction == "left" else 1
            index = col + step
            while 0 <= index < len(layout):
                cards = layout[index][1]
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
        same = self._category(picker.same) if picker.same else None
        picker.update(board.pick_text(self.sort_step, same.title if same is not None else None))
        self._set_picking(True)
        self.screen.set_focus(picker)
        self.refresh_bindings()

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
        if edited is None and len(self.sort_record.cards) >= MAX_ITEMS:
            # what a session file may hold (codec.MAX_ITEMS): the text stays in the field
            self.notify(t("sort.limit_reached", limit=MAX_ITEMS), severity="warning")
            self.focus_input()
            return
        with self.capture.change():
            if edited is not None:
                edited.text = text
                edited.category = category_id
                edited.follows = ""  # this step's own now (see taken.py)
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
        field.placeholder = self.sort_step.words.get("placeholder")
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
        field.placeholder = self.sort_step.words.get("placeholder")
        self.query_one("#sort-hint", Static).update(self._hint_text())
        self._focus_card(card_id)

    # ------------------------------------------------------------------ card actions

    def move(self, card_id: str, category_id: str) -> None:
        card = self.card(card_id)
        if card is None or self.read_only or card.category == category_id:
            return
        with self.capture.change():
            card.category = category_id
            card.follows = ""  # sorted: this step's own now (see taken.py)
        self.state.focus = card_id
        self._sync_cards()
        self.call_after_refresh(self._focus_card, card_id)

    def delete(self, card_id: str) -> None:
        card = self.card(card_id)
        if card is None or self.read_only:
            return
        layout = self._board()
        neighbour = ""
        for _category, cards in layout:
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
        self.choose_who(view_board.focused_card(self))

    def choose_who(self, card_id: str = "") -> None:
        """Pick who said it: for one card, or (no card) for the cards to come."""
        view_board.choose_who(self, card_id)

    def card_to_action(self, card_id: str) -> None:
        """Key a on a card: it becomes an action (its ``source`` is the card's id)."""
        card = self.card(card_id)
        if card is not None:
            self.make_action(card.text, card.id)


VIEW = SortView
