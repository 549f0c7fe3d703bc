"""Names in the sessions folder: a session's safe file name, a free one, and which
names are session files at all (not a backup, a lock or a temporary file).

This module never imports textual.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from samen_tui.session.model import Session, now

SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
MAX_SLUG = 50
"""Longest title part of a file name: ``YYYY-MM-DD-<slug>[-N].toml`` stays under 80."""

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


def candidates(directory: Path, session: Session) -> Iterator[Path]:
    """``directory/session_filename(session)``, then the same with ``-2``, ``-3``...
    (without end: the caller stops)."""
    name = session_filename(session)
    stem = name[: -len(SUFFIX)]
    yield directory / name
    for number in itertools.count(2):
        yield directory / f"{stem}-{number}{SUFFIX}"


def taken(path: Path) -> bool:
    """Whether a session file, or its backup, is at ``path`` (anything there counts)."""
    return os.path.lexists(path) or os.path.lexists(path.with_name(path.name + BACKUP_SUFFIX))


def unique_path(directory: Path, session: Session) -> Path:
    """``directory/session_filename(session)``, with ``-2``, ``-3``... if that is taken.

    Only a look: another copy of the app may take the name before it is used.
    :meth:`samen_tui.session.store.SessionStore.create` takes a name under its lock."""
    return next(path for path in candidates(directory, session) if not taken(path))


def is_session_name(name: str) -> bool:
    """Whether a name in the sessions folder is a session file (not a backup, lock or
    temporary file)."""
    return name.endswith(SUFFIX) and not name.startswith(".") and len(name) > len(SUFFIX)
