"""Cache files (samen_tui.cachefile): only the user's own, private folder and files are
read, never through a symlink, never more than the size limit, and only when the
checksum holds; they are made 0700 / 0600.

Another user is simulated by a different ``os.getuid()`` (the folder and its files
then belong to "someone else"), or, for one file only, by an ``os.fstat`` that says
so; as root the tests also hand files to another user for real (``os.chown``).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samen_tui import cachefile, paths

pytestmark = pytest.mark.fresh_cache  # tests of the caches start with none

NAME = "probe.bin"
CONTENT = b"what an earlier start kept" * 100


def folder() -> Path:
    return paths.cache_dir()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def another_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the app runs as someone else than the owner of the cache."""
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 4242)


def file_of_another_user(monkeypatch: pytest.MonkeyPatch, name: str = NAME) -> None:
    """The cache file ``name`` is someone else's (the folder stays the user's)."""
    real_fstat = os.fstat
    target = (folder() / name).stat().st_ino

    def fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        if info.st_ino != target:
            return info
        values = list(info)
        values[stat.ST_UID] = info.st_uid + 4242
        return os.stat_result(values)

    monkeypatch.setattr(os, "fstat", fstat)


def test_round_trip_and_modes() -> None:
    old = os.umask(0)  # even with nothing masked: private
    try:
        assert cachefile.write(NAME, CONTENT)
    finally:
        os.umask(old)
    assert cachefile.read(NAME) == CONTENT
    assert mode(folder()) == 0o700
    assert mode(folder() / NAME) == 0o600
    assert (folder() / NAME).stat().st_uid == os.getuid()
    assert sorted(p.name for p in folder().iterdir()) == [NAME]  # no temporary file left


def test_the_header_is_written_last(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file cut off while written (before its rename) never passes."""
    writes: list[tuple[int, bytes]] = []
    real = os.pwrite

    def recording(fd: int, data: Any, offset: int) -> int:
        writes.append((offset, bytes(data)))
        return real(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", recording)
    assert cachefile.write(NAME, CONTENT)
    *_, (offset, last) = writes
    assert offset == 0 and last == cachefile.frame(CONTENT)[: cachefile.HEADER]
    # the file as it was before its header came: no cache
    assert cachefile.unframe(bytes(cachefile.HEADER) + CONTENT) is None


def test_no_file_no_folder() -> None:
    assert cachefile.read(NAME) is None
    assert not folder().exists()  # reading makes nothing


@pytest.mark.parametrize("where", ["header", "content", "last"])
def test_every_flipped_bit_is_no_cache(where: str) -> None:
    assert cachefile.write(NAME, CONTENT)
    good = (folder() / NAME).read_bytes()
    start = {"header": 0, "content": cachefile.HEADER, "last": len(good) - 8}[where]
    for index in range(start, start + 8):
        for bit in range(8):
            damaged = bytearray(good)
            damaged[index] ^= 1 << bit
            (folder() / NAME).write_bytes(damaged)
            assert cachefile.read(NAME) is None, (index, bit)


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data[:-1],
        lambda data: data + b"\x00",
        lambda data: data[: cachefile.HEADER],
        lambda data: data[: cachefile.HEADER - 1],
        lambda data: b"",
        lambda data: data[cachefile.HEADER :],
    ],
    ids=["short", "long", "header-only", "part-of-header", "empty", "no-header"],
)
def test_a_file_of_another_length_is_no_cache(change: Callable[[bytes], bytes]) -> None:
    assert cachefile.write(NAME, CONTENT)
    (folder() / NAME).write_bytes(change((folder() / NAME).read_bytes()))
    assert cachefile.read(NAME) is None


def test_a_file_of_another_python_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its marshal may differ: it is not unmarshalled at all."""
    assert cachefile.write(NAME, CONTENT)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert cachefile.read(NAME) is None


def test_the_size_is_checked_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cachefile.write(NAME, CONTENT)
    reads: list[int] = []
    real = os.read

    def counting(fd: int, size: int) -> bytes:
        reads.append(size)
        return real(fd, size)

    monkeypatch.setattr(os, "read", counting)
    assert cachefile.read(NAME, max_size=len(CONTENT)) is None  # the header makes it larger
    assert reads == []
    assert cachefile.read(NAME, max_size=len(CONTENT) + cachefile.HEADER) == CONTENT


def test_a_huge_sparse_file_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cachefile.write(NAME, CONTENT)
    with open(folder() / NAME, "r+b") as file:
        file.truncate(cachefile.MAX_SIZE + 1)
    monkeypatch.setattr(os, "read", lambda *_: pytest.fail("read"))
    assert cachefile.read(NAME) is None


def test_a_symlink_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / NAME).write_bytes(cachefile.frame(CONTENT))
    (elsewhere / NAME).chmod(0o600)
    folder().mkdir(mode=0o700)
    (folder() / NAME).symlink_to(elsewhere / NAME)
    assert cachefile.read(NAME) is None
    # writing replaces the link itself, never its target
    assert cachefile.write(NAME, b"nieuw")
    assert not (folder() / NAME).is_symlink()
    assert (elsewhere / NAME).read_bytes() == cachefile.frame(CONTENT)


def test_a_symlinked_folder_is_not_used(tmp_path: Path) -> None:
    target = tmp_path / "doel"
    target.mkdir(mode=0o700)
    (target / NAME).write_bytes(cachefile.frame(CONTENT))
    (target / NAME).chmod(0o600)
    folder().parent.mkdir(parents=True, exist_ok=True)
    folder().symlink_to(target)
    assert cachefile.read(NAME) is None
    assert not cachefile.write(NAME, b"nieuw")
    assert (target / NAME).read_bytes() == cachefile.frame(CONTENT)


def test_a_fifo_does_not_block() -> None:
    folder().mkdir(mode=0o700)
    os.mkfifo(folder() / NAME, 0o600)
    assert cachefile.read(NAME) is None  # at once: opened without blocking, then refused


def test_a_folder_in_place_of_the_file_is_no_cache() -> None:
    (folder() / NAME).mkdir(parents=True)
    assert cachefile.read(NAME) is None
    assert not cachefile.write(NAME, CONTENT)


@pytest.mark.parametrize("bits", [0o020, 0o002, 0o022])
def test_a_file_others_can_write_is_not_read(bits: int) -> None:
    assert cachefile.write(NAME, CONTENT)
    (folder() / NAME).chmod(0o600 | bits)
    assert cachefile.read(NAME) is None
    assert cachefile.write(NAME, CONTENT)  # written anew: private again
    assert mode(folder() / NAME) == 0o600
    assert cachefile.read(NAME) == CONTENT


def test_a_file_of_another_user_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cachefile.write(NAME, CONTENT)
    with monkeypatch.context() as patch:
        file_of_another_user(patch)
        assert cachefile.read(NAME) is None
    assert cachefile.read(NAME) == CONTENT


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_file_handed_to_another_user_is_not_read() -> None:
    assert cachefile.write(NAME, CONTENT)
    os.chown(folder() / NAME, 4242, 4242)
    assert cachefile.read(NAME) is None
    assert cachefile.write(NAME, CONTENT)  # replaced by one of the user's own
    assert (folder() / NAME).stat().st_uid == os.getuid()
    assert cachefile.read(NAME) == CONTENT


@pytest.mark.parametrize("folder_mode", [0o777, 0o770, 0o757, 0o1777])
def test_a_folder_others_can_write_is_not_read(folder_mode: int) -> None:
    """A shared or synced ``$SAMEN_CACHE``: what is in it may have been put there by
    someone else. Writing takes the others' write permission away, then it is used."""
    assert cachefile.write(NAME, CONTENT)
    folder().chmod(folder_mode)
    assert cachefile.read(NAME) is None
    assert cachefile.write(NAME, CONTENT)
    assert not mode(folder()) & 0o022
    assert mode(folder()) == folder_mode & ~0o022
    assert cachefile.read(NAME) == CONTENT


def test_a_folder_of_another_user_is_neither_read_nor_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert cachefile.write(NAME, CONTENT)
    folder().chmod(0o777)
    before = (folder() / NAME).read_bytes()
    another_user(monkeypatch)
    assert cachefile.read(NAME) is None
    assert not cachefile.write(NAME, b"nieuw")
    assert (folder() / NAME).read_bytes() == before
    assert mode(folder()) == 0o777  # not someone else's to change
    assert sorted(p.name for p in folder().iterdir()) == [NAME]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_folder_handed_to_another_user_is_neither_read_nor_written() -> None:
    assert cachefile.write(NAME, CONTENT)
    os.chown(folder(), 4242, 4242)
    assert cachefile.read(NAME) is None
    assert not cachefile.write(NAME, b"nieuw")
    assert (folder() / NAME).read_bytes() == cachefile.frame(CONTENT)


@pytest.mark.parametrize("failing", ["pwrite", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cachefile.write(NAME, CONTENT)

    def full(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, failing, full)
        assert not cachefile.write(NAME, b"nieuw")
    assert cachefile.read(NAME) == CONTENT
    assert sorted(p.name for p in folder().iterdir()) == [NAME]


def test_a_folder_that_cannot_be_made_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("SAMEN_CACHE", str(blocker / "cache"))
    assert cachefile.read(NAME) is None
    assert not cachefile.write(NAME, CONTENT)
