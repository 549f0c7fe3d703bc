"""The parsed stylesheets are kept between starts (samen_tui.tui.csscache): a second
start parses none of what the first one did, and looks the same."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.css import stylesheet as stylesheet_module

from samen_tui.tui import csscache
from samen_tui.tui.app import SamenApp
from tests.conftest import SamenDirs
from tests.tui.conftest import make_app, walk_screen


@contextmanager
def parses_counted() -> Iterator[list[str]]:
    """Every stylesheet Textual parses while in the block (where it was read from)."""
    parsed: list[str] = []
    real = stylesheet_module.parse

    def counting(scope: str, css: str, read_from: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        parsed.append(str(read_from))
        return real(scope, css, read_from, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stylesheet_module, "parse", counting)
        yield parsed


async def first_screen(app: SamenApp, size: tuple[int, int] = (100, 30)) -> str:
    """Start the app, show the walk screen; its picture (after the app kept its cache)."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        walk_screen(app)
        await pilot.pause()
        shown = app.export_screenshot()
        app._keep_parsed()
    return shown


async def test_a_second_start_parses_nothing_and_looks_the_same(
    sessions: Path, samen_dirs: SamenDirs
) -> None:
    with parses_counted() as first:
        shown = await first_screen(make_app(sessions))
    assert any("app.tcss" in where for where in first)
    assert len(first) > 10
    assert (samen_dirs.cache / csscache.NAME).is_file()
    with parses_counted() as second:
        again = await first_screen(make_app(sessions))
    assert second == []
    assert again == shown


async def test_another_theme_does_not_use_the_file(sessions: Path, samen_dirs: SamenDirs) -> None:
    await first_screen(make_app(sessions))
    app = make_app(sessions)
    app.stylesheet.set_variables({**app.stylesheet._variables, "primary": "#ff0000"})
    assert csscache.load(app.stylesheet) == 0
    assert len(app.stylesheet._parse_cache) == 0


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05}\x94."])
async def test_a_broken_file_is_an_empty_cache(
    sessions: Path, samen_dirs: SamenDirs, content: bytes
) -> None:
    samen_dirs.cache.mkdir(parents=True, exist_ok=True)
    (samen_dirs.cache / csscache.NAME).write_bytes(content)
    with parses_counted() as parsed:
        shown = await first_screen(make_app(sessions))
    assert len(parsed) > 10  # parsed as if there were no file
    assert "Ouder" in shown
    # and written anew
    with parses_counted() as second:
        await first_screen(make_app(sessions))
    assert second == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs a folder root cannot write")
async def test_a_folder_that_cannot_be_written_is_no_cache(
    sessions: Path, samen_dirs: SamenDirs
) -> None:
    samen_dirs.cache.mkdir(parents=True, exist_ok=True)
    samen_dirs.cache.chmod(0o500)
    try:
        await first_screen(make_app(sessions))
        assert not (samen_dirs.cache / csscache.NAME).exists()
    finally:
        samen_dirs.cache.chmod(0o700)


async def test_a_cache_folder_that_is_a_file_is_no_cache(
    sessions: Path, samen_dirs: SamenDirs
) -> None:
    samen_dirs.cache.parent.mkdir(parents=True, exist_ok=True)
    samen_dirs.cache.write_text("not a folder")
    app = make_app(sessions)
    assert csscache.load(app.stylesheet) == 0
    shown = await first_screen(app)
    assert "Ouder" in shown
    assert not csscache.save(app.stylesheet)


async def test_the_cache_holds_what_starting_parsed(sessions: Path, samen_dirs: SamenDirs) -> None:
    """What a run parses later (other step kinds) is not written on exit: loading it
    at every start would cost more than parsing what the start needs."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app._keep_parsed()
        started = csscache.load(make_app(sessions).stylesheet)
        screen = walk_screen(app)
        for step_id in ("ingredienten", "motieven", "gesprekken"):
            screen.go_to(step_id)
            await pilot.pause(0.2)
    assert started > 0
    assert csscache.load(make_app(sessions).stylesheet) == started
