"""Session files on disk: text, atomic saving, careful reading, safe names, listing.

One TOML file per session (see DESIGN.md, "Saving: nothing is ever lost"):

* :func:`save_session` writes a temporary file in the same folder, fsyncs it, keeps
  the previous version as ``<name>.bak`` and renames the new one into place, so at
  any moment the session file is either the old or the new complete version. Any
  failure raises :class:`SaveError` (a Dutch message naming the file and the reason)
  and leaves the file on disk as it was; the caller keeps the session in memory.
  A file that is not a readable session (for instance one written by a newer
  version) is never overwritten.
* :func:`load_session` reads a file and raises :class:`SessionReadError` with a
  Dutch reason for everything that can be wrong with it.
* :class:`SessionStore` is one sessions folder: new file names, listing (optionally
  through the cache in :mod:`samen_tui.session.index`), loading and saving.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import secrets
import stat
import time
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, get_type_hints

import tomli_w

from samen_tui.i18n import language, t
from samen_tui.session.lock import pid_alive
from samen_tui.session.model import SCHEMA, NewerSchemaError, Session, SessionFormatError, now

if TYPE_CHECKING:
    from samen_tui.session.index import SessionIndex

MAX_SIZE = 5 * 1024 * 1024
"""Session files bigger than this are refused (read) and not written (save)."""

SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
MAX_SLUG = 50
"""Longest title part of a file name: ``YYYY-MM-DD-<slug>[-N].toml`` stays under 80."""

_BOM = b"\xef\xbb\xbf"
_O_BINARY: int = getattr(os, "O_BINARY", 0)
_O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)


# --------------------------------------------------------------------------- errors


class SessionReadError(ValueError):
    """A session file (or text) that cannot be read; ``reason`` is a Dutch sentence.

    A ValueError, like the errors of parsing, for callers that catch those."""

    def __init__(
        self, path: Path | None, reason: str, *, newer: bool = False, schema: int | None = None
    ) -> None:
        self.path = path
        self.reason = reason
        self.newer = newer
        """True when the file was written by a newer version (``schema`` is its number)."""
        self.schema = schema
        if path is None:
            message = t("session.read_error_text", reason=reason)
        else:
            message = t("session.read_error", path=path, reason=reason)
        super().__init__(message)


class SaveError(OSError):
    """Saving failed; the file on disk is unchanged. ``str(error)`` is the Dutch message
    (naming the file and the reason, ``reason`` alone is the short Dutch reason).

    An OSError, so callers that catch OSError around a save see it too."""

    def __init__(self, path: Path, reason: str, *, code: int | None = None) -> None:
        self.path = path
        self.reason = reason
        super().__init__(t("session.save_error", path=path, reason=reason))
        self.errno = code  # the operating system's error number, when one was the cause


_ERRNO_KEYS: dict[int, str] = {
    errno.ENOSPC: "session.os.no_space",
    errno.EROFS: "session.os.read_only",
    errno.EACCES: "session.os.permission",
    errno.EPERM: "session.os.permission",
    errno.ENOENT: "session.os.missing",
    errno.ENOTDIR: "session.os.not_a_directory",
    errno.EISDIR: "session.os.is_directory",
    errno.ENAMETOOLONG: "session.os.name_too_long",
    errno.EIO: "session.os.io",
    errno.EBUSY: "session.os.busy",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_KEYS[errno.EDQUOT] = "session.os.quota"
if hasattr(errno, "ETXTBSY"):
    _ERRNO_KEYS[errno.ETXTBSY] = "session.os.busy"

_CLASS_KEYS: tuple[tuple[type[OSError], str], ...] = (
    (PermissionError, "session.os.permission"),
    (FileNotFoundError, "session.os.missing"),
    (IsADirectoryError, "session.os.is_directory"),
    (NotADirectoryError, "session.os.not_a_directory"),
)


def describe_os_error(exc: OSError) -> str:
    """A short Dutch reason for an operating-system error."""
    key = _ERRNO_KEYS.get(exc.errno) if exc.errno is not None else None
    if key is None:
        key = next((k for cls, k in _CLASS_KEYS if isinstance(exc, cls)), None)
    if key is not None:
        return t(key)
    return t("session.os.other", error=exc.strerror or str(exc) or type(exc).__name__)


def format_size(size: int) -> str:
    """``5,0 MiB`` (Dutch decimal comma) or ``5.0 MiB``."""
    text = f"{size / (1024 * 1024):.1f} MiB"
    return text.replace(".", ",") if language() == "nl" else text


# --------------------------------------------------------------------------- text


def _has_crlf(value: Any) -> bool:
    if isinstance(value, str):
        return "\r\n" in value
    if isinstance(value, dict):
        return any(_has_crlf(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_crlf(v) for v in value)
    return False


def dumps_session(session: Session) -> str:
    """The session as TOML text: stable key order, multi-line strings for readable diffs.

    tomli_w turns ``\\r\\n`` inside a multi-line string into ``\\n``; a session holding
    such text is written with escaped one-line strings instead, so nothing changes.
    """
    return dumps_data(session.to_dict())


def dumps_data(data: dict[str, Any]) -> str:
    """TOML text of a session snapshot (``Session.to_dict``), as :func:`dumps_session`."""
    return tomli_w.dumps(data, multiline_strings=not _has_crlf(data))


def loads_session(text: str, path: Path | None = None) -> Session:
    """Parse TOML text into a session; raise :class:`SessionReadError` with a Dutch reason."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SessionReadError(path, t("session.reason.empty"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SessionReadError(path, _toml_reason(exc)) from None
    except RecursionError:
        raise SessionReadError(path, t("session.reason.too_deep")) from None
    try:
        return Session.from_dict(data)
    except NewerSchemaError:
        found = data.get("schema")
        raise SessionReadError(
            path,
            t("session.reason.newer", found=found, known=SCHEMA),
            newer=True,
            schema=found if isinstance(found, int) else None,
        ) from None
    except SessionFormatError as exc:
        raise SessionReadError(path, t("session.reason.format", detail=exc)) from None
    except RecursionError:
        raise SessionReadError(path, t("session.reason.too_deep")) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # pragma: no cover
        # Session.from_dict reports problems as SessionFormatError; this is a safety net
        raise SessionReadError(path, t("session.reason.format", detail=exc)) from None


_TOML_POS = re.compile(r"^(?P<detail>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    match = _TOML_POS.match(message)
    if match:
        return t(
            "session.reason.toml",
            line=match["line"],
            col=match["col"],
            detail=match["detail"],
        )
    if message.endswith("(at end of document)"):
        detail = message.removesuffix("(at end of document)").strip()
        return t("session.reason.toml_end", detail=detail)
    return t("session.reason.toml_nopos", detail=message)


def _decode_bytes(raw: bytes, path: Path | None) -> str:
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SessionReadError(path, t("session.reason.not_utf8", line=line, col=col)) from None


def _encode_text(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # lone surrogates (from a broken paste) cannot be stored: pairs are joined,
        # what is left becomes U+FFFD, rather than losing the whole save
        fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return fixed.encode("utf-8")


# --------------------------------------------------------------------------- reading


def _check_kind(path: Path) -> None:
    """Refuse folders, devices, pipes and symlinks that point out of the folder."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise SessionReadError(path, describe_os_error(exc)) from None
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve(strict=True)
            folder = path.absolute().parent.resolve(strict=True)
        except (OSError, RuntimeError):
            raise SessionReadError(path, t("session.reason.symlink_broken")) from None
        if not target.is_relative_to(folder):
            raise SessionReadError(path, t("session.reason.symlink_outside"))
        try:
            st = os.stat(target)
        except OSError as exc:
            raise SessionReadError(path, describe_os_error(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise SessionReadError(path, t("session.reason.directory"))
    if not stat.S_ISREG(st.st_mode):
        raise SessionReadError(path, t("session.reason.not_regular"))


def _too_big(path: Path, size: int) -> SessionReadError:
    return SessionReadError(
        path,
        t("session.reason.too_big", size=format_size(size), limit=format_size(MAX_SIZE)),
    )


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular session file (at most MAX_SIZE) and its status."""
    _check_kind(path)
    try:
        # O_NONBLOCK: a pipe swapped in after the check must not hang the listing
        fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_CLOEXEC | _O_NONBLOCK)
    except OSError as exc:
        raise SessionReadError(path, describe_os_error(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SessionReadError(path, t("session.reason.directory"))
        if not stat.S_ISREG(st.st_mode):
            raise SessionReadError(path, t("session.reason.not_regular"))
        if st.st_size > MAX_SIZE:
            raise _too_big(path, st.st_size)
        chunks: list[bytes] = []
        remaining = MAX_SIZE + 1  # the file may grow after fstat: never read more
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise SessionReadError(path, describe_os_error(exc)) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_SIZE:
        raise _too_big(path, len(raw))
    return raw, st


def read_session(path: Path) -> tuple[Session, os.stat_result]:
    """Load a session and the status of the file it came from (for caches)."""
    raw, st = _read_bytes(path)
    return loads_session(_decode_bytes(raw, path), path), st


def load_session(path: Path | str) -> Session:
    """Read a session file; raise :class:`SessionReadError` with a Dutch reason."""
    path = Path(path)
    session, st = read_session(path)
    if not path.is_symlink():
        # a readable session of this version: saving over it needs no second look
        _verified[os.path.abspath(path)] = _identity(st)
    return session


# --------------------------------------------------------------------------- saving

_verified: dict[str, tuple[int, int, int, int]] = {}
"""Per absolute path: (dev, inode, size, mtime_ns) of the file this process last wrote
there or checked to be a readable session; a file still matching is not re-read."""

_swept: set[str] = set()
"""Paths whose leftover temporary files (of dead processes) were already removed."""

TEMP_MAX_AGE = 60.0
"""Temporary files of dead processes older than this (seconds) are removed."""


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


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
    if _verified.get(key) == _identity(st):
        return
    try:
        _session, st = read_session(path)
    except SessionReadError as exc:
        if exc.newer:
            raise SaveError(path, t("session.save_refused_newer", found=exc.schema)) from None
        raise SaveError(path, t("session.save_refused_unreadable", reason=exc.reason)) from None
    _verified[key] = _identity(st)


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
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_CLOEXEC)
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
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_CLOEXEC, 0o666)
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


def save_session(session: Session, path: Path | str) -> None:
    """Save atomically; raise :class:`SaveError` and leave the file untouched on failure."""
    save_data(session.to_dict(), path)


def save_data(snapshot: dict[str, Any], path: Path | str) -> None:
    """Save a session snapshot (``Session.to_dict``) atomically, as :func:`save_session`:
    the autosave thread writes the snapshot the UI thread took, without rebuilding it."""
    path = Path(path)
    key = os.path.abspath(path)
    data = _encode_text(dumps_data(snapshot))
    if len(data) > MAX_SIZE:
        raise SaveError(
            path,
            t("session.save_too_big", size=format_size(len(data)), limit=format_size(MAX_SIZE)),
        )
    _check_target(path, key)
    if key not in _swept:
        _sweep_temps(path)
        _swept.add(key)
    temp = _temp_name(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_CLOEXEC, 0o666)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        _backup(path)
        os.replace(temp, path)
    except OSError as exc:
        _unlink_quietly(temp)
        _verified.pop(key, None)
        raise SaveError(path, describe_os_error(exc), code=exc.errno) from None
    _fsync_dir(path.parent)
    # a rename keeps size and mtime: what is at ``path`` now is what we wrote
    _verified[key] = _identity(written)


# --------------------------------------------------------------------------- names

_TRANSLIT = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
DEFAULT_NAME = "sessie"


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """Lowercase ASCII letters, digits and single hyphens: ``Gemeente Ütrecht`` ->
    ``gemeente-utrecht``. May be empty."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    slug = _NOT_SLUG.sub("-", text.translate(_TRANSLIT)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def session_filename(session: Session) -> str:
    """A safe file name from the start date and title: ``2026-11-28-gemeente-utrecht.toml``.

    Only ``[a-z0-9-]`` before ``.toml``, at most 66 characters, never empty, never a
    name Windows reserves. Without a start time today's date is used.
    """
    started = session.started or now()
    day = f"{started.year:04d}-{started.month:02d}-{started.day:02d}"
    slug = slugify(session.title) or slugify(session.workshop) or DEFAULT_NAME
    stem = f"{day}-{slug}"
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:  # pragma: no cover - dates prevent it
        stem = f"{stem}-{DEFAULT_NAME}"
    return stem + SUFFIX


def unique_path(directory: Path, session: Session) -> Path:
    """``directory/session_filename(session)``, with ``-2``, ``-3``... if that is taken."""
    name = session_filename(session)
    stem = name[: -len(SUFFIX)]
    candidate = directory / name
    number = 1
    while os.path.lexists(candidate) or os.path.lexists(
        candidate.with_name(candidate.name + BACKUP_SUFFIX)
    ):
        number += 1
        candidate = directory / f"{stem}-{number}{SUFFIX}"
    return candidate


# --------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class SessionSummary:
    """What the review table shows of one session file."""

    path: Path
    size: int
    mtime: float
    workshop: str
    title: str
    place: str
    trainer: str
    started: dt.datetime | None
    ended: dt.datetime | None
    participants: int
    steps_done: int
    """The number of steps with something captured (non-empty records)."""
    current: str
    complete: bool

    @property
    def name(self) -> str:
        return self.path.name

    @classmethod
    def of(cls, path: Path, session: Session, st: os.stat_result) -> SessionSummary:
        """The summary of a session read in full: what a quick look at its file gives."""
        return QuickLook(
            workshop=session.workshop,
            title=session.title,
            place=session.place,
            trainer=session.trainer,
            started=session.started,
            ended=session.ended,
            current=session.current,
            participants=len(session.participants),
            steps_done=sum(1 for rec in session.records.values() if not rec.is_empty()),
        ).summary(path, st)


@dataclass(frozen=True)
class Unreadable:
    """A file in the sessions folder that is not a readable session, and why (Dutch)."""

    path: Path
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


Listing = list[SessionSummary | Unreadable]


def is_session_name(name: str) -> bool:
    """Whether a name in the sessions folder is a session file (not a backup, lock or
    temporary file)."""
    return name.endswith(SUFFIX) and not name.startswith(".") and len(name) > len(SUFFIX)


def scan(directory: Path) -> Iterator[os.DirEntry[str]]:
    """The entries of the folder that look like session files. Raises OSError."""
    with os.scandir(directory) as entries:
        for entry in entries:
            if is_session_name(entry.name):
                yield entry


def summarize(path: Path) -> tuple[SessionSummary | Unreadable, os.stat_result | None]:
    """Read one file for the listing; never raises for a bad file."""
    try:
        session, st = read_session(path)
    except SessionReadError as exc:
        return Unreadable(path, exc.reason), None
    return SessionSummary.of(path, session, st), st


# A TOML table header at the start of a line, or any string (which may hold a line that
# looks like a header, and must be skipped): multi-line basic and literal strings first,
# then one-line ones. Comments cannot hold a newline, so they need no care.
_STRUCTURE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^']|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|^\[\[?(?P<header>[^\]\n]*)\]",
    re.MULTILINE,
)
_HEADER = re.compile(r"^\[\[?(?P<header>[^\]\n]*)\]", re.MULTILINE)
_RECORD_ID = re.compile(r'records\.(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_-]+))')


class QuickLook(NamedTuple):
    """What the listing shows of a session file, from its top-level keys and its table
    headers only (see :func:`quick_look`)."""

    workshop: str
    title: str
    place: str
    trainer: str
    started: dt.datetime | None
    ended: dt.datetime | None
    current: str
    participants: int
    steps_done: int

    def summary(self, path: Path, st: os.stat_result) -> SessionSummary:
        return SessionSummary(
            path=path,
            size=st.st_size,
            mtime=st.st_mtime,
            workshop=self.workshop,
            title=self.title,
            place=self.place,
            trainer=self.trainer,
            started=self.started,
            ended=self.ended,
            participants=self.participants,
            steps_done=self.steps_done,
            current=self.current,
            complete=self.ended is not None,
        )


# The top of a session file as tomli_w writes it: one ``key = value`` a line, the value a
# string without escapes, a date-time, a whole number or a boolean (blank lines and
# comments between them). Anything else there is left to tomllib.
_HEAD_LINE = re.compile(
    r"((?:[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?\n)*"
    r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    r'(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
    r"|(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?)"
    r"|(-?(?:0|[1-9]\d{0,17}))"
    r"|(true|false))"
    r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?(?:\r?\n|\Z))"
)
# An array at the top, as tomli_w writes it: one element a line, indented, with a comma.
_HEAD_ARRAY = re.compile(r"^([A-Za-z0-9_-]+) = \[\r?\n((?:    [^\n]*\n)*?)\]\r?\n", re.MULTILINE)
_ARRAY_ELEMENTS = {
    "participants": re.compile(r"(?:    \{[^\n]*\},\r?\n)*"),
    "steps": re.compile(r'(?:    "[^"\\\n]*",\r?\n)*'),
}
"""The arrays the quick look takes at the top of a file: one inline table a line for
each participant (counted; what is in them is checked by the full read later), one
plain string a line for the step ids (not needed for the listing)."""
# Without multi-line strings, the table headers that count: participants and records.
_PARTICIPANT = "\n[[participants]"
_RECORD_HEADER = re.compile(r'\n\[records\.("(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_-]+)')


@cache
def _head_kinds() -> dict[str, type]:
    """The top-level keys of a session that hold one plain value, and its type."""
    hints = get_type_hints(Session)
    kinds: dict[str, type] = {}
    for name, hint in hints.items():
        if hint in (str, int, bool):
            kinds[name] = hint
        elif hint == (dt.datetime | None):
            kinds[name] = dt.datetime
    return kinds


def _fast_head(head: str) -> dict[str, Any] | None:
    """The top-level values of a session, when every line of ``head`` is a plain
    ``key = value`` of the right type (see ``_HEAD_LINE``), or one of the arrays
    tomli_w writes there, an element a line (``_HEAD_ARRAY``: the participants are
    counted, the step ids skipped); None: let tomllib read it. Raises ValueError for
    a date that does not exist."""
    kinds = _head_kinds()
    values: dict[str, Any] = {}
    if "[\n" in head or "[\r\n" in head:
        arrays = _HEAD_ARRAY.findall(head)
        for key, elements in arrays:
            element = _ARRAY_ELEMENTS.get(key)
            if element is None or key in values or not element.fullmatch(elements):
                return None  # tomllib and the model decide
            values[key] = elements.count("\n")
        head = _HEAD_ARRAY.sub("", head)
    covered = 0
    for whole, key, text, moment, number, flag in _HEAD_LINE.findall(head):
        covered += len(whole)
        kind = kinds.get(key)
        if kind is None or key in values:
            return None  # an unknown or repeated key: tomllib and the model decide
        if kind is str and not (moment or number or flag):
            values[key] = text  # the one value that can be empty: ""
        elif kind is dt.datetime and moment:
            values[key] = dt.datetime.fromisoformat(moment)
        elif kind is int and number:
            values[key] = int(number)
        elif kind is bool and flag:
            values[key] = flag == "true"
        else:
            return None
    # the lines matched one after the other, and nothing but blank space is left
    if head[covered:].strip(" \t\r\n"):
        return None
    schema = values.get("schema")
    if schema is None or schema > SCHEMA:
        return None
    return values


def quick_look(raw: bytes) -> QuickLook | None:
    """The listing's view of a session file from its top-level keys and table headers
    only, without decoding every record; None when this quick look cannot tell (the
    file must be read in full: :func:`summarize`). A file that passes here may still
    be broken further down: a full read later tells."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    records: set[str] = set()
    people = 0
    head: dict[str, Any] | None = None
    multi_line = '"""' in text or "'''" in text
    if multi_line or text.startswith("["):
        # a multi-line string may hold a line that looks like a table header
        pattern = _STRUCTURE if multi_line else _HEADER
        headers = [(m.start(), m.group()) for m in pattern.finditer(text) if m.group("header")]
        # m.group() is the header up to its first "]": "[[participants" or "[records.x"
        head_end = headers[0][0] if headers else len(text)
        for _start, found in headers:
            if found == "[[participants]":
                people += 1
            elif found.startswith("[records."):
                record = _RECORD_ID.match(found[1:])
                if record is not None:
                    records.add(record.group(1) or record.group(2))
        top = text[:head_end]
        if '"""' not in top and "'''" not in top:  # the notes are further down
            try:
                head = _fast_head(top)
            except ValueError:
                head = None
    else:
        # no line can start inside a string: the headers are the lines starting with "["
        first = text.find("\n[")
        head_end = first + 1 if first >= 0 else len(text)
        people = text.count(_PARTICIPANT, head_end - 1)
        records = set(_RECORD_HEADER.findall(text, head_end - 1))
        if '[records."' in text:  # "a" and a are one key
            records = {r[1:-1] if r.startswith('"') else r for r in records}
        try:
            head = _fast_head(text[:head_end])
        except ValueError:  # a date that does not exist: tomllib says why
            head = None
    if head is None:
        try:
            session = Session.from_dict(tomllib.loads(text[:head_end]))
        except (tomllib.TOMLDecodeError, SessionFormatError, ValueError, TypeError, RecursionError):
            return None
        return QuickLook(
            session.workshop,
            session.title,
            session.place,
            session.trainer,
            session.started,
            session.ended,
            session.current,
            len(session.participants) + people,
            len(records),
        )
    return QuickLook(
        head.get("workshop", ""),
        head.get("title", ""),
        head.get("place", ""),
        head.get("trainer", ""),
        head.get("started"),
        head.get("ended"),
        head.get("current", ""),
        people + head.get("participants", 0),
        len(records),
    )


def _read_plain(path: Path | str) -> tuple[bytes, os.stat_result] | None:
    """The bytes of a file the folder listing found to be a regular file (not a link),
    read with as few system calls as can be; None when it is anything else now (it
    was replaced meanwhile, or it is too big): :func:`_read_bytes` then looks closely.
    Where links cannot be refused on opening, always None."""
    if not _O_NOFOLLOW:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_CLOEXEC | _O_NONBLOCK | _O_NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_SIZE:
            return None
        raw = os.read(fd, st.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return (raw, st) if len(raw) == st.st_size else None


def quick_read(path: Path | str, plain: bool = False) -> tuple[QuickLook, os.stat_result] | None:
    """:func:`quick_look` of a file, with the status of the file it read; None when the
    file must be read in full (:func:`summarize`). ``plain``: the folder listing saw a
    regular file, not a link (it is opened without following links, fewer checks)."""
    found = _read_plain(path) if plain else None
    if found is None:
        try:
            found = _read_bytes(Path(path))
        except SessionReadError:
            return None
    raw, st = found
    look = quick_look(raw)
    return (look, st) if look is not None else None


def quick_summarize(
    path: Path, plain: bool = False
) -> tuple[SessionSummary | None, os.stat_result | None]:
    """The listing's summary of one file from a quick look (:func:`quick_read`):
    ``(None, None)`` when the quick look cannot tell and the file must be read in
    full (:func:`summarize`)."""
    found = quick_read(path, plain)
    if found is None:
        return None, None
    look, st = found
    return look.summary(path, st), st


def list_sessions(directory: Path) -> Listing:
    """Every session file in the folder, readable or not, by name. Changes no file."""
    try:
        entries = sorted(scan(directory), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [
            Unreadable(
                directory, t("session.reason.folder_unreadable", reason=describe_os_error(exc))
            )
        ]
    return [summarize(Path(entry.path))[0] for entry in entries]


class SessionStore:
    """One sessions folder."""

    def __init__(self, directory: Path | str, index: SessionIndex | None = None) -> None:
        self._directory = Path(directory)
        self.index = index

    @property
    def directory(self) -> Path:
        return self._directory

    def path_of(self, path: Path | str) -> Path:
        """A path as given, or a bare name taken inside this folder."""
        path = Path(path)
        return path if path.is_absolute() or path.parent != Path() else self._directory / path

    def new_path(self, session: Session) -> Path:
        """Where a new session goes; creates the folder. Raises :class:`SaveError`."""
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(self._directory, describe_os_error(exc), code=exc.errno) from None
        return unique_path(self._directory, session)

    def list(self) -> Listing:
        """Summaries of every session file (unreadable ones with their reason)."""
        if self.index is not None:
            return self.index.summaries(self._directory)
        return list_sessions(self._directory)

    def load(self, path: Path | str) -> Session:
        return load_session(self.path_of(path))

    def save(self, session: Session, path: Path | str) -> None:
        save_session(session, self.path_of(path))
