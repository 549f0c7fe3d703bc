"""The room's window (``samen room``) with Pilot: each step kind as the room sees it,
blank and reveal, a file mid-save, damaged or gone, the trainer's app gone, a new
session, the language, and that the room writes nothing.

The room's clock is fixed (:data:`NOW`) and its timers do not run unless a test asks:
the test polls (``screen.poll()``, ``screen.look_around()``) where the timer would.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits

from samen_tui import paths
from samen_tui.session.lock import SessionLock
from samen_tui.session.model import Session
from samen_tui.session.saving import save_session
from samen_tui.tui.room.app import RoomApp
from samen_tui.tui.room.screen import RoomScreen
from tests.room.helpers import NOW, SECRET, STEP_OF_KIND, full_session, write
from tests.room.test_room_core import stale_lock


def screen_text(app: RoomApp) -> str:
    """What the screen shows now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(app: RoomApp) -> str:
    """The screen's text with every run of spaces and line ends as one space."""
    return " ".join(screen_text(app).split())


@asynccontextmanager
async def room(
    path: Path | None,
    folder: Path,
    size: tuple[int, int] = (160, 45),
    **kwargs: Any,
) -> AsyncIterator[tuple[RoomApp, RoomScreen, Pilot[Any]]]:
    """The room on ``path`` (None: the newest unfinished in ``folder``), clock fixed,
    no timers unless asked."""
    kwargs.setdefault("poll_every", None)
    kwargs.setdefault("look_every", None)
    app = RoomApp(path, folder, paths.workshop_dirs(), clock=lambda: NOW, **kwargs)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoomScreen)
        await pilot.pause()
        yield app, screen, pilot


async def settled(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


EXPECTED = {
    "content": ["Waarom zou je samenwerken?", "Slagkracht: alleen ga je sneller"],
    "participants": [
        "5 deelnemers uit 3 organisaties.",
        "Gemeente Zeist 2 Welzijn Zeist 1",
        "Bert [b]Jansen[/b]",
        "Chloë Bakker · voorzitter",
    ],
    "sort": [
        "Affectieve motieven 2",
        "Omdat ik [b]samen[/b] sterker ben",
        "Instrumentele motieven 2",
        "Relatie, Solidariteit",
    ],
    "questions": ["Goed ouder worden — Chloë Bakker", "Eigen regie [i]altijd[/i]"],
    "rate": ["Ambitie en Belangen", "Minimale massa", "De uitslag is nog verborgen."],
    "brainstorm": [
        "Randvoorwaarden 2",
        "• Tijd en geld",
        "Wantrouwen [i]x[/i]",
        "De stemmen zijn nog verborgen.",
    ],
    "conversation": [
        "Beeldvorming → Oordeelsvorming → Besluitvorming",
        "wie gaat wat wanneer doen?",
        "We starten een pilot",
        "Bert [b]Jansen[/b] Flyer maken 15-1-2027",
    ],
    "actions": ["Anna de Vries Budget regelen 5-12-2026 ✓", "Chloë Bakker Verslag rondsturen"],
    "references": ["Kennis - Common eye", "https://commoneye.nl/nl/over-ons/kennis/"],
}


@pytest.mark.parametrize("kind", list(STEP_OF_KIND))
async def test_each_kind_as_the_room_sees_it(kind: str, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session(STEP_OF_KIND[kind]), folder)
    async with room(path, folder) as (app, screen, _pilot):
        text = flat(app)
        for expected in EXPECTED[kind]:
            assert expected in text, f"{expected!r} not in {text!r}"
        assert SECRET not in text  # the trainer's notes, never
        assert screen.view is not None and type(screen.view).__name__ != "RoomView"
        assert "●" not in text and "▼" not in text  # no results before the reveal


async def test_the_results_show_once_revealed(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("ingredienten")
    path = write(session, folder)
    async with room(path, folder) as (app, screen, pilot):
        assert "De uitslag is nog verborgen." in flat(app)
        session.room.revealed.append("ingredienten")
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        text = flat(app)
        assert "De uitslag is nog verborgen." not in text
        assert "Gedeelde ambitie, opgave en doelen ██░░░░░░░░ 1,0 ▼1" in text
        assert "▼ de 3 zwakste punten: daar begint het gesprek." in text
        # the brainstorm: the ranking with its dots, most voted first
        session.current = "wat-helpt"
        session.room.revealed.append("wat-helpt")
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        text = flat(app)
        assert "1. ●●● 3 Een trekker met mandaat" in text
        assert text.index("Een trekker met mandaat") < text.index("Tijd en geld")
        assert "De stemmen zijn nog verborgen." not in text


async def test_a_small_room_shows_the_clusters_and_the_weakest(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("ingredienten")
    session.room.revealed.append("ingredienten")
    path = write(session, folder)
    async with room(path, folder, size=(60, 18)) as (app, _screen, pilot):
        text = flat(app)
        assert "De 3 zwakste punten" in text and "Minimale massa" not in text
        await pilot.resize_terminal(160, 45)
        await settled(pilot)
        await settled(pilot)
        text = flat(app)
        assert "Minimale massa" in text and "De 3 zwakste punten" not in text


async def test_blank_shows_nothing_but_the_workshops_title(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("motieven")
    session.room.blank = True
    path = write(session, folder)
    async with room(path, folder, size=(80, 24)) as (app, screen, pilot):
        assert screen_text(app).split() == ["Samen", "Ouder", "Worden"]
        session.room.blank = False
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        assert "Subsidie binnenhalen" in flat(app)


async def test_the_room_follows_the_trainer(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("vijf-s")
    path = write(session, folder)
    async with room(None, folder, size=(80, 24)) as (app, screen, pilot):
        assert "Waarom zou je samenwerken?" in flat(app)  # the newest unfinished one
        session.current = "motieven"
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        assert "Waarom zou jij meedoen aan samenwerking?" in flat(app)
        view = screen.view
        from samen_tui.kinds.sort.record import Card, SortRecord

        record = session.records["motieven"]
        assert isinstance(record, SortRecord)
        record.cards.append(Card(id="new", text="Nieuw <kaartje> [red]", category="moreel"))
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        assert "Nieuw <kaartje> [red]" in flat(app)
        assert screen.view is view  # the same step: the view rebuilt its parts only


async def test_the_timer_follows_the_file_without_a_test_asking(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("vijf-s")
    path = write(session, folder)
    async with room(path, folder, size=(80, 24), poll_every=0.05) as (app, _screen, pilot):
        session.current = "motieven"
        save_session(session, path)
        for _ in range(100):
            await pilot.pause(0.02)
            if "Waarom zou jij meedoen" in flat(app):
                break
        assert "Waarom zou jij meedoen aan samenwerking?" in flat(app)


async def test_the_timers_looks_run_in_the_screens_own_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A look at the file or the folder, and the refresh it brings, runs in the
    screen's task, never in a timer's: Textual cancels a timer's task when the app
    closes, and a view swap cancelled half-way made the app's close raise
    CancelledError. A look that waits for its turn is not queued twice."""
    folder = tmp_path / "s"
    path = write(full_session("vijf-s"), folder)
    ran: list[tuple[str, bool]] = []

    def recording(name: str) -> Any:
        async def look(screen: RoomScreen) -> None:
            ran.append((name, asyncio.current_task() is screen._task))

        return look

    monkeypatch.setattr(RoomScreen, "poll", recording("poll"))
    monkeypatch.setattr(RoomScreen, "look_around", recording("look"))
    async with room(path, folder, size=(80, 24), poll_every=0.05, look_every=0.05) as (
        _app,
        screen,
        pilot,
    ):
        for _ in range(100):
            await pilot.pause(0.01)
            if {"poll", "look"} <= {name for name, _own in ran}:
                break
        assert ran and all(own for _name, own in ran), ran
        assert {"poll", "look"} <= {name for name, _own in ran}
        turns: list[int] = []

        async def count() -> None:
            turns.append(1)

        queue = screen._in_turn(count)
        queue()
        queue()  # the first is still waiting for its turn
        await pilot.pause()
        assert turns == [1]
        queue()  # it had its turn: the next is queued again
        await pilot.pause()
        assert turns == [1, 1]


async def test_the_clock_counts_down_in_the_trainers_colours(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    with SessionLock(path) as lock:  # the trainer's app is here (this process)
        assert lock.held
        async with room(path, folder, size=(80, 24)) as (app, screen, _p1):
            digits = screen.query_one("#room-clock", Digits)
            assert digits.value == "04:18"  # 25 min, 1200 s saved + 42 s since the file
            assert digits.has_class("near") and not digits.has_class("paused")
    async with room(path, folder, size=(80, 24)) as (app, screen, _pilot):
        digits = screen.query_one("#room-clock", Digits)
        assert digits.value == "05:00" and digits.has_class("paused")  # no trainer: stopped
        assert "De trainer heeft de sessie gesloten" in flat(app)


async def test_a_damaged_then_vanished_file_keeps_the_last_state(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    async with room(path, folder, size=(80, 24)) as (app, screen, pilot):
        path.write_bytes(b'schema = 1\ntitle = "mid-')  # another writer, caught mid-save
        await screen.poll()
        await settled(pilot)
        text = flat(app)
        assert "Subsidie binnenhalen" in text
        assert "Het sessiebestand is nu niet te lezen:" in text
        assert "De zaal toont de laatste stand, van" in text
        path.unlink()
        await screen.poll()
        await settled(pilot)
        text = flat(app)
        assert "Subsidie binnenhalen" in text
        assert "Het sessiebestand is er niet meer." in text
        write(full_session("wat-helpt"), folder, path.name)
        await screen.poll()
        await settled(pilot)
        text = flat(app)
        assert "Het sessiebestand" not in text and "Randvoorwaarden" in text


async def test_an_unreadable_file_from_the_start_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    path = folder / "kapot.toml"
    path.write_text("[[[", encoding="utf-8")
    async with room(path, folder, size=(80, 24)) as (app, _screen, _pilot):
        assert "Het sessiebestand is nu niet te lezen: TOML-fout" in flat(app)


async def test_the_trainers_app_killed(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    with SessionLock(path):
        async with room(path, folder, size=(80, 24)) as (app, _s2, _p2):
            assert "gestopt" not in flat(app)
            stale_lock_path = path.with_name(path.name + ".lock")
            assert stale_lock_path.exists()
    stale_lock(path)
    async with room(path, folder, size=(80, 24)) as (app, screen, _pilot):
        text = flat(app)
        assert "De app van de trainer is gestopt; laatste stand van" in text
        assert "Subsidie binnenhalen" in text
        assert screen.query_one("#room-clock", Digits).has_class("paused")


async def test_a_new_session_is_offered_and_followed(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    write(full_session("motieven"), folder, "a.toml")
    async with room(None, folder, size=(100, 30)) as (app, screen, pilot):
        await pilot.press("enter")  # nothing offered: nothing happens
        assert screen.follower is not None and screen.follower.path.name == "a.toml"
        newer = full_session("vijf-s")
        newer.title = "Avondsessie"
        write(newer, folder, "b.toml")
        await screen.look_around()
        await settled(pilot)
        assert "Nieuwe sessie ‘Avondsessie’ begonnen: Enter om die te volgen" in flat(app)
        assert "Omdat ik [b]samen[/b]" in flat(app)  # still the one it followed
        await pilot.press("enter")
        await settled(pilot)
        assert screen.follower.path.name == "b.toml"
        assert "Waarom zou je samenwerken?" in flat(app) and "Nieuwe sessie" not in flat(app)


async def test_waiting_for_the_first_session(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    async with room(None, folder, size=(80, 24)) as (app, screen, pilot):
        assert "Wachten op een sessie…" in flat(app)
        write(full_session("motieven"), folder)
        await screen.look_around()
        await settled(pilot)
        assert "Subsidie binnenhalen" in flat(app)


async def test_the_room_speaks_the_sessions_language(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("ingredienten")
    session.language = "en"
    path = write(session, folder)
    async with room(path, folder, size=(80, 24)) as (app, _s3, _p3):
        assert "The results are still hidden." in flat(app)
    async with room(path, folder, size=(80, 24), language="nl") as (app, _screen, _pilot):
        assert "De uitslag is nog verborgen." in flat(app)


async def test_f1_explains_the_room(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    async with room(path, folder, size=(80, 24)) as (app, screen, pilot):
        await pilot.press("f1")
        await settled(pilot)
        assert "De zaalweergave volgt de sessie van de trainer" in flat(app)
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: its bytes' hash and its time."""
    out = {}
    for entry in os.scandir(folder):
        data = Path(entry.path).read_bytes()
        out[entry.name] = (hashlib.sha256(data).hexdigest(), entry.stat().st_mtime_ns)
    return out


async def test_the_room_writes_nothing_in_the_sessions_folder(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("motieven")
    path = write(session, folder)
    save_session(session, path)  # a backup beside it, as the trainer's app keeps
    other = write(Session(title="Oud", workshop="samen-ouder-worden"), folder, "oud.toml")
    assert (folder / (path.name + ".bak")).exists() and other.exists()
    with SessionLock(path):
        before = fingerprint(folder)
        async with room(None, folder, size=(80, 24), poll_every=0.02, look_every=0.05) as (
            _app,
            screen,
            pilot,
        ):
            await pilot.pause(0.3)
            await screen.look_around()
            await pilot.press("f1", "escape", "enter")
            await pilot.pause(0.2)
        assert fingerprint(folder) == before


async def test_the_digits_turn_as_the_trainers_timer_does() -> None:
    """The room's colour thresholds are the trainer's: the walk screen's timer bar,
    shown the same elapsed time, takes the same class."""
    from textual.app import App

    from samen_tui.room.clock import state_of
    from samen_tui.session.timebox import timer_state
    from samen_tui.tui.widgets.timer import TimerBar

    class Bar(App[None]):
        def compose(self) -> Any:
            yield TimerBar()

    app = Bar()
    async with app.run_test() as pilot:
        bar = app.query_one(TimerBar)
        for elapsed in (0, 400, 479, 480, 481, 540, 600, 601, 900):
            # 10 minutes: two minutes left (close) comes at the same time as a fifth
            state = timer_state(elapsed, 600)  # as the walk screen's timing.show_time
            bar.show(
                elapsed=elapsed, timebox_minutes=10, balance_minutes=0, paused=False, state=state
            )
            await pilot.pause()
            trainer = next((n for n in ("over", "close", "near") if bar.has_class(n)), "")
            assert state_of(elapsed, 600) == trainer, elapsed
