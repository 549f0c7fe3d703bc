"""The start-up cache: what one start parsed, the next one reads back instead.

Every test has a cache folder of its own (``samen_dirs``, tests/conftest.py, points
``$SAMEN_CACHE`` at it); the module follows the folder, so nothing carries over.
"""

from __future__ import annotations

import errno
import hashlib
import marshal
import os
import sys
import tomllib
import uuid
from pathlib import Path
from typing import Any

import pytest

from samen_tui import cachefile, paths, startcache
from samen_tui.workshop import catalog
from samen_tui.workshop.loader import WorkshopError, parse_workshop, read_toml

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

BUNDLED = paths.PACKAGE_WORKSHOPS / "samen-ouder-worden.toml"


def cache_file() -> Path:
    return paths.cache_dir() / startcache.NAME


def reload() -> None:
    """As a new process would: forget what is in memory, read the file on next use."""
    startcache.reset()


def write_cache(content: Any) -> None:
    """A cache file holding ``content``, as :func:`startcache.flush` writes one."""
    cache_file().parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    cache_file().write_bytes(cachefile.frame(marshal.dumps(content)))
    cache_file().chmod(0o600)


def good_content() -> dict[str, Any]:
    return {
        "version": startcache.VERSION,
        "python": sys.version,
        "toml": {"abc": marshal.dumps({"a": 1})},
        "slides": {"# Hallo": marshal.dumps((("heading_open", "h1", "", {}, None),))},
        "meta": {},
        "built": {},
    }


# --------------------------------------------------------------------------- the module


def test_round_trip_through_the_file() -> None:
    document = {"workshop": {"id": "x", "n": 3, "f": 1.5, "ok": True, "list": [1, "a"]}}
    tokens: tuple[Any, ...] = (
        ("paragraph_open", "p", "", {}, None),
        ("inline", "", "hoi", {"a": 1}, ()),
    )
    assert startcache.put(startcache.TOML, "k1", document)
    assert startcache.put(startcache.SLIDES, "hoi", tokens)
    assert not cache_file().exists()  # nothing is written until flush
    assert startcache.flush()
    assert cache_file().is_file()
    assert not startcache.flush()  # nothing new: not written again
    reload()
    assert startcache.get(startcache.TOML, "k1") == document
    assert startcache.get(startcache.SLIDES, "hoi") == tokens
    assert startcache.get(startcache.SLIDES, "anders") is None
    assert startcache.get(startcache.TOML, "hoi") is None  # sections are apart


def test_a_value_is_a_new_object_each_time() -> None:
    startcache.put(startcache.TOML, "k", {"a": [1, 2]})
    first = startcache.get(startcache.TOML, "k")
    assert isinstance(first, dict)
    first["a"].append(3)
    first["b"] = 1
    assert startcache.get(startcache.TOML, "k") == {"a": [1, 2]}


def test_what_marshal_cannot_write_is_not_kept() -> None:
    import datetime as dt

    assert not startcache.put(startcache.TOML, "k", {"when": dt.date(2026, 1, 1)})
    assert startcache.get(startcache.TOML, "k") is None
    assert not startcache.flush()
    assert not cache_file().exists()


def test_each_section_keeps_its_newest_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(startcache.LIMITS, startcache.TOML, 3)
    for n in range(4):
        startcache.put(startcache.TOML, f"k{n}", n)
    assert startcache.get(startcache.TOML, "k0") is None  # the oldest went
    assert startcache.get(startcache.TOML, "k1") == 1  # asked for: the newest again
    startcache.put(startcache.TOML, "k4", 4)
    assert [startcache.get(startcache.TOML, f"k{n}") for n in range(5)] == [None, 1, None, 3, 4]
    startcache.flush()
    reload()
    assert [startcache.get(startcache.TOML, f"k{n}") for n in range(5)] == [None, 1, None, 3, 4]


def test_the_cache_follows_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    startcache.put(startcache.TOML, "k", 1)
    monkeypatch.setenv("SAMEN_CACHE", str(tmp_path / "elders"))
    assert startcache.get(startcache.TOML, "k") is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"geen marshal",
        b"\x00\xff" * 50,
        "truncated",
        "unframed",
        {**good_content(), "version": startcache.VERSION + 1},
        {**good_content(), "python": "2.7.18"},
        {**good_content(), "toml": ["niet", "een", "dict"]},
        {**good_content(), "toml": {"abc": "geen bytes"}},
        {**good_content(), "slides": {1: marshal.dumps(1)}},
        ["een", "lijst"],
    ],
    ids=[
        "empty",
        "garbage",
        "binary",
        "truncated",
        "unframed",
        "version",
        "python",
        "section",
        "value",
        "key",
        "list",
    ],
)
def test_a_bad_file_is_an_empty_cache(content: object) -> None:
    if content == "truncated":
        write_cache(good_content())
        data = cache_file().read_bytes()
        cache_file().write_bytes(data[: len(data) // 2])
    elif content == "unframed":  # the layout of before the checksum
        write_cache(good_content())
        cache_file().write_bytes(marshal.dumps(good_content()))
    elif isinstance(content, bytes):
        cache_file().parent.mkdir(parents=True)
        cache_file().write_bytes(content)
    else:
        write_cache(content)
    assert startcache.get(startcache.TOML, "abc") is None
    assert startcache.get(startcache.SLIDES, "# Hallo") is None
    # and the next write replaces it with a good one
    assert startcache.put(startcache.TOML, "k", 1)
    assert startcache.flush()
    reload()
    assert startcache.get(startcache.TOML, "k") == 1


def test_a_good_file_is_read() -> None:
    """(The bad files above differ from this one in one point each.)"""
    write_cache(good_content())
    assert startcache.get(startcache.TOML, "abc") == {"a": 1}


def test_a_folder_that_cannot_be_read_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("SAMEN_CACHE", str(blocker / "cache"))
    assert startcache.get(startcache.TOML, "k") is None
    assert startcache.put(startcache.TOML, "k", 1)
    assert not startcache.flush()  # cannot make the folder: no error either
    cache_file().parent.parent.unlink()
    cache_file().parent.mkdir(parents=True)
    cache_file().mkdir()  # a folder where the file should be
    reload()
    assert startcache.get(startcache.TOML, "k") is None
    startcache.put(startcache.TOML, "k", 1)
    assert not startcache.flush()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_permissions_is_no_cache() -> None:
    write_cache(good_content())
    folder = cache_file().parent
    folder.chmod(0)
    try:
        assert startcache.get(startcache.TOML, "abc") is None
        startcache.put(startcache.TOML, "k", 1)
        assert not startcache.flush()
    finally:
        folder.chmod(0o755)


def old_file() -> bytes:
    startcache.put(startcache.TOML, "oud", 1)
    assert startcache.flush()
    before = cache_file().read_bytes()
    startcache.put(startcache.TOML, "nieuw", 2)
    return before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes in any folder"
)
def test_a_read_only_folder_keeps_the_old_file() -> None:
    before = old_file()
    folder = cache_file().parent
    folder.chmod(0o555)
    try:
        assert not startcache.flush()
    finally:
        folder.chmod(0o755)
    assert cache_file().read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [startcache.NAME]


@pytest.mark.parametrize("failing", ["open", "write", "replace"])
def test_a_failed_write_keeps_the_old_file(failing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only (EROFS) or full (ENOSPC) file system, as root too."""
    before = old_file()
    folder = cache_file().parent
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def refused(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    with monkeypatch.context() as patch:
        if failing == "open":
            patch.setattr(os, "open", read_only)
        elif failing == "write":
            patch.setattr(os, "pwrite", full)
        else:
            patch.setattr(os, "replace", refused)
        assert not startcache.flush()
    assert cache_file().read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [startcache.NAME]  # no temp file
    assert startcache.flush()  # still to be written: next time it can
    reload()
    assert startcache.get(startcache.TOML, "nieuw") == 2


def test_the_module_imports_nothing_but_itself() -> None:
    """Importing it costs nothing at start-up (it is imported by the workshop loader):
    besides its file layer, only modules of Python's own that every start imports."""
    import json
    import subprocess

    script = (
        "import sys; before = set(sys.modules); import samen_tui.startcache; "
        "new = sorted(set(sys.modules) - before); import json; print(json.dumps(new))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=root,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )
    new = json.loads(done.stdout)
    ours = [name for name in new if name.split(".")[0] == "samen_tui"]
    assert ours == ["samen_tui", "samen_tui.cachefile", "samen_tui.startcache"]
    assert set(new) - set(ours) <= {"hashlib", "_hashlib", "_blake2", "contextlib", "stat"}


# --------------------------------------------------------------------------- TOML


def test_a_warm_cache_parses_no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    data = BUNDLED.read_bytes()
    cold = parse_workshop(data, BUNDLED)
    assert startcache.flush()
    reload()

    def no_parse(_text: str) -> dict[str, Any]:
        raise AssertionError("tomllib.loads on a warm cache")

    monkeypatch.setattr(tomllib, "loads", no_parse)
    warm = parse_workshop(data, BUNDLED)
    assert warm == cold
    assert warm.fingerprint == "sha256:" + hashlib.sha256(data).hexdigest()
    # the catalog's quick read too
    entry = catalog.entry_of(data, BUNDLED, "package")
    assert (entry.id, entry.error) == ("samen-ouder-worden", None)


def test_the_document_read_is_the_one_tomllib_gives() -> None:
    data = BUNDLED.read_bytes()
    text, cold = read_toml(data, "w.toml")
    startcache.flush()
    reload()
    again, warm = read_toml(data, "w.toml")
    assert (again, warm) == (text, cold) == (text, tomllib.loads(text))
    warm["workshop"]["id"] = "veranderd"  # a caller changing it changes no cache
    assert read_toml(data, "w.toml")[1] == cold


def test_a_document_with_dates_is_read_but_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    data = b'[workshop]\nid = "x"\nwhen = 2026-11-28\nat = 2026-11-28T10:00:00\n'
    _text, document = read_toml(data, "w.toml")
    assert document["workshop"]["when"] == dt.date(2026, 11, 28)
    assert startcache.get(startcache.TOML, hashlib.sha256(data).hexdigest()) is None
    calls: list[str] = []
    real = tomllib.loads

    def counting(text: str) -> dict[str, Any]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counting)
    assert read_toml(data, "w.toml")[1] == document
    assert len(calls) == 1  # parsed again


def test_errors_are_never_cached() -> None:
    data = b'[workshop]\nid = "x\n'
    for _ in range(2):
        with pytest.raises(WorkshopError) as info:
            read_toml(data, "w.toml")
        assert "w.toml:2:" in str(info.value)
    assert startcache.get(startcache.TOML, hashlib.sha256(data).hexdigest()) is None
    assert not startcache.flush()


def test_a_workshop_is_hashed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data = BUNDLED.read_bytes() + f"# {uuid.uuid4()}\n".encode()
    hashed: list[bytes] = []
    real = hashlib.sha256

    def counting(value: bytes = b"") -> Any:
        hashed.append(value)
        return real(value)

    monkeypatch.setattr(hashlib, "sha256", counting)
    workshop = parse_workshop(data, BUNDLED)
    assert hashed == [data]
    assert workshop.fingerprint == "sha256:" + real(data).hexdigest()
    assert startcache.get(startcache.TOML, real(data).hexdigest()) is not None


# --------------------------------------------------------------------------- plain data only


def test_a_code_object_is_never_kept_nor_given(tmp_path: Path) -> None:
    """Even in a file that passes every check (the user's own, a good checksum), a code
    object is no cache: nothing this module gives can be run."""
    marker = tmp_path / "ran"
    code = compile(f"import os\nos.mkdir({str(marker)!r})\n", "<cache>", "exec")
    assert not startcache.put(startcache.TOML, "k", code)
    assert not startcache.put(startcache.SLIDES, "k", (1, ("a", code)))
    content = good_content()
    content["toml"]["abc"] = marshal.dumps(code)
    content["slides"]["# Hallo"] = marshal.dumps((("inline", code),))
    write_cache(content)
    assert startcache.get(startcache.TOML, "abc") is None
    assert startcache.get(startcache.SLIDES, "# Hallo") is None
    assert not marker.exists()


def test_a_file_in_a_folder_others_can_write_is_not_read() -> None:
    write_cache(good_content())
    assert startcache.get(startcache.TOML, "abc") == {"a": 1}
    reload()
    cache_file().parent.chmod(0o777)
    assert startcache.get(startcache.TOML, "abc") is None
    startcache.put(startcache.TOML, "k", 1)
    assert startcache.flush()  # written anew, the folder made safe first
    assert not cache_file().parent.stat().st_mode & 0o022
    reload()
    assert startcache.get(startcache.TOML, "k") == 1
