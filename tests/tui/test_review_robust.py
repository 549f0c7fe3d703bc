"""#21 items 3, 9 and 12 in the app: the review (and the start screen) never crash on
one bad session or on a crafted index; every unreadable or inconsistent session is
listed with its reason.

* a session with no or an empty ``workshop``, naming ``/dev/zero``, a pipe, or a
  workshop whose file has a typo in it: listed, opened read-only with a message
  (the report stands in for the workshop), never a traceback, never a hang;
* starts at the ends of the calendar: listed as unreadable with their reason;
* a review index with wrong-typed rows: made anew, the listing as the files say.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from samen_tui import paths
from samen_tui.session import rows
from samen_tui.session.index import SessionIndex
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.review import ReviewScreen, SessionViewScreen
from samen_tui.tui.screens.start import StartScreen
from tests.fixtures import sessions as fx
from tests.tui.conftest import make_app

HANG = 30.0


def messages(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def ready(pilot: Any) -> ReviewScreen:
    app = pilot.app
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReviewScreen) and not screen.reading:
            await pilot.pause()
            return screen
    raise AssertionError(f"the review did not load: {app.screen!r}")


def bad_sessions(sessions: Path, tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Sessions that read, but whose workshop cannot be had (name -> words of the
    message when opened); and files that do not read (name -> words of the reason)."""
    fx.write_sessions(sessions, 3)
    workshops = tmp_path / "workshops"
    workshops.mkdir()
    (workshops / "met-typo.toml").write_text(
        '[workshop]\nid = "met-typo"\ntitle = "Typo"\n[[items]\nid = "a"\n', "utf-8"
    )
    opens = {
        "geen-workshop.toml": "schema = 1\n",
        "lege-workshop.toml": 'schema = 1\nworkshop = ""\ntitle = "Leeg"\n',
        "nul.toml": 'schema = 1\nworkshop = "/dev/zero"\ntitle = "Nul"\n',
        "typo.toml": 'schema = 1\nworkshop = "met-typo"\ntitle = "Typo"\n',
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pijp")
        opens["pijp.toml"] = f'schema = 1\nworkshop = "{tmp_path / "pijp"}"\ntitle = "Pijp"\n'
    for name, text in opens.items():
        (sessions / name).write_text(text, "utf-8")
    broken = {
        "eind.toml": 'schema = 1\nworkshop = "samen-ouder-worden"\n'
        "started = 9999-12-31T23:59:00-12:00\n",
        "begin.toml": 'schema = 1\nworkshop = "samen-ouder-worden"\n'
        "started = 0001-01-01T00:00:00+14:00\n",
    }
    for name, text in broken.items():
        (sessions / name).write_text(text, "utf-8")
    words = dict.fromkeys(opens, "")
    return words, {name: "ligt buiten de jaren 1900–2200" for name in broken}


async def test_the_review_lists_and_opens_every_session_whatever_its_workshop(
    sessions: Path, tmp_path: Path
) -> None:
    """#21 item 3: one session without a workshop, or naming a broken one, crashed the
    review (WorkshopError out of the workshop cache); /dev/zero read until memory ran
    out; a pipe hung. #21 item 9: the extreme starts are listed with their reason."""
    opens, broken = bad_sessions(sessions, tmp_path)
    app = make_app(sessions, mode="review", workshops_dir=tmp_path / "workshops")

    async def walk() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await ready(pilot)
            names = {summary.name for summary in screen.shown}
            assert set(opens) <= names
            listed = {item.name: item.reason for item in screen.unreadable}
            for name, words in broken.items():
                assert words in listed[name]
            for summary in list(screen.shown):
                screen.open_entry(summary)
                await pilot.pause()
                assert isinstance(app.screen, SessionViewScreen), summary.name
                app.pop_screen()
                await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            assert sum("workshop" in m for m in messages(app)) >= len(opens)

    await asyncio.wait_for(walk(), HANG)
    assert app.return_code in (None, 0)


def crafted_index(sessions: Path) -> Path:
    """The default review index of ``sessions`` with wrong-typed rows that pass
    ``quick_check`` (see tests/unit/test_index_safety.py)."""
    index = SessionIndex.default()
    index.summaries(sessions)
    index.close()
    cache_file = paths.cache_dir() / "index.sqlite3"
    with sqlite3.connect(cache_file) as conn:
        columns = ", ".join(rows.COLUMNS)
        conn.execute("ALTER TABLE files RENAME TO old")
        conn.execute(f"CREATE TABLE files ({columns})")
        conn.execute(f"INSERT INTO files SELECT {columns} FROM old")
        conn.execute("DROP TABLE old")
        conn.execute(
            "UPDATE files SET title = 3, participants = 'veel', start_stamp = 1e300, "
            "complete = 7, current = x'00', file_mtime = 'gisteren'"
        )
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    return cache_file


@pytest.mark.parametrize("mode", ["review", "start"])
async def test_a_crafted_index_is_made_anew(sessions: Path, mode: str) -> None:
    """#21 item 12: a crafted review index crashed review and the start screen on
    every start."""
    paths_written = fx.write_sessions(sessions, 4)
    crafted_index(sessions)
    app: SamenApp = make_app(sessions, mode=mode)
    async with app.run_test(size=(120, 40)) as pilot:
        if mode == "review":
            screen = await ready(pilot)
            assert sorted(s.name for s in screen.shown) == sorted(p.name for p in paths_written)
            assert all(isinstance(s.title, str) for s in screen.shown)
        else:
            for _ in range(20):
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert isinstance(app.screen, StartScreen)
    assert app.return_code in (None, 0)
    with sqlite3.connect(paths.cache_dir() / "index.sqlite3") as conn:
        assert conn.execute(rows.INVALID).fetchone() is None
