"""``samen review NAME`` (#16): the session named, read-only, over the list."""

from __future__ import annotations

from pathlib import Path

from samen_tui.tui.screens.review import ReviewScreen
from samen_tui.tui.screens.review.view import SessionViewScreen
from tests.reliability.helpers import new_session_file
from tests.tui.conftest import make_app


async def test_review_opens_the_session_it_was_given(sessions: Path) -> None:
    """Escape goes back to the list."""
    path = new_session_file(sessions, title="Terugkijken")
    app = make_app(sessions, mode="review", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen) and app.screen.path == path
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
