"""SIGKILL the real app at random moments while the trainer types: nothing typed is lost.

Every round starts the real app on a pseudo-terminal of 120x40: the first round with
``samen run samen-ouder-worden --title ...`` (pagedown, pagedown to "Wie is er?"),
every later round with ``samen resume PATH`` on the same session file (so resume,
the take-over of the stale lock the killed copy left behind, and saving over a file
written by a killed process are exercised every time). The round types participant
names at a typist's pace (one key every 40-140 ms, Enter, a short pause) and the app
is killed with SIGKILL at a random moment: during start-up, in the middle of a name,
just after an Enter, or while saving.

After every kill the session file must load (``load_session``) and hold every
participant whose Enter was sent more than one second before the kill, in the order
typed, and nothing that was not typed; the ``.bak``, when there is one, must load
too. The log of what was typed and when spans all rounds, so a round that loses
earlier names fails as well.

Quick mode: 8 kills. ``SAMEN_RELIABILITY_FULL=1``: 120 kills (``SAMEN_KILL_APP_RUNS``
sets any number; ``SAMEN_KILL_APP_SEED`` replays a run).
"""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from samen_tui import paths
from samen_tui.session.store import SessionReadError, load_session
from samen_tui.workshop.catalog import resolve_workshop
from tests.reliability.helpers import count, report
from tests.reliability.pty_app import ROOT, PtyApp

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty and SIGKILL"),
]

RUNS = count(8, 120, "SAMEN_KILL_APP_RUNS")
GRACE = 1.0
"""Seconds: a name whose Enter was sent this long before the kill must be in the file."""
TARGET = "wie-is-er"
START_TIMEOUT = 60.0

FIRST = [
    "Anna",
    "Bert",
    "Chloë",
    "Daan",
    "Eva",
    "Fatima",
    "Gert-Jan",
    "Hüseyin",
    "Ineke",
    "Joost",
    "Karin",
    "Lotte",
    "Mohammed",
    "Noor",
    "Otto",
    "Priya",
    "Ruud",
    "Sanne",
]
LAST = [
    "de Vries",
    "Jansen",
    "van Dijk",
    "Bakker",
    "Smit",
    "El Amrani",
    "Visser",
    "Yılmaz",
    "Mulder",
    "de Boer",
    "Meijer",
    "Bos",
    "van den Berg",
    "Çelik",
    "Hendriks",
]


@dataclass
class Sent:
    name: str
    enter_at: float
    """When the Enter after the name was written to the terminal (monotonic)."""
    round: int


@dataclass
class Stats:
    kills: int = 0
    kills_before_ready: int = 0
    kills_mid_name: int = 0
    kills_after_enter: int = 0
    names_sent: int = 0
    names_checked: int = 0
    """Sum over the kills of the names that had to be in the file."""
    names_early: int = 0
    """Names in the file although their Enter was less than GRACE before the kill."""
    backups_checked: int = 0
    lock_takeovers: int = 0
    moves_checked: int = 0
    startup: list[float] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    """Entries where Enter and the next name's first letters ran together (the
    type-ahead bug, see test_strange_input.py::test_typing_on_right_after_enter)."""


class Killed(Exception):
    """The kill moment came: stop the round's script."""


def explain(saved: list[str], sent: list[str]) -> tuple[set[str], list[str], list[str]]:
    """Which typed names the saved entries account for.

    Returns (names present, merged entries, entries that are not explained). A name is
    present when an entry equals it. Because of the type-ahead bug (Enter handled after
    the first letters of the next name were already in the field) an entry can also be
    ``name + head of the next name``, followed by an entry with the rest of that next
    name: then both names are present, all their letters are in the file, and the
    entry is reported as merged instead of failing the kill test.
    """
    following = dict(itertools.pairwise(sent))
    known = set(sent)
    present: set[str] = set()
    merged: list[str] = []
    unexplained: list[str] = []
    carry: tuple[str, str] | None = None  # (name, the part of it still to come)

    def merge_of(entry: str, name: str, start: int) -> bool:
        """``entry`` is ``name[start:]`` plus the first letters of the name after it."""
        tail = name[start:]
        after = following.get(name)
        return (
            entry != tail
            and entry.startswith(tail)
            and after is not None
            and after.startswith(entry[len(tail) :])
        )

    for entry in saved:
        if carry is not None:
            name, tail = carry
            carry = None
            start = len(name) - len(tail)
            if entry == tail:
                present.add(name)
                continue
            if merge_of(entry, name, start):
                present.add(name)
                merged.append(entry)
                after = following[name]
                carry = (after, after[len(entry) - len(tail) :])
                continue
        if entry in known:
            present.add(entry)
            continue
        owner = next((n for n in sent if merge_of(entry, n, 0)), None)
        if owner is not None:
            present.add(owner)
            merged.append(entry)
            after = following[owner]
            carry = (after, after[len(entry) - len(owner) :])
            continue
        unexplained.append(entry)
    return present, merged, unexplained


def participant_names(path: Path) -> list[str]:
    return [p.name for p in load_session(path).participants]


class Round:
    """One copy of the app, driven until its kill moment (:class:`Killed`)."""

    def __init__(self, app: PtyApp, kill_at: float | None) -> None:
        self.app = app
        self.kill_at = kill_at
        """When to kill (monotonic); None until typing starts, unless an early kill."""
        self.ready = False
        self.mid_name = False
        self.after_enter = False
        self.moved_at: float | None = None
        """When the last pagedown was sent."""

    def check_kill(self) -> None:
        if self.kill_at is not None and time.monotonic() >= self.kill_at:
            raise Killed

    def sleep(self, seconds: float) -> None:
        """Wait, but no longer than the kill moment."""
        end = time.monotonic() + seconds
        while True:
            self.check_kill()
            now = time.monotonic()
            if now >= end:
                return
            nearest = end if self.kill_at is None else min(end, self.kill_at)
            time.sleep(max(0.0, min(nearest - now, 0.05)))

    def wait_until(self, predicate: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not predicate():
            self.check_kill()
            if not self.app.alive:
                raise AssertionError(f"the app exited while waiting for {what}:\n{self.app.tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} after {START_TIMEOUT} s:\n{self.app.tail()}")
            time.sleep(0.02)

    def lock_is_mine(self, path: Path) -> bool:
        lock = path.with_name(path.name + ".lock")
        try:
            return f'"pid": {self.app.process.pid},' in lock.read_text("utf-8", "replace")
        except OSError:
            return False


def test_sigkill_at_random_moments_loses_nothing_typed(sessions: Path) -> None:
    seed = int(os.environ.get("SAMEN_KILL_APP_SEED", "0")) or random.randrange(1, 1 << 30)
    rng = random.Random(seed)
    workshop = resolve_workshop("samen-ouder-worden", paths.workshop_dirs())
    step_ids = workshop.step_ids()
    titles = {step.id: step.title for _item, step in workshop.steps()}
    target_index = step_ids.index(TARGET)
    log: list[Sent] = []
    stats = Stats()
    path: Path | None = None
    title = f"Kill-test {seed}"
    must: set[str] = set()

    def session_file() -> Path | None:
        found = sorted(sessions.glob("*.toml"))
        assert len(found) <= 1, found
        return found[0] if found else None

    for round_no in range(RUNS):
        if path is None:
            args = ["--sessions", str(sessions), "run", "samen-ouder-worden", "--title", title]
            start_index = 0
        else:
            args = ["--sessions", str(sessions), "resume", str(path)]
            start_index = step_ids.index(load_session(path).current)
            assert start_index <= target_index, "the session moved past the participants step"
        with PtyApp(args, columns=120, rows=40) as app:
            # 1 in 5 rounds: a kill measured from the start (often during start-up);
            # otherwise a moment while typing
            early = rng.random() < 0.2
            now = Round(app, app.started + rng.uniform(0.05, 2.5) if early else None)
            try:
                # the step the app opens on, then pagedown until "Wie is er?"
                marker = f"›  {titles[step_ids[start_index]]}"
                now.wait_until(lambda m=marker: m in app.text(), f"the step {marker!r} on screen")
                if path is None:
                    now.wait_until(lambda: session_file() is not None, "a session file")
                    path = session_file()
                elif round_no > 0:
                    # the killed copy's lock is stale: this copy must have taken it over
                    now.wait_until(lambda r=now, p=path: r.lock_is_mine(p), "the lock taken over")
                    stats.lock_takeovers += 1
                since = app.mark()
                for _ in range(target_index - start_index):
                    now.sleep(rng.uniform(0.1, 0.4))
                    app.press("pagedown")
                    now.moved_at = time.monotonic()
                if start_index != target_index:
                    step_mark = f"›  {titles[TARGET]}"
                    now.wait_until(
                        lambda m=step_mark, s=since: m in app.text(s), "the participants step"
                    )
                now.ready = True
                stats.startup.append(time.monotonic() - app.started)
                if now.kill_at is None:
                    now.kill_at = time.monotonic() + rng.uniform(0.0, 6.0)
                now.sleep(rng.uniform(0.1, 0.4))  # a person reacts
                number = 0
                while True:
                    number += 1
                    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {round_no}.{number}"
                    now.after_enter = False
                    now.mid_name = True
                    for char in name:
                        app.type(char)
                        now.sleep(rng.uniform(0.04, 0.12))
                    now.check_kill()
                    app.press("enter")
                    log.append(Sent(name, time.monotonic(), round_no))
                    stats.names_sent += 1
                    now.mid_name = False
                    now.after_enter = True
                    now.sleep(rng.uniform(0.1, 0.8))
            except Killed:
                pass
            assert app.alive, f"the app exited by itself:\n{app.tail()}"
            killed_at = app.kill()
        stats.kills += 1
        if not now.ready:
            stats.kills_before_ready += 1
        elif now.mid_name:
            stats.kills_mid_name += 1
        elif now.after_enter:
            stats.kills_after_enter += 1

        # ---- what survived the kill
        if path is None:  # killed early in the first round: is there a file after all?
            path = session_file()
            if path is None:
                continue
        try:
            saved = participant_names(path)
        except SessionReadError as exc:  # pragma: no cover - this is the failure we look for
            pytest.fail(f"round {round_no} (seed {seed}): the session file is broken: {exc}")
        if now.moved_at is not None and now.moved_at < killed_at - GRACE:
            # moving to the step is a change as well: the file must say where we were
            assert load_session(path).current == TARGET, f"round {round_no}: step not saved"
            stats.moves_checked += 1
        sent_names = [s.name for s in log]
        present, merged, unexplained = explain(saved, sent_names)
        required = must | {
            s.name for s in log if s.round == round_no and s.enter_at < killed_at - GRACE
        }
        missing = [n for n in sent_names if n in required and n not in present]
        assert not missing, (
            f"round {round_no} (seed {seed}): lost {missing}; saved {saved[-5:]}; "
            f"killed {killed_at - log[-1].enter_at:.2f} s after the last Enter"
        )
        assert not unexplained, f"round {round_no}: the file holds names never typed: {unexplained}"
        assert len(saved) == len(set(saved)), f"round {round_no}: duplicates in {saved}"
        exact = [n for n in saved if n in sent_names]
        assert exact == [n for n in sent_names if n in exact], "participants out of order"
        assert load_session(path).title == title
        stats.names_checked += len(required)
        stats.names_early += len(present - required)
        for entry in merged:
            if entry not in stats.merged:
                stats.merged.append(entry)
        backup = path.with_name(path.name + ".bak")
        if backup.exists():
            load_session(backup)  # raises if the backup is broken
            stats.backups_checked += 1
        # what reached the file must stay there in every later round
        must = set(present)

    assert stats.kills == RUNS
    assert path is not None, "no round got as far as creating the session"
    final = participant_names(path)
    startup = sorted(stats.startup)
    median = startup[len(startup) // 2] if startup else 0.0
    report(
        "kill_app",
        f"seed {seed}: {stats.kills} SIGKILLs survived ({stats.kills_before_ready} during "
        f"start-up, {stats.kills_mid_name} mid-name, {stats.kills_after_enter} after an Enter, "
        f"the rest during a pagedown or a pause); {stats.lock_takeovers} stale locks taken "
        f"over; {stats.moves_checked} step moves checked; {stats.names_sent} names typed, "
        f"{len(final)} in the final file; "
        f"{stats.names_checked} required-name checks passed, {stats.names_early} names "
        f"already saved less than {GRACE} s before the kill; {stats.backups_checked} backups "
        f"loaded; median start-up to typing {median:.1f} s; entries merged by the type-ahead "
        f"bug: {len(stats.merged)} {stats.merged}",
    )


FREEZE_SCRIPT = r"""
import asyncio, sys
from pathlib import Path
from textual.css.query import NoMatches
from tests.tui.conftest import make_app, walk_screen

async def main(folder):
    app = make_app(Path(folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        try:
            view = screen.step_view
            focus = screen._focus_view
        except AttributeError as exc:
            print("the walk screen changed:", exc)
            sys.exit(3)
        # a view that cannot give the focus yet: what a step view not composed yet does
        # (pagedown onto a step that was not built ahead, on a busy laptop)
        def not_yet():
            raise NoMatches("not composed yet")
        view.focus_first = not_yet
        focus(view)
        await pilot.pause(0.5)
        await pilot.press("pagedown")  # the app must still answer
        await pilot.pause(0.5)
        sys.exit(0 if screen.session.current != "titel" else 4)

asyncio.run(main(sys.argv[1]))
"""


def test_paging_onto_a_step_not_built_yet_never_freezes_the_app(tmp_path: Path) -> None:
    """Found with the real app on a pty under CPU load: pagedown, pagedown right after
    start-up froze it 3 times in 25 (ctrl+q ignored, autosave stopped), because the
    new view had not composed when the focus was asked for. Here the view refuses the
    focus for good, which makes the spin certain."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run(
            [sys.executable, "-c", FREEZE_SCRIPT, str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=8,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("the app froze: no answer within 8 s") from None
    if done.returncode == 3:
        raise RuntimeError(f"update this test: {done.stdout}")
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
