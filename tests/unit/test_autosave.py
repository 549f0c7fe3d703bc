"""The autosave writer: a failed save is tried again by itself, gently, until it lands."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from samen_tui.session.autosave import AutoSaver


def eventually(predicate: Any, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class FlakyDisk:
    """A save function that fails the first ``failures`` times (disk full), then works."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[tuple[float, dict[str, Any], Path]] = []
        self.written: dict[Path, dict[str, Any]] = {}
        self.landed = threading.Event()

    def __call__(self, data: dict[str, Any], path: Path) -> None:
        self.calls.append((time.monotonic(), data, path))
        if len(self.calls) <= self.failures:
            raise OSError(28, "No space left on device")
        self.written[path] = data
        self.landed.set()


def test_a_failed_save_lands_without_another_edit(tmp_path: Path) -> None:
    disk = FlakyDisk(failures=3)
    errors: list[Exception] = []
    saved: list[Path] = []
    path = tmp_path / "sessie.toml"
    saver = AutoSaver(
        path,
        save=disk,
        on_error=errors.append,
        on_saved=saved.append,
        retry_first=0.05,
        retry_max=0.2,
    )
    try:
        saver.submit({"title": "Eén wijziging"})
        assert not saver.flush(2.0)  # the first try failed (and says so)
        assert saver.failed is not None
        # no other submit: the writer tries again by itself until the disk is back
        assert disk.landed.wait(5.0), disk.calls
        assert saver.flush(2.0)
        assert disk.written == {path: {"title": "Eén wijziging"}}
        assert saver.failed is None
        assert eventually(lambda: saved == [path]), saved  # reported after the write
        assert len(errors) == 3
        # after it landed, nothing more is written
        time.sleep(0.3)
        assert len(disk.calls) == 4
    finally:
        saver.close()


def test_it_waits_between_tries_and_a_newer_snapshot_wins(tmp_path: Path) -> None:
    disk = FlakyDisk(failures=1_000)
    saver = AutoSaver(tmp_path / "s.toml", save=disk, retry_first=0.1, retry_max=0.4)
    try:
        saver.submit({"n": 1})
        time.sleep(1.5)
        tries = len(disk.calls)
        # not spinning: 0.1, 0.15, 0.225, 0.34, 0.4, 0.4 ... seconds apart (a busy
        # machine may stretch a wait, never shorten it)
        assert 2 <= tries <= 7, tries
        gaps = [b[0] - a[0] for a, b in zip(disk.calls, disk.calls[1:], strict=False)]
        assert all(gap >= 0.09 for gap in gaps), gaps
        assert max(gaps) < 1.5, gaps  # the wait stops growing at retry_max
        # an edit meanwhile: only the newer snapshot is tried from then on
        saver.submit({"n": 2})
        saver.flush(2.0)
        disk.failures = 0
        assert disk.landed.wait(3.0)
        assert list(disk.written.values()) == [{"n": 2}]
        assert all(data == {"n": 2} for _at, data, _path in disk.calls[tries:])
    finally:
        saver.close()


def test_retarget_tries_the_failed_snapshot_at_the_new_place_at_once(tmp_path: Path) -> None:
    disk = FlakyDisk(failures=1)
    saver = AutoSaver(tmp_path / "vol.toml", save=disk, retry_first=60.0, retry_max=60.0)
    try:
        saver.submit({"n": 1})
        assert not saver.flush(2.0)
        copy = tmp_path / "usb" / "kopie.toml"
        saver.retarget(copy)
        assert disk.landed.wait(3.0)
        assert disk.written == {copy: {"n": 1}}
    finally:
        saver.close()


def test_close_stops_trying_and_reports_nothing_more(tmp_path: Path) -> None:
    disk = FlakyDisk(failures=1_000)
    errors: list[Exception] = []
    saver = AutoSaver(
        tmp_path / "s.toml", save=disk, on_error=errors.append, retry_first=0.05, retry_max=0.05
    )
    saver.submit({"n": 1})
    assert not saver.flush(2.0)
    started = time.monotonic()
    assert not saver.close(2.0)
    assert time.monotonic() - started < 1.5
    assert not saver._thread.is_alive()
    calls, reported = len(disk.calls), len(errors)
    time.sleep(0.3)
    assert (len(disk.calls), len(errors)) == (calls, reported)
