"""How the room learns where participants join (#18): a small note beside the session.

The join server runs inside the trainer's app; the room is another process that only
reads the session file. While the server runs, the trainer's app keeps a note next to
the session, ``.NAME.join.json`` (hidden, ``0600``, written whole and renamed into
place), with the page's address, its token-less address and the short code; it removes
the note when the server stops. The room shows what the note says, and nothing at all
when the note is missing, not the user's own, readable or writable by others, too big,
or not what the app writes; nor while the trainer's app is gone (its lock left by a
killed process: the note it left names a server that is no more). The note is not the
record: the session file never holds the token.

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from samen_tui.safefile import owned_and_private, read_regular

LIMIT = 4096
"""Bytes a note may have; the app writes about 200."""
CODE = re.compile(r"[A-Z0-9]{4,12}")
URL = re.compile(r"http://[A-Za-z0-9.:\[\]-]{1,100}/[A-Za-z0-9/_-]{0,200}")


@dataclass(frozen=True)
class JoinNote:
    url: str
    """The participants' page with its token (what the QR code holds)."""
    short_url: str
    """The address without the token, where the code is asked for."""
    code: str


def note_path(session: Path) -> Path:
    """Where the note of ``session`` lives: beside it, hidden."""
    return session.with_name(f".{session.stem}.join.json")


def write_note(session: Path, note: JoinNote) -> bool:
    """Put the note beside ``session`` (``0600``, atomically); False if the folder
    would not take it (the room then shows no address; the app runs on)."""
    target = note_path(session)
    data = json.dumps(
        {"url": note.url, "short_url": note.short_url, "code": note.code}, ensure_ascii=True
    ).encode("ascii")
    try:
        fd, temp = tempfile.mkstemp(prefix=".join-", dir=target.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    return True


def remove_note(session: Path) -> None:
    """The server stopped: no note any more (never raises)."""
    with contextlib.suppress(OSError):
        note_path(session).unlink()


def read_note(session: Path) -> JoinNote | None:
    """The note beside ``session`` if it is the user's own, private and well formed."""
    try:
        data, info = read_regular(note_path(session), LIMIT, follow=False)
    except OSError:
        return None
    if not owned_and_private(info) or info.st_mode & 0o044:
        return None
    try:
        fields = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(fields, dict):
        return None
    url, short_url, code = (fields.get(k) for k in ("url", "short_url", "code"))
    if not (isinstance(url, str) and isinstance(short_url, str) and isinstance(code, str)):
        return None
    if not (URL.fullmatch(url) and URL.fullmatch(short_url) and CODE.fullmatch(code)):
        return None
    return JoinNote(url, short_url, code)
