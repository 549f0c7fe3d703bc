"""The parsed stylesheets are kept between starts (samen_tui.tui.tuning.csscache), as
plain data: a second start parses none of what the first one did, and looks the same;
with the tuning off there is no such cache."""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.css import stylesheet as stylesheet_module
from textual.css.model import RuleSet

from samen_tui import cachefile
from samen_tui.tui import tuning
from samen_tui.tui.app import SamenApp
from samen_tui.tui.tuning import csscache
from tests.conftest import SamenDirs
from tests.tui.conftest import make_app, walk_screen

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none


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


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal",
        b"\x80\x05K\x01.",  # a pickle
        cachefile.frame(b"not marshal"),
        cachefile.frame(marshal.dumps({"key": "another", "sheets": []})),
        cachefile.frame(marshal.dumps([1, 2])),
    ],
    ids=["empty", "garbage", "pickle", "framed-garbage", "key", "list"],
)
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


async def test_a_file_of_the_right_key_with_wrong_data_is_an_empty_cache(
    sessions: Path, samen_dirs: SamenDirs
) -> None:
    app = make_app(sessions)
    key = csscache._key(app.stylesheet)
    for sheets in ([("niet", "goed")], [(("css", ("p", ""), False, 0, ""), [("x",)])], "geen"):
        assert cachefile.write(csscache.NAME, marshal.dumps({"key": key, "sheets": sheets}))
        assert csscache.load(make_app(sessions).stylesheet) == 0


def css_of(rule: RuleSet) -> str:
    """The rule as CSS (Textual 8.2.8 cannot write some rules it parsed, such as a
    ``link-background`` of ``initial``: those by the error)."""
    try:
        return rule.css
    except Exception as error:
        return repr(error)


async def test_every_stylesheet_of_a_whole_run_comes_back_the_same(sessions: Path) -> None:
    """What the data form keeps of a stylesheet is all of it: every stylesheet parsed
    while every step of the workshop is shown comes back with the same rules."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        for step_id in screen.workshop.step_ids():
            screen.go_to(step_id)
            await pilot.pause()
        cache = app.stylesheet._parse_cache
        kept = {key: cache[key] for key in list(cache.keys())}
    assert len(kept) > 20
    for key, rules in kept.items():
        data = csscache.encode(rules)
        again = csscache.decode(marshal.loads(marshal.dumps(data)))
        assert csscache.encode(again) == data, key[1]
        assert [css_of(rule) for rule in again] == [css_of(rule) for rule in rules], key[1]
        assert [rule.selector_set for rule in again] == [rule.selector_set for rule in rules]


def test_a_rule_value_not_known_here_is_not_kept() -> None:
    from rich.style import Style
    from textual.css.stylesheet import Stylesheet

    rules = Stylesheet()._parse_rules("Label { color: red; }", ("t", ""))
    assert csscache.decode(csscache.encode(rules))[0].css == rules[0].css
    rules[0].styles._rules["text_style"] = Style(bold=True)  # type: ignore[typeddict-item]
    with pytest.raises(csscache.NotPlain):
        csscache.encode(rules)
    for data in ([["d", ("os", "system")]], [("x",) * 7], ["o", 1]):
        with pytest.raises(ValueError):
            csscache.decode(data)


async def test_with_the_tuning_off_there_is_no_css_cache(
    sessions: Path, samen_dirs: SamenDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    await first_screen(make_app(sessions))
    assert (samen_dirs.cache / csscache.NAME).is_file()
    (samen_dirs.cache / csscache.NAME).unlink()
    monkeypatch.setattr(tuning, "ENABLED", False)
    with parses_counted() as parsed:
        shown = await first_screen(make_app(sessions))
    assert len(parsed) > 10
    assert "Ouder" in shown
    assert not (samen_dirs.cache / csscache.NAME).exists()
