"""#21 items 5, 12 and 13 at the summary cache (the review index):

* never written through a symlink, never waiting on a pipe: what is at its path that
  is no regular file of the user's own is replaced (atomically, as a name);
* every row is checked (types, ranges, names) when the cache is opened: a crafted or
  damaged row makes the cache anew instead of reaching the review;
* the cache file is ``0600`` in a ``0700`` folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from samen_tui.session import rows
from samen_tui.session.index import SessionIndex
from samen_tui.session.model import Participant, Session
from samen_tui.session.store import SessionSummary, Unreadable, dumps_session, list_sessions

POSIX = os.name == "posix"


def make_session(n: int) -> Session:
    return Session(
        workshop="samen-ouder-worden",
        title=f"Sessie {n}",
        started=dt.datetime(2026, 1, 1, 9, 0) + dt.timedelta(days=n),
        participants=[Participant(id=f"p{i}", name=f"D{i}") for i in range(n % 3)],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessies"
    path.mkdir()
    for n in range(6):
        (path / f"sessie-{n}.toml").write_text(dumps_session(make_session(n)), "utf-8")
    (path / "kapot.toml").write_text("schema = 1\ntitle = [\n", "utf-8")
    return path


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "index.sqlite3"


def truth(folder: Path) -> list[SessionSummary | Unreadable]:
    return list_sessions(folder)


def listed(cache_file: Path, folder: Path) -> tuple[list[Any], SessionIndex]:
    index = SessionIndex(cache_file)
    try:
        return index.summaries(folder), index
    finally:
        index.close()


def in_time(call: Any, seconds: float = 10.0) -> Any:
    result: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: result.update(value=call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the call hung"
    return result["value"]


# --------------------------------------------------------------------------- crafted rows


def craft(cache_file: Path, change: str) -> None:
    """Change a row of the cache as a crafted file could: the table made anew with the
    same columns in the same order but no declared types (so SQLite keeps whatever it
    is given, as it does in a file made by hand), the rows copied, then ``change``.
    The database stays one that passes ``quick_check``, of this version."""
    with sqlite3.connect(cache_file) as conn:
        columns = ", ".join(rows.COLUMNS)
        conn.execute("ALTER TABLE files RENAME TO old")
        conn.execute(f"CREATE TABLE files ({columns})")
        conn.execute(f"INSERT INTO files SELECT {columns} FROM old")
        conn.execute("DROP TABLE old")
        conn.execute(change)
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == rows.USER_VERSION


CRAFTED = [
    ("title", "3"),
    ("participants", "'veel'"),
    ("participants", "-1"),
    ("start_stamp", "1e300"),
    ("start_stamp", "'gisteren'"),
    ("start_offset", "999999"),
    ("complete", "7"),
    ("steps_done", "2.5"),
    ("file_mtime", "'x'"),
    ("file_size", "NULL"),
    ("reason", "42"),
    ("workshop", "x'00ff'"),
    ("current", "NULL"),
    ("verified", "3"),
]


@pytest.mark.parametrize(("column", "value"), CRAFTED, ids=[f"{c}={v}" for c, v in CRAFTED])
def test_a_crafted_row_makes_the_cache_anew(
    folder: Path, cache_file: Path, column: str, value: str
) -> None:
    """#21 item 12: wrong-typed values passed ``quick_check`` and crashed the review
    and the start screen at every start."""
    first, _ = listed(cache_file, folder)
    assert first == truth(folder)
    craft(cache_file, f"UPDATE files SET {column} = {value} WHERE name = 'sessie-2.toml'")
    again, index = listed(cache_file, folder)
    assert again == truth(folder)
    assert index.rebuilt == 1
    for item in again:  # the review's types, every one
        if isinstance(item, SessionSummary):
            assert isinstance(item.title, str) and isinstance(item.participants, int)
            assert item.started is not None


def test_a_crafted_name_never_leaves_the_folder(folder: Path, cache_file: Path) -> None:
    listed(cache_file, folder)
    craft(
        cache_file, "UPDATE files SET name = '../../etc/passwd.toml' WHERE name = 'sessie-1.toml'"
    )
    again, index = listed(cache_file, folder)
    assert again == truth(folder) and index.rebuilt == 1


def test_what_a_listing_writes_is_always_valid(folder: Path, cache_file: Path) -> None:
    """The check never throws away a cache the app wrote itself."""
    odd = Session(
        workshop="w",
        title="",
        started=dt.datetime(1900, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=23))),
        ended=dt.datetime(2200, 12, 31, 23, 59, tzinfo=dt.timezone(-dt.timedelta(hours=23))),
    )
    (folder / "rand.toml").write_text(dumps_session(odd), "utf-8")
    (folder / "geen-start.toml").write_text("schema = 1\n", "utf-8")
    for quick in (True, False):
        index = SessionIndex(cache_file)
        index.summaries(folder, quick=quick)
        index.verify(folder)
        index.close()
        with sqlite3.connect(cache_file) as conn:
            assert conn.execute(rows.INVALID).fetchone() is None
        again, reopened = listed(cache_file, folder)
        assert reopened.rebuilt == 0 and again == truth(folder)


# --------------------------------------------------------------------------- links, pipes


@pytest.mark.skipif(not POSIX, reason="symlinks")
@pytest.mark.parametrize("kind", ["empty-file", "file", "dangling"])
def test_a_symlinked_cache_never_writes_its_target(
    folder: Path, cache_file: Path, tmp_path: Path, kind: str
) -> None:
    """#21 item 5: the index as a symlink had its target overwritten (an empty file is
    a database to SQLite; a dangling link was made into one)."""
    target = tmp_path / "elders" / "doel"
    target.parent.mkdir()
    if kind == "empty-file":
        target.write_bytes(b"")
    elif kind == "file":
        target.write_bytes(b"belangrijk")
    cache_file.parent.mkdir(mode=0o700)
    cache_file.symlink_to(target)
    before = target.read_bytes() if target.exists() else None
    result, index = listed(cache_file, folder)
    assert result == truth(folder)
    assert (target.read_bytes() if target.exists() else None) == before
    assert not cache_file.is_symlink() and cache_file.is_file()
    assert not index.in_memory
    assert listed(cache_file, folder)[0] == truth(folder)  # and used from then on


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_a_symlinked_journal_is_never_written_through(
    folder: Path, cache_file: Path, tmp_path: Path
) -> None:
    listed(cache_file, folder)
    target = tmp_path / "doel"
    target.write_bytes(b"")
    journal = cache_file.with_name(cache_file.name + "-journal")
    journal.symlink_to(target)
    (folder / "nieuw.toml").write_text(dumps_session(make_session(9)), "utf-8")
    result, _ = listed(cache_file, folder)
    assert result == truth(folder)
    assert target.read_bytes() == b""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_at_the_cache_path_never_hangs(folder: Path, cache_file: Path) -> None:
    cache_file.parent.mkdir(mode=0o700)
    os.mkfifo(cache_file)
    result, _index = in_time(lambda: listed(cache_file, folder))
    assert result == truth(folder)
    assert stat.S_ISREG(os.lstat(cache_file).st_mode)


# --------------------------------------------------------------------------- private


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_the_cache_is_private(folder: Path, cache_file: Path) -> None:
    """#21 item 13: the index was made 0644 in a 0755 folder."""
    listed(cache_file, folder)
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_an_old_cache_others_could_read_becomes_private(folder: Path, cache_file: Path) -> None:
    listed(cache_file, folder)
    cache_file.chmod(0o644)
    cache_file.parent.chmod(0o777)
    result, index = listed(cache_file, folder)
    assert result == truth(folder) and index.rebuilt == 0
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file.parent.stat().st_mode) == 0o755


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_a_cache_folder_that_is_a_link_is_not_used(folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (tmp_path / "cache").symlink_to(elsewhere)
    result, index = listed(tmp_path / "cache" / "index.sqlite3", folder)
    assert result == truth(folder)
    assert index.in_memory
    assert list(elsewhere.iterdir()) == []
