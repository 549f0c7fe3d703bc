"""Run the real app (``python -m samen_tui ...``) on a pseudo-terminal.

:class:`PtyApp` starts the app as a child process whose stdin, stdout and stderr are
the slave side of a new pty (the child gets its own session with the pty as its
controlling terminal, so a window-size change reaches it as SIGWINCH). A reader
thread drains the master side all the time (an app whose output is not read would
block on a full pty buffer) and keeps everything it printed, so a test can wait for
a text on screen and show the last output when something goes wrong.

Keys are written as the bytes a terminal sends: :data:`KEYS` has the special ones.
Nothing here imports textual.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


KEYS = {
    "enter": b"\r",
    "tab": b"\t",
    "escape": b"\x1b",
    "pagedown": b"\x1b[6~",
    "pageup": b"\x1b[5~",
    "f1": b"\x1bOP",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "ctrl+p": b"\x10",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
    "backspace": b"\x7f",
}

_ANSI = re.compile(
    rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-B]|[@-Z\\-_])"
)


def set_winsize(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


def app_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "samen_tui", *args]


class PtyApp:
    """The app in a child process on a pty of ``columns`` x ``rows``."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        columns: int = 120,
        rows: int = 40,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        command: list[str] | None = None,
    ) -> None:
        """``args`` for ``python -m samen_tui``; ``command`` replaces the whole command."""
        self.args = list(args)
        master, slave = os.openpty()
        set_winsize(slave, columns, rows)
        # the parent must never get SIGINT/SIGHUP from the child's terminal
        child_env = dict(os.environ if env is None else env)
        child_env.update(
            TERM="xterm-256color",
            COLORTERM="truecolor",
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
            COLUMNS=str(columns),
            LINES=str(rows),
            PYTHONPATH=str(ROOT),
            PYTHONDONTWRITEBYTECODE="1",
        )
        for name in ("TEXTUAL", "TEXTUAL_DRIVER", "PYTEST_CURRENT_TEST"):
            child_env.pop(name, None)

        def become_terminal_owner() -> None:  # in the child, before exec
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started = time.monotonic()
        self.process = subprocess.Popen(
            command or app_command(*self.args),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=str(cwd or ROOT),
            env=child_env,
            close_fds=True,
            preexec_fn=become_terminal_owner,
        )
        os.close(slave)
        self.master = master
        self._output = bytearray()
        self._dropped = 0
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, name="pty-reader", daemon=True)
        self._reader.start()

    # ------------------------------------------------------------------ output

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child closed its side (it exited or was killed)
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk
                if len(self._output) > 16 << 20:  # keep the last 8 MiB
                    cut = len(self._output) - (8 << 20)
                    del self._output[:cut]
                    self._dropped += cut

    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def text(self, since: int = 0) -> str:
        """What was printed (from byte ``since`` on, see :meth:`mark`) without escape
        sequences."""
        with self._lock:
            raw = bytes(self._output[max(0, since - self._dropped) :])
        return _ANSI.sub(b"", raw).decode("utf-8", "replace")

    def mark(self) -> int:
        """The current end of the output: pass it as ``since`` to wait for what comes next."""
        with self._lock:
            return self._dropped + len(self._output)

    def tail(self, chars: int = 3000) -> str:
        return self.text()[-chars:]

    def wait_for(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the app exited ({self.process.returncode}) while waiting for {what}; "
                    f"last output:\n{self.tail()}"
                )
            time.sleep(0.02)
        raise AssertionError(
            f"timed out after {timeout} s waiting for {what}; output:\n{self.tail()}"
        )

    def wait_for_text(self, text: str, timeout: float = 30.0, since: int = 0) -> None:
        self.wait_for(lambda: text in self.text(since), timeout, repr(text))

    # ------------------------------------------------------------------ input

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def press(self, *keys: str) -> None:
        for key in keys:
            self.write(KEYS[key] if key in KEYS else key.encode("utf-8"))

    def type(self, text: str, pause: float = 0.0) -> None:
        for char in text:
            self.write(char.encode("utf-8"))
            if pause:
                time.sleep(pause)

    def resize(self, columns: int, rows: int) -> None:
        """Change the window size the way a terminal does (the kernel sends SIGWINCH)."""
        set_winsize(self.master, columns, rows)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGWINCH)

    # ------------------------------------------------------------------ ending

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> float:
        """SIGKILL the app; returns the monotonic moment the signal was sent."""
        moment = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        return moment

    def wait(self, timeout: float = 20.0) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"the app did not exit within {timeout} s; output:\n{self.tail()}"
            ) from None

    def close(self) -> None:
        if self.alive:
            with contextlib.suppress(Exception):
                self.kill()
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(2)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
