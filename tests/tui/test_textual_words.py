"""Textual's own words in the interface language (#16): the palette's placeholder
and "No matches found", the theme picker, ctrl+c's "Do you want to quit?"."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandInput, CommandList, CommandPalette

from tests.reliability.helpers import messages
from tests.tui.conftest import make_app


async def test_the_palette_speaks_dutch(sessions: Path) -> None:
    app = make_app(sessions, title="Woorden")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Zoek een opdracht…"
        await pilot.press(*"qqqzzz")
        await pilot.pause(1.5)  # Textual shows "no matches" after a countdown
        options = palette.query_one(CommandList).options
        prompts = [str(getattr(o.prompt, "renderable", o.prompt)) for o in options]
        assert any("Niets gevonden" in p for p in prompts), prompts
        assert not any("No matches" in p for p in prompts)
        await pilot.press("escape")
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Zoek een thema…"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = messages(app)
        assert any("om samen af te sluiten" in m for m in shown), shown
        assert not any("to quit" in m for m in shown)
        await pilot.press("ctrl+q")
        await pilot.pause()
