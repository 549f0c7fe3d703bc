"""How close an agenda item is to the end of its time: the thresholds the trainer's
timer bar and the room's digits share (no textual here)."""

from __future__ import annotations

from typing import Literal

NEAR_SHARE = 0.2
"""The item's timer warns when this share of its time is left..."""
CLOSE_SECONDS = 120
"""...and again, stronger, this many seconds before its end."""

State = Literal["", "near", "close", "over"]

URGENCY: dict[str, int] = {"": 0, "near": 1, "close": 2, "over": 3}


def mmss(seconds: float) -> str:
    """``MM:SS`` of whole seconds (none below zero), as the trainer's timer bar and
    the room's digits show a time."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def timer_state(elapsed: float, box_seconds: float) -> State:
    """How close the item is to its end: ``""``, ``"near"`` (a fifth of its time
    left), ``"close"`` (two minutes left, for a timebox of more than four minutes) or
    ``"over"`` (past its end)."""
    if box_seconds <= 0:
        return ""
    left = box_seconds - elapsed
    if left < 0:
        return "over"
    if left <= CLOSE_SECONDS and box_seconds > 2 * CLOSE_SECONDS:
        return "close"  # (a round of a minute or two is not "close" from its start)
    if left <= NEAR_SHARE * box_seconds:
        return "near"
    return ""
