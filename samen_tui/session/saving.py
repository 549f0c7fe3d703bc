"""Saving a session file so that nothing is ever lost (DESIGN.md, "Saving").

:func:`save_session` writes a temporary file in the same folder, fsyncs it, keeps
the previous version as ``<name>.bak`` and renames the new one into place, so at any
moment the session file is either the old or the new complete version. Any failure
raises :class:`~samen_tui.session.errors.SaveError` (a Dutch message naming the file
and the reason) and leaves the file on disk as it was; the caller keeps the session
in memory. A file that is not a readable session (for instance one written by a
newer version) is never overwritten. Temporary files that killed processes left
behind are swept away.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Any

from samen_tui.i18n import t
from samen_tui.safefile import FILE_MODE
from samen_tui.session.errors import SaveError, SessionReadError, describe_os_error, format_size
from samen_tui.session.lock import pid_alive
from samen_tui.session.model import Session
from samen_tui.session.naming import BACKUP_SUFFIX, TEMP_SUFFIX
from samen_tui.session.reading import (
    MAX_SIZE,
    O_BINARY,
    O_CLOEXEC,
    dumps_data,
    encode_text,
    identity,
    read_session,
    verified,
)

_swept: set[str] = set()
"""Paths whose leftover temporary files (of dead processes) were already removed."""

TEMP_MAX_AGE = 60.0
"""Temporary files of dead processes older than this (seconds) are removed."""


def _check_target(path: Path, key: str) -> None:
    """Refuse to replace anything that is not a readable session of this version."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise SaveError(path, describe_os_error(exc), code=exc.errno) from None
    if stat.S_ISLNK(st.st_mode):
        raise SaveError(path, t("session.save_refused_symlink"))
    if stat.S_ISDIR(st.st_mode):
        raise SaveError(path, t("session.reason.directory"))
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(path, t("session.save_refused_not_regular"))
    if verified.get(key) == identity(st):
        return
    try:
        _session, st = read_session(path)
    except SessionReadError as exc:
        if exc.newer:
            raise SaveError(path, t("session.save_refused_newer", found=exc.schema)) from None
        raise SaveError(path, t("session.save_refused_unreadable", reason=exc.reason)) from None
    verified[key] = identity(st)


def refusal(path: Path | str) -> str | None:
    """Why a save to ``path`` would be refused (the short reason: a link, a folder, a
    file that is not a readable session of this version), or None when it may be
    written: nothing is there, or a session. Asked before offering to overwrite."""
    path = Path(path)
    try:
        _check_target(path, os.path.abspath(path))
    except SaveError as exc:
        return exc.reason
    return None


def _temp_name(path: Path, tag: str = "") -> Path:
    return path.with_name(f".{path.name}{tag}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - os.write raises rather than writing nothing
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable. Best effort: Windows cannot open a folder for this."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _backup(path: Path) -> None:
    """Keep the version now at ``path`` as ``path.bak`` (atomically replaced).

    A hard link costs nothing and never leaves a half-written backup; where links are
    not supported (some USB sticks) the file is copied. Best effort: a backup that
    cannot be made must not stop the save itself.
    """
    try:
        st = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(st.st_mode):
        return
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    temp = _temp_name(path, BACKUP_SUFFIX)
    try:
        os.link(path, temp)
        if stat.S_IMODE(st.st_mode) & 0o077:
            # a session written before files were private (0644): its backup is not
            with contextlib.suppress(OSError):
                os.chmod(temp, FILE_MODE)
    except OSError:
        try:
            _copy_file(path, temp)
        except OSError:
            _unlink_quietly(temp)
            return
    try:
        os.replace(temp, backup)
    except OSError:
        _unlink_quietly(temp)


def _copy_file(source: Path, target: Path) -> None:
    raw, _st = _read_bytes_plain(source)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_BINARY | O_CLOEXEC, FILE_MODE)
    try:
        _write_all(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_bytes_plain(path: Path) -> tuple[bytes, os.stat_result]:
    with open(path, "rb") as f:
        return f.read(MAX_SIZE + 1), os.fstat(f.fileno())


_TEMP_PATTERN = re.compile(r"^\.(?P<name>.+?)(?:\.bak)?\.(?P<pid>\d+)\.[0-9a-f]+\.tmp$")


def _sweep_temps(path: Path) -> None:
    """Remove temporary files of ``path`` left behind by processes that were killed."""
    directory = path.parent
    prefix = f".{path.name}."
    cutoff = time.time() - TEMP_MAX_AGE
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        match = _TEMP_PATTERN.match(name)
        if not match or match["name"] != path.name:
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or pid_alive(pid):
            continue
        candidate = directory / name
        with contextlib.suppress(OSError):
            st = os.lstat(candidate)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                os.unlink(candidate)


def _link_new(temp: Path, path: Path) -> None:
    """Put the complete file ``temp`` at ``path``, where nothing may be: a hard link
    fails (``FileExistsError``) if anything is there. Where the file system has no
    hard links (some USB sticks) it is renamed, after a last look (the caller holds
    the session's lock, which every copy of samen takes before it makes a file)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(temp, path)
        return
    _unlink_quietly(temp)


def save_session(session: Session, path: Path | str) -> None:
    """Save atomically; raise :class:`SaveError` and leave the file untouched on failure."""
    save_data(session.to_dict(), path)


def save_data(snapshot: dict[str, Any], path: Path | str, *, new: bool = False) -> None:
    """Save a session snapshot (``Session.to_dict``) atomically, as :func:`save_session`:
    the autosave thread writes the snapshot the UI thread took, without rebuilding it.

    ``new``: the file must not exist yet; it is made whole or not at all (the complete
    temporary file is linked into place, which fails if anything is there by then:
    :class:`FileExistsError`, and nothing changed). The file is private (``0600``),
    as every session file written."""
    path = Path(path)
    key = os.path.abspath(path)
    data = encode_text(dumps_data(snapshot))
    if len(data) > MAX_SIZE:
        raise SaveError(
            path,
            t("session.save_too_big", size=format_size(len(data)), limit=format_size(MAX_SIZE)),
        )
    if not new:  # a new file replaces nothing: the link below refuses what is there
        _check_target(path, key)
    if key not in _swept:
        _sweep_temps(path)
        _swept.add(key)
    temp = _temp_name(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_BINARY | O_CLOEXEC, FILE_MODE)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if new:
            _link_new(temp, path)
        else:
            _backup(path)
            os.replace(temp, path)
    except OSError as exc:
        _unlink_quietly(temp)
        verified.pop(key, None)
        if new and isinstance(exc, FileExistsError):
            raise
        raise SaveError(path, describe_os_error(exc), code=exc.errno) from None
    _fsync_dir(path.parent)
    # a rename keeps size and mtime: what is at ``path`` now is what we wrote
    verified[key] = identity(written)
