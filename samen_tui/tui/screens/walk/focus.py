"""Where the keys go on the walk screen: Tab and Shift+Tab in the order typed, a
suggestion taken with Tab, the focused field always in sight, and a word when text
is typed where no text can go.

Tab and Shift+Tab are the screen's priority keys here (as pagedown is): Textual's
own Tab is a binding of the app, resolved only after the key has bubbled up from
the focused field, by which time the letters typed right after it (in the same
terminal read) were already given to that field: "Anja de Vries⇥Gemeente Zeist"
became one name. A priority key is handled when the app takes it from its queue,
before the keys behind it are handed to a widget, so they go to the next field.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea

from samen_tui.i18n import t

REVEAL_RETRY = 0.02
"""Seconds between two tries to scroll a field not laid out yet into sight."""


def is_text_field(widget: Widget | None) -> bool:
    return isinstance(widget, Input | TextArea)


def field_name(widget: Widget) -> str:
    """What a text field is called on screen: its placeholder, or its border title."""
    if isinstance(widget, Input) and widget.placeholder:
        return widget.placeholder
    return str(widget.border_title or "")


class FieldKeys(Screen[None]):
    """Tab, Shift+Tab and typing where no text can go (see the module)."""

    BINDINGS = [
        Binding(
            "tab",
            "next_field",
            "key.next_field",
            show=False,
            priority=True,
            id="walk.tab",
            tooltip="tip.next_field",
        ),
        Binding(
            "shift+tab",
            "previous_field",
            "key.previous_field",
            show=False,
            priority=True,
            id="walk.shift_tab",
            tooltip="tip.previous_field",
        ),
    ]

    def action_next_field(self) -> None:
        """Take the suggestion shown in the field (as a shell does), else the next field."""
        focused = self.focused
        if isinstance(focused, Input) and focused.value and focused.cursor_at_end:
            before = focused.value
            focused.action_cursor_right()  # takes the suggestion, if there is one
            if focused.value != before:
                return
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Whatever put the focus there (a jump, the palette closing, a reload), the
        field is scrolled into sight once the view is laid out."""
        self.call_after_refresh(self.reveal_focused)

    def reveal_focused(self, tries: int = 25) -> None:
        """Scroll the focused field into view (after a jump, its view may have kept the
        scroll position of the field it had then). A view just shown again may not be
        laid out yet: then again a moment later (a bounded number of times)."""
        focused = self.focused
        if focused is None or not focused.is_attached:
            return
        if not focused.size.area:  # not laid out yet (a view just built)
            if tries:
                self.set_timer(REVEAL_RETRY, lambda: self.reveal_focused(tries - 1))
            return
        focused.scroll_visible(animate=False, immediate=True)

    def nowhere_to_type(self, event: events.Key) -> bool:
        """A printable key came back unhandled from a widget that takes no text (a list,
        a button): say where text goes, instead of dropping it without a sign."""
        focused = self.focused
        if focused is None or not event.is_printable or is_text_field(focused):
            return False
        if event.key in self.active_bindings:
            return False  # a key of the widget's own (resolved by the app after this)
        chain = self.focus_chain
        after = chain[chain.index(focused) + 1 :] if focused in chain else chain
        target = next((w for w in after if is_text_field(w)), None)
        if target is None:
            target = next((w for w in chain if is_text_field(w)), None)
        name = field_name(target) if target is not None else ""
        if target is None:
            message = t("walk.no_field")
        elif name:
            message = t("walk.type_in", field=name)
        else:
            message = t("walk.type_in_next")
        self.notify(message, severity="warning", markup=False, timeout=4)
        return True


def _draft_keys(view: Widget) -> list[tuple[str, Input]]:
    """The text fields of a view, each with where it is: the ids (or kinds) of its
    containers, and its place among fields with the same path."""
    seen: dict[str, int] = {}
    out: list[tuple[str, Input]] = []
    for field in view.query(Input):
        parts: list[str] = []
        node: Widget | None = field
        while node is not None and node is not view:
            parts.append(node.id or type(node).__name__)
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        path = "/".join(reversed(parts))
        seen[path] = seen.get(path, 0) + 1
        out.append((f"{path}#{seen[path]}", field))
    return out


def take_drafts(view: Widget) -> dict[str, str]:
    """What is typed in the text fields of a view about to be dropped (rebuilt because
    what it shows changed): nothing typed is lost with it."""
    return {key: field.value for key, field in _draft_keys(view) if field.value}


def put_drafts(view: Widget, drafts: dict[str, str]) -> None:
    """Put the drafts of the view this one replaces back in its fields (empty ones)."""
    if not drafts:
        return
    for key, field in _draft_keys(view):
        draft = drafts.pop(key, None)
        if draft is not None and not field.value:
            field.value = draft
            field.cursor_position = len(draft)
