"""Start a program on a pseudo-terminal and time it until a text is painted.

:func:`time_to_marker` forks the program onto a new pty (``pty.fork``: the child is
the leader of its own session and process group), sets the window size with
``TIOCSWINSZ`` before ``exec`` so the program sees a 120x40 ``xterm-256color``
terminal from its first instruction, then reads everything it writes. After each
read the escape sequences are stripped from the whole output so far and the marker
is looked for in the plain text (Textual moves the cursor and changes colours
between segments, so a marker can be split by escape codes in the raw bytes, never
in the stripped text of one row). The time from just before the fork to the read
that completed the marker is the figure. Just before the process group is killed,
the child's peak resident memory is read from ``/proc/<pid>/status`` (``VmHWM``: the
high-water mark of the memory of the program after ``exec``; ``ru_maxrss`` would not
do, Linux carries it over ``exec`` from the forked copy of this, larger, process).
The child is reaped with ``os.wait4``, whose resource usage gives its CPU time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

COLUMNS, LINES = 120, 40

ANSI = re.compile(
    r"\x1b(?:"
    r"\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC ... BEL or ST
    r"|[PX^_][^\x1b]*\x1b\\"  # DCS / SOS / PM / APC ... ST
    r"|[ -/]*[0-~]"  # two-character sequences (ESC =, ESC 7, ESC ( B ...)
    r")"
)


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


@dataclass(frozen=True)
class PtyRun:
    seconds: float | None
    """Wall time from fork to the marker on screen (None: timed out or exited first)."""
    max_rss_kib: int
    """Peak resident set size of the child (``VmHWM``, KiB)."""
    cpu_seconds: float
    """User + system CPU time of the child until it was killed."""
    tail: str
    """The last plain text seen (for error messages)."""


def _vm_hwm(pid: int) -> int | None:
    """Peak resident memory of a running process in KiB (Linux), or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def time_to_marker(
    argv: Sequence[str],
    marker: str,
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
    timeout: float = 120.0,
    linger: float = 0.0,
) -> PtyRun:
    """Run ``argv`` on a 120x40 pty until ``marker`` is painted; see the module doc.

    ``linger``: seconds to keep reading after the marker before the kill (so a peak
    of memory just after the first paint is counted too); not part of ``seconds``.
    """
    child_env = dict(env if env is not None else os.environ)
    child_env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    child_env.pop("TEXTUAL", None)  # no devtools
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            if cwd:
                os.chdir(cwd)
            os.execve(argv[0], list(argv), child_env)
        finally:
            os._exit(127)
    raw = bytearray()
    found: float | None = None
    deadline = start + timeout
    try:
        while True:
            now = time.perf_counter()
            if found is not None and now >= found + start + linger:
                break
            if now >= deadline:
                break
            ready, _, _ = select.select([fd], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # EIO: the child closed the terminal (it exited)
                break
            if not chunk:
                break
            raw += chunk
            if found is None:
                text = strip_ansi(raw.decode("utf-8", "replace"))
                if marker in text:
                    found = time.perf_counter() - start
    finally:
        peak = _vm_hwm(pid)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        _pid, _status, usage = os.wait4(pid, 0)
        os.close(fd)
    tail = strip_ansi(raw[-4000:].decode("utf-8", "replace"))
    return PtyRun(
        seconds=found,
        max_rss_kib=peak if peak is not None else int(usage.ru_maxrss),
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        tail=" ".join(tail.split())[-600:],
    )
