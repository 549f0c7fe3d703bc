"""Shared pieces of the capture forms: dates, a row of inputs, lists that edit.

* :func:`parse_date` / :func:`format_date`: a deadline typed as ``2026-12-05`` or
  ``5-12-2026`` (also with ``/`` or ``.``), with a clear Dutch message for a date
  that does not exist or cannot be read.
* :class:`FormRow`: a row of inputs (text or date) that is submitted with Enter
  in any of them; it checks required fields and dates and shows what is wrong
  below itself, so nothing is saved until it is right.
* :class:`EntryList`: a :class:`FormRow` above a table. Enter in the form adds
  (or saves the row being edited), Enter on a row edits it, Delete removes it,
  Escape stops editing. Subclasses say what the rows are and how to save them;
  :class:`ActionList` is the wie / wat / wanneer list used by the conversation
  and the actions steps.
* :class:`CardList`: an option list of participant texts (never markup) with
  Enter to edit and Delete to remove, used by brainstorm and questions.
* :class:`CardEntry`: the field that adds such cards with Enter, above their list;
  it loads one card at a time to edit (a brainstorm column, a question).

Every field that takes an entry with Enter is an :class:`EntryInput`: Enter is
handled in the order the keys came, and the submitted text is taken out of the
field with ``take(event.value)``, so letters typed right after Enter stay, as the
start of the next entry.

Participant text is always shown as :class:`rich.text.Text`, so ``[b]`` and ``\\``
show literally.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rich.console import RenderableType
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.strip import Strip
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, OptionList
from textual.widgets.option_list import Option

from samen_tui.i18n import t
from samen_tui.kinds.actions.record import Action
from samen_tui.session.model import GROUP, Session, new_id
from samen_tui.tui.widgets.inputs import EntryInput

if TYPE_CHECKING:
    from samen_tui.tui.steps.base import StepView


# --------------------------------------------------------------------------- dates


class DateError(ValueError):
    """A date that cannot be read or does not exist; ``str()`` is the message to show."""


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_date(text: str) -> dt.date | None:
    """The date in ``text``: ``YYYY-MM-DD`` or ``D-M-YYYY`` (``-``, ``/`` or ``.``).

    Empty text is ``None`` (no date). Raise :class:`DateError` with a message for
    the user when the text is not a date or names a day that does not exist.
    """
    value = text.strip()
    if not value:
        return None
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise DateError(t("forms.date.unreadable", text=value))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(t("forms.date.nonexistent", text=value)) from None


def format_date(value: dt.date | None) -> str:
    """A date as it is typed in this country: ``5-12-2026`` (reads back with
    :func:`parse_date`)."""
    if value is None:
        return ""
    return f"{value.day}-{value.month}-{value.year}"


# --------------------------------------------------------------------------- who


def who_label(session: Session, who: str, *, group: str | None = None) -> str:
    """The name of a participant id; other text as typed; the group's label for ""."""
    if who == GROUP:
        return t("forms.group") if group is None else group
    participant = session.participant(who)
    return participant.name if participant is not None else who


def who_from_text(session: Session, text: str) -> str:
    """A typed name: the id of the participant with that name, else the text itself."""
    name = text.strip()
    for participant in session.participants:
        if participant.name.strip().casefold() == name.casefold() and name:
            return participant.id
    return name


def name_suggestions(session: Session) -> list[str]:
    """The participants' names and organisations, for the wie-field's suggester."""
    names = [p.name for p in session.participants if p.name]
    orgs = sorted({p.organisation for p in session.participants if p.organisation})
    return names + [o for o in orgs if o not in names]


# --------------------------------------------------------------------------- form row


@dataclass(frozen=True)
class Field:
    """One input of a :class:`FormRow`."""

    name: str
    placeholder: str
    kind: Literal["text", "date"] = "text"
    required: bool = False
    width: str = "1fr"
    """A CSS width: ``1fr``, ``2fr``, ``16``."""
    suggestions: tuple[str, ...] = ()
    line: int = 0
    """On which line of the form the input stands (0: the first)."""


class FormRow(Vertical):
    """Inputs side by side; Enter in any of them submits the row (after checks)."""

    DEFAULT_CSS = """
    FormRow { height: auto; }
    FormRow > .form-inputs { height: auto; }
    FormRow > .form-error { color: $text-error; display: none; padding: 0 1; }
    FormRow > .form-error.-shown { display: block; }
    FormRow > .form-editing { color: $text-warning; display: none; padding: 0 1; }
    FormRow > .form-editing.-shown { display: block; }
    """

    class Submitted(Message):
        """A checked row: text fields stripped, date fields as ``date | None``.

        ``source`` is the field Enter was pressed in and ``raw`` what it held then
        (see :meth:`FormRow.clear`)."""

        def __init__(
            self,
            form: FormRow,
            values: dict[str, Any],
            editing: str | None,
            source: Input | None = None,
            raw: str = "",
        ) -> None:
            super().__init__()
            self.form = form
            self.values = values
            self.editing = editing
            self.source = source
            self.raw = raw

        @property
        def control(self) -> FormRow:
            return self.form

    def __init__(self, fields: Sequence[Field], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fields = tuple(fields)
        self.editing: str | None = None
        """The key of the entry being edited (``None``: the form adds a new one)."""

    def compose(self) -> ComposeResult:
        for line in sorted({f.line for f in self.fields}):
            with Horizontal(classes="form-inputs"):
                for f in self.fields:
                    if f.line != line:
                        continue
                    field_input = EntryInput(
                        placeholder=f.placeholder,
                        id=f"f-{f.name}",
                        classes=f"form-field form-{f.kind}",
                        max_length=400 if f.kind == "text" else 20,
                        suggester=SuggestFromList(f.suggestions, case_sensitive=False)
                        if f.suggestions
                        else None,
                    )
                    field_input.styles.width = f.width
                    yield field_input
        yield Label("", classes="form-editing", markup=False)
        yield Label("", classes="form-error", markup=False)

    def input(self, name: str) -> Input:
        return self.query_one(f"#f-{name}", Input)

    def focus_first(self) -> None:
        self.input(self.fields[0].name).focus()

    def set_suggestions(self, name: str, suggestions: Iterable[str]) -> None:
        self.input(name).suggester = SuggestFromList(list(suggestions), case_sensitive=False)

    def show_error(self, message: str) -> None:
        label = self.query_one(".form-error", Label)
        label.update(message)
        label.set_class(bool(message), "-shown")

    def load(self, key: str, values: dict[str, str], what: str) -> None:
        """Fill the form with an entry to edit; the next submit saves that entry."""
        self.editing = key
        for f in self.fields:
            self.input(f.name).value = values.get(f.name, "")
        label = self.query_one(".form-editing", Label)
        label.update(t("forms.editing", what=what))
        label.add_class("-shown")
        self.show_error("")
        self.focus_first()

    def clear(self, submitted: Submitted | None = None) -> None:
        """Empty the form; after ``submitted``, the field Enter was pressed in keeps what
        was typed in it after the Enter (the start of the next entry)."""
        self.editing = None
        for f in self.fields:
            field_input = self.input(f.name)
            if (
                submitted is not None
                and field_input is submitted.source
                and isinstance(field_input, EntryInput)
            ):
                field_input.take(submitted.raw)
            else:
                field_input.value = ""
        self.query_one(".form-editing", Label).remove_class("-shown")
        self.show_error("")

    def read(self, source: Input | None = None, raw: str = "") -> dict[str, Any] | None:
        """The checked values, or ``None`` after showing what is wrong. The field
        ``source`` counts as holding ``raw`` (what it held when Enter was pressed)."""
        values: dict[str, Any] = {}
        for f in self.fields:
            field_input = self.input(f.name)
            raw_value = raw if field_input is source else field_input.value
            raw_value = raw_value.strip()
            if f.required and not raw_value:
                self.show_error(t("forms.required", field=f.placeholder))
                field_input.focus()
                return None
            if f.kind == "date":
                try:
                    values[f.name] = parse_date(raw_value)
                except DateError as exc:
                    self.show_error(str(exc))
                    self.notify(str(exc), severity="error", markup=False)
                    field_input.focus()
                    return None
            else:
                values[f.name] = raw_value
        self.show_error("")
        return values

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = self.read(event.input, event.value)
        if values is not None:
            self.post_message(
                self.Submitted(self, values, self.editing, source=event.input, raw=event.value)
            )


# --------------------------------------------------------------------------- entry list


class EntryTable(DataTable[Text]):
    """The table of an :class:`EntryList`: Enter edits, Delete removes."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("enter", "edit_entry", "key.forms.edit", id="forms.edit", tooltip="tip.forms.edit"),
        Binding(
            "delete",
            "remove_entry",
            "key.forms.remove",
            id="forms.remove",
            tooltip="tip.forms.remove",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    @property
    def owner(self) -> EntryList:
        parent = self.parent
        assert isinstance(parent, EntryList)
        return parent

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_entry", "remove_entry", "toggle_status"):
            return not self.owner.read_only
        return True

    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_edit_entry(self) -> None:
        self.owner.edit_selected()

    def action_remove_entry(self) -> None:
        self.owner.remove_selected()


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None
    """Fixed width; ``None`` for the one column that takes the rest (and wraps)."""


class EntryList(Vertical):
    """A :class:`FormRow` above an :class:`EntryTable` (only the table when read-only).

    Subclasses give :meth:`fields`, :meth:`columns`, :meth:`rows`, :meth:`values_of`,
    :meth:`save` and :meth:`delete`; every change goes through the step view's
    ``capture.change()`` (undo, autosave).
    """

    DEFAULT_CSS = """
    EntryList { height: auto; }
    EntryList > EntryTable { height: auto; max-height: 16; margin-top: 1; }
    EntryList > .entry-empty { color: $text-muted; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "escape",
            "cancel_edit",
            "key.forms.cancel",
            id="forms.cancel",
            show=False,
            tooltip="tip.forms.cancel",
        ),
    ]

    what = "forms.entry"
    """Catalog key naming one entry ("actie", "besluit"): used in messages."""

    def __init__(self, view: StepView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self._width = 0

    # -- what subclasses provide

    def fields(self) -> list[Field]:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def rows(self) -> list[tuple[str, tuple[Text, ...]]]:
        """``(key, cells)`` per entry, in the order shown."""
        raise NotImplementedError

    def values_of(self, key: str) -> dict[str, str] | None:
        """The form values of an entry, to edit it."""
        raise NotImplementedError

    def save(self, key: str | None, values: dict[str, Any]) -> None:
        """Add (``key`` ``None``) or change an entry; called inside ``capture.change()``."""
        raise NotImplementedError

    def delete(self, key: str) -> str:
        """Remove an entry (inside ``capture.change()``); return its text for the message."""
        raise NotImplementedError

    # -- machinery

    @property
    def read_only(self) -> bool:
        return self.view.read_only

    @property
    def session(self) -> Session:
        return self.view.session

    def compose(self) -> ComposeResult:
        if not self.read_only:
            yield FormRow(self.fields())
        yield EntryTable()
        yield Label(t("forms.empty"), classes="entry-empty")

    def on_mount(self) -> None:
        self.fill()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self.fill()

    @property
    def form(self) -> FormRow:
        return self.query_one(FormRow)

    @property
    def table(self) -> EntryTable:
        return self.query_one(EntryTable)

    def focus_first(self) -> None:
        if not self.read_only:
            self.form.focus_first()
        else:
            self.table.focus()

    def fill(self, select: str | None = None) -> None:
        """Show the entries again (keeping the cursor on ``select`` or where it was)."""
        table = self.table
        keep = select if select is not None else table.selected_key()
        self._width = self.size.width
        columns = self.columns()
        fixed = sum((c.width or 0) + 2 for c in columns)
        rest = max(16, (self._width or 80) - fixed - 4)
        table.clear(columns=True)
        for column in columns:
            table.add_column(Text(column.label, style="bold"), width=column.width or rest)
        rows = self.rows()
        for key, cells in rows:
            table.add_row(*cells, key=key, height=None)
        table.display = bool(rows)
        self.query_one(".entry-empty", Label).display = not rows
        keys = [key for key, _cells in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)

    @on(FormRow.Submitted)
    def _submitted(self, event: FormRow.Submitted) -> None:
        event.stop()
        with self.view.capture.change():
            self.save(event.editing, event.values)
        key = event.editing
        event.form.clear(event)
        self.fill(select=key)
        self.changed()
        event.form.focus_first()
        self.call_after_refresh(self.scroll_visible, animate=False)

    class Changed(Message):
        """An entry was added, changed or removed (for counts elsewhere in the view)."""

        def __init__(self, entries: EntryList) -> None:
            super().__init__()
            self.entries = entries

        @property
        def control(self) -> EntryList:
            return self.entries

    def changed(self) -> None:
        self.post_message(self.Changed(self))

    def edit_selected(self) -> None:
        key = self.table.selected_key()
        if key is None or self.read_only:
            return
        values = self.values_of(key)
        if values is None:
            return
        self.form.load(key, values, t(self.what))

    def remove_selected(self) -> None:
        key = self.table.selected_key()
        if key is None or self.read_only:
            return
        with self.view.capture.change():
            text = self.delete(key)
        if self.form.editing == key:
            self.form.clear()
        self.fill()
        self.changed()
        self.notify(t("forms.removed", what=t(self.what).capitalize(), text=text), markup=False)
        if not self.table.row_count:
            self.form.focus_first()

    def action_cancel_edit(self) -> None:
        if not self.read_only and self.form.editing is not None:
            self.form.clear()
            self.notify(t("forms.edit_cancelled"))


# --------------------------------------------------------------------------- actions


class ActionTable(EntryTable):
    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding(
            "space",
            "toggle_status",
            "key.forms.status",
            id="forms.status",
            tooltip="tip.forms.status",
        ),
    ]

    def action_toggle_status(self) -> None:
        owner = self.owner
        assert isinstance(owner, ActionList)
        owner.toggle_selected()


class ActionList(EntryList):
    """Wie / wat / wanneer (a real date) / status.

    ``source`` gives the actions shown as ``(step id, action)``; new actions go to
    ``target()``'s list. With ``show_origin`` a column says where each came from.
    """

    what = "forms.action"

    def __init__(
        self,
        view: StepView,
        *,
        source: Callable[[], list[tuple[str, Action]]],
        target: Callable[[], list[Action]],
        where: Callable[[str], list[Action]],
        origin_label: Callable[[str, Action], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(view, id=id)
        self.source = source
        self.target = target
        self.where = where
        """The list (in the session) an action of a step lives in."""
        self.origin_label = origin_label

    def compose(self) -> ComposeResult:
        if not self.read_only:
            yield FormRow(self.fields())
        yield ActionTable()
        yield Label(t("forms.no_actions"), classes="entry-empty")

    def fields(self) -> list[Field]:
        return [
            Field(
                "who",
                t("forms.who"),
                width="1fr",
                suggestions=tuple(name_suggestions(self.session)),
            ),
            Field("what", t("forms.what"), required=True, width="2fr"),
            Field("when", t("forms.when"), kind="date", width="25"),
        ]

    def columns(self) -> list[Column]:
        cols = [
            Column(t("forms.who"), 14),
            Column(t("forms.what")),
            Column(t("forms.when.short"), 10),
            Column(t("forms.status"), 6),
        ]
        if self.origin_label is not None:
            cols.append(Column(t("forms.origin"), 14))
        return cols

    def _find(self, key: str) -> tuple[str, Action] | None:
        return next(((sid, a) for sid, a in self.source() if a.id == key), None)

    def rows(self) -> list[tuple[str, tuple[Text, ...]]]:
        out: list[tuple[str, tuple[Text, ...]]] = []
        for step_id, action in self.source():
            done = action.status == "done"
            style = "dim strike" if done else ""
            cells = [
                Text(who_label(self.session, action.who, group=""), style=style),
                Text(action.what, style=style),
                Text(format_date(action.when), style=style),
                Text(
                    t("forms.status.done") if done else t("forms.status.open"),
                    style="green" if done else "bold",
                ),
            ]
            if self.origin_label is not None:
                cells.append(Text(self.origin_label(step_id, action), style="dim"))
            out.append((action.id, tuple(cells)))
        return out

    def values_of(self, key: str) -> dict[str, str] | None:
        found = self._find(key)
        if found is None:
            return None
        action = found[1]
        return {
            "who": who_label(self.session, action.who, group=""),
            "what": action.what,
            "when": format_date(action.when),
        }

    def save(self, key: str | None, values: dict[str, Any]) -> None:
        who = who_from_text(self.session, values["who"])
        found = self._find(key) if key is not None else None
        if found is not None:
            action = found[1]
            action.who, action.what, action.when = who, values["what"], values["when"]
        else:
            self.target().append(
                Action(id=new_id("a"), who=who, what=values["what"], when=values["when"])
            )

    def delete(self, key: str) -> str:
        found = self._find(key)
        if found is None:
            return ""
        step_id, action = found
        actions = self.where(step_id)
        if action in actions:
            actions.remove(action)
        return action.what

    def toggle_selected(self) -> None:
        key = self.table.selected_key()
        if key is None or self.read_only:
            return
        found = self._find(key)
        if found is None:
            return
        action = found[1]
        with self.view.capture.change():
            action.status = "open" if action.status == "done" else "done"
        self.fill(select=key)
        self.changed()


# --------------------------------------------------------------------------- cards


class CardList(OptionList):
    """Participant texts, one option each (never markup). Enter edits, Delete removes;
    the step view implements ``edit_card(list, id)`` and ``remove_card(list, id)``."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """The size of its lines. Textual's OptionList counts them when it is drawn, after
    the layout that gave it its size, and sets this with a layout of the whole screen
    (``Widget.virtual_size``): every card or answer added was two layouts. Its own
    size never depends on it (its height is that of its options, ``height: auto``,
    up to a maximum), and a scrollbar that it turns on or off asks for its layout
    itself. Nor does what it draws: set while it is drawn, a repaint asked for here
    was a second paint of the list (the first answer shown)."""

    def _scroll_update(self, virtual_size: Size) -> None:
        # An option added to a list whose height follows its options asks for its
        # layout and counts its lines at once, against the height it has until that
        # layout: one line more than fits, so Textual turned a scrollbar on, and the
        # layout turned it off again (a second layout of the screen for every card or
        # answer added). Its scrollbars are decided at that layout, with its new size.
        height = self.styles.height
        if self._layout_required and height is not None and height.is_auto:
            return
        super()._scroll_update(virtual_size)

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("enter", "edit_card", "key.forms.edit", id="cards.edit", tooltip="tip.forms.edit"),
        Binding(
            "delete",
            "remove_card",
            "key.forms.remove",
            id="cards.remove",
            tooltip="tip.forms.remove",
        ),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines_width = self._renders_width = -1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_card", "remove_card"):
            view = self._view()
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

    def _update_lines(self) -> None:
        region = self.scrollable_content_region
        if region and not self._line_cache.lines:
            self._lines_width = region.width  # the lines are counted anew, at this width
        super()._update_lines()

    def render_lines(self, crop: Region) -> list[Strip]:
        if not len(self._option_render_cache):
            self._renders_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        """Textual's OptionList counts and draws every option again after any change of
        its size, which came after the paint of the layout that changed it (an answer
        list grows a line with each answer, or is shown with the first: a second paint
        of the whole list after the Enter). What it counted and drew depends on its
        width only: kept if they were made at the width it has now (and then Textual's
        handler, the only other one, is not run)."""
        width = self.scrollable_content_region.width
        if width == self._lines_width and width == self._renders_width:
            event.prevent_default()

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
