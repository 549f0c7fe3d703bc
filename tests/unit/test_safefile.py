"""`samen_tui.safefile`: regular files only, their size known before reading, never a
hang on a pipe, never through a link where links are not followed; private folders."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samen_tui import safefile
from samen_tui.safefile import Refused

POSIX = os.name == "posix"
HANG = 10.0
"""Seconds after which a call that should return at once counts as hung."""


def returns_in_time(call: Callable[[], Any]) -> Any:
    """What ``call()`` returns or raises, in a thread; fails if it takes :data:`HANG`."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), "the call hung"
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"abc")
    data, info = safefile.read_regular(path, 10)
    assert data == b"abc" and info.st_size == 3


def test_a_file_over_the_limit_is_refused_before_a_byte_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groot.toml"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB, sparse
    reads: list[int] = []
    real = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real(fd, n))
    with pytest.raises(Refused) as caught:
        safefile.read_regular(path, 1024)
    assert caught.value.kind == safefile.TOO_BIG and caught.value.size == 3 * 1024**3
    assert reads == []


def test_a_file_that_grows_after_its_size_was_checked_is_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groeit.toml"
    path.write_bytes(b"x" * 10)
    real = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real(fd)[:6], 1, *real(fd)[7:])))
    with pytest.raises(Refused) as caught:
        safefile.read_regular(path, 5)
    assert caught.value.kind == safefile.TOO_BIG


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Refused) as caught:
        safefile.read_regular(tmp_path, 10)
    assert caught.value.kind == safefile.DIRECTORY


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_unread() -> None:
    with pytest.raises(Refused) as caught:
        returns_in_time(lambda: safefile.read_regular("/dev/zero", 1024))
    assert caught.value.kind == safefile.NOT_REGULAR


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    with pytest.raises(Refused) as caught:
        returns_in_time(lambda: safefile.read_regular(pipe, 1024))
    assert caught.value.kind == safefile.NOT_REGULAR


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_swapped_in_after_the_look_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is looked at first; a pipe put in its place before the open is
    opened without waiting (O_NONBLOCK) and refused on the descriptor."""
    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    regular = tmp_path / "gewoon.toml"
    regular.write_bytes(b"a")
    real = os.stat
    monkeypatch.setattr(
        os, "stat", lambda p, **kw: real(regular) if Path(p) == pipe else real(p, **kw)
    )
    with pytest.raises(Refused) as caught:
        returns_in_time(lambda: safefile.read_regular(pipe, 1024))
    assert caught.value.kind == safefile.NOT_REGULAR


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_links_are_followed_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "doel.toml"
    target.write_bytes(b"doel")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert safefile.read_regular(link, 10)[0] == b"doel"
    with pytest.raises(Refused) as caught:
        safefile.read_regular(link, 10, follow=False)
    assert caught.value.kind == safefile.SYMLINK


def test_a_missing_file_is_the_system_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        safefile.read_regular(tmp_path / "weg.toml", 10)
    with pytest.raises(OSError):
        safefile.read_regular("a\0b", 10)


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_private_folder_is_made_0700_with_the_folders_above(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b" / "c"
    assert safefile.private_folder(folder)
    for made in (folder, folder.parent, folder.parent.parent):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700


@pytest.mark.skipif(not POSIX, reason="file modes")
def test_private_folder_takes_away_what_others_could_write(tmp_path: Path) -> None:
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    folder.chmod(0o777)
    assert safefile.private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_a_link_to_a_folder_is_no_private_folder(tmp_path: Path) -> None:
    real = tmp_path / "echt"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    assert not safefile.private_folder(link)
    (tmp_path / "bestand").write_text("x")
    assert not safefile.private_folder(tmp_path / "bestand")
