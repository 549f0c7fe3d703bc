"""Shared bits of the reliability tests: quick or full counts, the counts summary, hashes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

FULL = os.environ.get("SAMEN_RELIABILITY_FULL", "") not in ("", "0")
"""Full mode: the big counts (``SAMEN_RELIABILITY_FULL=1``); otherwise a quick CI run."""

COUNTS: dict[str, list[str]] = {}
"""Lines for the "reliability counts" section at the end of the run (see conftest.py)."""


def count(ci: int, full: int, env: str | None = None) -> int:
    """How many cases: ``ci`` normally, ``full`` with SAMEN_RELIABILITY_FULL=1, or the
    number in the environment variable ``env`` when it is set."""
    if env and os.environ.get(env):
        return int(os.environ[env])
    return full if FULL else ci


def report(test: str, line: str) -> None:
    """Keep a line for the summary at the end of the run (and print it for ``-s``)."""
    COUNTS.setdefault(test, []).append(line)
    print(f"[{test}] {line}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(folder: Path) -> dict[str, str]:
    """What every entry of a folder is, without following links: a file's sha256, a link's
    target, a folder's marker. Equal before and after means nothing was changed."""
    result: dict[str, str] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            result[entry.name] = "link -> " + os.readlink(entry)
        elif entry.is_dir():
            result[entry.name] = "dir: " + repr(fingerprint(entry))
        elif entry.is_file():
            result[entry.name] = sha256(entry)
        else:
            result[entry.name] = "special"
    return result


def new_session_file(
    folder: Path,
    title: str = "Betrouwbaarheid",
    participants: tuple[str, ...] = ("Anna de Vries",),
    current: str = "wie-is-er",
) -> Path:
    """A saved session of the default workshop, as the app would have written it."""
    from samen_tui import paths
    from samen_tui.session.model import Participant, Session, new_id, now
    from samen_tui.session.store import SessionStore
    from samen_tui.workshop.catalog import resolve_workshop

    workshop = resolve_workshop("samen-ouder-worden", paths.workshop_dirs())
    session = Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title=title,
        language=workshop.meta.language,
        started=now(),
        current=current,
        participants=[Participant(id=new_id("p"), name=name) for name in participants],
    )
    store = SessionStore(folder)
    path = store.new_path(session)
    store.save(session, path)
    return path


def names_in(path: Path) -> list[str]:
    from samen_tui.session.store import load_session

    return [p.name for p in load_session(path).participants]


def messages(app: object) -> list[str]:
    """The notifications the app shows now."""
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]
