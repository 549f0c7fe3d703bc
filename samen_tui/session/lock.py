"""One writer per session: ``<session>.toml.lock``.

The first copy of the app that opens a session creates the lock file atomically
(``O_CREAT | O_EXCL``) with its process id, host name, start time and boot id (JSON)
and keeps it open. A second copy finds the file, is told who holds it
(:meth:`SessionLock.holder`, :meth:`LockInfo.describe`) and shows the session
read-only.

A lock left behind by a process that died (crash, kill, power cut) is *stale* and
is taken over: it is stale when its host is this host and its process is gone
(``os.kill(pid, 0)`` -> ``ProcessLookupError``, or a zombie), or when it was made
before the last reboot (the boot id differs). A lock of another host is respected
unless ``acquire(force=True)``.

Taking over must not let two processes both win. Where ``fcntl`` exists the holder
keeps an ``flock`` on its lock file for as long as it holds it; a process may only
take over a file it can ``flock`` itself (so no live holder has it), after checking
the path still names that same file, and it rewrites the file in place while
holding the ``flock``: of several processes racing for the same stale lock exactly
one gets the ``flock``. (The kernel drops the ``flock`` when a process dies, which
is what makes this safe.) Without ``fcntl`` (Windows) a fresh temporary lock is
renamed over the stale one and read back to confirm.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import secrets
import socket
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from samen_tui.i18n import t
from samen_tui.session.errors import describe_os_error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"
MAX_LOCK_SIZE = 64 * 1024
LOCK_MODE = 0o600
"""A lock file is private, as the session it locks."""
_O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
_O_BINARY: int = getattr(os, "O_BINARY", 0)
_O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
_OPEN = _O_CLOEXEC | _O_BINARY | _O_NOFOLLOW | _O_NONBLOCK
"""Every open of a lock file: never through a symlink (its target would be written),
never waiting on a pipe put in its place."""


class OddLockFile(OSError):
    """What is at the lock's path is no lock file samen could have made (a symlink, a
    folder, a pipe): it is never written, followed or removed."""


def this_host() -> str:
    return socket.gethostname() or "localhost"


def boot_id() -> str:
    """An id that changes at every reboot (Linux), or "" where unknown."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            return f.read(100).strip()
    except OSError:
        return ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine (zombies count as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would signal there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == 259)  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True  # cannot tell: assume it lives, never steal a live lock
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read(4096)
    except OSError:
        return False
    # "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ")"
    _, _, rest = data.rpartition(b")")
    return rest[:3].strip()[:1] in (b"Z", b"X")


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock (what the lock file says)."""

    pid: int
    hostname: str
    started: dt.datetime | None
    boot: str = ""
    token: str = ""

    @classmethod
    def mine(cls) -> LockInfo:
        return cls(
            pid=os.getpid(),
            hostname=this_host(),
            started=dt.datetime.now().astimezone().replace(microsecond=0),
            boot=boot_id(),
            token=secrets.token_hex(8),
        )

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "app": "samen-tui",
            "pid": self.pid,
            "hostname": self.hostname,
            "started": self.started.isoformat() if self.started else "",
            "boot": self.boot,
            "token": self.token,
        }
        return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> LockInfo | None:
        """The lock's content, or None when it is not a lock written by samen."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict):
            return None
        pid, host = data.get("pid"), data.get("hostname")
        if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
            return None
        started: dt.datetime | None = None
        if isinstance(data.get("started"), str):
            with contextlib.suppress(ValueError):
                started = dt.datetime.fromisoformat(data["started"])
        boot = data.get("boot")
        token = data.get("token")
        return cls(
            pid=pid,
            hostname=host,
            started=started,
            boot=boot if isinstance(boot, str) else "",
            token=token if isinstance(token, str) else "",
        )

    @property
    def local(self) -> bool:
        return self.hostname == this_host()

    def is_stale(self) -> bool:
        """Whether the holder is certainly gone: same host, and the process is dead
        or the machine rebooted since."""
        if not self.local:
            return False
        here = boot_id()
        if self.boot and here and self.boot != here:
            return True
        return not pid_alive(self.pid)

    def describe(self) -> str:
        """The Dutch message for the user who gets the session read-only."""
        if self.pid <= 0:
            return t("session.lock.held_unknown")
        started = (
            self.started.strftime("%d-%m-%Y %H:%M") if self.started else t("session.lock.unknown")
        )
        return t(
            "session.lock.held",
            pid=self.pid,
            host=self.hostname or t("session.lock.unknown"),
            started=started,
        )


UNKNOWN_HOLDER = LockInfo(pid=0, hostname="", started=None)
"""What :meth:`SessionLock.holder` returns for a lock file it cannot read."""


def _flock(fd: int) -> bool | None:
    """Take an exclusive flock without waiting: True, False when someone has it,
    None when the platform has no flock."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None  # e.g. a file system without locks: fall back on the pid check
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks: list[bytes] = []
    size = 0
    while size < MAX_LOCK_SIZE:
        chunk = os.read(fd, MAX_LOCK_SIZE - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _write_fd(fd: int, data: bytes) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


class SessionLock:
    """The lock of one session file. ``acquire()`` says whether this process may write.

    Use as a context manager (``with SessionLock(path) as lock: if lock.held: ...``)
    or call :meth:`acquire` and :meth:`release`. ``acquire`` raises OSError only when
    no lock file can be made at all (missing or read-only folder).
    """

    ATTEMPTS = 5

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + LOCK_SUFFIX)
        self._fd: int | None = None
        self._info: LockInfo | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, force: bool = False) -> bool:
        """Take the lock: True when this process now holds it, False when another
        live process does (see :meth:`holder`). ``force`` also takes a lock held
        by another host or a live process (the user chose to)."""
        if self._fd is not None:
            return True
        for _ in range(self.ATTEMPTS):
            info = LockInfo.mine()
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _OPEN, LOCK_MODE)
            except FileExistsError:
                result = self._take_over(force)
                if result is None:
                    continue  # the lock changed under us: look again
                return result
            if _flock(fd) is False:
                # between our create and our flock another process judged the empty
                # file stale and took it: it holds the lock now
                os.close(fd)
                return False
            if not _same_file(fd, self.lock_path):
                os.close(fd)  # taken over and released again meanwhile: look again
                continue
            try:
                _write_fd(fd, info.to_json())
            except OSError:
                self._discard(fd)
                raise
            self._fd, self._info = fd, info
            return True
        return False

    def _take_over(self, force: bool) -> bool | None:
        """Try to take an existing lock: True taken, False held, None: try again."""
        try:
            fd = os.open(self.lock_path, os.O_RDWR | _OPEN)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP or self.odd():
                raise OddLockFile(exc.errno or errno.EINVAL, "odd lock file") from None
            return False  # cannot even open it: treat as held
        keep = False
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OddLockFile(errno.EINVAL, "odd lock file")
            got = _flock(fd)
            if got is False and not force:
                return False  # a live holder keeps its flock
            if not _same_file(fd, self.lock_path):
                return None  # released or replaced meanwhile
            current = LockInfo.from_json(_read_fd(fd))
            # an unreadable lock we could flock is one whose writer died before writing
            stale = force or (current.is_stale() if current is not None else bool(got))
            if not stale:
                return False
            info = LockInfo.mine()
            if got is True:
                # we hold the flock: no one else can be doing this right now
                _write_fd(fd, info.to_json())
                self._fd, self._info, keep = fd, info, True
                return True
            return self._replace(info)
        except OddLockFile:
            raise
        except OSError:
            return False
        finally:
            if not keep:
                os.close(fd)

    def _replace(self, info: LockInfo) -> bool | None:
        """Rename a fresh lock over the current one, then read it back to confirm
        (no flock available, or a forced take-over of a flocked lock)."""
        temp = self.lock_path.with_name(
            f".{self.lock_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        )
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | _OPEN, LOCK_MODE)
        try:
            _flock(fd)
            _write_fd(fd, info.to_json())
            os.replace(temp, self.lock_path)
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        if _same_file(fd, self.lock_path) and LockInfo.from_json(_read_fd(fd)) == info:
            self._fd, self._info = fd, info
            return True
        os.close(fd)
        return None

    def odd(self) -> bool:
        """Whether something that is no regular file is at the lock's path (a symlink,
        a folder, a pipe): it is never taken over. Never raises."""
        try:
            return not stat.S_ISREG(os.lstat(self.lock_path).st_mode)
        except OSError:
            return False

    def claim(self) -> str | None:
        """Take the lock, and say why not: None when this process holds it now, else
        a Dutch sentence for the user (who holds it, or why no lock can be made:
        a read-only folder, a full disk, no permission, a lock file that is no
        regular file). Never raises: whoever cannot claim the lock only reads."""
        try:
            if self.acquire():
                return None
        except OddLockFile:
            return t("session.cannot_lock", reason=t("session.lock.odd_file", path=self.lock_path))
        except OSError as exc:
            return t("session.cannot_lock", reason=describe_os_error(exc))
        holder = self.holder()
        return holder.describe() if holder is not None else t("session.lock.held_unknown")

    def holder(self) -> LockInfo | None:
        """Who holds the lock now: None when nobody does (no lock file)."""
        if self._fd is not None and self._info is not None:
            return self._info
        try:
            fd = os.open(self.lock_path, os.O_RDONLY | _OPEN)
        except FileNotFoundError:
            return None
        except OSError:
            return UNKNOWN_HOLDER
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return UNKNOWN_HOLDER
            raw = _read_fd(fd)
        except OSError:
            return UNKNOWN_HOLDER
        finally:
            os.close(fd)
        return LockInfo.from_json(raw) or UNKNOWN_HOLDER

    def release(self) -> None:
        """Give the lock up (remove the lock file if it is still ours)."""
        fd, self._fd = self._fd, None
        info, self._info = self._info, None
        if fd is None:
            return
        try:
            if _same_file(fd, self.lock_path) and LockInfo.from_json(_read_fd(fd)) == info:
                os.unlink(self.lock_path)  # while still holding the flock
        except OSError:
            pass
        finally:
            os.close(fd)

    def _discard(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            if _same_file(fd, self.lock_path):
                os.unlink(self.lock_path)
        os.close(fd)

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        # an abandoned lock object must not keep the file descriptor open
        if getattr(self, "_fd", None) is not None:
            with contextlib.suppress(Exception):
                self.release()
