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

from samen_tui.session.stats import who_label
from samen_tui.tui.formatting import format_date
from samen_tui.tui.widgets.forms.cards import CardEntry, CardList
from samen_tui.tui.widgets.forms.entries import (
    ActionList,
    ActionTable,
    Column,
    EntryList,
    EntryTable,
)
from samen_tui.tui.widgets.forms.formrow import Field, FormRow
from samen_tui.tui.widgets.forms.values import (
    DateError,
    name_suggestions,
    parse_date,
    who_from_text,
)

__all__ = [
    "ActionList",
    "ActionTable",
    "CardEntry",
    "CardList",
    "Column",
    "DateError",
    "EntryList",
    "EntryTable",
    "Field",
    "FormRow",
    "format_date",
    "name_suggestions",
    "parse_date",
    "who_from_text",
    "who_label",
]
