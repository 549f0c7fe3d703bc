"""What the trainer chose in a brainstorm step (who speaks, who votes, ranked or not),
kept per capture and step while the view is rebuilt (undo, a changed ``from``)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from samen_tui.session.model import GROUP


@dataclass
class State:
    """What the trainer chose in a step, kept while the view is rebuilt (undo)."""

    who: str = GROUP
    voter: str = ""
    ranked: bool | None = None
    merging: str = ""
    """The card marked to be merged into the next one m is pressed on."""


_STATES: weakref.WeakKeyDictionary[Any, dict[str, State]] = weakref.WeakKeyDictionary()


def state(capture: Any, step_id: str) -> State:
    """The choices of step ``step_id`` in ``capture`` (new ones the first time)."""
    try:
        per_step = _STATES.setdefault(capture, {})
    except TypeError:  # a capture that cannot be weakly referenced: no memory
        return State()
    return per_step.setdefault(step_id, State())
