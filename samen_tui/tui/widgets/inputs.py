"""Text fields that behave under a fast typist and a long paste.

* :class:`FittedInput`: an ``Input`` that takes as much of a paste as fits its
  ``max_length`` (Textual's own drops a paste that is too long as a whole, silently)
  and says so, and that repaints itself as it is typed in instead of asking for a
  layout of the whole screen. Use it for every field with a ``max_length``.
* :class:`EntryInput`: a :class:`FittedInput` for fields that add an entry with
  Enter (a participant, an answer, a card, a row of a form). Enter is handled in
  the order typed: Textual's Input resolves Enter as a binding only after the key
  has bubbled up to the app, while the letters typed right after it (in the same
  terminal read) are already inserted, so they would land in the entry being
  submitted. Here Enter posts ``Submitted`` at once; the handler then takes the
  submitted text out with :meth:`EntryInput.take`, keeping what was typed after it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widgets import Input

from samen_tui.i18n import t


class FittedInput(Input):
    """An Input whose too long paste is cut to fit (with a message), never dropped.

    Coming back to a field puts the cursor at the end of what is there, instead of
    selecting it all (Textual's default): the next key typed would have replaced a
    name typed a moment ago. A suggestion is drawn unlike typed text (dim, italic, on
    a tint) and taken with Tab, → or End (see ``walk/focus.py``)."""

    DEFAULT_CSS = """
    FittedInput > .input--suggestion {
        color: $text-muted;
        background: $primary 25%;
        text-style: italic;
    }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def action_end(self, select: bool = False) -> None:
        """End: at the end already, take the suggestion shown (as a shell does)."""
        if not select and self.cursor_at_end:
            self.action_cursor_right()
            return
        super().action_end(select)

    def on_focus(self, event: events.Focus) -> None:
        """Back in the field: the cursor after what is there (a click puts it elsewhere)."""
        if not self.select_on_focus:
            self.cursor_position = len(self.value)

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The width of the text, which every keystroke changes. Textual's Input sets it
    with a layout of the whole screen (``Widget.virtual_size``): at 120x40 that was a
    full layout and paint, 10-20 ms of each key typed. A field's own size never
    depends on its text (one with ``width: auto`` asks for its layout itself, in
    ``Input._watch_value``), and scrolling to the cursor reads it as it is set."""

    def on_paste(self, event: events.Paste) -> None:
        # before Input's own handler (which drops a paste that does not fit as a whole)
        event.stop()
        event.prevent_default()
        if not event.text:
            return
        lines = event.text.splitlines()
        line = lines[0] if lines else ""
        start, end = sorted(self.selection)
        cut = False
        if self.max_length:
            room = max(0, self.max_length - (len(self.value) - (end - start)))
            if len(line) > room:
                line, cut = line[:room], True
        if line or start != end:
            self.replace(line, start, end)
        if cut:
            self.notify(
                t("input.paste_cut", n=self.max_length or 0),
                severity="warning",
                markup=False,
            )


HOLD_LIMIT = 1.0
"""Seconds after which the keys held behind an Enter go on even if the entry was
neither taken nor refused."""


class KeysBehindEnter:
    """The app's keys held while an Enter in an :class:`EntryInput` is on its way.

    The app hands each key to the widget focused when it reads the key, and reads a
    burst (tmux, a fast typist) before the step has handled the Enter in it: on "Wie
    is er?", "Anja⇥Gemeente⏎Bert⇥GGD⏎" put "Bert" in the organisation field (the
    Enter was about to send the focus back to the name) and the Tab after it moved
    on to the role. So after an Enter in an entry field the app holds every key
    (:meth:`hold`) until the step has taken or refused the entry (the field's
    :meth:`~EntryInput.take` / :meth:`~EntryInput.refused`), then reads them again,
    in the order typed, where the focus is by then (:meth:`let_go`)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.keys: list[events.Key] | None = None
        """Held since an Enter whose entry is not settled (None: no such Enter)."""
        self.field: EntryInput | None = None
        self._timer: Timer | None = None

    def hold(self, event: events.Key) -> bool:
        """Whether the app must not read ``event`` now (it is kept for later). A key
        the app forwarded to a widget that comes back up unhandled is no new key."""
        if event.is_forwarded:
            return False
        if self.keys is not None:
            self.keys.append(event)
            return True
        focused = self.app.focused
        if event.key == "enter" and isinstance(focused, EntryInput):
            self.keys, self.field = [], focused
            self._timer = self.app.set_timer(HOLD_LIMIT, self.let_go)
        return False

    def settled(self, field: EntryInput) -> None:
        """``field``'s entry is taken or refused. The step asks for the focus it
        wants in the same handler, after this; ``focus()`` reaches the app as a
        callback, so two callbacks in a row let the keys go behind it."""
        if self.keys is not None and field is self.field:
            self.app.call_later(self.app.call_later, self.let_go)

    def let_go(self) -> None:
        keys, self.keys, self.field = self.keys, None, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for key in keys or ():
            self.app.post_message(events.Key(key.key, key.character))


class EntryInput(FittedInput):
    """A field whose Enter adds an entry: submitted in the order the keys came.

    The keys typed after an Enter wait until the step has taken or refused the entry
    (see :class:`KeysBehindEnter`, in an app that has one as ``keys_behind_enter``).
    Besides, each Enter submits only what was typed since the Enter before it
    (``_sent``, the text already submitted and not yet taken: "AAA⏎BBB⏎" made the
    cards "AAA" and "AAABBB"), and :meth:`take` removes each submitted text from the
    front of the field when its entry is made.
    """

    _sent = ""
    """The front of the field already submitted, its entries not made yet."""

    async def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
        # else Input's own handler (next in the MRO) types the character

    async def action_submit(self) -> None:
        value = self.value
        if not value.startswith(self._sent):  # changed in another way since: all of it
            self._sent = ""
        text = value[len(self._sent) :]
        self._sent = value
        self.post_message(self.Submitted(self, text, None))

    def refused(self) -> None:
        """The entry just submitted was not made (an error was shown): what the field
        holds is submitted again, whole, with the next Enter."""
        self._sent = ""
        self._settled()

    def take(self, submitted: str) -> None:
        """Remove the text just submitted (``Submitted.value``) from the front of the
        field, keeping what was typed after the Enter. A field changed in any other way
        since is left as it is: nothing the trainer typed is wiped."""
        self._settled()
        value = self.value
        if not value.startswith(submitted):
            self._sent = ""
            return
        cursor = self.cursor_position
        self._sent = self._sent[len(submitted) :] if self._sent.startswith(submitted) else ""
        self.value = value[len(submitted) :]
        self.cursor_position = max(0, cursor - len(submitted))

    def _settled(self) -> None:
        held = getattr(self.app, "keys_behind_enter", None)
        if isinstance(held, KeysBehindEnter):
            held.settled(self)
