"""The session store: atomic saves, careful reads, safe names, listing."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samen_tui.i18n import session as session_messages
from samen_tui.i18n import set_language
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session import store
from samen_tui.session.index import SessionIndex
from samen_tui.session.model import ItemTime, Participant, Session
from samen_tui.session.store import (
    MAX_SIZE,
    SaveError,
    SessionReadError,
    SessionStore,
    SessionSummary,
    Unreadable,
    dumps_session,
    load_session,
    save_session,
    session_filename,
    unique_path,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def make_session(title: str = "Gemeente Utrecht", version: int = 1) -> Session:
    return Session(
        workshop="samen-ouder-worden",
        title=title,
        place="Utrecht",
        trainer="Inés",
        started=dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        current="motieven",
        participants=[
            Participant(id="p1", name="Zoë", organisation="GGD"),
            Participant(id="p2", name="Daan", organisation="Gemeente"),
        ],
        items={"welkom": ItemTime(seconds=60 * version)},
        records={
            "motieven": SortRecord(
                cards=[
                    Card(id=f"c{i}", text=f"kaart {i}\nmet ë", category="relatie")
                    for i in range(version)
                ]
            ),
            "checklist": RateRecord(ratings={"vertrouwen": Rating(group=4)}),
        },
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every entry of the folder: its kind and content hash (regular files), its mtime."""
    state: dict[str, tuple[str, int]] = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        st = entry.stat(follow_symlinks=False)
        if entry.is_symlink():
            state[entry.name] = ("link:" + os.readlink(entry.path), st.st_mtime_ns)
        elif entry.is_file(follow_symlinks=False):
            state[entry.name] = (sha(Path(entry.path)), st.st_mtime_ns)
        else:
            state[entry.name] = ("other", st.st_mtime_ns)
    return state


def temp_files(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.endswith(".tmp")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessies"
    path.mkdir()
    return path


# --------------------------------------------------------------------------- saving


def test_save_and_load(folder: Path) -> None:
    session = make_session()
    path = folder / "a.toml"
    save_session(session, path)
    assert load_session(path) == session
    assert path.read_text(encoding="utf-8") == dumps_session(session)
    assert temp_files(folder) == []


def test_save_keeps_the_previous_version_as_backup(folder: Path) -> None:
    path = folder / "a.toml"
    backup = folder / "a.toml.bak"
    save_session(make_session(version=1), path)
    assert not backup.exists()
    save_session(make_session(version=2), path)
    assert load_session(path) == make_session(version=2)
    assert load_session(backup) == make_session(version=1)
    save_session(make_session(version=3), path)
    assert load_session(path) == make_session(version=3)
    assert load_session(backup) == make_session(version=2)
    assert sorted(os.listdir(folder)) == ["a.toml", "a.toml.bak"]


def test_backup_is_copied_where_hard_links_fail(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)

    def no_links(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, "links not supported")

    monkeypatch.setattr(os, "link", no_links)
    save_session(make_session(version=2), path)
    assert load_session(folder / "a.toml.bak") == make_session(version=1)
    assert load_session(path) == make_session(version=2)
    assert temp_files(folder) == []


def test_save_is_a_rename_of_a_complete_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is only ever replaced by a rename of a fully written, fsynced file."""
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == path:
            # what is renamed onto the session is the complete new version
            assert load_session(Path(src)) == make_session(version=2)
            assert load_session(path) == make_session(version=1)
            events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    save_session(make_session(version=2), path)
    assert events[:2] == ["fsync", "replace"]
    assert events[-1] == "fsync"  # the folder, after the rename


@pytest.mark.parametrize(
    ("function", "code", "words"),
    [
        ("write", errno.ENOSPC, "de schijf is vol"),
        ("fsync", errno.ENOSPC, "de schijf is vol"),
        ("fsync", errno.EIO, "lees- of schrijffout"),
        ("replace", errno.EROFS, "alleen-lezen"),
        ("open", errno.EACCES, "geen toestemming"),
        ("open", errno.EDQUOT, "quotum"),
    ],
)
def test_failed_save_leaves_the_file_and_says_why(
    folder: Path, monkeypatch: pytest.MonkeyPatch, function: str, code: int, words: str
) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    save_session(make_session(version=2), path)
    before = folder_state(folder)
    real = getattr(os, function)

    def failing(*args: Any, **kwargs: Any) -> Any:
        if function == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)
        if function == "replace" and Path(args[1]) != path:
            return real(*args, **kwargs)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, function, failing)
    with pytest.raises(SaveError) as info:
        save_session(make_session(version=3), path)
    monkeypatch.undo()

    message = str(info.value)
    assert words in message
    assert str(path) in message
    assert "niet worden opgeslagen" in message
    assert info.value.errno == code
    assert isinstance(info.value, OSError)  # callers catching OSError see it too
    # nothing changed on disk: not the file, not the backup, no temporary file left
    after = {k: v for k, v in folder_state(folder).items() if not k.endswith(".bak")}
    assert after == {k: v for k, v in before.items() if not k.endswith(".bak")}
    assert load_session(path) == make_session(version=2)
    assert temp_files(folder) == []
    # the session is still in the caller's hands: it can be saved once the disk is fine
    save_session(make_session(version=3), path)
    assert load_session(path) == make_session(version=3)


def test_write_error_in_english(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("en")

    def full(*args: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="the disk is full"):
        save_session(make_session(), folder / "a.toml")


def test_read_only_folder_simulated(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root chmod does not stop writes, so the refusal of the OS is simulated."""
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    real_open = os.open

    def refuse(file: Any, *args: Any, **kwargs: Any) -> int:
        if str(file).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SaveError, match="geen toestemming"):
        save_session(make_session(version=2), path)
    monkeypatch.undo()
    assert load_session(path) == make_session(version=1)
    assert temp_files(folder) == []


@pytest.mark.skipif(IS_ROOT or os.name == "nt", reason="root writes into read-only folders")
def test_read_only_folder_for_real(folder: Path) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    before = folder_state(folder)
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="geen toestemming"):
            save_session(make_session(version=2), path)
    finally:
        folder.chmod(0o700)
    assert folder_state(folder) == before


def test_sessions_folder_removed_during_a_session(folder: Path) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    shutil.rmtree(folder)
    with pytest.raises(SaveError) as info:
        save_session(make_session(version=2), path)
    assert "bestaat niet" in str(info.value)
    assert not folder.exists()
    # saved elsewhere, nothing lost
    elsewhere = folder.parent / "elders.toml"
    save_session(make_session(version=2), elsewhere)
    assert load_session(elsewhere) == make_session(version=2)


def test_sessions_folder_replaced_by_a_file(folder: Path) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    shutil.rmtree(folder)
    folder.write_text("geen map")
    with pytest.raises(SaveError, match="geen map"):
        save_session(make_session(version=2), path)
    assert folder.read_text() == "geen map"


def test_save_refuses_to_overwrite_a_newer_schema(folder: Path) -> None:
    path = folder / "nieuw.toml"
    path.write_text('schema = 99\ntitle = "van later"\n[toekomst]\nx = 1\n', encoding="utf-8")
    before = folder_state(folder)
    with pytest.raises(SaveError) as info:
        save_session(make_session(), path)
    assert "nieuwere versie" in str(info.value)
    assert "schema 99" in str(info.value)
    assert folder_state(folder) == before  # not even a backup or a temporary file


def test_save_refuses_a_newer_schema_written_after_our_own_save(folder: Path) -> None:
    path = folder / "a.toml"
    save_session(make_session(version=1), path)
    time.sleep(0.01)
    path.write_text("schema = 2\n", encoding="utf-8")  # another version, same file
    with pytest.raises(SaveError, match="nieuwere versie"):
        save_session(make_session(version=2), path)
    assert path.read_text(encoding="utf-8") == "schema = 2\n"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"schema = 1\ntitle = [\n", "TOML-fout"),
        (b"\xff\xfe garbage", "geen UTF-8"),
        (b"schema = 1\nparticipants = 3\n", "geen geldige sessie"),
    ],
)
def test_save_refuses_to_overwrite_an_unreadable_file(
    folder: Path, content: bytes, words: str
) -> None:
    path = folder / "kapot.toml"
    path.write_bytes(content)
    with pytest.raises(SaveError) as info:
        save_session(make_session(), path)
    assert words in str(info.value)
    assert "wordt niet overschreven" in str(info.value)
    assert path.read_bytes() == content
    assert sorted(os.listdir(folder)) == ["kapot.toml"]


def test_save_refuses_a_symlink_and_a_folder(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "ergens.toml"
    save_session(make_session(version=1), target)
    link = folder / "link.toml"
    link.symlink_to(target)
    with pytest.raises(SaveError, match="symlink"):
        save_session(make_session(version=2), link)
    assert link.is_symlink() and load_session(target) == make_session(version=1)
    (folder / "map.toml").mkdir()
    with pytest.raises(SaveError, match="map"):
        save_session(make_session(), folder / "map.toml")


def test_save_refuses_a_session_too_big_to_read_back(folder: Path) -> None:
    session = make_session()
    session.records["enorm"] = ContentRecord(notes="x" * (MAX_SIZE + 10))
    with pytest.raises(SaveError, match="te groot"):
        save_session(session, folder / "a.toml")
    assert os.listdir(folder) == []


def test_lone_surrogates_do_not_stop_a_save(folder: Path) -> None:
    session = make_session(title="kapotte plak \udc80 en paar \ud83d\ude00")
    path = folder / "a.toml"
    save_session(session, path)
    assert load_session(path).title == "kapotte plak \ufffd en paar \U0001f600"


def test_left_over_temporary_files_of_dead_processes_are_removed(folder: Path) -> None:
    path = folder / "a.toml"
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(child.stdout)
    old = time.time() - 3600
    dead_temp = folder / f".a.toml.{dead}.0badc0de.tmp"
    dead_backup_temp = folder / f".a.toml.bak.{dead}.0badc0de.tmp"
    live_temp = folder / f".a.toml.{os.getppid()}.0badc0de.tmp"  # a live process
    fresh_temp = folder / f".a.toml.{dead}.00000001.tmp"  # too new to be sure
    other = folder / f".b.toml.{dead}.0badc0de.tmp"  # another session's
    for temp in (dead_temp, dead_backup_temp, live_temp, other):
        temp.write_text("half")
        os.utime(temp, (old, old))
    fresh_temp.write_text("half")
    save_session(make_session(), path)
    remaining = set(os.listdir(folder))
    assert dead_temp.name not in remaining
    assert dead_backup_temp.name not in remaining
    assert {live_temp.name, fresh_temp.name, other.name, "a.toml"} <= remaining


# --------------------------------------------------------------------------- reading


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.write(b'schema = 1\ntitle = "')
        f.truncate(size)


def _bad_files(folder: Path, outside: Path) -> dict[str, str]:
    """Make one unreadable file of each kind; return name -> words of its reason."""
    valid = dumps_session(make_session())
    cut = valid.index('title = "') + len('title = "Geme')
    (folder / "afgebroken.toml").write_text(valid[:cut], encoding="utf-8")
    (folder / "latin1.toml").write_bytes('schema = 1\ntitle = "Caf\u00e9"\n'.encode("latin-1"))
    (folder / "kapotte-regel.toml").write_text("schema = 1\ntitle = ]\n", encoding="utf-8")
    (folder / "typen.toml").write_text("schema = 1\ntitle = 12\n", encoding="utf-8")
    (folder / "soort.toml").write_text('schema = 1\n[records.x]\nkind = "dans"\n', encoding="utf-8")
    (folder / "geen-schema.toml").write_text('title = "x"\n', encoding="utf-8")
    (folder / "toekomst.toml").write_text("schema = 7\n[nieuw]\na = 1\n", encoding="utf-8")
    (folder / "leeg.toml").write_bytes(b"")
    (folder / "diep.toml").write_text("x = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    _sparse(folder / "groot.toml", 50 * 1024 * 1024)
    outside.write_text(valid, encoding="utf-8")
    (folder / "naar-buiten.toml").symlink_to(outside)
    (folder / "nergens.toml").symlink_to(folder / "bestaat-niet")
    (folder / "map.toml").mkdir()
    expected = {
        "afgebroken.toml": "TOML-fout aan het eind van het bestand (is het afgebroken?)",
        "kapotte-regel.toml": "TOML-fout op regel 2, kolom 9",
        "latin1.toml": "geen UTF-8-tekst (ongeldige byte op regel 2, kolom 13)",
        "typen.toml": "geen geldige sessie: title",
        "soort.toml": "geen geldige sessie: records.x.kind",
        "geen-schema.toml": "geen geldige sessie: schema",
        "toekomst.toml": "nieuwere versie van samen (schema 7",
        "leeg.toml": "leeg",
        "diep.toml": "te diep genest",
        "groot.toml": "te groot (50,0 MiB; de grens is 5,0 MiB)",
        "naar-buiten.toml": "buiten de sessiemap",
        "nergens.toml": "nergens naar verwijst",
        "map.toml": "een map",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pijp.toml")
        expected["pijp.toml"] = "geen gewoon bestand"
    return expected


@pytest.mark.parametrize("with_index", [False, True])
def test_unreadable_files_are_listed_with_reasons_and_left_alone(
    folder: Path, tmp_path: Path, with_index: bool
) -> None:
    from samen_tui.session.index import SessionIndex

    expected = _bad_files(folder, tmp_path / "buiten.toml")
    save_session(make_session(version=1), folder / "goed.toml")
    save_session(make_session(version=2), folder / "goed.toml")  # leaves goed.toml.bak
    (folder / ".goed.toml.123.abcd.tmp").write_text("half")
    (folder / "notities.txt").write_text("geen sessie")
    before = folder_state(folder)
    outside_before = sha(tmp_path / "buiten.toml")

    index = SessionIndex(tmp_path / "cache" / "index.sqlite3") if with_index else None
    listing = SessionStore(folder, index=index).list()
    if index is not None:
        assert SessionStore(folder, index=index).list() == listing  # from the cache

    names = [item.path.name for item in listing]
    assert names == sorted([*expected, "goed.toml"])
    by_name = {item.path.name: item for item in listing}
    good = by_name.pop("goed.toml")
    assert isinstance(good, SessionSummary)
    for name, words in expected.items():
        item = by_name[name]
        assert isinstance(item, Unreadable), name
        assert words in item.reason, (name, item.reason)
        assert item.reason.strip()
    # nothing was changed, created or removed
    assert folder_state(folder) == before
    assert sha(tmp_path / "buiten.toml") == outside_before


def test_load_reports_the_reason(folder: Path, tmp_path: Path) -> None:
    expected = _bad_files(folder, tmp_path / "buiten.toml")
    for name, words in expected.items():
        with pytest.raises(SessionReadError) as info:
            load_session(folder / name)
        assert words in info.value.reason
        assert info.value.path == folder / name
        assert str(folder / name) in str(info.value)
    with pytest.raises(SessionReadError, match="bestaat niet"):
        load_session(folder / "weg.toml")
    with pytest.raises(SessionReadError) as newer:
        load_session(folder / "toekomst.toml")
    assert newer.value.newer and newer.value.schema == 7


def test_big_file_is_refused_without_reading_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "groot.toml"
    _sparse(path, 50 * 1024 * 1024)
    read = 0
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        nonlocal read
        data = real_read(fd, n)
        read += len(data)
        return data

    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(SessionReadError, match="te groot"):
        load_session(path)
    assert read == 0


def test_symlink_inside_the_folder_is_fine(folder: Path) -> None:
    save_session(make_session(), folder / "echt.toml")
    (folder / "alias.toml").symlink_to("echt.toml")
    assert load_session(folder / "alias.toml") == make_session()


def test_bom_is_accepted(folder: Path) -> None:
    path = folder / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_session(make_session()).encode())
    assert load_session(path) == make_session()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_session_or_a_reason(raw: bytes) -> None:
    try:
        store.loads_session(
            raw.decode("utf-8", "surrogateescape")
            .encode("utf-8", "surrogateescape")
            .decode("utf-8", "replace")
        )
    except SessionReadError as exc:
        assert exc.reason


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_damaged_session_text_gives_a_session_or_a_reason(data: st.DataObject) -> None:
    text = dumps_session(make_session(version=2))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.text(max_size=5))
    try:
        store.loads_session(text[:start] + insert + text[end:])
    except SessionReadError as exc:
        assert exc.reason


# --------------------------------------------------------------------------- names

SAFE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.toml$")
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def assert_safe(name: str) -> None:
    assert SAFE_NAME.match(name), name
    assert 0 < len(name) <= 80
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not any(ord(c) < 32 or ord(c) == 127 for c in name)
    assert not WINDOWS_RESERVED.match(name)


@settings(max_examples=300, deadline=None)
@given(
    title=st.text(),
    workshop=st.text(max_size=20),
    started=st.one_of(st.none(), st.datetimes()),
)
def test_any_title_gives_a_safe_file_name(
    title: str, workshop: str, started: dt.datetime | None
) -> None:
    name = session_filename(Session(title=title, workshop=workshop, started=started))
    assert_safe(name)
    if started is not None:
        assert name.startswith(started.date().isoformat())


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Gemeente Utrecht", "2026-11-28-gemeente-utrecht.toml"),
        ("  Gemeente  Ütrecht!! ", "2026-11-28-gemeente-utrecht.toml"),
        ("Coöperatie Zeeuws-Vlaanderen", "2026-11-28-cooperatie-zeeuws-vlaanderen.toml"),
        ("Ærø Straße Łódź", "2026-11-28-aero-strasse-lodz.toml"),
        ("../../etc/passwd", "2026-11-28-etc-passwd.toml"),
        ("..\\..\\windows\\system32", "2026-11-28-windows-system32.toml"),
        ("CON", "2026-11-28-con.toml"),
        ("\x00\x1b[31m\x7f", "2026-11-28-31m.toml"),
        ("", "2026-11-28-sessie.toml"),
        ("日本語", "2026-11-28-sessie.toml"),
        ("a" * 500, "2026-11-28-" + "a" * 50 + ".toml"),
    ],
)
def test_file_names(title: str, name: str) -> None:
    session = Session(title=title, started=dt.datetime(2026, 11, 28, 9, 0))
    assert session_filename(session) == name
    assert_safe(name)


def test_name_falls_back_on_the_workshop() -> None:
    session = Session(title="", workshop="samen-ouder-worden", started=dt.datetime(2026, 1, 2))
    assert session_filename(session) == "2026-01-02-samen-ouder-worden.toml"


def test_unique_path_counts_up(folder: Path) -> None:
    session = make_session()
    first = unique_path(folder, session)
    assert first.name == "2026-11-28-gemeente-utrecht.toml"
    first.write_text("x")
    second = unique_path(folder, session)
    assert second.name == "2026-11-28-gemeente-utrecht-2.toml"
    (folder / "2026-11-28-gemeente-utrecht-2.toml.bak").write_text("backup of a deleted one")
    assert unique_path(folder, session).name == "2026-11-28-gemeente-utrecht-3.toml"
    for n in range(3, 12):
        (folder / f"2026-11-28-gemeente-utrecht-{n}.toml").write_text("x")
    name = unique_path(folder, session).name
    assert name == "2026-11-28-gemeente-utrecht-12.toml"
    assert_safe(name)


# --------------------------------------------------------------------------- the store


def test_store_new_path_creates_the_folder_and_lists(tmp_path: Path) -> None:
    store_ = SessionStore(tmp_path / "nog" / "niet")
    assert store_.list() == []
    path = store_.new_path(make_session())
    assert path.parent.is_dir()
    store_.save(make_session(), path)
    second = store_.new_path(make_session())
    assert second != path
    tweede = make_session(title="Tweede", version=3)
    tweede.records["leeg"] = ContentRecord()  # nothing captured: not a step done
    store_.save(tweede, second.name)  # a bare name
    listing = store_.list()
    assert [s.path.name for s in listing] == [
        "2026-11-28-gemeente-utrecht-2.toml",
        "2026-11-28-gemeente-utrecht.toml",
    ]
    summary = listing[0]
    assert isinstance(summary, SessionSummary)
    assert summary.title == "Tweede"
    assert summary.participants == 2
    assert summary.steps_done == 2
    assert summary.current == "motieven"
    assert summary.complete is False
    assert summary.started == make_session().started
    assert summary.size == second.stat().st_size
    assert store_.load(second.name) == make_session(title="Tweede", version=3)


def test_new_path_in_an_impossible_place(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(SaveError):
        SessionStore(tmp_path / "bestand" / "sessies").new_path(make_session())


def test_list_reports_an_unreadable_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "scandir", refuse)
    (listing,) = SessionStore(folder).list()
    assert isinstance(listing, Unreadable)
    assert "sessiemap" in listing.reason and "toestemming" in listing.reason


def test_completed_session_summary(folder: Path) -> None:
    session = make_session()
    save_session(session, folder / "open.toml")
    session.ended = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    save_session(session, folder / "klaar.toml")
    finished, still_open = SessionStore(folder).list()
    assert isinstance(finished, SessionSummary) and finished.complete
    assert isinstance(still_open, SessionSummary) and not still_open.complete
    assert finished.started == still_open.started == session.started


STARTS = {
    "with an offset": dt.datetime(
        2026, 11, 28, 9, 30, 15, tzinfo=dt.timezone(-dt.timedelta(hours=3, minutes=30))
    ),
    "in local time": dt.datetime(2026, 7, 1, 14, 0),
    "not known": None,
}


@pytest.mark.parametrize("name", STARTS)
def test_the_summary_gives_the_start_as_written(folder: Path, name: str) -> None:
    """The summary holds the start as a number (to sort 10,000 of them) and gives it
    back as written: the same moment, the same offset or none."""
    session = make_session()
    session.started = STARTS[name]
    save_session(session, folder / "s.toml")
    (summary,) = SessionStore(folder).list()
    assert isinstance(summary, SessionSummary)
    assert summary.started == session.started
    if session.started is not None:
        assert summary.started is not None
        assert summary.started.utcoffset() == session.started.utcoffset()
        assert summary.start_stamp == session.started.timestamp()
    else:
        assert summary.start_stamp == float("-inf")  # sorts first
    assert summary.path == folder / "s.toml" and summary.name == "s.toml"


@pytest.mark.parametrize(
    "started",
    [
        dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.timezone(-dt.timedelta(hours=1))),
        dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.datetime(2201, 1, 1, 0, 0),
        dt.datetime(1899, 12, 31, 23, 59),
    ],
    ids=["after-9999-in-utc", "before-1-in-utc", "2201", "1899"],
)
@pytest.mark.parametrize("quick", [False, True], ids=["full", "quick"])
def test_a_start_outside_the_years_is_refused_with_its_place(
    folder: Path, started: dt.datetime, quick: bool
) -> None:
    """#21 item 9: a start outside 1900–2200 (near the calendar's ends it overflowed
    as soon as it was shown in local time) is refused when the file is read, with the
    line, the column and the key path; the listing (quick or full) lists it as
    unreadable, and the file is left as it was."""
    session = make_session()
    session.started = started
    save_session(session, folder / "oud.toml")
    before = (folder / "oud.toml").read_bytes()
    line = next(
        number
        for number, text in enumerate(before.decode().splitlines(), start=1)
        if text.startswith("started = ")
    )
    with pytest.raises(SessionReadError) as caught:
        load_session(folder / "oud.toml")
    assert f"regel {line}, kolom 11" in caught.value.reason
    assert "started: de datum" in caught.value.reason
    assert "1900–2200" in caught.value.reason
    if quick:
        readable, (unreadable,) = SessionIndex(None).readable_and_unreadable(folder, quick=True)
        assert readable == []
    else:
        (unreadable,) = SessionStore(folder).list()
    assert isinstance(unreadable, Unreadable)
    assert unreadable.reason == caught.value.reason
    assert (folder / "oud.toml").read_bytes() == before


@pytest.mark.parametrize(
    "moment", [dt.datetime(1900, 1, 1, 0, 0), dt.datetime(2200, 12, 31, 23, 59)]
)
def test_the_ends_of_the_years_are_read(folder: Path, moment: dt.datetime) -> None:
    session = make_session()
    session.started = moment
    save_session(session, folder / "rand.toml")
    assert load_session(folder / "rand.toml").started == moment


def test_a_date_of_an_action_outside_the_years_is_refused_at_its_key(folder: Path) -> None:
    path = folder / "actie.toml"
    path.write_text(
        'schema = 1\nworkshop = "w"\n\n[records.acties]\nkind = "actions"\n\n'
        '[[records.acties.actions]]\nwho = "a"\nwhat = "b"\nwhen = 0001-01-01\n',
        encoding="utf-8",
    )
    with pytest.raises(SessionReadError) as caught:
        load_session(path)
    assert "regel 10, kolom 8" in caught.value.reason
    assert "records.acties.actions[0].when" in caught.value.reason


def test_messages_exist_in_both_languages() -> None:
    assert session_messages.NL.keys() == session_messages.EN.keys()
    fields: Callable[[str], set[str]] = lambda s: set(re.findall(r"{(\w+)}", s))  # noqa: E731
    for key, text in session_messages.NL.items():
        assert fields(text) == fields(session_messages.EN[key]), key
