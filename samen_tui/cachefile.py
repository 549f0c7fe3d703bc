"""Files in the user's cache folder: private, the user's own, and checked before use.

The start-up caches (:mod:`samen_tui.startcache`, the stylesheets of
:mod:`samen_tui.tui.tuning.csscache`) keep what one start parsed for the next. What
they read back is unmarshalled, and :mod:`marshal` is not made for bytes it did not
write: flipped bits can crash the interpreter, and a file someone else wrote is
input from someone else. So every cache file goes through here:

* **Only the user's own, private folder and files.** The folder
  (``paths.cache_dir()``) is made ``0700``, a file ``0600``. A folder or file is read
  only when, checked on the open descriptor (``O_NOFOLLOW``: never through a symlink;
  ``fstat``), it is a folder or a regular file, owned by the user running the app
  (``os.getuid()``), that neither the group nor others can write, and a file not
  larger than :data:`MAX_SIZE` (checked before reading). A folder or file of another
  user is never read and never written: no cache then, the app starts as it would
  the first time. A folder of the user's own that the group or others can write (a
  shared or synced ``$SAMEN_CACHE`` made ``0777``) is not read either: anything in it
  could have been put there by someone else. When the app writes its caches there,
  it first takes the group's and others' write permission away (``fchmod``, on the
  open folder) and then writes them anew, so from then on it is a safe place again.
* **A checksum, written last.** A file is :data:`MAGIC`, the length of the content
  (8 bytes) and a BLAKE2b digest of the Python version and the content (32 bytes),
  then the content. The header is written after the content, and the file is renamed
  into place only when whole; reading checks the length and the digest before anyone
  sees a byte. A file cut short, with flipped bits, from another Python or in
  another format is no cache: the caller starts with an empty one and writes it anew.

Nothing here raises: a cache that cannot be read or written is no cache.

This module imports only :mod:`hashlib` (which every start imports anyway) besides
builtin modules, and :mod:`samen_tui.paths` when first used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys

MAGIC = b"samen-c1"
"""The first bytes of every cache file (the ``1`` is this layout's version)."""
DIGEST_SIZE = 32
HEADER = len(MAGIC) + 8 + DIGEST_SIZE
MAX_SIZE = 32 * 1024 * 1024
"""The largest cache file read (the start-up cache is about 0.5 MB)."""

FOLDER_MODE = 0o700
FILE_MODE = 0o600
UNSAFE = stat.S_IWGRP | stat.S_IWOTH
"""Mode bits that let someone else change what is in a folder or a file."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def folder() -> str:
    """The cache folder now (``$SAMEN_CACHE`` moves it)."""
    from samen_tui import paths

    return os.fspath(paths.cache_dir())


def _digest(content: bytes | memoryview) -> bytes:
    """What the header keeps of ``content``: a file written by another Python (whose
    marshal may differ) fails the check before anything is unmarshalled."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=DIGEST_SIZE)
    digest.update(content)
    return digest.digest()


def frame(content: bytes) -> bytes:
    """``content`` as a cache file holds it (header first)."""
    return _header(content) + content


def _header(content: bytes) -> bytes:
    return MAGIC + len(content).to_bytes(8, "little") + _digest(content)


def unframe(data: bytes) -> bytes | None:
    """The content of a cache file's bytes, or None if they fail any check."""
    if len(data) < HEADER or data[: len(MAGIC)] != MAGIC:
        return None
    length = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8], "little")
    if length != len(data) - HEADER:
        return None
    content = memoryview(data)[HEADER:]
    if _digest(content) != data[len(MAGIC) + 8 : HEADER]:
        return None
    return data[HEADER:]


def safe(info: os.stat_result, kind: int) -> bool:
    """Whether a folder or file (``kind``: ``stat.S_IFDIR`` or ``stat.S_IFREG``) may be
    read: of that kind, the user's own, and nobody else can change it."""
    return (
        stat.S_IFMT(info.st_mode) == kind
        and info.st_uid == os.getuid()
        and not info.st_mode & UNSAFE
    )


def _open_folder(path: str) -> int | None:
    try:
        return os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    except (OSError, ValueError):  # missing, a symlink, not a folder, a NUL in the path
        return None


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        return


def read(name: str, max_size: int = MAX_SIZE, *, path: str | None = None) -> bytes | None:
    """The content of the cache file ``name`` (in the folder at ``path``, by default
    :func:`folder`), or None: no such file, or the folder or the file fails a check (see
    the module's doc), or the checksum does not hold."""
    if not hasattr(os, "getuid"):  # pragma: no cover - not on Windows: no owner to check
        return None
    try:
        path = path if path is not None else folder()
    except Exception:  # no cache folder to be found
        return None
    folder_fd = _open_folder(path)
    if folder_fd is None:
        return None
    try:
        if not safe(os.fstat(folder_fd), stat.S_IFDIR):
            return None
        fd = os.open(
            name,
            os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC | _BINARY,
            dir_fd=folder_fd,
        )
    except OSError:
        _close(folder_fd)
        return None
    _close(folder_fd)
    try:
        info = os.fstat(fd)
        if not safe(info, stat.S_IFREG) or not HEADER <= info.st_size <= max_size:
            return None
        data = _read_all(fd, info.st_size)
    except OSError:
        return None
    finally:
        _close(fd)
    return unframe(data) if data is not None else None


def _read_all(fd: int, size: int) -> bytes | None:
    """Exactly ``size`` bytes from ``fd`` (None if the file is shorter or longer)."""
    parts = []
    left = size
    while left > 0:
        part = os.read(fd, left)
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    if os.read(fd, 1):  # it grew while being read
        return None
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _writable_folder(path: str) -> int | None:
    """The cache folder, open, made if need be (``0700``); None if it is not the user's
    own. A folder of the user's own that others can write loses that permission."""
    try:
        os.makedirs(path, mode=FOLDER_MODE, exist_ok=True)
    except (OSError, ValueError):
        return None
    folder_fd = _open_folder(path)
    if folder_fd is None:
        return None
    try:
        info = os.fstat(folder_fd)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            _close(folder_fd)
            return None
        if info.st_mode & UNSAFE:
            os.fchmod(folder_fd, stat.S_IMODE(info.st_mode) & ~UNSAFE)
    except OSError:
        _close(folder_fd)
        return None
    return folder_fd


def write(name: str, content: bytes, *, path: str | None = None) -> bool:
    """Put ``content`` in the cache file ``name`` (``0600``; in the folder at ``path``,
    by default :func:`folder`), through a temporary file renamed into place: a reader
    sees the old file or the new one, never a part. False, and the old file as it was,
    if it cannot be written (or the folder is not the user's own). Never raises."""
    if not hasattr(os, "getuid"):  # pragma: no cover - not on Windows
        return False
    try:
        path = path if path is not None else folder()
    except Exception:
        return False
    folder_fd = _writable_folder(path)
    if folder_fd is None:
        return False
    temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(
            temporary,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY,
            FILE_MODE,
            dir_fd=folder_fd,
        )
    except OSError:
        _close(folder_fd)
        return False
    try:
        try:
            # the content first, its header last: a file cut short never passes
            _write_all(fd, bytes(HEADER), 0)
            _write_all(fd, content, HEADER)
            _write_all(fd, _header(content), 0)
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder_fd)
        return False
    finally:
        _close(folder_fd)
    return True


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        if written <= 0:  # pragma: no cover - a file system that takes nothing
            raise OSError("nothing written")
        view = view[written:]
        offset += written
