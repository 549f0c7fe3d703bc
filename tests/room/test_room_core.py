"""The room without a terminal: which session it follows, reading it as it changes
(keeping the last good state), the trainer's app, the clock, what it shows, and
its quiet line. Setup by value: sessions are built and saved, never typed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samen_tui.i18n import set_language
from samen_tui.room import finding
from samen_tui.room.clock import item_clock, state_of
from samen_tui.room.finding import FolderWatch, newest_unfinished, resolve_session
from samen_tui.room.follow import Follower
from samen_tui.room.shown import what_to_show
from samen_tui.room.status import status_line
from samen_tui.session.lock import LockInfo, SessionLock, boot_id, this_host
from samen_tui.session.model import Session
from samen_tui.session.saving import save_session
from tests.room.helpers import NOW, WRITTEN, default_workshop, full_session, write

DIRS = [("package", Path(__file__).resolve().parents[2] / "samen_tui" / "data" / "workshops")]


def dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    process = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert process.returncode == 0
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def stale_lock(path: Path) -> None:
    """The lock a killed trainer's app leaves behind: its process is gone."""
    info = LockInfo(pid=dead_pid(), hostname=this_host(), started=None, boot=boot_id())
    path.with_name(path.name + ".lock").write_bytes(info.to_json())


# --------------------------------------------------------------------------- finding


def test_a_session_is_named_by_path_file_name_or_bare_name(tmp_path: Path) -> None:
    folder = tmp_path / "sessies"
    path = write(full_session(), folder, "2026-11-28-zeist.toml")
    assert resolve_session(str(path), tmp_path) == path
    assert resolve_session("2026-11-28-zeist.toml", folder) == folder / "2026-11-28-zeist.toml"
    assert resolve_session("2026-11-28-zeist", folder) == folder / "2026-11-28-zeist.toml"
    with pytest.raises(LookupError) as info:
        resolve_session("bestaat-niet", folder)
    assert str(info.value) == f"geen sessie ‘bestaat-niet’ (ook niet in {folder})"


def test_the_newest_unfinished_session_is_followed(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert newest_unfinished(folder) is None  # no folder at all
    old = write(full_session(), folder, "a.toml")
    done = full_session()
    done.ended = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
    finished = write(done, folder, "b.toml")
    (folder / "c.toml").write_text("dit is [geen sessie", encoding="utf-8")
    os.utime(finished, (WRITTEN + 100, WRITTEN + 100))
    os.utime(folder / "c.toml", (WRITTEN + 200, WRITTEN + 200))
    assert newest_unfinished(folder) == old  # the finished and the broken one are passed by
    newer = write(full_session(), folder, "d.toml")
    os.utime(newer, (WRITTEN + 50, WRITTEN + 50))
    assert newest_unfinished(folder) == newer


def test_the_folder_watch_tells_a_new_session_once_and_reads_nothing_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "s"
    first = write(full_session(), folder, "a.toml")
    watch = FolderWatch(folder)
    looked: list[str] = []
    real = finding.summary_of
    monkeypatch.setattr(finding, "summary_of", lambda f, e: looked.append(e.name) or real(f, e))
    assert watch.look() == [] and looked == []  # the folder did not change: one stat
    save_session(full_session(), first)  # the followed session saved again: no new name
    assert watch.look() == [] and looked == []
    done = full_session()
    done.ended = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
    write(done, folder, "b.toml")
    assert watch.look() == [] and looked == ["b.toml"]  # finished: not offered
    new = write(full_session(), folder, "c.toml")
    assert [s.path for s in watch.look()] == [new]
    assert watch.look() == []  # told once


def test_while_waiting_a_resumed_session_counts_too(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    done = full_session()
    done.ended = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
    path = write(done, folder, "a.toml")
    watch = FolderWatch(folder)
    done.ended = None  # the trainer goes on with it
    save_session(done, path)
    os.utime(folder, ns=(1, 1))  # the folder's time changes with every save
    assert [s.path for s in watch.look(saved_too=True)] == [path]


# --------------------------------------------------------------------------- following


def test_the_file_is_read_when_it_changes_and_only_then(tmp_path: Path) -> None:
    path = write(full_session("vijf-s"), tmp_path / "s")
    follower = Follower(path, DIRS)
    assert follower.poll() and follower.reads == 1
    assert follower.session is not None and follower.session.current == "vijf-s"
    assert follower.updated == WRITTEN
    assert follower.workshop is not None and follower.workshop.id == "samen-ouder-worden"
    for _ in range(5):
        assert not follower.poll()
    assert follower.reads == 1  # unchanged: one stat each, no read
    save_session(full_session("motieven"), path)
    assert follower.poll() and follower.reads == 2
    assert follower.session.current == "motieven"


def test_a_damaged_file_keeps_the_last_good_state_and_says_so(tmp_path: Path) -> None:
    path = write(full_session("motieven"), tmp_path / "s")
    follower = Follower(path, DIRS)
    follower.poll()
    good = follower.session
    path.write_text('schema = 1\ntitle = "half geschre', encoding="utf-8")  # caught mid-write
    assert follower.poll()
    assert follower.session is good and follower.updated == WRITTEN
    assert follower.problem.startswith("Het sessiebestand is nu niet te lezen:")
    assert not follower.poll() and follower.reads == 2  # not read again until it changes
    path.unlink()  # the trainer's app renames a whole new file over it
    write(full_session("wat-helpt"), path.parent, path.name)
    assert follower.poll() and follower.problem == ""
    assert follower.session is not None and follower.session.current == "wat-helpt"


def test_a_vanished_file_keeps_the_last_good_state(tmp_path: Path) -> None:
    path = write(full_session("motieven"), tmp_path / "s")
    follower = Follower(path, DIRS)
    follower.poll()
    path.unlink()
    assert follower.poll()
    assert follower.gone and follower.problem == "Het sessiebestand is er niet meer."
    assert follower.session is not None and follower.session.current == "motieven"
    assert not follower.poll()
    write(full_session("gesprekken"), path.parent, path.name)
    assert follower.poll() and not follower.gone
    assert follower.session.current == "gesprekken"


def test_a_pipe_in_its_place_is_refused_without_hanging(tmp_path: Path) -> None:
    path = write(full_session(), tmp_path / "s")
    follower = Follower(path, DIRS)
    follower.poll()
    path.unlink()
    os.mkfifo(path)
    assert follower.poll()
    assert "niet te lezen" in follower.problem and follower.session is not None


def test_the_trainers_app_here_killed_or_closed(tmp_path: Path) -> None:
    path = write(full_session(), tmp_path / "s")
    follower = Follower(path, DIRS)
    follower.poll()
    with SessionLock(path) as lock:
        assert lock.held
        follower.check_trainer()
        assert follower.trainer == "here"
    assert follower.check_trainer() and follower.trainer == "closed"
    stale_lock(path)
    assert follower.check_trainer() and follower.trainer == "gone"
    assert path.with_name(path.name + ".lock").exists()  # only looked at, never taken


def test_a_session_whose_workshop_is_not_found_still_shows_its_step(tmp_path: Path) -> None:
    session = full_session("motieven")
    session.workshop = "weg-workshop"
    follower = Follower(write(session, tmp_path / "s"), DIRS)
    follower.poll()
    assert follower.workshop is None and "weg-workshop" in follower.workshop_problem
    assert follower.session is not None
    shown = what_to_show(follower.session, None)
    assert shown.step is not None and shown.step.KIND == "sort"
    assert shown.step.title == "motieven" and shown.item is None


# --------------------------------------------------------------------------- the clock


def test_the_clock_counts_from_the_file_while_it_runs() -> None:
    workshop = default_workshop()
    session = full_session("motieven")  # item "waarom": 25 minutes, 1200 s spent
    clock = item_clock(session, workshop, written=WRITTEN, now=NOW)
    assert clock is not None and clock.running
    assert (clock.elapsed, clock.box, clock.left) == (1242, 1500, 258)
    assert clock.text() == "04:18" and clock.state == "near"
    session.paused = True
    paused = item_clock(session, workshop, written=WRITTEN, now=NOW)
    assert paused is not None and not paused.running and paused.text() == "05:00"
    session.paused = False
    gone = item_clock(session, workshop, written=WRITTEN, now=NOW, trainer_here=False)
    assert gone is not None and gone.text() == "05:00"  # the trainer's app is gone: it stops
    late = item_clock(session, workshop, written=WRITTEN, now=NOW + 400)
    assert late is not None and late.text() == "-02:22" and late.state == "over"
    session.ended = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
    assert item_clock(session, workshop, written=WRITTEN, now=NOW) is None
    assert item_clock(full_session("motieven"), None, written=WRITTEN, now=NOW) is None


def test_the_thresholds_are_the_trainers() -> None:
    elapsed = (0, 959, 960, 1079, 1080, 1200, 1201)
    assert [state_of(e, 1200) for e in elapsed] == [
        "",
        "",
        "near",
        "near",
        "close",
        "close",
        "over",
    ]
    # a short timebox (a round of a minute or two): a fifth left, not "two minutes"
    assert [state_of(e, 100) for e in (30, 80, 101)] == ["", "near", "over"]
    assert state_of(5, 0) == ""


# --------------------------------------------------------------------------- shown


def test_what_the_room_shows_blank_revealed_and_where() -> None:
    workshop = default_workshop()
    session = full_session("ingredienten")
    shown = what_to_show(session, workshop)
    assert shown.step is not None and shown.step.id == "ingredienten"
    assert shown.heading == "3. Waar moeten we het over hebben? Kernelementen van samenwerking"
    assert not shown.blank and not shown.revealed and shown.captured
    session.room.blank = True
    session.room.revealed.append("ingredienten")
    again = what_to_show(session, workshop)
    assert again.blank and again.revealed
    assert what_to_show(Session(current="nergens"), workshop).step is None


# --------------------------------------------------------------------------- the line


def test_the_quiet_line(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert status_line(None, None, folder) == (
        f"De zaal volgt de eerste sessie die begint in {folder}."
    )
    path = write(full_session(), folder)
    follower = Follower(path, DIRS)
    follower.poll()
    assert status_line(follower, None, folder) == "Gemeente Zeist · Zeist"
    follower.trainer = "gone"
    when = dt.datetime.fromtimestamp(WRITTEN).strftime("%H:%M:%S")
    assert status_line(follower, None, folder) == (
        f"De app van de trainer is gestopt; laatste stand van {when}."
    )
    path.unlink()
    follower.poll()
    assert status_line(follower, None, folder) == (
        f"Het sessiebestand is er niet meer. De zaal toont de laatste stand, van {when}."
    )
    set_language("en")
    assert status_line(follower, None, folder).startswith("The session file is gone.")
