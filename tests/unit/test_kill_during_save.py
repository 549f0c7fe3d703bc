"""SIGKILL at random moments while saving never leaves a broken session file.

A helper process (the "zygote") imports the real store once, then for every run forks
a worker that loads the session file (continuing where the last one was killed) and
saves a growing session in a tight loop, writing the number of each completed save
to a progress file (fsynced). The test kills the worker with SIGKILL after a random
pause and checks that the session file parses, is exactly the session the worker
built for some version n, and that n is the last completed save or the one after it
(killed between the rename and the progress write). The backup, when there is one,
is a complete earlier version too.

``SAMEN_KILL_RUNS`` sets the number of kills (default 60).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.lock import pid_alive
from samen_tui.session.model import ItemTime, Participant, Session
from samen_tui.session.store import load_session

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("SAMEN_KILL_RUNS", "60"))


def build(n: int) -> Session:
    """Version ``n`` of the session: it grows with n, and its size goes up and down."""
    return Session(
        workshop="samen-ouder-worden",
        title=f"Kill-test versie {n}",
        started=dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        current=f"stap-{n % 7}",
        participants=[Participant(id=f"p{i}", name=f"Deelnemer {i} ë") for i in range(n % 13)],
        items={"teller": ItemTime(seconds=n)},
        records={
            "motieven": SortRecord(
                cards=[
                    Card(id=f"c{i}", text=f"kaart {i} van versie {n}\nmet een tweede regel")
                    for i in range(1 + n % 97)  # never empty: empty records are left out
                ]
            ),
            "checklist": RateRecord(
                ratings={f"item{i}": Rating(group=1 + (n + i) % 5) for i in range(16)}
            ),
            "notities": ContentRecord(notes=("notitie " * (n % 700)) + str(n)),
        },
    )


def version_of(session: Session) -> int:
    return session.items["teller"].seconds


def read_progress(progress: Path) -> int:
    raw = progress.read_bytes() if progress.exists() else b""
    return int(raw) if raw.strip() else 0


ZYGOTE = r"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("kill_test", sys.argv[1])
kill_test = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kill_test)
from samen_tui.session.store import SessionReadError, load_session, save_session

path, progress = Path(sys.argv[2]), Path(sys.argv[3])


def work():
    try:
        n = kill_test.version_of(load_session(path))
    except SessionReadError:
        if path.exists():
            os._exit(2)  # a file that exists must always be readable
        n = 0
    fd = os.open(progress, os.O_WRONLY | os.O_CREAT, 0o644)
    while True:
        n += 1
        save_session(kill_test.build(n), path)
        os.pwrite(fd, b"%020d" % n, 0)  # one small write: never half done
        os.fsync(fd)


print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(1)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, flush=True)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_during_saves_never_breaks_the_session(tmp_path: Path) -> None:
    folder = tmp_path / "sessies"
    folder.mkdir()
    path = folder / "2026-11-28-kill-test.toml"
    backup = folder / (path.name + ".bak")
    progress = tmp_path / "progress"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, __file__, str(path), str(progress)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    rng = random.Random(os.environ.get("SAMEN_KILL_SEED", "samen"))
    last = 0
    after_rename = 0  # kills that fell between the rename and the progress write
    between = 0  # kills between making the backup and the rename
    required = 0  # saves the workers were let complete
    cycle = 0.01  # seconds one save takes (measured as the test goes)
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for run in range(RUNS):
            before = read_progress(progress)
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            worker = int(zygote.stdout.readline())
            # let the worker complete a few saves (none: kill it while it loads or
            # saves for the first time), then kill it at a random moment after that
            saves = rng.choice([0, 0, 1, 2, 2, 3])
            deadline = time.monotonic() + 30
            seen, seen_at = read_progress(progress), time.monotonic()
            while seen < before + saves:
                assert time.monotonic() < deadline, f"run {run}: the worker does not save"
                if not pid_alive(worker):
                    break  # it stopped by itself: the status below says why
                time.sleep(0.0003)
                now = read_progress(progress)
                if now == seen + 1 and seen > before:
                    # how long one save takes here: aim the kill anywhere in the next
                    cycle = 0.7 * cycle + 0.3 * (time.monotonic() - seen_at)
                if now != seen:
                    seen, seen_at = now, time.monotonic()
            time.sleep(rng.random() * cycle * 1.2)
            os.kill(worker, signal.SIGKILL)
            status = int(zygote.stdout.readline())
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"run {run}: the worker stopped by itself (status {status}): "
                "it found a session file it could not read"
            )
            required += saves

            done = read_progress(progress)
            if not path.exists():
                assert done == 0
                continue
            session = load_session(path)  # parses, and is a valid session
            n = version_of(session)
            assert session == build(n), f"run {run}: version {n} is not complete"
            assert done <= n <= done + 1, f"run {run}: file {n}, last completed save {done}"
            assert n >= last, f"run {run}: went back from {last} to {n}"
            changed = n != last
            after_rename += changed and n == done + 1
            last = n
            if backup.exists():
                previous = load_session(backup)
                m = version_of(previous)
                assert previous == build(m)
                assert m in (n - 1, n), f"run {run}: backup {m}, file {n}"
                between += changed and m == n
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
    leftovers = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    print(
        f"\n{RUNS} kills, {last} saves; killed after the rename {after_rename}x, "
        f"between backup and rename {between}x; "
        f"{len(leftovers)} temporary files left by killed saves; "
        f"one save took about {cycle * 1000:.1f} ms"
    )
    assert last >= required  # the workers did save, many times
    # what a kill leaves behind is only ever a temporary file (swept later), never a
    # session file: the listing sees exactly one session
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert names in ([path.name], [path.name, backup.name])
