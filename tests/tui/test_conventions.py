"""Textual's conventions: the theme persists, the palette speaks Dutch, escape closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.color import Color

from samen_tui.config import load_config, update_config
from samen_tui.tui.app import SamenApp
from tests.tui.conftest import make_app, tuned


async def test_theme_is_kept_between_runs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert load_config().theme == "nord"
    again = make_app(sessions)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        assert again.has_class("-theme-nord", "-dark-mode")
        nord = again.get_theme("nord")
        assert nord is not None
        assert again.stylesheet._variables["primary"] == nord.primary
        background = again.stylesheet._variables["background"]
        assert again.screen.styles.background == Color.parse(background)  # painted in it


@tuned
async def test_a_saved_theme_does_not_parse_the_stylesheet_again(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The saved theme is in place before the first parse: the app's stylesheet is
    parsed once, as with the default theme (set on mount it was parsed three times)."""
    from textual.css import stylesheet

    with update_config(theme="nord"):
        pass
    parsed: list[str] = []
    real = stylesheet.parse  # what a stylesheet calls when its cache has no answer

    def counting(scope: str, css: str, read_from: Any, *args: Any, **kwargs: Any) -> Any:
        if str(read_from[0]).endswith("app.tcss"):
            parsed.append("app.tcss")
        return real(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    assert parsed == ["app.tcss"]


async def test_palette_commands_are_dutch_and_escape_closes_it(sessions: Path) -> None:
    from textual.command import CommandPalette

    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Thema wijzigen" in titles and "Afsluiten" in titles
        assert not {"Theme", "Quit", "Keys", "Screenshot"} & set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


async def test_second_app_on_the_same_session_is_read_only(sessions: Path) -> None:
    first = make_app(sessions)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path = first.screen.path  # type: ignore[attr-defined]
        second = SamenApp(make_app(sessions, mode="resume", session=path).launch)
        async with second.run_test(size=(80, 24)) as pilot2:
            await pilot2.pause()
            assert second.screen.read_only  # type: ignore[attr-defined]
            shown = " ".join(n.message for n in second._notifications)
            assert "al geopend" in shown and "alleen-lezen" in shown
