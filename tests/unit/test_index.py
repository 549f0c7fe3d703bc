"""The summary cache: unchanged files are not read again; a damaged cache is rebuilt."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from samen_tui import paths
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session import listing as listing_module
from samen_tui.session.index import SessionIndex
from samen_tui.session.model import Participant, Session
from samen_tui.session.store import (
    SessionStore,
    SessionSummary,
    Unreadable,
    dumps_session,
    list_sessions,
    save_session,
)

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def make_session(n: int) -> Session:
    return Session(
        workshop="samen-ouder-worden",
        title=f"Sessie {n}",
        place="Utrecht",
        started=dt.datetime(2026, 1, 1, 9, 0) + dt.timedelta(days=n),
        participants=[Participant(id=f"p{i}", name=f"Deelnemer {i}") for i in range(n % 4)],
        records={"motieven": SortRecord(cards=[Card(id="c1", text="Solidariteit")])}
        if n % 2
        else {},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessies"
    path.mkdir()
    for n in range(20):
        (path / f"sessie-{n:02d}.toml").write_text(dumps_session(make_session(n)), "utf-8")
    (path / "kapot.toml").write_text("schema = 1\ntitle = [\n", "utf-8")
    return path


@pytest.fixture
def cache_file(samen_dirs: Any) -> Path:
    return paths.cache_dir() / "index.sqlite3"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every session file actually read (parsed) by the listing."""
    seen: list[Path] = []
    real = listing_module.read_session

    def counting(path: Path) -> Any:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(listing_module, "read_session", counting)
    return seen


def names(listing: list[SessionSummary | Unreadable]) -> list[str]:
    return [item.path.name for item in listing]


def test_second_listing_reads_nothing(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    index = SessionIndex(cache_file)
    first = index.summaries(folder)
    assert len(reads) == 21
    assert first == list_sessions(folder)  # the same as reading every file
    reads.clear()
    second = index.summaries(folder)
    assert reads == []
    assert second == first
    # a new process (new index object) uses the cache file too
    third = SessionIndex(cache_file).summaries(folder)
    assert reads == []
    assert third == first
    assert cache_file.is_file()
    unreadable = next(item for item in third if item.path.name == "kapot.toml")
    assert isinstance(unreadable, Unreadable) and "TOML-fout" in unreadable.reason


def test_changed_file_is_read_again(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    index = SessionIndex(cache_file)
    index.summaries(folder)
    reads.clear()
    changed = make_session(3)
    changed.title = "Nieuwe titel"
    save_session(changed, folder / "sessie-03.toml")
    # a broken file that gets repaired
    (folder / "kapot.toml").write_text(dumps_session(make_session(99)), "utf-8")
    reads.clear()  # (saving read the old file, to be sure it may be replaced)
    listing = index.summaries(folder)
    assert sorted(p.name for p in reads) == ["kapot.toml", "sessie-03.toml"]
    by_name = {item.path.name: item for item in listing}
    assert isinstance(by_name["sessie-03.toml"], SessionSummary)
    assert by_name["sessie-03.toml"].title == "Nieuwe titel"
    assert isinstance(by_name["kapot.toml"], SessionSummary)
    assert listing == list_sessions(folder)


def test_same_size_same_time_but_replaced_is_read_again(
    folder: Path, cache_file: Path, reads: list[Path]
) -> None:
    path = folder / "sessie-05.toml"
    index = SessionIndex(cache_file)
    index.summaries(folder)
    st = path.stat()
    other = dumps_session(make_session(5)).replace("Sessie 5", "Sessie X")
    assert len(other) == st.st_size
    temp = folder / ".vervanging"
    temp.write_text(other, "utf-8")
    os.utime(temp, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(temp, path)  # a new inode: an atomic save of the same size and time
    reads.clear()
    listing = index.summaries(folder)
    assert reads == [path]
    assert next(i for i in listing if i.path == path).title == "Sessie X"  # type: ignore[union-attr]


def test_deleted_file_is_dropped(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    index = SessionIndex(cache_file)
    index.summaries(folder)
    (folder / "sessie-07.toml").unlink()
    (folder / "kapot.toml").unlink()
    reads.clear()
    listing = index.summaries(folder)
    assert reads == []
    assert "sessie-07.toml" not in names(listing) and "kapot.toml" not in names(listing)
    with sqlite3.connect(cache_file) as conn:
        stored = {row[0] for row in conn.execute("SELECT name FROM files")}
    assert stored == {f"sessie-{n:02d}.toml" for n in range(20) if n != 7}


def test_folders_are_kept_apart(tmp_path: Path, cache_file: Path, reads: list[Path]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    save_session(make_session(1), a / "x.toml")
    save_session(make_session(2), b / "x.toml")
    index = SessionIndex(cache_file)
    assert index.summaries(a)[0].title == "Sessie 1"  # type: ignore[union-attr]
    assert index.summaries(b)[0].title == "Sessie 2"  # type: ignore[union-attr]
    reads.clear()
    assert index.summaries(a)[0].title == "Sessie 1"  # type: ignore[union-attr]
    assert index.summaries(b)[0].title == "Sessie 2"  # type: ignore[union-attr]
    assert reads == []


def test_missing_folder_is_empty_and_clears_its_rows(folder: Path, cache_file: Path) -> None:
    index = SessionIndex(cache_file)
    assert len(index.summaries(folder)) == 21
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    assert index.summaries(folder) == []
    with sqlite3.connect(cache_file) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (0,)


def test_store_uses_the_index(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    store_ = SessionStore(folder, index=SessionIndex(cache_file))
    first = store_.list()
    reads.clear()
    assert store_.list() == first
    assert reads == []


def test_progress_is_reported(folder: Path, cache_file: Path) -> None:
    seen: list[tuple[int, int]] = []
    SessionIndex(cache_file).summaries(
        folder, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(n, 21) for n in range(1, 22)]


def test_long_first_listing_is_kept_in_batches(
    folder: Path, cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = SessionIndex(cache_file)
    monkeypatch.setattr(SessionIndex, "BATCH", 5)

    class Stop(Exception):
        pass

    def stop_after_twelve(done: int, total: int) -> None:
        if done == 12:
            raise Stop

    with pytest.raises(Stop):
        index.summaries(folder, progress=stop_after_twelve)
    with sqlite3.connect(cache_file) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (10,)


# --------------------------------------------------------------------------- damage


def _prime(folder: Path, cache_file: Path) -> list[SessionSummary | Unreadable]:
    listing = SessionIndex(cache_file).summaries(folder)
    assert cache_file.stat().st_size > 0
    return listing


def _assert_rebuilt(folder: Path, cache_file: Path, expected: Any) -> SessionIndex:
    index = SessionIndex(cache_file)
    assert index.summaries(folder) == expected
    assert not index.in_memory
    # the new cache file is a sound database, and it is used
    with sqlite3.connect(cache_file) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (21,)
    before = index.parsed
    assert index.summaries(folder) == expected
    assert index.parsed == before
    return index


def test_garbage_cache_is_rebuilt(folder: Path, cache_file: Path) -> None:
    expected = _prime(folder, cache_file)
    cache_file.write_bytes(os.urandom(8192))
    index = _assert_rebuilt(folder, cache_file, expected)
    assert index.rebuilt == 1


def test_garbage_inside_a_valid_header_is_rebuilt(folder: Path, cache_file: Path) -> None:
    expected = _prime(folder, cache_file)
    raw = bytearray(cache_file.read_bytes())
    raw[100:] = os.urandom(len(raw) - 100)  # the header survives, the pages do not
    cache_file.write_bytes(bytes(raw))
    _assert_rebuilt(folder, cache_file, expected)


@pytest.mark.parametrize("size", [0, 10, 100, 1500, 4096])
def test_truncated_cache_is_rebuilt(folder: Path, cache_file: Path, size: int) -> None:
    expected = _prime(folder, cache_file)
    with open(cache_file, "r+b") as f:
        f.truncate(size)
    _assert_rebuilt(folder, cache_file, expected)


def test_deleted_cache_is_rebuilt(folder: Path, cache_file: Path) -> None:
    expected = _prime(folder, cache_file)
    cache_file.unlink()
    _assert_rebuilt(folder, cache_file, expected)


def test_cache_damaged_while_in_use(folder: Path, cache_file: Path) -> None:
    index = SessionIndex(cache_file)
    expected = index.summaries(folder)
    cache_file.write_bytes(b"this is not a database" * 100)
    (folder / "sessie-00.toml").write_text(dumps_session(make_session(50)), "utf-8")
    listing = index.summaries(folder)
    assert listing == list_sessions(folder) != expected
    assert index.summaries(folder) == listing


def test_cache_deleted_while_in_use(folder: Path, cache_file: Path) -> None:
    index = SessionIndex(cache_file)
    expected = index.summaries(folder)
    cache_file.unlink()
    save_session(make_session(60), folder / "nieuw.toml")
    listing = index.summaries(folder)
    assert listing == list_sessions(folder)
    assert len(listing) == len(expected) + 1


def test_foreign_schema_is_replaced(folder: Path, cache_file: Path) -> None:
    cache_file.parent.mkdir(parents=True)
    with sqlite3.connect(cache_file) as conn:
        conn.execute("CREATE TABLE files (path TEXT PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO files VALUES ('x', 'oud')")
        conn.execute("PRAGMA user_version = 7")
    expected = list_sessions(folder)
    _assert_rebuilt(folder, cache_file, expected)


def test_right_version_wrong_columns_is_replaced(folder: Path, cache_file: Path) -> None:
    expected = _prime(folder, cache_file)
    with sqlite3.connect(cache_file) as conn:
        conn.execute("ALTER TABLE files RENAME COLUMN title TO naam")
    _assert_rebuilt(folder, cache_file, expected)


def test_unwritable_cache_folder_falls_back_to_memory(
    folder: Path, tmp_path: Path, reads: list[Path]
) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("a file where the cache folder should be")
    index = SessionIndex(blocker / "cache" / "index.sqlite3")
    expected = list_sessions(folder)
    reads.clear()
    assert index.summaries(folder) == expected
    assert index.in_memory
    reads.clear()
    assert index.summaries(folder) == expected
    assert reads == []  # still cached, in memory
    assert blocker.read_text() == "a file where the cache folder should be"


def test_cache_path_is_a_folder(folder: Path, cache_file: Path) -> None:
    cache_file.mkdir(parents=True)
    (cache_file / "iets").write_text("x")
    index = SessionIndex(cache_file)
    assert index.summaries(folder) == list_sessions(folder)
    assert index.in_memory
    assert (cache_file / "iets").read_text() == "x"


@pytest.mark.skipif(IS_ROOT or os.name == "nt", reason="root writes into read-only files")
def test_read_only_cache_file(folder: Path, cache_file: Path) -> None:
    expected = _prime(folder, cache_file)
    cache_file.chmod(0o400)
    cache_file.parent.chmod(0o500)
    try:
        (folder / "nieuw.toml").write_text(dumps_session(make_session(30)), "utf-8")
        listing = SessionIndex(cache_file).summaries(folder)
    finally:
        cache_file.parent.chmod(0o700)
        cache_file.chmod(0o600)
    assert listing == list_sessions(folder)
    assert len(listing) == len(expected) + 1


def test_read_only_cache_database(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    """A database that refuses writes (as a read-only file would) is replaced."""
    _prime(folder, cache_file)
    index = SessionIndex(cache_file)
    index.summaries(folder)
    assert index._conn is not None
    index._conn.execute("PRAGMA query_only = ON")  # every write now fails: readonly
    save_session(make_session(40), folder / "nieuw.toml")
    listing = index.summaries(folder)
    assert listing == list_sessions(folder)
    reads.clear()
    assert index.summaries(folder) == listing
    assert reads == []  # the rebuilt cache holds everything


def test_locked_cache_is_left_alone(
    folder: Path, cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another copy of the app writing the cache: list without it, do not destroy it."""
    _prime(folder, cache_file)
    monkeypatch.setattr(SessionIndex, "TIMEOUT", 0.2)
    other = sqlite3.connect(cache_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        save_session(make_session(70), folder / "nieuw.toml")
        listing = SessionIndex(cache_file).summaries(folder)
        assert listing == list_sessions(folder)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with sqlite3.connect(cache_file) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone() == (21,)  # untouched


def test_threads_share_an_index(folder: Path, cache_file: Path) -> None:
    index = SessionIndex(cache_file)
    expected = list_sessions(folder)
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(index.summaries(folder))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4
    assert index.parsed == 21


@pytest.mark.skipif(sys.platform != "linux", reason="file names of raw bytes")
def test_file_name_that_is_not_utf8(folder: Path, cache_file: Path, reads: list[Path]) -> None:
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.toml")
    with open(raw, "w", encoding="utf-8") as f:
        f.write(dumps_session(make_session(80)))
    index = SessionIndex(cache_file)
    listing = index.summaries(folder)
    assert listing == list_sessions(folder)
    assert len(listing) == 22
    reads.clear()
    assert index.summaries(folder) == listing
    assert [p.name for p in reads] == [os.fsdecode(b"caf\xe9.toml")]  # only that one


def test_default_lives_in_the_cache_dir(samen_dirs: Any) -> None:
    index = SessionIndex.default()
    assert index.cache_file == samen_dirs.cache / "index.sqlite3"


def test_quick_listing_then_verify_finds_what_is_broken_further_down(tmp_path: Path) -> None:
    """A cold listing reads only the top of each file; verify() reads them in full and
    a file broken in a record table is then listed as unreadable, with its reason."""
    from samen_tui.kinds.content.record import ContentRecord
    from samen_tui.session.index import SessionIndex
    from samen_tui.session.model import Participant, Session
    from samen_tui.session.store import Unreadable, save_session

    folder = tmp_path / "sessies"
    folder.mkdir()
    for n in range(3):
        session = Session(workshop="w", title=f"Sessie {n}", current="a")
        session.participants.append(Participant(id="p", name="Ëva"))
        session.records["a"] = ContentRecord(notes="regel 1\n[records.nep]\nregel 3")
        session.records["b"] = ContentRecord(notes="x")
        save_session(session, folder / f"s{n}.toml")
    broken = folder / "s1.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('kind = "content"', "kind = 3", 1),
        encoding="utf-8",
    )
    index = SessionIndex(tmp_path / "cache" / "index.sqlite3")
    quick = index.summaries(folder, quick=True)
    assert index.parsed == 3 and index.unverified(folder) == 3
    assert all(not isinstance(item, Unreadable) for item in quick)
    # the quick look counts records and participants as a full read does,
    # not fooled by a note holding a line that looks like a table header
    assert {item.steps_done for item in quick} == {2}
    assert {item.participants for item in quick} == {1}
    assert index.verify(folder) == 1
    assert index.unverified(folder) == 0
    listing = index.summaries(folder, quick=True)
    assert index.parsed == 6, "the second listing reads nothing: it is all cached"
    bad = [item for item in listing if isinstance(item, Unreadable)]
    assert [item.path.name for item in bad] == ["s1.toml"]
    assert "records.a.kind" in bad[0].reason


# --------------------------------------------------------------------------- the review's


def test_the_review_listing_is_the_listing_apart(folder: Path, cache_file: Path) -> None:
    """The review's listing holds what a full read of every file says, the readable
    sessions apart from the rest, whether read now, quickly or from the cache."""
    index = SessionIndex(cache_file)
    listing = list_sessions(folder)
    expected = [s for s in listing if isinstance(s, SessionSummary)]
    broken = [s for s in listing if isinstance(s, Unreadable)]
    assert expected and broken
    assert index.readable_and_unreadable(folder) == (expected, broken)  # read now
    assert index.readable_and_unreadable(folder) == (expected, broken)  # from the cache
    fresh = SessionIndex(cache_file.with_name("fresh.sqlite3"))
    assert fresh.readable_and_unreadable(folder, quick=True) == (expected, broken)
    first = expected[0]
    assert first.started == make_session(0).started
    # the start as a number (sorted without parsing), written without an offset
    assert isinstance(first.start_stamp, float) and first.start_offset is None
    assert first.path == folder / first.name


def test_a_first_listing_tells_every_key_without_looking_twice(
    tmp_path: Path, cache_file: Path, reads: list[Path]
) -> None:
    """A folder new to the cache is not looked at file by file before it is read (each
    file read tells its key); a second listing then reads nothing, odd files included."""
    folder = tmp_path / "sessies"
    folder.mkdir()
    for n in range(5):
        save_session(make_session(n), folder / f"s{n}.toml")
    (folder / "kapot.toml").write_bytes(b"title = [\n")
    (folder / "map.toml").mkdir()
    os.symlink(folder / "weg.toml", folder / "link.toml")
    os.symlink(folder / "s1.toml", folder / "ook.toml")
    index = SessionIndex(cache_file)
    first = index.readable_and_unreadable(folder, quick=True)
    parsed = index.parsed
    assert parsed == 9
    assert index.readable_and_unreadable(folder, quick=True) == first
    assert SessionIndex(cache_file).readable_and_unreadable(folder, quick=True) == first
    assert index.parsed == parsed


def test_two_processes_list_as_one(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first listing of many files is read from both ends, here and in a helper
    process: the same listing, every file read once, the same cache."""
    alone = SessionIndex(tmp_path / "alone" / "index.sqlite3")
    expected = alone.readable_and_unreadable(folder, quick=True)
    monkeypatch.setattr(SessionIndex, "HELPER_FROM", 1)
    two = SessionIndex(tmp_path / "two" / "index.sqlite3")
    seen: list[tuple[int, int]] = []
    listed = two.readable_and_unreadable(
        folder, quick=True, progress=lambda d, t: seen.append((d, t))
    )
    assert listed == expected
    assert two.parsed == 21
    assert seen == [(n, 21) for n in range(1, 22)]
    assert two.summaries(folder) == alone.summaries(folder)
    assert two.parsed == 21  # all of it cached


def test_a_helper_that_cannot_start_changes_nothing(
    folder: Path, cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samen_tui.session import pipes

    monkeypatch.setattr(SessionIndex, "HELPER_FROM", 1)
    monkeypatch.setattr(pipes.sys, "executable", "/nonexistent/python")
    index = SessionIndex(cache_file)
    assert index.summaries(folder, quick=True) == list_sessions(folder)
    assert index.parsed == 21


def test_a_helper_runs_only_a_helper_module_of_the_package() -> None:
    """The code a helper process runs names a module of ``samen_tui.session``: only the
    two helpers' names are ever put there (nothing else is started)."""
    from samen_tui.session import pipes

    assert sorted(pipes.HELPERS) == ["halves", "reader"]
    for module in ("index", "os", "reader; import os", ""):
        assert pipes.spawn(module, []) is None


def test_prefetch_lists_as_the_review_would(folder: Path, cache_file: Path) -> None:
    from samen_tui.session import reader

    reader.prefetch(folder, "nl")
    prefetched = reader.take_prefetch(folder)
    assert prefetched is not None and reader.take_prefetch(folder) is None
    seen: list[tuple[int, int]] = []
    found = prefetched.result(lambda done, total: seen.append((done, total)))
    assert found == SessionIndex(tmp_cache(cache_file)).readable_and_unreadable(folder)
    assert seen and seen[-1] == (21, 21)
    # the helper filled the cache of this test (SAMEN_CACHE): nothing left to read
    index = SessionIndex(cache_file)
    assert index.readable_and_unreadable(folder, quick=True) == found
    assert index.parsed == 0


def tmp_cache(cache_file: Path) -> Path:
    return cache_file.with_name("other.sqlite3")


# --------------------------------------------------------------------------- quick look

HEADS = {
    "escapes": 'schema = 1\ntitle = "Zeg \\"hallo\\" \\\\ dag"\n',
    "comment": 'schema = 1 # versie\n# een regel\ntitle = "Titel" # staat er\n',
    "crlf": 'schema = 1\r\nworkshop = "w"\r\ntitle = "T"\r\n',
    "empty text": 'schema = 1\ntitle = ""\nplace = "Zeist"\n',
    "bom": '\ufeffschema = 1\ntitle = "T"\n',
    "inline people": 'schema = 1\nparticipants = [{id = "p", name = "Ab"}]\n',
    "unknown key": 'schema = 1\nkleur = "rood"\n',
    "newer": 'schema = 99\ntitle = "Later"\n',
    "no schema": 'title = "T"\n',
    "wrong type": "schema = 1\ntitle = 5\n",
    "text for time": 'schema = 1\nstarted = "gisteren"\n',
    "date only": "schema = 1\nstarted = 2024-02-30 10:00:00\n",
    "zulu": "schema = 1\nstarted = 2024-02-03T10:00:00Z\nended = 2024-02-03 12:00:00\n",
    "twice": 'schema = 1\ntitle = "a"\ntitle = "b"\n',
    "quoted key": 'schema = 1\n"title" = "T"\n',
    "bool as number": "schema = 1\npaused = 1\n",
    "leading zero": "schema = 01\n",
}
UNDERSTOOD = {"escapes", "comment", "crlf", "empty text", "zulu", "inline people"}
"""Heads the quick look reads (the plain lines fast, the others with tomllib)."""
TAILS = {
    "none": "",
    "records": '\n[[participants]]\nid = "p"\nname = "A"\n\n[records.a]\nkind = "content"\n'
    'notes = "x"\n\n[records."b c"]\nkind = "content"\nnotes = "y"\n\n[records.a.extra]\n',
    "multi-line": '\n[records.a]\nkind = "content"\nnotes = """\n[records.nep]\n"""\n',
}


@pytest.mark.parametrize("tail", TAILS)
@pytest.mark.parametrize("head", HEADS)
def test_the_quick_look_agrees_with_a_full_read(tmp_path: Path, head: str, tail: str) -> None:
    """The quick look (a fast path for plain lines, tomllib for anything else) says
    what a full read says, or that it cannot tell."""
    path = tmp_path / "s.toml"
    path.write_bytes((HEADS[head] + TAILS[tail]).encode("utf-8"))
    found = listing_module.quick_read(str(tmp_path), "s.toml", plain=True)
    quick = found[0] if found is not None else None
    full, _st = listing_module.summarize(path)
    if isinstance(full, SessionSummary):
        assert quick == full if head in UNDERSTOOD else quick in (None, full)
    else:  # the quick look cannot tell, or the file is broken further down
        assert quick is None or tail != "none", (head, tail, full)


@pytest.mark.parametrize("head", ["comment", "crlf", "empty text", "zulu"])
def test_plain_tops_are_read_without_tomllib(head: str) -> None:
    assert listing_module._fast_head(HEADS[head]) is not None


def test_what_the_app_writes_is_read_without_tomllib() -> None:
    text = dumps_session(make_session(3))
    top = text[: text.index("\n[") + 1]
    values = listing_module._fast_head(top)
    assert values is not None
    assert values["title"] == "Sessie 3" and values["started"] == make_session(3).started
