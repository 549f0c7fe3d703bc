"""#21 items 4, 5, 6 and 13 at the store: one writer per file, always.

* a new session gets a free name under its lock, atomically (``SessionStore.create``):
  two processes starting the same title at the same moment get two files;
* the lock never follows a symlink or waits on a pipe put at its path, and is made
  ``O_EXCL | O_NOFOLLOW``;
* ``SessionLock.claim`` says who holds a lock or why none can be made, for every
  OSError (what ``resume`` and "save as" need);
* sessions and locks are ``0600``, the folders the store makes ``0700``.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samen_tui.session import lock as lock_module
from samen_tui.session.lock import OddLockFile, SessionLock
from samen_tui.session.model import Session
from samen_tui.session.store import SaveError, SessionStore, load_session, save_session

ROOT = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"
HANG = 10.0


def session(title: str = "Gemeente Zeist") -> Session:
    import datetime as dt

    return Session(
        workshop="samen-ouder-worden",
        title=title,
        started=dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def in_time(call: Callable[[], Any]) -> Any:
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), "the call hung"
    if "error" in result:
        raise result["error"]
    return result.get("value")


# --------------------------------------------------------------------------- create


def test_create_saves_under_a_free_name_and_holds_its_lock(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessies")
    path, lock = store.create(session())
    try:
        assert path.name == "2026-11-28-gemeente-zeist.toml"
        assert lock.held and lock.path == path
        assert load_session(path).title == "Gemeente Zeist"
        again, second = store.create(session())
        assert again.name == "2026-11-28-gemeente-zeist-2.toml"
        second.release()
    finally:
        lock.release()


def test_create_passes_a_name_whose_lock_another_copy_holds(tmp_path: Path) -> None:
    """The other copy chose the name and has not saved yet: the name is its own."""
    store = SessionStore(tmp_path)
    first = tmp_path / "2026-11-28-gemeente-zeist.toml"
    other = SessionLock(first)
    assert other.acquire()
    try:
        path, lock = store.create(session())
        assert path.name == "2026-11-28-gemeente-zeist-2.toml"
        assert not first.exists()  # never written by this copy
        lock.release()
    finally:
        other.release()


def test_create_passes_a_name_with_a_backup_or_anything_at_it(tmp_path: Path) -> None:
    (tmp_path / "2026-11-28-gemeente-zeist.toml.bak").write_text("oud")
    (tmp_path / "2026-11-28-gemeente-zeist-2.toml").mkdir()
    path, lock = SessionStore(tmp_path).create(session())
    assert path.name == "2026-11-28-gemeente-zeist-3.toml"
    lock.release()
    assert (tmp_path / "2026-11-28-gemeente-zeist.toml.bak").read_text() == "oud"


def test_create_never_replaces_a_file_that_came_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file put at the name between the look and the save (by something that takes
    no lock) stays as it was; the session goes to the next name."""
    from samen_tui.session import store as store_module

    first = tmp_path / "2026-11-28-gemeente-zeist.toml"
    real = store_module.taken

    def look_then_arrive(path: Path) -> bool:
        free = real(path)
        if path == first:
            first.write_text("van iemand anders")
        return free

    monkeypatch.setattr(store_module, "taken", look_then_arrive)
    path, lock = SessionStore(tmp_path).create(session())
    lock.release()
    assert first.read_text() == "van iemand anders"
    assert path.name == "2026-11-28-gemeente-zeist-2.toml"
    assert not (tmp_path / "2026-11-28-gemeente-zeist.toml.lock").exists()


def test_create_in_a_folder_that_cannot_be_made_is_a_save_error(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(SaveError):
        SessionStore(tmp_path / "bestand" / "sessies").create(session())


def test_create_where_no_lock_can_be_made_is_a_save_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(SaveError, match="alleen-lezen"):
        SessionStore(tmp_path).create(session())
    assert list(tmp_path.iterdir()) == []


RACER = """
import os, sys, time, datetime as dt
from samen_tui.session.model import Session
from samen_tui.session.store import SessionStore
go = sys.argv[2]
session = Session(workshop="w", title="Zelfde titel",
                  started=dt.datetime(2026, 11, 28, 9, 30))
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.0002)
path, lock = SessionStore(sys.argv[1]).create(session)
print(path.name, flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="processes racing on one folder")
def test_two_processes_starting_the_same_title_at_once_get_two_files(tmp_path: Path) -> None:
    """#21 item 4: two `samen run` with the same title at the same moment got the same
    file in 1 of 8 tries. Eight rounds of three racers: never a name twice."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for round_ in range(8):
        folder = tmp_path / f"ronde-{round_}"
        go = tmp_path / f"go-{round_}"
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", RACER, str(folder), str(go)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(3)
        ]
        try:
            for racer in racers:
                assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
            go.write_text("go")
            names = [racer.stdout.readline().strip() for racer in racers if racer.stdout]
        finally:
            for racer in racers:
                if racer.stdin is not None:
                    racer.stdin.close()
                racer.wait(timeout=30)
                if racer.stdout is not None:
                    racer.stdout.close()
        assert len(set(names)) == 3, names
        assert sorted(p.name for p in folder.glob("*.toml")) == sorted(names)


# --------------------------------------------------------------------------- the lock


@pytest.mark.skipif(not POSIX, reason="symlinks")
@pytest.mark.parametrize("target_exists", [True, False], ids=["to-a-file", "dangling"])
def test_a_lock_that_is_a_symlink_never_writes_its_target(
    tmp_path: Path, target_exists: bool
) -> None:
    """#21 item 5: `S/s.toml.lock` as a symlink got its target replaced with lock JSON."""
    path = tmp_path / "s.toml"
    path.write_text("schema = 1\n")
    target = tmp_path / "elders" / "belangrijk.txt"
    target.parent.mkdir()
    if target_exists:
        target.write_text("niet aankomen")
    (tmp_path / "s.toml.lock").symlink_to(target)
    lock = SessionLock(path)
    with pytest.raises(OddLockFile):
        lock.acquire()
    assert not lock.held
    message = lock.claim()
    assert message is not None and "geen gewoon bestand" in message
    if target_exists:
        assert target.read_text() == "niet aankomen"
    else:
        assert not target.exists()
    assert (tmp_path / "s.toml.lock").is_symlink()  # left as it was
    assert lock.holder() is not None  # someone, unknown: not free


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_lock_that_is_a_pipe_never_hangs(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    os.mkfifo(tmp_path / "s.toml.lock")
    lock = SessionLock(path)
    message = in_time(lock.claim)
    assert message is not None and "geen gewoon bestand" in message
    assert in_time(lock.holder) is not None
    assert stat.S_ISFIFO(os.lstat(tmp_path / "s.toml.lock").st_mode)


def test_a_lock_that_is_a_folder_is_not_taken(tmp_path: Path) -> None:
    (tmp_path / "s.toml.lock").mkdir()
    message = SessionLock(tmp_path / "s.toml").claim()
    assert message is not None and "geen gewoon bestand" in message


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_a_lock_is_made_exclusively_private_and_never_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flags: list[int] = []
    real = os.open

    def recording(path: Any, flag: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".lock"):
            flags.append(flag)
        return real(path, flag, *args, **kwargs)

    monkeypatch.setattr(os, "open", recording)
    lock = SessionLock(tmp_path / "s.toml")
    assert lock.acquire()
    assert mode(tmp_path / "s.toml.lock") == 0o600
    lock.release()
    (made,) = flags
    for needed in (os.O_CREAT, os.O_EXCL, os.O_NOFOLLOW):
        assert made & needed


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, "alleen-lezen"),
        (errno.EACCES, "geen toestemming"),
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EIO, "lees- of schrijffout"),
        (errno.ENOENT, "bestaat niet"),
    ],
)
@pytest.mark.parametrize("where", ["open", "write"])
def test_claim_says_why_no_lock_can_be_made_for_every_os_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str, where: str
) -> None:
    """#21 item 6: `resume` tracebacked when the lock could not be written."""
    path = tmp_path / "s.toml"
    if where == "open":
        real_open = os.open

        def failing_open(p: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if str(p).endswith(".lock"):
                raise OSError(code, os.strerror(code))
            return real_open(p, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", failing_open)
    else:

        def failing_write(fd: int, data: bytes) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(lock_module, "_write_fd", failing_write)
    lock = SessionLock(path)
    message = lock.claim()
    assert message is not None
    assert "kan niet worden vergrendeld" in message and words in message
    assert "alleen-lezen" in message  # what the user gets
    assert not lock.held
    assert not (tmp_path / "s.toml.lock").exists()


def test_claim_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    other = SessionLock(path)
    assert other.acquire()
    try:
        message = SessionLock(path).claim()
        assert message is not None and f"proces {os.getpid()}" in message
    finally:
        other.release()
    mine = SessionLock(path)
    assert mine.claim() is None and mine.held
    mine.release()


def test_a_lock_file_holds_json_of_the_holder(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path / "s.toml")
    assert lock.claim() is None
    data = json.loads((tmp_path / "s.toml.lock").read_text())
    assert data["pid"] == os.getpid()
    lock.release()


# --------------------------------------------------------------------------- private


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_sessions_are_private_and_so_is_the_folder_the_store_makes(tmp_path: Path) -> None:
    """#21 item 13: sessions (names, organisations) were 0644 in 0755 folders."""
    folder = tmp_path / "data" / "sessies"
    path, lock = SessionStore(folder).create(session())
    lock.release()
    assert mode(path) == 0o600
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700
    save_session(load_session(path), path)  # and after a save, with its backup
    assert mode(path) == 0o600
    assert mode(path.with_name(path.name + ".bak")) == 0o600


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_a_session_others_could_read_is_private_after_its_next_save(tmp_path: Path) -> None:
    path = tmp_path / "oud.toml"
    save_session(session(), path)
    path.chmod(0o644)
    save_session(session("Anders"), path)
    assert mode(path) == 0o600
    assert mode(path.with_name(path.name + ".bak")) == 0o600  # the old version too
