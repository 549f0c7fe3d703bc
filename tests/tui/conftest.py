"""Helpers for Pilot tests: an app on a temporary sessions folder, its saved TOML."""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.pilot import Pilot
from textual.screen import Screen

from samen_tui.tui import tuning
from samen_tui.tui.app import Launch, SamenApp
from samen_tui.tui.screens.walk import WalkScreen
from samen_tui.tui.screens.walk import screen as walk_module

tuned = pytest.mark.skipif(
    not tuning.ENABLED, reason=f"tests the tuning, which is off: {tuning.why_off()}"
)
"""For tests of the tuning itself (samen_tui/tui/tuning/: paints and layouts counted,
Textual's internals): skipped when it is off (SAMEN_SAFE=1, another Textual)."""


def make_app(
    sessions: Path,
    mode: str = "run",
    *,
    workshop: str = "samen-ouder-worden",
    title: str = "Testsessie",
    frozen_clock: bool = True,
    **kwargs: Any,
) -> SamenApp:
    """The app as `samen run WORKSHOP --sessions DIR` starts it, with the clock frozen."""
    launch = Launch(
        mode=mode,
        workshop=workshop,
        title=title,
        sessions_dir=sessions,
        extra={"frozen_clock": frozen_clock},
        **kwargs,
    )
    return SamenApp(launch)


async def burst(pilot: Pilot[Any], keys: str | Iterable[str]) -> None:
    """Keys sent at once, as a fast typist or a paste sends them: every key posted to
    the app in order, then one wait until the app is idle.

    ``pilot.press`` waits for the app to be idle after every key (about 70 ms a key
    here), so typing a sentence with it costs seconds. A string is typed character by
    character; a list may mix characters and key names (``"enter"``, ``"tab"``).
    (``_character_to_key`` is the name Pilot itself gives a character.)
    """
    app = pilot.app
    for key in keys:
        if len(key) == 1:
            name, char = _character_to_key(key), key
        else:
            name, char = key, key_to_character(key)
        event = events.Key(name, char)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def until(pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 10.0) -> None:
    """Pause until ``predicate()`` holds: for what the app does after a timer or a
    worker, which one ``pause()`` does not wait for on a busy machine."""
    waited = 0.0
    while not predicate():
        assert waited < timeout, "timed out"
        await pilot.pause(0.05)
        waited += 0.05


def walk_screen(app: SamenApp) -> WalkScreen:
    screen = app.screen
    assert isinstance(screen, WalkScreen), f"expected the walk screen, got {screen!r}"
    return screen


HOLD_PREFETCH = 3600.0
"""``PREFETCH_AFTER`` while layouts or paints are counted: no next step is built ahead
meanwhile. Building it lays out and paints out of sight, 0.4 s after the last key, which
on a busy machine falls inside the counted moment (it failed so, now and then)."""


@contextlib.contextmanager
def layouts_counted() -> Iterator[list[int]]:
    """A list that gets an entry for every layout of a screen while in the block (no
    step is built ahead meanwhile: see ``HOLD_PREFETCH``)."""
    layouts: list[int] = []
    real = Screen._refresh_layout

    def counting(self: Screen[object], *args: Any, **kwargs: Any) -> None:
        layouts.append(1)
        real(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Screen, "_refresh_layout", counting)
        patch.setattr(walk_module, "PREFETCH_AFTER", HOLD_PREFETCH)
        yield layouts


def paints_of(app: SamenApp) -> list[Any]:
    """From now on, every update the app puts on the screen (a paint); the walk screen
    builds no step ahead any more (see ``HOLD_PREFETCH``)."""
    for screen in app.screen_stack:
        if isinstance(screen, WalkScreen):
            hold_prefetch(screen)
    paints: list[Any] = []
    real = app._display

    def display(screen: Any, update: Any) -> None:
        real(screen, update)
        if update is not None:
            paints.append(update)

    app._display = display  # type: ignore[method-assign]
    return paints


def hold_prefetch(screen: WalkScreen) -> None:
    """The screen builds no next step ahead from now on (see ``HOLD_PREFETCH``)."""
    timer = screen._prefetch_timer
    if timer is not None:
        timer.stop()
        screen._prefetch_timer = None
    screen._schedule_prefetch = lambda: None  # type: ignore[method-assign]


def saved(app: SamenApp) -> dict[str, Any]:
    """Save now and read the session file back as TOML."""
    screen = walk_screen(app)
    assert screen.save_now()
    return tomllib.loads(screen.path.read_text(encoding="utf-8"))


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


TODAY = dt.date(2026, 11, 28)
"""The day the forms count from in tests ("morgen", a deadline in the past)."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """Every form takes :data:`TODAY` for today: a date typed in a test stays in the
    future (or the past) whatever day the suite runs."""
    from samen_tui.tui.widgets.forms.formrow import FormRow

    monkeypatch.setattr(FormRow, "today", staticmethod(lambda: TODAY))
    return TODAY
