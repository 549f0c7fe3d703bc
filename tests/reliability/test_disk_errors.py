"""The disk says no: a full disk, a read-only folder, no permission, a folder that is gone.

In-process (Pilot). The store's ``os`` is swapped for a proxy that fails the chosen
calls for paths in the sessions folder only (the tests run as root, so chmod alone
would not stop a write), or the sessions folder is really removed. Each time:

* the app shows a clear Dutch message (a notification naming the reason) and its
  sub-title says NIET OPGESLAGEN;
* what was typed stays in memory (``screen.session``);
* the good file on disk is byte-identical while the disk keeps failing (so is its
  ``.bak``), and no temporary file is left behind;
* "Kopie opslaan als…" from the command palette, with a new path in the path
  dialog, saves everything there, and later changes go there too.
"""

from __future__ import annotations

import errno
import os
import shutil
import types
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

import samen_tui.session.saving as saving_module
from samen_tui.i18n import t
from samen_tui.session.store import load_session
from samen_tui.tui.screens.dialogs import ConfirmDialog, PathDialog
from tests.reliability.helpers import messages, names_in, new_session_file, report, sha256
from tests.tui.conftest import burst, make_app, until, walk_screen


async def saved_or_failed(pilot: Any, attempts: int) -> None:
    """Until the autosave (it ticks every 0.25 s) has tried to write the change made
    after ``attempts`` tries, and the screen has been told how it went."""
    screen = walk_screen(pilot.app)
    saver = screen.capture.saver
    assert saver is not None
    await until(
        pilot, lambda: saver.attempts > attempts and not screen.capture.dirty and saver.settled
    )
    await pilot.pause()


def attempts(pilot: Any) -> int:
    saver = walk_screen(pilot.app).capture.saver
    assert saver is not None
    return saver.attempts


class FailingOs(types.ModuleType):
    """``os`` for the saving of session files, failing some calls on paths inside ``folder``.

    ``mode``: ``write`` (os.write to a file opened in the folder), ``replace``
    (os.replace into the folder), or ``readonly`` (creating, linking, replacing,
    renaming or removing anything in the folder; opening for writing).
    """

    def __init__(self, folder: Path, mode: str, code: int) -> None:
        super().__init__("os")
        self._folder = os.path.realpath(folder)
        self._mode = mode
        self._code = code
        self._fds: set[int] = set()
        self.failures = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def _inside(self, path: Any) -> bool:
        real = os.path.realpath(os.fspath(path))
        return real == self._folder or real.startswith(self._folder + os.sep)

    def _fail(self) -> None:
        self.failures += 1
        raise OSError(self._code, os.strerror(self._code))

    def open(self, path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if self._mode == "readonly" and writing and self._inside(path):
            self._fail()
        fd = os.open(path, flags, mode, **kwargs)
        if self._inside(path):
            self._fds.add(fd)
        return fd

    def close(self, fd: int) -> None:
        self._fds.discard(fd)
        os.close(fd)

    def write(self, fd: int, data: Any) -> int:
        if self._mode == "write" and fd in self._fds:
            self._fail()
        return os.write(fd, data)

    def replace(self, src: Any, dst: Any, **kwargs: Any) -> None:
        if self._mode in ("replace", "readonly") and self._inside(dst):
            self._fail()
        os.replace(src, dst, **kwargs)

    def _guard(self, *paths: Any) -> None:
        if self._mode == "readonly" and any(self._inside(p) for p in paths):
            self._fail()

    def link(self, src: Any, dst: Any, **kwargs: Any) -> None:
        self._guard(dst)
        os.link(src, dst, **kwargs)

    def rename(self, src: Any, dst: Any, **kwargs: Any) -> None:
        self._guard(src, dst)
        os.rename(src, dst, **kwargs)

    def unlink(self, path: Any, **kwargs: Any) -> None:
        self._guard(path)
        os.unlink(path, **kwargs)

    def remove(self, path: Any, **kwargs: Any) -> None:
        self.unlink(path, **kwargs)

    def mkdir(self, path: Any, *args: Any, **kwargs: Any) -> None:
        self._guard(path)
        os.mkdir(path, *args, **kwargs)


REASONS = {
    errno.ENOSPC: "session.os.no_space",
    errno.EROFS: "session.os.read_only",
    errno.EACCES: "session.os.permission",
    errno.ENOENT: "session.os.missing",
}

CASES = [
    pytest.param("write", errno.ENOSPC, id="disk-full-on-write"),
    pytest.param("replace", errno.ENOSPC, id="disk-full-on-rename"),
    pytest.param("readonly", errno.EROFS, id="read-only-folder"),
    pytest.param("readonly", errno.EACCES, id="no-permission"),
    pytest.param("removed", errno.ENOENT, id="folder-removed"),
]


async def add(pilot: Any, name: str) -> None:
    """A participant, as if typed in the name field and entered; then one autosave."""
    field = walk_screen(pilot.app).step_view.query_one("#p-name", Input)
    assert pilot.app.focused is field
    field.value = name
    before = attempts(pilot)
    await pilot.press("enter")
    await saved_or_failed(pilot, before)


async def save_copy_as(pilot: Any, target: Path, palette: bool) -> None:
    """ "Kopie opslaan als…" (from the command palette, or its action), then the new path
    in its dialog."""
    app = pilot.app
    if palette:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, "Kopie opslaan")
        await pilot.pause(0.3)
        await pilot.press("enter")
    else:
        walk_screen(app).action_save_as()
    await until(pilot, lambda: isinstance(app.screen, PathDialog) and app.screen.query("#path"))
    dialog = app.screen
    assert isinstance(dialog, PathDialog), f"expected the path dialog, got {dialog!r}"
    assert t("cmd.save_as") in str(dialog.query_one(".dialog-title").render())
    field = dialog.query_one("#path", Input)
    field.value = str(target)
    field.focus()
    await pilot.press("enter")
    await until(pilot, lambda: not walk_screen(app).save_error and target.exists())


@pytest.mark.parametrize(("mode", "code"), CASES)
async def test_the_disk_says_no(
    sessions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, code: int
) -> None:
    path = new_session_file(sessions, participants=("Anna de Vries",))
    backup = path.with_name(path.name + ".bak")
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    copy = elsewhere / "kopie.toml"
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert app.focused is not None and app.focused.id == "p-name"
        await add(pilot, "Bert Jansen")
        assert names_in(path) == ["Anna de Vries", "Bert Jansen"]
        good = sha256(path)
        good_backup = sha256(backup) if backup.exists() else None
        listing = sorted(os.listdir(sessions))

        # ---- the disk starts failing
        proxy = None
        if mode == "removed":
            shutil.rmtree(sessions)
        else:
            proxy = FailingOs(sessions, mode, code)
            monkeypatch.setattr(saving_module, "os", proxy)
        await add(pilot, "Chloë van Dijk")
        shown = messages(app)
        reason = t(REASONS[code])
        assert any("Opslaan mislukt" in m and reason in m for m in shown), shown
        assert any("geheugen" in m for m in shown), shown
        assert "NIET OPGESLAGEN" in screen.sub_title
        assert screen.save_error
        await add(pilot, "Daan Bakker")
        before = attempts(pilot)
        await pilot.press("ctrl+s")  # saving by hand fails the same way
        await saved_or_failed(pilot, before)
        typed = ["Anna de Vries", "Bert Jansen", "Chloë van Dijk", "Daan Bakker"]
        assert [p.name for p in screen.session.participants] == typed
        assert "NIET OPGESLAGEN" in screen.sub_title
        assert not any(m.startswith("Opgeslagen") for m in messages(app)), messages(app)
        if mode == "removed":
            assert not sessions.exists(), "the app made the removed folder again"
        else:
            assert proxy is not None and proxy.failures >= 2
            assert sha256(path) == good, "a failed save changed the session file"
            assert (sha256(backup) if backup.exists() else None) == good_backup
            assert sorted(os.listdir(sessions)) == listing, "a failed save left files behind"

        # ---- quitting now asks first (the data is not on disk)
        by_keys = mode in ("write", "removed")
        if by_keys:
            await pilot.press("ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.click("#no")
            await until(pilot, lambda: app.screen is screen)

        # ---- save a copy elsewhere: everything is there
        await save_copy_as(pilot, copy, palette=by_keys)
        assert copy.exists(), messages(app)
        assert names_in(copy) == typed
        saved_copy = load_session(copy)
        assert saved_copy.title == "Betrouwbaarheid"
        assert saved_copy.current == "wie-is-er"
        assert "NIET OPGESLAGEN" not in screen.sub_title
        assert not screen.save_error
        assert screen.path == copy
        # later changes go to the copy; the original stays as it was
        await add(pilot, "Eva Smit")
        assert names_in(copy) == [*typed, "Eva Smit"]
        if mode != "removed":
            assert sha256(path) == good
            # the session moved: its old file's lock let go (#16), nothing else
            lock = path.name + ".lock"
            assert sorted(os.listdir(sessions)) == [n for n in listing if n != lock]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert names_in(copy) == [*typed, "Eva Smit"]
    if mode != "removed":
        assert sha256(path) == good
        report(
            "disk_errors",
            f"{mode}/{errno.errorcode[code]}: message, data kept, "
            f"file byte-identical over {proxy.failures if proxy else 0} failed "
            f"operations, copy saved elsewhere",
        )
    else:
        report("disk_errors", "sessions folder removed: message, data kept, copy saved")


async def test_when_the_disk_comes_back_everything_is_saved(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Space freed again: Ctrl+S (or the next change) writes all that was kept in memory."""
    path = new_session_file(sessions, participants=("Anna de Vries",))
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        monkeypatch.setattr(saving_module, "os", FailingOs(sessions, "write", errno.ENOSPC))
        await add(pilot, "Bert Jansen")
        await add(pilot, "Chloë van Dijk")
        assert "NIET OPGESLAGEN" in screen.sub_title
        assert names_in(path) == ["Anna de Vries"]
        monkeypatch.setattr(saving_module, "os", os)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.save_error)
        assert names_in(path) == ["Anna de Vries", "Bert Jansen", "Chloë van Dijk"]
        assert "NIET OPGESLAGEN" not in screen.sub_title
        assert screen.path == path
        await pilot.press("ctrl+q")
        await pilot.pause()
    report("disk_errors", "disk back: Ctrl+S saved what was kept in memory")


async def test_when_the_disk_comes_back_it_is_saved_without_another_edit(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Space freed again: the autosave tries again by itself (no key, no Ctrl+S)."""
    path = new_session_file(sessions, participants=("Anna de Vries",))
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        monkeypatch.setattr(saving_module, "os", FailingOs(sessions, "write", errno.ENOSPC))
        await add(pilot, "Bert Jansen")
        await until(pilot, lambda: bool(screen.save_error))
        assert "NIET OPGESLAGEN" in screen.sub_title
        monkeypatch.setattr(saving_module, "os", os)
        await until(pilot, lambda: not screen.save_error)
        assert names_in(path) == ["Anna de Vries", "Bert Jansen"]
        assert "NIET OPGESLAGEN" not in screen.sub_title
        # the toast is a message the app handles on its next turn (Textual's notify)
        await until(pilot, lambda: any(m.startswith("Opgeslagen") for m in messages(app)))
        await pilot.press("ctrl+q")
        await pilot.pause()
    report("disk_errors", "disk back: saved by itself, without another edit")
