"""Two copies of the app on one session: the second is told and gets it read-only.

The first copy is the real app on a pty; the second runs in-process (Pilot) with
``resume PATH``. Before the second copy tries to change things, the first copy's
clock is paused (F3): it stays alive and keeps its lock but has nothing to save on
its own, so "the file is unchanged" is exact. (SIGSTOP would do it too, but Textual
restarts its input thread on SIGCONT and may then drop keys.) A copy killed with
SIGKILL leaves a stale lock that the next copy takes over.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from samen_tui.i18n import t
from samen_tui.session.model import Participant
from tests.reliability.helpers import messages, names_in, new_session_file, report, sha256
from tests.reliability.pty_app import PtyApp
from tests.tui.conftest import burst, make_app, walk_screen

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty and signals"),
]

STEP_MARK = "›  Wie is er?"


def lock_pid(path: Path) -> int | None:
    lock = path.with_name(path.name + ".lock")
    try:
        return int(json.loads(lock.read_text("utf-8"))["pid"])
    except (OSError, ValueError, KeyError):
        return None


def wait_lock(first: PtyApp, path: Path) -> None:
    first.wait_for(lambda: lock_pid(path) == first.process.pid, 60, "the first copy's lock")


def quiet(first: PtyApp, path: Path) -> None:
    """Pause the first copy's clock (F3), so it has nothing to save on its own any more."""
    first.press("f3")
    first.wait_for(lambda: "paused = true" in path.read_text("utf-8"), 10, "the pause saved")
    time.sleep(0.6)  # more than two autosave ticks: nothing else is on its way


async def second_copy_is_read_only(sessions: Path, path: Path, first: PtyApp) -> None:
    """Run the second copy while the first one holds the session and is quiet."""
    quiet(first, path)
    before = sha256(path)
    names = names_in(path)
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        shown = messages(app)
        assert screen.read_only, "the second copy got the session read-write"
        assert any(
            "al geopend" in m
            and ("alleen lezen" in m or "alleen-lezen" in m)
            and str(first.process.pid) in m
            for m in shown
        ), shown
        assert t("walk.read_only") in screen.sub_title
        assert screen.saver is None
        assert screen.session.current == "wie-is-er"
        assert screen.step_view is not None
        assert not screen.step_view.query("#p-name"), "a read-only copy shows the name field"
        # a change through the screen is refused, with a message
        with pytest.raises(PermissionError), screen.capture.change():
            screen.session.participants.append(Participant(id="x", name="Indringer"))
        await pilot.pause()
        assert any("Alleen lezen" in m for m in messages(app)), messages(app)
        # keys: typing, Enter, save, undo, next step; end the session; the clock
        await burst(pilot, "Indringer")
        await pilot.press("enter", "ctrl+s", "ctrl+z", "pagedown")
        screen.action_end_session()
        screen.action_toggle_pause()
        await pilot.pause(0.8)  # several autosave ticks
        assert sha256(path) == before
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert sha256(path) == before, "the read-only copy changed the session file"
    assert names_in(path) == names
    assert lock_pid(path) == first.process.pid, "the second copy took the lock away"
    assert first.alive


async def test_second_copy_of_a_resumed_session_is_read_only(sessions: Path) -> None:
    path = new_session_file(sessions, participants=("Anna de Vries",))
    with PtyApp(["--sessions", str(sessions), "resume", str(path)]) as first:
        wait_lock(first, path)
        first.wait_for_text(STEP_MARK, 60)
        await second_copy_is_read_only(sessions, path, first)
        # the first copy goes on writing, unharmed
        first.type("Bert Jansen", 0.01)
        first.press("enter")
        first.wait_for(
            lambda: names_in(path) == ["Anna de Vries", "Bert Jansen"], 10, "Bert in the file"
        )
        first.press("ctrl+q")
        assert first.wait() == 0
    assert names_in(path) == ["Anna de Vries", "Bert Jansen"]
    assert lock_pid(path) is None and not path.with_name(path.name + ".lock").exists()
    report("two_copies", "resume + resume: second copy read-only, file byte-identical")


async def test_second_copy_of_a_new_session_is_read_only(sessions: Path) -> None:
    args = ["--sessions", str(sessions), "run", "samen-ouder-worden", "--title", "Twee"]
    with PtyApp(args) as first:
        first.wait_for(lambda: bool(list(sessions.glob("*.toml"))), 60, "the session file")
        path = next(sessions.glob("*.toml"))
        first.wait_for_text("›  Samen Ouder Worden", 60)
        first.press("pagedown", "pagedown")
        first.wait_for(
            lambda: 'current = "wie-is-er"' in path.read_text("utf-8"),
            10,
            "the participants step saved",
        )
        await second_copy_is_read_only(sessions, path, first)
        first.press("ctrl+q")
        assert first.wait() == 0
    report("two_copies", "run + resume: second copy read-only, file byte-identical")


async def test_lock_of_a_killed_copy_is_taken_over(sessions: Path) -> None:
    path = new_session_file(sessions, participants=("Anna de Vries",))
    with PtyApp(["--sessions", str(sessions), "resume", str(path)]) as first:
        wait_lock(first, path)
        first.wait_for_text(STEP_MARK, 60)
        first.type("Bert Jansen", 0.01)
        first.press("enter")
        first.wait_for(lambda: names_in(path)[-1:] == ["Bert Jansen"], 10, "Bert saved")
        dead = first.process.pid
        first.kill()
    assert lock_pid(path) == dead, "SIGKILL cannot remove the lock: it must still be there"

    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = walk_screen(app)
        assert not screen.read_only, messages(app)
        assert not any("al geopend" in m for m in messages(app)), messages(app)
        assert lock_pid(path) == os.getpid()
        assert app.focused is not None and app.focused.id == "p-name"
        await burst(pilot, "Chloë van Dijk")
        await pilot.press("enter")
        await pilot.pause(0.6)
        assert names_in(path) == ["Anna de Vries", "Bert Jansen", "Chloë van Dijk"]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not path.with_name(path.name + ".lock").exists()
    report("two_copies", "SIGKILLed copy: stale lock taken over, second copy read-write")
