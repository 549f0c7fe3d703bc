"""What a step's view remembers beyond the record, while the view is built again.

A step's view is built anew after an undo, a changed ``from`` or a resize; what the
trainer chose in it (who speaks, the focused card, a draft) is not in the session
but should stay. A :class:`StepMemory` keeps one such state per capture and step:
weakly by capture (gone with the screen that made it), and a new state each time for
a capture that cannot be weakly referenced (nothing to keep it by).

Never imports textual.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class StepMemory(Generic[T]):
    """One ``T`` per capture and step id, made by ``new`` the first time it is asked."""

    def __init__(self, new: Callable[[], T]) -> None:
        self._new = new
        self._kept: weakref.WeakKeyDictionary[object, dict[str, T]] = weakref.WeakKeyDictionary()

    def of(self, capture: object, step_id: str) -> T:
        """The state of step ``step_id`` in ``capture`` (a new one the first time)."""
        try:
            per_step = self._kept.setdefault(capture, {})
        except TypeError:  # a capture that cannot be weakly referenced: state per view
            return self._new()
        if step_id not in per_step:
            per_step[step_id] = self._new()
        return per_step[step_id]
