"""Lists that edit: a :class:`~samen_tui.tui.widgets.forms.formrow.FormRow` above a table.

:class:`EntryList`: Enter in the form adds (or saves the row being edited), Enter on a
row edits it, Delete removes it, Escape stops editing. Subclasses say what the rows
are and how to save them; :class:`ActionList` is the wie / wat / wanneer list used by
the conversation and the actions steps. Participant text is shown as
:class:`rich.text.Text`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from samen_tui.i18n import t
from samen_tui.kinds.actions.record import Action
from samen_tui.session.model import Session, new_id
from samen_tui.session.stats import who_label
from samen_tui.tui.formatting import format_date
from samen_tui.tui.widgets.forms.formrow import Field, FormRow
from samen_tui.tui.widgets.forms.values import (
    name_suggestions,
    who_from_text,
)

if TYPE_CHECKING:
    from samen_tui.tui.steps.base import StepView

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
        self._filled_width = 0

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
        if self.size.width != self._filled_width:
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
        self._filled_width = self.size.width
        columns = self.columns()
        fixed = sum((c.width or 0) + 2 for c in columns)
        rest = max(16, (self._filled_width or 80) - fixed - 4)
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
