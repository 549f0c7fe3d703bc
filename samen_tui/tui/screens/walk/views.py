"""The step views of the walk screen: which widget shows a kind, which views are out
of reach, and the keys typed before a view just shown has the focus."""

from __future__ import annotations

from textual import events
from textual.widget import Widget

from samen_tui import kinds
from samen_tui.tui.steps.base import StepView
from samen_tui.tui.steps.placeholder import PlaceholderView


def widget_class(kind: str) -> type[StepView]:
    """The widget class of a kind (its folder's ``view.VIEW``, ``samen_tui.kinds``)."""
    try:
        cls = kinds.view_class(kind)
    except ImportError:
        return PlaceholderView
    return cls if cls is not None else PlaceholderView


def out_of_reach(widget: Widget) -> bool:
    """Whether a widget is inside a step's view that is built ahead or hidden."""
    return any(
        isinstance(node, StepView) and (node.ahead or not node.display) for node in widget.ancestors
    )


class TypeAhead:
    """Keys typed while the focus is on its way to a view just shown.

    A view built when it is shown (a resumed session, a step not built ahead) gets the
    focus once it is composed, after the screen has painted it. A key typed in between
    reaches the screen, with nothing focused, and was lost: the first letters typed
    right after ``samen resume`` painted the step. Now typed text, Enter and Backspace
    wait (:meth:`hold`) and go, in the order typed, to the widget the focus lands on
    (:meth:`hand_to`); a view with nothing to focus lets them go (:meth:`give_up`)."""

    def __init__(self) -> None:
        self.due: StepView | None = None
        """The view the focus is on its way to."""
        self._keys: list[events.Key] = []

    def wait_for(self, view: StepView) -> None:
        self.due = view
        self._keys.clear()

    def hold(self, event: events.Key) -> bool:
        """Keep a key that reached the screen with nothing focused; whether it was kept."""
        if self.due is None or not (event.is_printable or event.key in ("enter", "backspace")):
            return False
        self._keys.append(event)
        return True

    def hand_to(self, widget: Widget) -> None:
        """The focus landed on ``widget``: it gets the keys held, before any typed later."""
        self.due = None
        keys, self._keys = self._keys, []
        for key in keys:
            widget.post_message(events.Key(key.key, key.character))

    def give_up(self, view: StepView) -> None:
        """``view`` has been focused, or cannot be: if the focus is not there by now,
        the keys held have nowhere to go."""
        if self.due is view:
            self.due = None
            self._keys.clear()
