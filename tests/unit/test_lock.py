"""One writer per session, checked with real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from samen_tui.session import lock as lock_module
from samen_tui.session.lock import LockInfo, SessionLock, pid_alive, this_host

ROOT = Path(__file__).resolve().parents[2]
POSIX = os.name == "posix"

HOLDER = """
import os, sys
from samen_tui.session.lock import SessionLock
lock = SessionLock(sys.argv[1])
print("taken" if lock.acquire() else "held", flush=True)
mode = sys.argv[2]
if mode == "crash":
    os._exit(3)  # no release, no clean-up: a crash
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""

RACER = """
import os, sys, time
from samen_tui.session.lock import SessionLock
lock = SessionLock(sys.argv[1])
go = sys.argv[2]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.0002)
print("taken" if lock.acquire() else "held", flush=True)
sys.stdin.readline()
"""


def spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def finish(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        assert proc.stdin is not None
        proc.stdin.close()
    proc.wait(timeout=10)
    if proc.stdout is not None:
        proc.stdout.close()


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "2026-11-28-utrecht.toml"
    path.write_text("schema = 1\n")
    return path


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
        if proc.stdin is not None:
            proc.stdin.close()


def stale_lock(path: Path) -> int:
    """Leave the lock of a crashed process behind; return that process's id."""
    proc = spawn(HOLDER, str(path), "crash")
    assert line(proc) == "taken"
    proc.wait(timeout=10)
    assert proc.returncode == 3
    if proc.stdout is not None:
        proc.stdout.close()
    if proc.stdin is not None:
        proc.stdin.close()
    assert (path.parent / (path.name + ".lock")).exists()
    assert not pid_alive(proc.pid)
    return proc.pid


# --------------------------------------------------------------------------- one process


def test_acquire_writes_who_and_release_removes(session_path: Path) -> None:
    lock = SessionLock(session_path)
    assert lock.lock_path == session_path.with_name(session_path.name + ".lock")
    assert lock.holder() is None
    assert lock.acquire()
    assert lock.held
    data = json.loads(lock.lock_path.read_text("utf-8"))
    assert data["pid"] == os.getpid()
    assert data["hostname"] == this_host()
    assert data["started"]
    holder = lock.holder()
    assert holder is not None and holder.pid == os.getpid()
    assert lock.acquire()  # again: still ours
    lock.release()
    assert not lock.held
    assert not lock.lock_path.exists()
    lock.release()  # twice is harmless


def test_context_manager(session_path: Path) -> None:
    with SessionLock(session_path) as lock:
        assert lock.held
        with SessionLock(session_path) as second:
            assert not second.held
        assert lock.lock_path.exists()  # the second did not remove ours
    assert not lock.lock_path.exists()


def test_second_lock_in_the_same_process_is_refused(session_path: Path) -> None:
    first, second = SessionLock(session_path), SessionLock(session_path)
    assert first.acquire()
    assert not second.acquire()
    holder = second.holder()
    assert holder is not None and holder.pid == os.getpid()
    message = holder.describe()
    assert str(os.getpid()) in message and "alleen-lezen" in message
    first.release()
    assert second.acquire()
    second.release()


def test_lock_in_a_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        SessionLock(tmp_path / "weg" / "x.toml").acquire()


# --------------------------------------------------------------------------- processes


def test_live_child_holds_the_lock(
    session_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    child = spawn(HOLDER, str(session_path), "wait")
    children.append(child)
    assert line(child) == "taken"
    mine = SessionLock(session_path)
    assert not mine.acquire()
    holder = mine.holder()
    assert holder is not None
    assert holder.pid == child.pid
    assert holder.hostname == this_host()
    assert f"proces {child.pid}" in holder.describe()
    assert not mine.acquire()  # still held
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()
    assert line(child) == "released"
    finish(child)
    assert mine.acquire()
    mine.release()


def test_lock_of_a_crashed_child_is_taken_over(session_path: Path) -> None:
    dead = stale_lock(session_path)
    lock = SessionLock(session_path)
    holder = lock.holder()
    assert holder is not None and holder.pid == dead
    assert lock.acquire()
    holder = lock.holder()
    assert holder is not None and holder.pid == os.getpid()
    data = json.loads(lock.lock_path.read_text("utf-8"))
    assert data["pid"] == os.getpid()
    lock.release()
    assert not lock.lock_path.exists()


@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_lock_of_a_killed_child_is_taken_over(
    session_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    child = spawn(HOLDER, str(session_path), "wait")
    children.append(child)
    assert line(child) == "taken"
    assert not SessionLock(session_path).acquire()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    lock = SessionLock(session_path)
    assert lock.acquire()
    lock.release()


def _race(path: Path, tmp_path: Path, children: list[subprocess.Popen[str]], n: int) -> None:
    go = tmp_path / f"go-{time.monotonic_ns()}"
    racers = [spawn(RACER, str(path), str(go)) for _ in range(n)]
    children.extend(racers)
    for racer in racers:
        assert line(racer) == "ready"
    go.touch()
    results = [line(racer) for racer in racers]
    assert sorted(results) == ["held"] * (n - 1) + ["taken"], results
    winner = racers[results.index("taken")]
    holder = SessionLock(path).holder()
    assert holder is not None and holder.pid == winner.pid
    for racer in racers:
        finish(racer)


@pytest.mark.parametrize("start", ["stale", "none", "garbage", "empty"])
def test_only_one_of_many_racing_processes_wins(
    session_path: Path,
    tmp_path: Path,
    children: list[subprocess.Popen[str]],
    start: str,
) -> None:
    lock_path = session_path.with_name(session_path.name + ".lock")
    rounds = 3 if start == "stale" else 1
    for _ in range(rounds):
        if lock_path.exists():
            lock_path.unlink()  # the winner of the last round is gone
        if start == "stale":
            stale_lock(session_path)
        elif start == "garbage":
            lock_path.write_bytes(b"\x00\xffgeen json")
        elif start == "empty":
            lock_path.write_bytes(b"")
        _race(session_path, tmp_path, children, n=6)


# --------------------------------------------------------------------------- lock contents


def write_lock(path: Path, **fields: object) -> Path:
    lock_path = path.with_name(path.name + ".lock")
    lock_path.write_text(json.dumps(fields), "utf-8")
    return lock_path


def test_lock_of_another_host_is_respected_unless_forced(session_path: Path) -> None:
    write_lock(session_path, pid=1, hostname="laptop-van-anneke", started="2026-11-28T09:00:00")
    lock = SessionLock(session_path)
    assert not lock.acquire()
    holder = lock.holder()
    assert holder is not None
    assert "laptop-van-anneke" in holder.describe()
    assert "28-11-2026 09:00" in holder.describe()
    assert lock.acquire(force=True)
    holder = lock.holder()
    assert holder is not None and holder.hostname == this_host()
    lock.release()
    assert not lock.lock_path.exists()


def test_live_pid_in_the_lock_is_respected(
    session_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    sleeper = spawn("import sys; sys.stdin.readline()")
    children.append(sleeper)
    write_lock(session_path, pid=sleeper.pid, hostname=this_host(), started="")
    assert not SessionLock(session_path).acquire()
    finish(sleeper)
    assert SessionLock(session_path).acquire()


@pytest.mark.skipif(not lock_module.boot_id(), reason="no boot id on this system")
def test_lock_from_before_a_reboot_is_stale(session_path: Path) -> None:
    # the pid may well be alive again after the reboot, as another program
    write_lock(session_path, pid=os.getppid(), hostname=this_host(), boot="een-andere-start")
    lock = SessionLock(session_path)
    assert lock.acquire()
    lock.release()


def test_unreadable_lock_holder_is_unknown(session_path: Path) -> None:
    lock_path = session_path.with_name(session_path.name + ".lock")
    lock_path.write_bytes(b"{niet af")
    holder = SessionLock(session_path).holder()
    assert holder is not None and holder.pid == 0
    assert "al geopend" in holder.describe()


def test_release_leaves_a_lock_that_is_no_longer_ours(session_path: Path) -> None:
    mine = SessionLock(session_path)
    assert mine.acquire()
    other = SessionLock(session_path)
    assert other.acquire(force=True)  # the user chose to take it
    mine.release()
    assert other.lock_path.exists()
    holder = SessionLock(session_path).holder()
    assert holder == other.holder()
    other.release()
    assert not other.lock_path.exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux /proc")
def test_zombie_counts_as_gone() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        state = Path(f"/proc/{child.pid}/stat").read_bytes().rpartition(b")")[2].split()[0]
        if state == b"Z":
            break
        time.sleep(0.01)
    assert pid_alive(child.pid) is False  # exited, not yet reaped
    child.wait()
    assert pid_alive(child.pid) is False
    assert pid_alive(os.getpid()) is True
    assert pid_alive(0) is False


def test_lock_info_ignores_foreign_content() -> None:
    assert LockInfo.from_json(b"[1, 2]") is None
    assert LockInfo.from_json(b'{"pid": "12", "hostname": "x"}') is None
    assert LockInfo.from_json(b'{"pid": true, "hostname": "x"}') is None
    info = LockInfo.from_json(b'{"pid": 12, "hostname": "x", "started": "gisteren"}')
    assert info == LockInfo(pid=12, hostname="x", started=None)
