"""What the trainer chose in a brainstorm step (who speaks, who votes, ranked or not),
kept per capture and step while the view is rebuilt (undo, a changed ``from``)."""

from __future__ import annotations

from dataclasses import dataclass

from samen_tui.session.model import GROUP
from samen_tui.tui.steps.memory import StepMemory


@dataclass
class State:
    """What the trainer chose in a step, kept while the view is rebuilt (undo)."""

    who: str = GROUP
    voter: str = ""
    ranked: bool | None = None
    merging: str = ""
    """The card marked to be merged into the next one m is pressed on."""


STATES = StepMemory(State)
"""The choices of each step, per capture (``STATES.of(capture, step_id)``)."""
