"""Hostile files (#21 items 3, 5, 9, 10, 12): malformed sessions, and symlinks, pipes
and devices wherever the app opens a file by a name it did not choose.

* Hundreds of malformed sessions (``hostile.variants``: every value of a realistic
  session replaced by every other type, dates at the ends of the calendar, the
  workshop key as a path, a pipe, a typo, lists over the limit, nesting too deep),
  each through what the review and ``samen export`` do (``hostile.check``): each
  refused with a reason or opened, never a crash, never a hang, the file unchanged.
  Then all of them in one folder through the review's own listing.
* Every place a name comes from elsewhere, as a symlink (to a file, dangling, to a
  device), a pipe, a folder or a device: the session file, its lock, the review
  index, a workshop file, the workshop a session names, an export's target. Nothing
  hangs, nothing is written through a link, no target changes.

Counts go to the "reliability counts" section (docs/reliability.md has the figures
before and after).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samen_tui import paths
from tests.fixtures import sessions as fx
from tests.reliability import hostile
from tests.reliability.helpers import FULL, fingerprint, report

POSIX = os.name == "posix"
QUICK_COUNT = 420
"""Malformed sessions tried in the quick mode (the full mode tries every variant)."""


def chosen(good: bytes, places: dict[str, str]) -> list[hostile.Variant]:
    found = hostile.variants(good, places)
    return found if FULL else hostile.sample(found, QUICK_COUNT)


def good_session(folder: Path) -> bytes:
    """The richest of a few realistic sessions: every step kind captured."""
    written = fx.write_sessions(folder, 6)
    return max((p.read_bytes() for p in written), key=len)


def workshop_dirs(root: Path) -> list[tuple[str, Path]]:
    folder = root / "workshops"
    folder.mkdir()
    (folder / "met-typo.toml").write_text(
        '[workshop]\nid = "met-typo"\ntitle = "Typo"\n[[items]\nid = "a"\n', "utf-8"
    )
    return [("test", folder), ("package", paths.PACKAGE_WORKSHOPS)]


@pytest.mark.slow  # about 15 s: 450 sessions, each read, listed twice, reported on
def test_malformed_sessions_are_refused_or_opened_never_a_crash(tmp_path: Path) -> None:
    good = good_session(tmp_path / "good")
    dirs = workshop_dirs(tmp_path)
    places = hostile.hostile_places(tmp_path)
    variants = chosen(good, places)
    assert len(variants) >= 400
    tally = hostile.Tally()
    cache = tmp_path / "cache" / "index.sqlite3"
    for number, variant in enumerate(variants):
        folder = tmp_path / "v" / f"{number:04d}"  # alone: the listing reads one file
        folder.mkdir(parents=True)
        path = folder / "sessie.toml"
        path.write_bytes(variant.data)
        outcome = hostile.check(path, dirs, cache)
        outcome.name = variant.name
        tally.outcomes.append(outcome)
    report("hostile_files", tally.line())
    assert tally.bad() == []
    assert tally.count("refused") > 200 and tally.count("opened") > 20


def test_the_review_lists_a_folder_of_malformed_sessions(tmp_path: Path) -> None:
    """All of them in one folder, through the review's listing (summary cache, quick
    look, then every file in full) and its workshop cache."""
    from samen_tui.session.index import SessionIndex
    from samen_tui.session.store import SessionStore
    from samen_tui.tui.screens.review.loading import WorkshopCache, load_listing

    good = good_session(tmp_path / "good")
    dirs = workshop_dirs(tmp_path)
    folder = tmp_path / "sessies"
    written = hostile.write_variants(folder, chosen(good, hostile.hostile_places(tmp_path)))
    before = fingerprint(folder)
    index = SessionIndex(tmp_path / "cache" / "index.sqlite3")
    store = SessionStore(folder, index=index)

    def review() -> Any:
        loaded = load_listing(store, WorkshopCache(dirs))
        index.verify(folder)
        return loaded, load_listing(store, WorkshopCache(dirs))

    status, value = hostile.in_time(review, timeout=120.0)
    index.close()
    assert status == "ok", value
    first, again = value
    assert len(first.rows) + len(first.unreadable) == len(written)
    assert len(again.rows) + len(again.unreadable) == len(written)
    assert all(item.reason for item in again.unreadable)
    assert fingerprint(folder) == before
    report(
        "hostile_files",
        f"one folder of {len(written)}: {len(again.rows)} listed as sessions, "
        f"{len(again.unreadable)} as unreadable with their reason; review never crashed",
    )


# --------------------------------------------------------------------------- odd kinds

Case = tuple[str, Callable[[Path], None], Callable[[Path], Any]]


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


KINDS: dict[str, Callable[[Path], None]] = {
    "symlink-to-file": lambda path: path.symlink_to(path.with_name("doel.txt")),
    "symlink-dangling": lambda path: path.symlink_to(path.with_name("nergens")),
    "symlink-loop": lambda path: path.symlink_to(path),
    "symlink-to-dev-zero": _symlink("/dev/zero"),
    "symlink-to-dev-null": _symlink("/dev/null"),
    "fifo": _fifo,
    "folder": _folder,
}


def good_session_path(root: Path) -> Path:
    (path,) = fx.write_sessions(root, 1)
    return path


def _operations(root: Path) -> dict[str, tuple[Path, Callable[[], Any]]]:
    """Where an odd entry is put, and what then opens it (each returns or raises).
    Written against what the code of ``eb979a8`` has too (the figures before)."""
    import io

    from samen_tui.cli import main
    from samen_tui.session.index import SessionIndex
    from samen_tui.session.lock import SessionLock
    from samen_tui.session.store import list_sessions, load_session, save_session
    from samen_tui.workshop import catalog
    from samen_tui.workshop.check import check_files

    sessions = root / "sessies"
    session = good_session_path(sessions)
    lock_target = root / "lock" / "s.toml"
    lock_target.parent.mkdir()
    lock_target.write_bytes(session.read_bytes())
    workshops = root / "ws"
    workshops.mkdir()
    cache = root / "cache"
    cache.mkdir(mode=0o700)
    # the review finds a session's workshop so (before: by id or path)
    named = getattr(catalog, "session_workshop", catalog.resolve_workshop)
    force = ["--force"] if "--force" in _export_help() else []

    def claim() -> Any:
        lock = SessionLock(lock_target)
        if hasattr(lock, "claim"):
            return lock.claim()
        return lock.acquire()  # before: what resume called

    def index() -> Any:
        found = SessionIndex(cache / "index.sqlite3")
        try:
            return found.summaries(sessions)
        finally:
            found.close()

    def workshop_named() -> Any:
        try:
            return named(str(workshops / "genoemd.toml"), [("x", workshops)])
        except LookupError as exc:  # what a user is told: no such workshop
            return exc

    def export() -> Any:
        argv = ["export", str(session), "-o", str(root / "verslag.md"), *force]
        return main(argv, out=io.StringIO())

    return {
        "session-file": (sessions / "odd.toml", lambda: list_sessions(sessions)),
        "session-load": (sessions / "odd2.toml", lambda: load_session(sessions / "odd2.toml")),
        "session-save": (
            sessions / "odd3.toml",
            lambda: save_session(load_session(session), sessions / "odd3.toml"),
        ),
        "lock": (lock_target.with_name("s.toml.lock"), claim),
        "index": (cache / "index.sqlite3", index),
        "workshop-in-folder": (
            workshops / "odd.toml",
            lambda: catalog.find_workshops([("x", workshops)], validate=True),
        ),
        "workshop-checked": (
            workshops / "check.toml",
            lambda: check_files([str(workshops / "check.toml")], _Null(), _Null()),
        ),
        "workshop-named-by-session": (workshops / "genoemd.toml", workshop_named),
        "export-target": (root / "verslag.md", export),
    }


def _export_help() -> str:
    from samen_tui.cli import build_parser

    parser = build_parser()
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict) and "export" in choices:
            return str(choices["export"].format_help())
    return ""


REPLACED_AS_A_NAME = {"index.sqlite3", "verslag.md"}
"""What may be replaced where the odd entry was (never through it): the review index
is made anew there, an export with ``--force`` is written there."""


def _others_changed(path: Path, before: dict[str, str]) -> bool:
    """Whether anything in the folder changed but the odd entry itself (where that
    may be replaced as a name)."""
    after = fingerprint(path.parent)
    if path.name in REPLACED_AS_A_NAME:
        before = {k: v for k, v in before.items() if not k.startswith(path.name)}
        after = {k: v for k, v in after.items() if not k.startswith(path.name)}
    return after != before


def odd_cases(tmp_path: Path) -> list[tuple[str, str, str]]:
    """Every kind of odd entry at every place: (kind, place, what happened): ``ok``,
    ``refused`` (a message), ``crash``, ``hang`` or ``written`` (a target changed)."""
    from samen_tui.session.errors import SaveError, SessionReadError
    from samen_tui.workshop.problems import WorkshopError

    expected = (SessionReadError, SaveError, WorkshopError, LookupError)
    out = []
    for kind, make in KINDS.items():
        root = tmp_path / kind
        root.mkdir()
        for place, (path, operation) in _operations(root).items():
            doel = path.with_name("doel.txt")
            doel.write_text("niet aankomen")
            make(path)
            before = fingerprint(path.parent)
            status, value = hostile.in_time(operation)
            if status == "hang":
                result = "hang"
            elif status == "raised" and not isinstance(value, expected):
                result = "crash"
            elif doel.read_text() != "niet aankomen" or _others_changed(path, before):
                result = "written"
            else:
                result = "refused" if status == "raised" else "ok"
            out.append((kind, place, result))
    return out


class _Null:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None


@pytest.mark.skipif(not POSIX, reason="symlinks, pipes and devices")
def test_symlinks_pipes_folders_and_devices_never_hang_or_get_written(tmp_path: Path) -> None:
    cases = odd_cases(tmp_path)
    assert len(cases) == len(KINDS) * 9
    bad = [case for case in cases if case[2] in ("hang", "crash", "written")]
    report(
        "hostile_files",
        f"{len(cases)} symlink / pipe / folder / device cases: "
        f"{sum(c[2] == 'refused' for c in cases)} refused with a message, "
        f"{sum(c[2] == 'ok' for c in cases)} went on without it, {len(bad)} hung, "
        "crashed or wrote through",
    )
    assert bad == []
