"""Reading session files: the TOML text of a session both ways, and the careful
reading of a file (what kind of file it is, how big, its encoding) that tells
everything wrong with it as :class:`~samen_tui.session.errors.SessionReadError`
with a Dutch reason.

:func:`load_session` also remembers the file it read (:data:`verified`): saving over
a file that is still the one read needs no second look (see ``saving``).

This module never imports textual.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from samen_tui.i18n import t
from samen_tui.session.errors import SessionReadError, describe_os_error, format_size
from samen_tui.session.model import SCHEMA, NewerSchemaError, Session, SessionFormatError

MAX_SIZE = 5 * 1024 * 1024
"""Session files bigger than this are refused (read) and not written (save)."""

_BOM = b"\xef\xbb\xbf"
O_BINARY: int = getattr(os, "O_BINARY", 0)
O_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)

verified: dict[str, tuple[int, int, int, int]] = {}
"""Per absolute path: (dev, inode, size, mtime_ns) of the file this process last wrote
there or checked to be a readable session; a file still matching is not re-read."""


def identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What :data:`verified` keeps of a file's status."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


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
        raise SessionReadError(path, _format_reason(text, exc)) from None
    except RecursionError:
        raise SessionReadError(path, t("session.reason.too_deep")) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # pragma: no cover
        # Session.from_dict reports problems as SessionFormatError; this is a safety net
        raise SessionReadError(path, t("session.reason.format", detail=exc)) from None


_KEY_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def key_path(dotted: str) -> tuple[str | int, ...]:
    """``records.acties.actions[0].when`` as the key path the position scanner uses."""
    return tuple(int(index) if index else name for index, name in _KEY_PART.findall(dotted))


def _format_reason(text: str, exc: SessionFormatError) -> str:
    """Why a session is not valid, with the line and column of the key at fault
    (the text is scanned for them only now, when something is wrong)."""
    if not exc.key:
        return t("session.reason.format", detail=exc)
    from samen_tui.workshop.positions import scan

    try:
        path = key_path(exc.key)
        line, col = scan(text.replace("\r\n", "\n"), until=path).value(path)
    except (RecursionError, ValueError, IndexError):  # pragma: no cover - the scan is lenient
        return t("session.reason.format", detail=exc)
    return t("session.reason.format_at", line=line, col=col, detail=exc)


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


def decode_bytes(raw: bytes, path: Path | None) -> str:
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SessionReadError(path, t("session.reason.not_utf8", line=line, col=col)) from None


def encode_text(text: str) -> bytes:
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


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular session file (at most MAX_SIZE) and its status."""
    _check_kind(path)
    try:
        # O_NONBLOCK: a pipe swapped in after the check must not hang the listing
        fd = os.open(path, os.O_RDONLY | O_BINARY | O_CLOEXEC | _O_NONBLOCK)
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
    raw, st = read_bytes(path)
    return loads_session(decode_bytes(raw, path), path), st


def load_session(path: Path | str) -> Session:
    """Read a session file; raise :class:`SessionReadError` with a Dutch reason."""
    path = Path(path)
    session, st = read_session(path)
    if not path.is_symlink():
        # a readable session of this version: saving over it needs no second look
        verified[os.path.abspath(path)] = identity(st)
    return session


def read_plain(path: Path | str) -> tuple[bytes, os.stat_result] | None:
    """The bytes of a file the folder listing found to be a regular file (not a link),
    read with as few system calls as can be; None when it is anything else now (it
    was replaced meanwhile, or it is too big): :func:`read_bytes` then looks closely.
    Where links cannot be refused on opening, always None."""
    if not _O_NOFOLLOW:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | O_BINARY | O_CLOEXEC | _O_NONBLOCK | _O_NOFOLLOW)
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
