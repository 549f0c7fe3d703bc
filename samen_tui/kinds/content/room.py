"""content in the room: the slide, its text as Markdown (its title is the room's
heading). Never the trainer's notes."""

from __future__ import annotations

from samen_tui.room.shown import Shown
from samen_tui.tui.room.view import RoomView


class ContentRoom(RoomView):
    """The slide. What the trainer notes on it is the trainer's own: the room does not
    even look at it (nothing captured changes the view)."""

    FOLLOW_END = False

    def key(self, shown: Shown) -> object:
        return None


ROOM = ContentRoom
