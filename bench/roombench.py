"""8. The room (``samen room``) beside the trainer's app (``bench/run.py --only room``).

Both are real processes on pseudo-terminals of their own, as on the day: the trainer's
app (``samen resume FILE``, 100x30) on the sort step (``motieven``) of a session of
the default workshop written by value, and the room (``samen room FILE``, 160x45: a
beamer's terminal) following it. All the terminals' output is read all the time (one
``select`` over every pty), each read stamped with the moment it arrived.

* **Keystroke → room painted.** The trainer types a card's text and Enter (the step
  asks "Welk motief?"), then the motive's number: that key makes the card. The
  figure is the time from writing that key to the trainer's pty to the read on the
  room's pty that completed the card's text on its screen. Beside it, the room's own
  share: from the moment the session file changed on disk (its status looked at
  every 2 ms while waiting) to the card on the room's screen. The rest is the
  trainer's side: the key handled, the autosave tick (``AUTOSAVE_TICK``) and the
  atomic write on the writer thread. The motives are taken in turn, so that every
  new card is on the room's screen (no column runs past its bottom).
* **The trainer's keypress with and without the room.** Rounds of typing a card's
  text, one letter at a time, each timed from the write to the read that completed
  the field's new text on the trainer's screen (the card is then finished, untimed, so that the
  next round starts on an empty field). The rounds alternate between a room running
  (started for the round, two seconds before its first key: its start-up is not in
  it) and no room at all. p95 of the rounds with the room over the p95 of the rounds
  without.
* **The room idle** (measured between the two above, the room holding the cards).
  Nothing typed for a while, the trainer's app running (its clock
  runs: the room's digits move once a second): the room's CPU time (``/proc``: user
  + system) over the wall time, as a percentage of one core; beside it the bare
  Textual app (``bare_app.py``) on a pty of its own over the same seconds.

This module is imported by ``bench/run.py`` and uses nothing of it but what it is
handed (the mode, the environment, a function that adds a row).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import math
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
STEP = "motieven"
ASKED = "Welk motief?"
"""What the sort step asks once a card's text is entered: the next key makes it."""
COUNTS = {"full": (30, 20, 20.0), "quick": (15, 8, 10.0), "smoke": (3, 2, 2.0)}
"""Per mode: cards timed to the room, rounds of typing (half with the room), idle seconds."""
LETTERS = 12
"""Letters timed per round of typing."""
TARGET_LATENCY = 1.5
TARGET_KEYS = 1.10
TARGET_IDLE = 1.0
"""p95 keystroke → room painted (s); the trainer's key p95 with / without the room;
the room's idle CPU (% of a core)."""

ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[ -/]*[0-~])"
)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(1, min(len(ordered), math.ceil(q / 100 * len(ordered)))) - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# --------------------------------------------------------------------------- terminals


class Term:
    """A program on a pty of its own (the leader of its own session)."""

    def __init__(
        self, argv: Sequence[str], env: dict[str, str], cwd: Path, columns: int, rows: int
    ) -> None:
        child_env = dict(env)
        child_env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
        child_env.pop("TEXTUAL", None)
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                os.chdir(cwd)
                os.execve(argv[0], list(argv), child_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.raw = bytearray()
        self.open = True

    def send(self, data: str) -> None:
        os.write(self.fd, data.encode("utf-8"))

    def mark(self) -> int:
        return len(self.raw)

    def text(self, since: int = 0) -> str:
        return ANSI.sub("", self.raw[since:].decode("utf-8", "replace"))

    def cpu(self) -> float:
        """User + system CPU seconds so far (Linux ``/proc``; nan elsewhere)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        if not self.open:
            return
        self.open = False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@dataclass
class Terms:
    """Every open terminal, read all the time."""

    all: list[Term] = field(default_factory=list)

    def start(self, *args: Any) -> Term:
        term = Term(*args)
        self.all.append(term)
        return term

    def stop(self, term: Term) -> None:
        term.close()
        self.all.remove(term)

    def pump(
        self,
        seconds: float,
        until: tuple[Term, Callable[[str], bool], int] | None = None,
        every: Callable[[], None] | None = None,
    ) -> float | None:
        """Read every terminal for up to ``seconds``; with ``until`` (a terminal, a test
        of its text since a mark, the mark): return the moment of the read after which
        the test holds (None: it never did). ``every`` runs between two reads (at least
        every 2 ms)."""
        deadline = time.perf_counter() + seconds
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return None
            fds = [t.fd for t in self.all if t.open]
            ready, _, _ = select.select(fds, [], [], min(0.002, deadline - now))
            for fd in ready:
                term = next(t for t in self.all if t.fd == fd)
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    chunk = b""
                moment = time.perf_counter()
                if not chunk:
                    raise RuntimeError(f"a program exited: …{term.text()[-300:]}")
                term.raw += chunk
                if until is not None and term is until[0] and until[1](term.text(until[2])):
                    return moment
            if every is not None:
                every()

    def wait(self, term: Term, text: str, seconds: float, since: int = 0) -> float:
        found = self.pump(seconds, (term, has(text), since))
        if found is None:
            raise RuntimeError(f"{text!r} not painted within {seconds} s: …{term.text()[-300:]}")
        return found

    def close(self) -> None:
        for term in list(self.all):
            self.stop(term)


# --------------------------------------------------------------------------- the session


def write_session(folder: Path) -> Path:
    """A session of the default workshop on its sort step, nothing captured yet."""
    from samen_tui import paths
    from samen_tui.session.model import Session
    from samen_tui.session.saving import save_session
    from samen_tui.workshop.catalog import resolve_workshop

    workshop = resolve_workshop("samen-ouder-worden", [("package", paths.PACKAGE_WORKSHOPS)])
    session = Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title="Zaal-benchmark",
        started=dt.datetime.now().astimezone(),
        current=STEP,
        steps=workshop.step_ids(),
    )
    path = folder / "zaal-benchmark.toml"
    save_session(session, path)
    return path


@dataclass
class RoomStats:
    latency: list[float] = field(default_factory=list)
    """Key that makes a card → the card on the room's screen (s)."""
    share: list[float] = field(default_factory=list)
    """The session file changed → the card on the room's screen (s)."""
    keys_with: list[float] = field(default_factory=list)
    keys_without: list[float] = field(default_factory=list)
    idle_seconds: float = 0.0
    room_cpu: float = float("nan")
    bare_cpu: float = float("nan")


# --------------------------------------------------------------------------- measuring


def has(text: str) -> Callable[[str], bool]:
    return lambda seen: text in seen


def _send_timed(term: Term, key: str) -> float:
    moment = time.perf_counter()
    term.send(key)
    return moment


def time_cards(
    terms: Terms, trainer: Term, room: Term, path: Path, count: int, st: RoomStats
) -> None:
    for number in range(count):
        text = f"Kaart{number:03d}zaal"
        trainer.send(text + "\r")
        since = trainer.mark()
        terms.pump(10, (trainer, has(ASKED), since))
        terms.pump(0.3)  # the trainer's screen settles (its field asks for the motive)
        before = os.stat(path)
        changed: list[float] = []

        def look(before: os.stat_result = before, changed: list[float] = changed) -> None:
            if not changed:
                now = os.stat(path)
                if (now.st_ino, now.st_mtime_ns) != (before.st_ino, before.st_mtime_ns):
                    changed.append(time.perf_counter())

        mark = room.mark()
        sent = _send_timed(trainer, str(number % 3 + 1))
        shown = terms.pump(10, (room, has(text), mark), every=look)
        if shown is None:
            raise RuntimeError(f"card {text} not in the room within 10 s: …{room.text()[-300:]}")
        st.latency.append(shown - sent)
        if changed:
            st.share.append(shown - changed[0])
        log(
            f"  card {number + 1}: room painted after {ms(shown - sent)}"
            + (f", {ms(shown - changed[0])} after the file changed" if changed else "")
        )
        terms.pump(0.4)  # both quiet again


def time_typing(terms: Terms, trainer: Term, round_no: int, into: list[float]) -> None:
    word = f"r{round_no:02d}" + "abcdefghijklmnop"[: LETTERS - 3]
    mark = trainer.mark()
    for index, char in enumerate(word):
        typed = word[: index + 1]
        since = trainer.mark()
        sent = _send_timed(trainer, char)
        shown = terms.pump(5, (trainer, has(typed), since))
        if shown is None:
            raise RuntimeError(f"{typed!r} not painted: …{trainer.text(mark)[-300:]}")
        into.append(shown - sent)
        terms.pump(0.12)  # a trainer types about 8 keys a second
    trainer.send("\r")  # the card is finished, untimed: the next round's field is empty
    terms.pump(5, (trainer, has(ASKED), mark))
    trainer.send(str(round_no % 3 + 1))
    terms.pump(0.6)


def room_section(mode: Any, env: Any, add_row: Callable[[str, str, str, str], None]) -> None:
    """Measure and add the rows (``mode``, ``env``: bench/run.py's ``Mode`` and ``Env``)."""
    cards, rounds, idle = COUNTS.get(mode.name, COUNTS["full"])
    log(
        f"8. the room: {cards} cards to the room's screen, {rounds} rounds of typing "
        f"(with and without the room), {idle:.0f} s idle"
    )
    folder = env.folder("room-sessions")
    path = write_session(folder)
    cache = env.folder("room-cache")
    samen = [sys.executable, "-m", "samen_tui", "--sessions", str(folder)]
    terms = Terms()
    st = RoomStats()
    try:
        trainer = terms.start([*samen, "resume", str(path)], env.env(cache), env.cwd, 100, 30)
        terms.wait(trainer, "Typ een kaartje", mode.timeout)

        def room_on(settle: float) -> Term:
            room = terms.start([*samen, "room", str(path)], env.env(cache), env.cwd, 160, 45)
            terms.wait(room, "Waarom zou jij meedoen", mode.timeout)
            terms.pump(settle)
            return room

        room = room_on(1.0)
        time_cards(terms, trainer, room, path, cards, st)

        bare = terms.start(
            [sys.executable, str(BENCH / "bare_app.py")], env.env(cache), env.cwd, 160, 45
        )
        from bare_app import LAST_ITEM

        terms.wait(bare, LAST_ITEM, mode.timeout)
        terms.pump(2.0)
        began, room_began, bare_began = time.perf_counter(), room.cpu(), bare.cpu()
        terms.pump(idle)
        st.idle_seconds = time.perf_counter() - began
        st.room_cpu = (room.cpu() - room_began) / st.idle_seconds * 100
        st.bare_cpu = (bare.cpu() - bare_began) / st.idle_seconds * 100
        terms.stop(bare)
        terms.stop(room)

        for number in range(rounds):
            # with the room: a room started for the round, its start-up over (2 s) before
            # the first key; without: no room process at all. (Stopping one room with
            # SIGSTOP and going on with SIGCONT would not do: Textual takes a SIGCONT
            # for a return from the background and starts its terminal mode again, and
            # such a room costs twice the processor it did before.)
            with_room = number % 2 == 1
            room_now = room_on(2.0) if with_room else None
            terms.pump(0.5)
            time_typing(terms, trainer, number, st.keys_with if with_room else st.keys_without)
            got = st.keys_with if with_room else st.keys_without
            log(
                f"  typing round {number + 1} ({'with' if with_room else 'without'} the room): "
                f"median {ms(statistics.median(got[-LETTERS:]))}"
            )
            if room_now is not None:
                terms.stop(room_now)
        for name, values in (("with", st.keys_with), ("without", st.keys_without)):
            slowest = ", ".join(ms(v) for v in sorted(values)[-6:])
            log(f"  typing {name} the room: the slowest keys {slowest}")
        log(f"  idle: room {st.room_cpu:.2f} % of a core, bare app {st.bare_cpu:.2f} %")
    finally:
        terms.close()
    rows(st, add_row)


def rows(st: RoomStats, add_row: Callable[[str, str, str, str], None]) -> None:
    from samen_tui.tui.room.screen import POLL
    from samen_tui.tui.screens.walk.capture import AUTOSAVE_TICK

    def verdict(ok: bool) -> str:
        return "pass" if ok else "**FAIL**"

    mid, high = statistics.median(st.latency), percentile(st.latency, 95)
    own_mid, own_high = statistics.median(st.share), percentile(st.share, 95)
    add_row(
        f"8. the room: key that makes a card in the trainer's app → the card painted in "
        f"`samen room` (two processes, two ptys), median / p95 of {len(st.latency)}",
        f"{ms(mid)} / **{ms(high)}**; the room's own share (the file changed → painted) "
        f"{ms(own_mid)} / {ms(own_high)} = {own_mid / mid:.0%} of the median; the rest is "
        f"the trainer's side (autosave every {AUTOSAVE_TICK:g} s, the write); the room "
        f"looks at the file every {POLL:g} s",
        f"p95 ≤ {TARGET_LATENCY:g} s",
        verdict(high <= TARGET_LATENCY),
    )
    with_p95, without_p95 = percentile(st.keys_with, 95), percentile(st.keys_without, 95)
    r = with_p95 / without_p95 if without_p95 else float("nan")
    add_row(
        f"8. the trainer's keypress → repaint (typing on a pty), p95 with the room running "
        f"vs without, {len(st.keys_with)} / {len(st.keys_without)} keys",
        f"{ms(with_p95)} vs {ms(without_p95)} = **{r:.2f}x** (medians "
        f"{ms(statistics.median(st.keys_with))} vs {ms(statistics.median(st.keys_without))})",
        f"≤ {TARGET_KEYS:.2f}x",
        verdict(r <= TARGET_KEYS),
    )
    add_row(
        f"8. the room idle (the trainer's app running, nothing typed), CPU over "
        f"{st.idle_seconds:.0f} s",
        f"**{st.room_cpu:.2f} %** of a core (the bare Textual app beside it: {st.bare_cpu:.2f} %)",
        f"< {TARGET_IDLE:g} %",
        verdict(st.room_cpu < TARGET_IDLE),
    )
