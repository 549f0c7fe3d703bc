"""Snapshots of the start screen and the walk screen at 80x24 and 120x40."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from samen_tui.session.model import Participant, Session
from samen_tui.session.store import save_session
from samen_tui.tui.app import Launch, SamenApp
from tests.snapshots.helpers import painted

pytestmark = pytest.mark.slow  # snapshots: still run by .ci/run

SIZES = [(80, 24), (120, 40)]


async def settled(pilot: Any) -> None:
    """Wait until the step shown is composed, laid out and has the focus where typing
    starts (not a fixed time: on a busy machine each comes a few frames late, and a
    view mounted and focused but not yet laid out shows as an empty pane)."""
    from samen_tui.tui.screens.walk import WalkScreen

    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(100):
        screen = pilot.app.screen
        view = screen.step_view if isinstance(screen, WalkScreen) else None
        if view is None:
            break
        focused = pilot.app.focused
        if (
            view.is_mounted
            and view.region  # laid out: on the screen
            and not screen._layout_required
            and (
                not any(w.focusable for w in view.query("*"))
                or (focused is not None and view in focused.ancestors)
            )
        ):
            break
        await pilot.pause(0.05)
    await painted(pilot)


def app_for(sessions: Path, mode: str, **kwargs: Any) -> SamenApp:
    return SamenApp(
        Launch(mode=mode, sessions_dir=sessions, extra={"frozen_clock": True}, **kwargs)
    )


def fixed_session(sessions: Path) -> Path:
    session = Session(
        workshop="samen-ouder-worden",
        title="Gemeente Zeist",
        place="Zeist",
        trainer="Anne",
        started=dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC),
        current="wie-is-er",
        participants=[
            Participant(id="p1", name="Ëva de Vries", organisation="Gemeente Zeist"),
            Participant(id="p2", name="Jan [b]Smit[/]", organisation="Welzijn Zeist"),
        ],
    )
    path = sessions / "2026-11-02-gemeente-zeist.toml"
    save_session(session, path)
    return path


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    fixed_session(tmp_path)

    assert snap_compare(app_for(tmp_path, "start"), terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_walk_screen_participants(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    path = fixed_session(tmp_path)
    assert snap_compare(
        app_for(tmp_path, "resume", session=path), terminal_size=size, run_before=settled
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_walk_screen_first_step(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = app_for(tmp_path, "run", workshop="samen-ouder-worden", title="Wijk Oost")
    assert snap_compare(app, terminal_size=size, run_before=settled)


def test_walk_screen_in_english(snap_compare: Any, tmp_path: Path) -> None:
    app = app_for(tmp_path, "run", workshop="samen-ouder-worden-en", title="East End")
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled)
