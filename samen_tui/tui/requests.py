"""What a screen asks the app to do, as messages that bubble up to it.

A screen never imports the app (``tui/app`` → ``tui/screens/*`` is the only direction
of import): it posts one of these (``self.post_message(OpenSession(path))``), and
:class:`~samen_tui.tui.app.SamenApp` handles it. A message posted to a screen
bubbles to the app; a modal dialog posts it to the screen below it or to the app.

Never imports the screens nor the app.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message


class StartSession(Message):
    """Start a new session of a workshop (an id or a path) and walk it."""

    def __init__(self, workshop: str, title: str, place: str = "", trainer: str = "") -> None:
        super().__init__()
        self.workshop = workshop
        self.title = title
        self.place = place
        self.trainer = trainer


class OpenSession(Message):
    """Go back into a saved session where it was left (the newest unfinished one when
    ``path`` is None)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path


class OpenReview(Message):
    """Show the review of the saved sessions."""


class BackToStart(Message):
    """Close what is open and go back to the start screen."""
