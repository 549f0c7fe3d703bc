"""A row of inputs (text or date) that is submitted with Enter in any of them.

:class:`FormRow` checks required fields and dates and shows what is wrong below
itself, so nothing is saved until it is right. Every field is an
:class:`~samen_tui.tui.widgets.inputs.EntryInput`: Enter is handled in the order the
keys came, and the submitted text is taken out of the field with
``take(event.value)``, so letters typed right after Enter stay, as the start of the
next entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from samen_tui.i18n import t
from samen_tui.tui.formatting import format_date
from samen_tui.tui.widgets.forms.values import DateError, parse_date
from samen_tui.tui.widgets.inputs import EntryInput

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

    today = staticmethod(dt.date.today)
    """The day dates count from ("morgen", a deadline in the past); a test sets its own."""

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
        self._past_ok = ""
        """A date in the past the trainer was asked about (Enter again keeps it)."""

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
                    values[f.name] = day = parse_date(raw_value, self.today())
                except DateError as exc:
                    self.show_error(str(exc))
                    self.notify(str(exc), severity="error", markup=False)
                    field_input.focus()
                    return None
                if day is not None and day < self.today() and self._past_ok != raw_value:
                    # a deadline in the past: asked once, the same Enter again keeps it
                    self._past_ok = raw_value
                    self.show_error(t("forms.date.past", text=format_date(day)))
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
        if values is None and isinstance(event.input, EntryInput):
            event.input.refused()
        if values is not None:
            self.post_message(
                self.Submitted(self, values, self.editing, source=event.input, raw=event.value)
            )
