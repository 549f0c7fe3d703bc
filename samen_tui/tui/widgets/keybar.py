"""The key hints at the bottom of a screen: Textual's Footer, drawn as one line.

Textual's ``Footer`` recomposes (unmounts and mounts a widget per key) every time the
bindings change, which is every time the focus moves: on a step change in the walk
that was 3 to 4 recomposes, each with its own style pass and layout, and most of the
time of a ``pagedown``. This bar keeps the keys as data, compares them when the
bindings change, and repaints its single line only when they differ: no widgets
mounted, no layout. It looks and acts like the compact Footer: the keys of the focused
widget and the screen, the command palette key on the right, hover, a click presses
the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from samen_tui.tui.keys import describe, display, group, label, shown


class Hint(NamedTuple):
    key: str
    """The key to simulate when the hint is clicked."""
    display: str
    description: str
    enabled: bool
    group: str = ""
    """The word of the keys this one is shown with when the bar lacks room for each
    one's own description (see :func:`grouped`); "" for none."""


def grouped(hints: Sequence[Hint]) -> list[Hint]:
    """Neighbouring hints of one group as one hint: their keys joined by "/", the
    group's word as the description. A click on it presses nothing (it is no key)."""
    out: list[Hint] = []
    for hint in hints:
        last = out[-1] if out else None
        if hint.group and last is not None and last.group == hint.group:
            out[-1] = Hint(
                "",
                f"{last.display}/{hint.display}",
                hint.group,
                last.enabled or hint.enabled,
                hint.group,
            )
        else:
            out.append(hint)
    return out


class KeyBar(Widget, can_focus=False):
    """One line of key hints (see the module doc)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keybar--key",
        "keybar--description",
        "keybar--hover",
        "keybar--disabled",
        "keybar--palette",
    }

    hover: reactive[int] = reactive(-1, layout=False)
    """The cell column of the mouse over the bar (-1: not over it)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.hints: tuple[Hint, ...] = ()
        self.palette: Hint | None = None
        self._spans: list[tuple[int, int, Hint]] = []
        """(start, end, hint) cell ranges of the last render, for the mouse."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        app = self.app
        active = screen.active_bindings
        hints: list[Hint] = []
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in active.values():
            # one hint per action, as the Footer groups them
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            description = describe(node, binding)
            if not shown(description):
                continue
            key = display(node, binding, app.get_key_display(binding))
            hints.append(Hint(binding.key, key, description, enabled, group(node, binding)))
        palette: Hint | None = None
        if app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = Hint(
                    binding.key, app.get_key_display(binding), label(binding.description), enabled
                )
                hints = [h for h in hints if h.key != binding.key]
        if tuple(hints) != self.hints or palette != self.palette:
            self.hints = tuple(hints)
            self.palette = palette
            self.refresh()

    def render(self) -> Content:
        width = self.size.width
        key_style = self.get_visual_style("keybar--key")
        text_style = self.get_visual_style("keybar--description")
        hover_style = self.get_visual_style("keybar--hover")
        disabled_style = self.get_visual_style("keybar--disabled")
        palette_style = self.get_visual_style("keybar--palette")
        parts: list[Content] = []
        spans: list[tuple[int, int, Hint]] = []
        tail: Content | None = None
        tail_width = 0
        if self.palette is not None:
            tail = Content.assemble(
                ("│ ", palette_style),
                (self.palette.display, key_style),
                (" " + self.palette.description, text_style),
            )
            tail_width = tail.cell_length
        room = width - tail_width - (1 if tail is not None else 0)

        def piece(hint: Hint, described: bool) -> Content:
            made = Content.assemble(
                (hint.display, key_style),
                (" " + hint.description if described and hint.description else "", text_style),
                " ",
            )
            return made if hint.enabled else made.stylize(disabled_style)

        # Every key with its description if they fit; else the keys of a group as one
        # hint; else the last ones as keys alone (F1 explains them), rather than
        # leaving keys out; only what does not fit even so is left out.
        hints = list(self.hints)
        full = [piece(hint, True) for hint in hints]
        if sum(p.cell_length for p in full) > room and any(h.group for h in hints):
            hints = grouped(hints)
            full = [piece(hint, True) for hint in hints]
        short = [piece(hint, False) for hint in hints]
        described = len(full)
        while described and (
            sum(p.cell_length for p in full[:described])
            + sum(p.cell_length for p in short[described:])
            > room
        ):
            described -= 1
        x = 0
        for index, hint in enumerate(hints):
            made = full[index] if index < described else short[index]
            size = made.cell_length
            if x + size > room:
                break
            if x <= self.hover < x + size:
                made = made.stylize(hover_style)
            parts.append(made)
            spans.append((x, x + size, hint))
            x += size
        line = Content("").join(parts)
        if tail is not None and self.palette is not None:
            gap = max(1, width - x - tail_width)
            if x + gap <= self.hover:
                tail = tail.stylize(hover_style)
            spans.append((x + gap, x + gap + tail_width, self.palette))
            line = line + Content(" " * gap) + tail
        self._spans = spans
        return line

    def _hint_at(self, x: int) -> Hint | None:
        for start, end, hint in self._spans:
            if start <= x < end:
                return hint
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover = event.x if self._hint_at(event.x) is not None else -1

    def on_leave(self, _event: events.Leave) -> None:
        self.hover = -1

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self._hint_at(event.x)
        if hint is None or not hint.key:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
