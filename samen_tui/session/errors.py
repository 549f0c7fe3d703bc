"""What can go wrong with a session file, in Dutch: reading it, saving it, and the
short reasons the operating system's errors are told with.

This module never imports textual.
"""

from __future__ import annotations

import errno
from pathlib import Path

from samen_tui.i18n import language, t


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
