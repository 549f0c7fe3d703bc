"""Opening files the careful way: regular files only, their size known before a byte
is read, and never an open that can hang or follow a link where none is wanted.

Every file the app opens by a name it did not choose itself (a workshop file named
on the command line or in a session, a file in a workshop folder, the summary
cache, a lock) goes through here:

* the name is looked at first (``stat``, or ``lstat`` with ``follow=False``): a
  folder, a pipe (FIFO), a device or a socket is refused before it is opened (an open
  of a device may do something), a symlink too where links are not followed;
* it is then opened ``O_NONBLOCK`` (a pipe swapped in meanwhile cannot hang the
  open or the read), ``O_NOCTTY``, and ``O_NOFOLLOW`` where links are not followed;
* what was opened is checked again on the descriptor (``fstat``): a regular file,
  no bigger than the limit the caller gives, before anything is read; and no more
  than that limit is ever read, even from a file that grows meanwhile.

What goes wrong is an :class:`OSError`: the operating system's own, or a
:class:`Refused` (a subclass) that says which rule the file broke.

Also here: :func:`private_folder`, a folder made (and found) ``0700`` and the
user's own, for the files nobody else should read (sessions, locks, the index).

This module imports nothing of the app, and never imports textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

O_BINARY: int = getattr(os, "O_BINARY", 0)
O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)
O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
O_NOCTTY: int = getattr(os, "O_NOCTTY", 0)
O_DIRECTORY: int = getattr(os, "O_DIRECTORY", 0)

FILE_MODE = 0o600
"""Private files: read and written by their owner only."""
FOLDER_MODE = 0o700
"""Private folders: only their owner may list them or put anything in them."""

DIRECTORY = "directory"
NOT_REGULAR = "not_regular"
SYMLINK = "symlink"
TOO_BIG = "too_big"


class Refused(OSError):
    """A file that is not what may be read: ``kind`` is :data:`DIRECTORY`,
    :data:`NOT_REGULAR` (a pipe, a device, a socket), :data:`SYMLINK` (where links are
    not followed) or :data:`TOO_BIG` (``size`` then says how big)."""

    def __init__(self, path: str | os.PathLike[str], kind: str, size: int = 0) -> None:
        code = {DIRECTORY: errno.EISDIR, SYMLINK: errno.ELOOP, TOO_BIG: errno.EFBIG}
        super().__init__(code.get(kind, errno.EINVAL), kind, os.fspath(path))
        self.kind = kind
        self.size = size


def _judge(path: str | os.PathLike[str], info: os.stat_result) -> None:
    """Raise :class:`Refused` for anything but a regular file."""
    if stat.S_ISDIR(info.st_mode):
        raise Refused(path, DIRECTORY)
    if stat.S_ISLNK(info.st_mode):
        raise Refused(path, SYMLINK)
    if not stat.S_ISREG(info.st_mode):
        raise Refused(path, NOT_REGULAR)


def open_regular(
    path: str | os.PathLike[str], *, follow: bool = True, dir_fd: int | None = None
) -> tuple[int, os.stat_result]:
    """A descriptor open for reading on the regular file at ``path``, and its status.

    Raises :class:`Refused` for a folder, a pipe, a device or a socket (and a symlink
    when ``follow`` is False), looked at before the open and again on the descriptor;
    any other :class:`OSError` as the system gives it. The caller closes the descriptor.
    """
    try:
        _judge(path, os.stat(path, dir_fd=dir_fd, follow_symlinks=follow))
    except ValueError as exc:  # a NUL in the name
        raise OSError(errno.EINVAL, str(exc), os.fspath(path)) from None
    flags = os.O_RDONLY | O_BINARY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
    if not follow:
        flags |= O_NOFOLLOW
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP:
            raise Refused(path, SYMLINK) from None
        raise
    try:
        info = os.fstat(fd)
        _judge(path, info)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_fd(fd: int, limit: int, path: str | os.PathLike[str] = "") -> bytes:
    """Everything in the open regular file ``fd``, at most ``limit`` bytes: a file
    that holds more (it grew since its size was checked) is :class:`Refused`."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > limit:
        raise Refused(path, TOO_BIG, len(data))
    return data


def read_regular(
    path: str | os.PathLike[str],
    limit: int,
    *,
    follow: bool = True,
    dir_fd: int | None = None,
) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path`` and its status, if it holds at most
    ``limit`` bytes (its size checked on the open descriptor before reading). Raises
    :class:`Refused` or another :class:`OSError`; never hangs on a pipe."""
    fd, info = open_regular(path, follow=follow, dir_fd=dir_fd)
    try:
        if info.st_size > limit:
            raise Refused(path, TOO_BIG, info.st_size)
        return read_fd(fd, limit, path), info
    finally:
        os.close(fd)


def is_regular(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is (or links to) a regular file now. Never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def owned_and_private(info: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and nobody else may change it."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: no owner to check
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def make_private_folder(path: str | os.PathLike[str]) -> None:
    """Make the folder ``path`` and every missing folder above it ``0700`` (folders
    that exist already are left as they are). Raises OSError."""
    path = Path(path)
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by someone else
            os.mkdir(folder, FOLDER_MODE)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))


def private_folder(path: str | os.PathLike[str]) -> bool:
    """The folder at ``path`` made if need be (``0700``), and whether it is a private
    place: a folder (not a link to one), the user's own, that nobody else can write.
    A folder of the user's own that others could write loses that permission (as
    the cache folder does, see :mod:`samen_tui.cachefile`). Never raises."""
    try:
        make_private_folder(path)
        fd = os.open(path, os.O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    except (OSError, ValueError):
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return False
        unsafe = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        if unsafe:
            os.fchmod(fd, stat.S_IMODE(info.st_mode) & ~unsafe)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
