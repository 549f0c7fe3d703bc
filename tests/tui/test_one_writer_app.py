"""#21 items 4, 6 and 13 in the app: `samen run` picks a free name under its lock and
never walks on without it; `resume` without the lock (any OSError) is read-only with
a message; the sessions folder the app makes is private."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from samen_tui.session.lock import SessionLock
from samen_tui.session.model import Session
from samen_tui.session.naming import session_filename
from samen_tui.session.store import save_session
from tests.tui.conftest import make_app, walk_screen

POSIX = os.name == "posix"


def shown(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_run_passes_a_name_whose_lock_another_copy_holds(sessions: Path) -> None:
    """Another copy chose today's name for this title and holds its lock, but has not
    saved yet: this copy takes the next name, and holds that one's lock."""
    name = session_filename(Session(title="Gemeente Zeist", started=dt.datetime.now()))
    other = SessionLock(sessions / name)
    assert other.acquire()
    try:
        app = make_app(sessions, title="Gemeente Zeist")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = walk_screen(app)
            assert screen.path.name == name.replace(".toml", "-2.toml")
            assert not screen.read_only
            assert not (sessions / name).exists()
            assert SessionLock(screen.path).claim() is not None  # this copy holds it
    finally:
        other.release()


def saved_session(sessions: Path) -> Path:
    path = sessions / "2026-11-28-zeist.toml"
    save_session(
        Session(
            workshop="samen-ouder-worden",
            title="Zeist",
            started=dt.datetime(2026, 11, 28, 9, 30).astimezone(),
        ),
        path,
    )
    return path


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, "alleen-lezen"),
        (errno.EACCES, "geen toestemming"),
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EDQUOT, "quotum"),
        (errno.EIO, "lees- of schrijffout"),
    ],
)
async def test_resume_without_the_lock_is_read_only_with_a_message(
    sessions: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    """#21 item 6: `resume` tracebacked when the lock could not be written."""
    path = saved_session(sessions)
    before = path.read_bytes()

    def cannot(self: SessionLock, *, force: bool = False) -> bool:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(SessionLock, "acquire", cannot)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert screen.read_only and screen.saver is None
        (message,) = [m for m in shown(app) if "vergrendeld" in m]
        assert words in message and "alleen-lezen" in message
    assert path.read_bytes() == before


@pytest.mark.skipif(not POSIX, reason="symlinks")
async def test_resume_with_a_symlinked_lock_is_read_only_and_writes_nothing(
    sessions: Path, tmp_path: Path
) -> None:
    path = saved_session(sessions)
    target = tmp_path / "doel.txt"
    target.write_text("niet aankomen")
    path.with_name(path.name + ".lock").symlink_to(target)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert walk_screen(app).read_only
        assert any("geen gewoon bestand" in m for m in shown(app))
    assert target.read_text() == "niet aankomen"


@pytest.mark.skipif(not POSIX, reason="file modes")
async def test_the_sessions_folder_the_app_makes_is_private(tmp_path: Path) -> None:
    sessions = tmp_path / "nieuw" / "sessies"
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        path = walk_screen(app).path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(sessions.stat().st_mode) == 0o700
        assert stat.S_IMODE(sessions.parent.stat().st_mode) == 0o700
        lock = path.with_name(path.name + ".lock")
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
