"""Where a report may be written: never over a session, its backup or its lock.

``samen export S -o S`` wrote the session's own Markdown over it (no refusal, no
``.bak``). What an export may write over is decided here, for the command line and
for the app's export dialog alike:

* :func:`protected`: why a file must never be written over by an export, whatever
  the user answers or passes (``--force``): the session being exported itself, any
  file that reads as a session (of any schema: a session, its ``.bak``, a copy
  elsewhere), a lock file of samen, or anything that is no regular file (a folder,
  a pipe, a device);
* :func:`export_refusal`: that, or (without ``force``) a file that exists at all:
  the command line refuses it without ``--force``, the dialog asks;
* :func:`write_export`: the text put in place whole (a temporary file in the same
  folder, renamed or, without ``force``, linked so that it never replaces a file that
  came meanwhile), ``0600`` as the sessions it comes from.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tomllib
from pathlib import Path

from samen_tui import safefile
from samen_tui.i18n import t
from samen_tui.session.lock import MAX_LOCK_SIZE, LockInfo
from samen_tui.session.reading import MAX_SIZE


def reads_as_session(path: Path | str) -> bool:
    """Whether the regular file at ``path`` (a link followed) is TOML with a whole
    number ``schema`` at the top: a session of any version, or its backup. Never
    raises; a file that cannot be read is no session."""
    try:
        raw, _info = safefile.read_regular(path, MAX_SIZE)
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return False
    schema = data.get("schema")
    return isinstance(schema, int) and not isinstance(schema, bool)


def is_lock_file(path: Path | str) -> bool:
    """Whether the regular file at ``path`` is a lock of samen (its JSON). Never raises."""
    try:
        raw, _info = safefile.read_regular(path, MAX_LOCK_SIZE)
    except OSError:
        return False
    return LockInfo.from_json(raw) is not None


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def same_place(one: Path, other: Path) -> bool:
    """Whether two paths name the same file, or the same path where there is none yet
    (saving there is no overwrite of another file)."""
    try:
        return one.samefile(other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)


def protected(target: Path | str, source: Path | str | None = None) -> str | None:
    """Why an export must never be written at ``target`` (a Dutch sentence), or None.
    ``source``: the session file being exported. A missing target is not protected."""
    target = Path(target)
    if source is not None and same_file(target, Path(source)):
        return t("export.refused_same", path=target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None  # nothing there (or a dangling link: replaced as a link, never followed)
    except (OSError, ValueError):
        return t("export.refused_kind", path=target)  # cannot tell what it is
    if not stat.S_ISREG(info.st_mode):
        return t("export.refused_kind", path=target)
    if reads_as_session(target):
        return t("export.refused_session", path=target)
    if is_lock_file(target):
        return t("export.refused_lock", path=target)
    return None


def export_refusal(
    target: Path | str, *, source: Path | str | None = None, force: bool = False
) -> str | None:
    """Why an export may not be written at ``target`` now, or None: :func:`protected`,
    and without ``force`` any file that is there at all (the command line's
    ``--force``, the dialog's "Overschrijven")."""
    reason = protected(target, source)
    if reason is not None or force:
        return reason
    if os.path.lexists(target):
        return t("export.refused_exists", path=target)
    return None


def _link_new(temp: Path, target: Path) -> None:
    """``temp`` at ``target``, where nothing may be (a hard link refuses what came
    meanwhile; without hard links, a rename after a last look)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise FileExistsError(
            errno.EEXIST, t("export.refused_exists", path=target), str(target)
        ) from None
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(
                errno.EEXIST, t("export.refused_exists", path=target), str(target)
            ) from None
        os.replace(temp, target)


def write_export(
    target: Path | str, text: str, *, source: Path | str | None = None, force: bool = False
) -> Path:
    """Write ``text`` (UTF-8) at ``target`` if :func:`export_refusal` allows it: whole
    or not at all. Raises :class:`FileExistsError` (with the reason) when refused,
    another OSError when it cannot be written."""
    target = Path(target)
    reason = export_refusal(target, source=source, force=force)
    if reason is not None:
        raise FileExistsError(errno.EEXIST, reason, str(target))
    temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(
        temp,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | safefile.O_NOFOLLOW | safefile.O_CLOEXEC,
        safefile.FILE_MODE,
    )
    try:
        try:
            view = memoryview(text.encode("utf-8", "replace"))
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if force:
            os.replace(temp, target)  # a link at target is replaced, never written through
        else:
            _link_new(temp, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    return target
