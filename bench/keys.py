"""Keypress to repaint, in-process with Textual's Pilot (headless, 120x40).

How one key is timed
--------------------
``t0`` is taken just before the key event is handed to the app's driver, as a
terminal's key arrives (``App._press_keys``, what ``pilot.press`` does first; not
``pilot.press`` itself: after the key it also waits until every widget of the screen
has processed a message of its own, a test harness's wait that a terminal never
does, and that on a screen of 1,000 widgets held up the app's own paint by 50-90 ms).
The app then runs as it does in a terminal: the key is dispatched, the handlers run,
widgets mark themselves dirty and the screen's own update timer
(``Screen._on_timer_update``, at most 60 times a second) lays out and renders the
dirty regions through the compositor and hands the update to ``App._display``.
A headless app stops there and writes nothing, so the benchmark wraps
``app._display`` on the instance: it does what a terminal app does with the update
(``CompositorUpdate.render_segments`` to the escape-code string that would be
written) and stamps the time when that is done. The key's latency is the stamp of
the *last* paint caused by it minus ``t0``: the moment the screen is complete again.

After the key the benchmark waits until the app is quiet: the screen has nothing
pending (no layout, repaint, recompose or dirty widget) and no paint happened for
:data:`QUIET` seconds. It never calls ``pilot.pause()`` in the measured window,
because that forces ``_on_timer_update`` at once and would skip the wait for the
update timer that a real terminal app has. Cursor blinking is switched off (its
timer would paint between keys). A key that paints nothing counts from ``t0`` to
the end of its handling (``App._press_keys`` returned).

Between the keys of a step and the next ``pagedown`` the walk leaves the app idle for
:data:`DWELL` seconds (after arriving at a step, and after typing in it), as a trainer
does: work the app does in its idle time (building the next step's view ahead) happens
then, as in real use, and not inside a timed key.

The walk (samen): the session of ``samen run samen-ouder-worden`` (fresh, empty)
and a resumed session with every exercise filled (``fullsession.py``), alternately;
at every step: ``pagedown``, then a few keys in the exercise: five letters into the
focused input or notes field (plus ``enter`` for a one-line input: adds the entry),
number keys and ``down`` on the ingredient checklist, ``enter`` on the conversation
type choice and then text. The bare app: ``down``/``up`` through its list.

While the walk runs, ``save_data`` (behind every save) is wrapped with a counter per
thread: a call on the UI (main) thread during the keys would mean the atomic write
with its fsync is on the keypress path; the report shows both counts.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUIET = 0.05
"""Seconds without a paint (and nothing pending) after which a key is done."""
SETTLE_LIMIT = 3.0
DWELL = 1.0
"""Seconds the walk leaves the app idle after arriving at a step and after typing in it
(a trainer does not page and type within the same half second): the app's own idle-time
work, such as building the next step's view ahead, gets that time as in real use."""
TEXT = "Samen"

_in_key = False
"""True while a key is being timed (the save counter only counts then)."""


@dataclass
class KeyStats:
    samen: list[float] = field(default_factory=list)
    samen_by_kind: dict[str, list[float]] = field(default_factory=dict)
    bare: list[float] = field(default_factory=list)
    no_paint_keys: list[str] = field(default_factory=list)
    """Keys (step: key into #focused) that painted nothing."""
    saves_ui_thread: int = 0
    """save_session calls on the UI thread while a key was being handled."""
    saves_writer_thread: int = 0
    """save_session calls on the autosave writer thread during the walks."""
    snapshots_ui: int = 0
    """Session.to_dict calls on the UI thread while a key was being handled."""
    snapshot_seconds: list[float] = field(default_factory=list)
    samen_where: list[str] = field(default_factory=list)
    """For each of ``samen``: the step and the key (``casus: 'a'``)."""

    def add(self, kind: str, seconds: float, where: str = "") -> None:
        self.samen.append(seconds)
        self.samen_by_kind.setdefault(kind, []).append(seconds)
        self.samen_where.append(where)

    def slowest(self, count: int) -> list[tuple[float, str]]:
        """The ``count`` slowest keys of samen, slowest first, with where they were."""
        return sorted(zip(self.samen, self.samen_where, strict=True), reverse=True)[:count]


class PaintClock:
    """Wraps ``app._display``: encode the update as a terminal would, stamp the time."""

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.app = app
        self.count = 0
        self.last = 0.0
        original: Callable[[Any, Any], None] = app._display
        console = app.console

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(console)
            self.count += 1
            self.last = time.perf_counter()

        app._display = display


def _pending(app: Any) -> bool:
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
    )


def _no_blink(app: Any) -> None:
    """No blinking cursor (its paints would count as a key's). Only the focused field
    is repainted for it: setting the property repaints a field, and a field of a step
    built ahead (not on screen) made the next key build the screen's map again, a cost
    of the benchmark and not of the key (an unfocused field's blink timer is paused,
    and focus restarts it only when the field blinks)."""
    from textual.widgets import Input, TextArea

    for widget in app.screen.query("Input, TextArea"):
        if not isinstance(widget, (Input, TextArea)) or not widget.cursor_blink:
            continue
        if widget.has_focus:
            widget.cursor_blink = False
        else:
            widget.set_reactive(type(widget).cursor_blink, False)


async def timed_key(pilot: Any, clock: PaintClock, key: str) -> tuple[float, bool]:
    """Latency of one key (seconds) and whether it painted anything."""
    global _in_key
    app = pilot.app
    before = clock.count
    _in_key = True
    try:
        t0 = time.perf_counter()
        await pilot.app._press_keys((key,))
        handled = time.perf_counter()
    finally:
        _in_key = False
    quiet_since = time.perf_counter()
    seen = clock.count
    while True:
        await asyncio.sleep(0.002)
        now = time.perf_counter()
        if clock.count != seen or _pending(app):
            seen = clock.count
            quiet_since = now
        elif now - quiet_since >= QUIET:
            break
        if now - t0 > SETTLE_LIMIT:
            break
    if clock.count > before:
        return clock.last - t0, True
    return handled - t0, False


async def _settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()
    await asyncio.sleep(QUIET)


def _exercise_keys(app: Any) -> tuple[str, list[str]]:
    """The keys typed in the step now shown (kind label, keys)."""
    from textual.widgets import Input, RadioSet, TextArea

    focused = app.focused
    name = type(focused).__name__
    if isinstance(focused, Input):
        return "typing", [*TEXT, "enter"]
    if isinstance(focused, TextArea):
        return "typing", list(TEXT)
    if name == "IngredientRow":
        return "rate", ["3", "down", "4", "down", "5", "down", "2"]
    if isinstance(focused, RadioSet):
        return "choose", ["enter"]
    return "", []


async def walk_samen(
    stats: KeyStats,
    *,
    full_session: Path | None,
    max_steps: int | None = None,
    dwell: float = DWELL,
) -> None:
    """One walk through every step of the default workshop (see the module doc)."""
    from samen_tui.tui.app import Launch, SamenApp
    from samen_tui.tui.screens.walk import WalkScreen

    with tempfile.TemporaryDirectory(prefix="samen-bench-keys-") as tmp:
        sessions = Path(tmp)
        if full_session is not None:
            target = sessions / full_session.name
            target.write_bytes(full_session.read_bytes())
            launch = Launch(
                mode="resume",
                session=target,
                sessions_dir=sessions,
                extra={"frozen_clock": True},
            )
        else:
            launch = Launch(
                mode="run",
                workshop="samen-ouder-worden",
                title="Benchmark",
                sessions_dir=sessions,
                extra={"frozen_clock": True},
            )
        app = SamenApp(launch)
        gc.disable()  # as `samen` starts (cli.run_app); the app turns it on, frozen, when ready
        async with app.run_test(size=(120, 40)) as pilot:
            clock = PaintClock(app)
            await _settle(pilot)
            screen = app.screen
            assert isinstance(screen, WalkScreen), f"expected the walk screen, got {screen!r}"
            if full_session is not None:
                screen.go_to(screen.workshop.step_ids()[0])
                await _settle(pilot)
            steps = len(screen.workshop.step_ids())

            async def timed(kind: str, key: str) -> None:
                step = screen.session.current
                seconds, painted = await timed_key(pilot, clock, key)
                stats.add(kind, seconds, f"{step}: {key!r}")
                if not painted:
                    focused = app.focused
                    where = f"{screen.session.current}: {key!r} into #{getattr(focused, 'id', '')}"
                    stats.no_paint_keys.append(where)

            for index in range(steps if max_steps is None else min(steps, max_steps)):
                if index:
                    await timed("pagedown", "pagedown")
                    await _settle(pilot)
                await asyncio.sleep(dwell)  # the trainer looks, talks; the app idles
                _no_blink(app)
                await _settle(pilot)
                kind, keys = _exercise_keys(app)
                for key in keys:
                    await timed(kind, key)
                if kind == "choose":  # the conversation: type into what is focused now
                    await _settle(pilot)
                    _no_blink(app)
                    await _settle(pilot)
                    kind, keys = _exercise_keys(app)
                    for key in keys if kind == "typing" else []:
                        await timed(kind, key)
                await _settle(pilot)
                await asyncio.sleep(dwell)
            assert screen.save_now(), "the session could not be saved"


async def walk_bare(stats: KeyStats, presses: int) -> None:
    from bare_app import ITEMS, BareApp

    app = BareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        clock = PaintClock(app)
        await _settle(pilot)
        for number in range(presses):
            key = "down" if (number // (ITEMS - 1)) % 2 == 0 else "up"
            seconds, _painted = await timed_key(pilot, clock, key)
            stats.bare.append(seconds)


class SaveCounter:
    """Counts ``save_session`` calls per thread, and times ``Session.to_dict`` on the UI
    thread while a key is handled."""

    def __init__(self, stats: KeyStats) -> None:
        self.stats = stats
        self._undo: list[tuple[Any, str, Any]] = []

    def __enter__(self) -> SaveCounter:
        from samen_tui.session import autosave, store
        from samen_tui.session.model import Session

        original = store.save_data  # every save goes through it (save_session too)
        to_dict = Session.to_dict
        main = threading.main_thread()
        stats = self.stats

        def counted(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not main:
                stats.saves_writer_thread += 1
            elif _in_key:
                stats.saves_ui_thread += 1
            return original(*args, **kwargs)

        def timed_to_dict(session: Session) -> dict[str, Any]:
            if not _in_key or threading.current_thread() is not main:
                return to_dict(session)
            start = time.perf_counter()
            try:
                return to_dict(session)
            finally:
                stats.snapshots_ui += 1
                stats.snapshot_seconds.append(time.perf_counter() - start)

        for module in (store, autosave):
            self._undo.append((module, "save_data", module.save_data))
            module.save_data = counted  # type: ignore[attr-defined]
        self._undo.append((Session, "to_dict", Session.to_dict))
        Session.to_dict = timed_to_dict  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        for module, name, value in reversed(self._undo):
            setattr(module, name, value)


def run_keys(
    rounds: int,
    full_session: Path,
    *,
    max_steps: int | None = None,
    dwell: float = DWELL,
    log: Callable[[str], None],
    first: int = 0,
) -> KeyStats:
    """``rounds`` walks of samen (fresh and full alternately, the first fresh if
    ``first`` is even) interleaved with as many bare-app runs of the same number of
    keys."""
    stats = KeyStats()
    for number in range(first, first + rounds):
        before = len(stats.samen)
        with SaveCounter(stats):
            asyncio.run(
                walk_samen(
                    stats,
                    full_session=full_session if number % 2 else None,
                    max_steps=max_steps,
                    dwell=dwell,
                )
            )
        keys = len(stats.samen) - before
        asyncio.run(walk_bare(stats, keys))
        log(
            f"  keys round {number + 1}: samen median "
            f"{statistics.median(stats.samen[before:]) * 1000:.1f} ms, bare median "
            f"{statistics.median(stats.bare[-keys:]) * 1000:.1f} ms ({keys} keys)"
        )
    return stats


def merge(into: KeyStats, more: KeyStats) -> None:
    """Add the samples of ``more`` to ``into``."""
    into.samen += more.samen
    into.samen_where += more.samen_where
    for kind, values in more.samen_by_kind.items():
        into.samen_by_kind.setdefault(kind, []).extend(values)
    into.bare += more.bare
    into.no_paint_keys += more.no_paint_keys
    into.saves_ui_thread += more.saves_ui_thread
    into.saves_writer_thread += more.saves_writer_thread
    into.snapshots_ui += more.snapshots_ui
    into.snapshot_seconds += more.snapshot_seconds


def main(argv: list[str] | None = None) -> int:
    """One or more walks in a process of their own (``bench/run.py`` runs the walks with
    the tuning on and off, ``SAMEN_SAFE=1``, this way): the samples as JSON."""
    import argparse
    import json
    import sys
    from dataclasses import asdict

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--full-session", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="number of the first round")
    parser.add_argument("--max-steps", type=int)
    parser.add_argument("--dwell", type=float, default=DWELL)
    parser.add_argument("--json", type=Path, required=True, help="where the samples go")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    stats = run_keys(
        args.rounds,
        args.full_session,
        max_steps=args.max_steps,
        dwell=args.dwell,
        log=log,
        first=args.first,
    )
    args.json.write_text(json.dumps(asdict(stats)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
