"""Shared test set-up: no test ever touches the real user folders.

``samen_dirs`` (autouse) points the sessions, config and cache folders, and the XDG
base folders platformdirs falls back on, at a fresh temporary folder per test, and
forgets what the start-up cache (:mod:`samen_tui.startcache`) holds in memory. The
folders are not created: code under test must create what it needs. Ask for the
fixture to know where they are (``samen_dirs.sessions`` ...).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from samen_tui import startcache
from samen_tui.i18n import set_language


@dataclass(frozen=True)
class SamenDirs:
    root: Path
    sessions: Path
    config: Path
    cache: Path


@pytest.fixture(autouse=True)
def samen_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SamenDirs]:
    root = tmp_path_factory.mktemp("samen-home")
    dirs = SamenDirs(
        root=root,
        sessions=root / "sessions",
        config=root / "config",
        cache=root / "cache",
    )
    monkeypatch.setenv("SAMEN_SESSIONS", str(dirs.sessions))
    monkeypatch.setenv("SAMEN_CONFIG", str(dirs.config))
    monkeypatch.setenv("SAMEN_CACHE", str(dirs.cache))
    for name in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(root / "xdg" / name.lower()))
    set_language("nl")
    startcache.reset()
    yield dirs
    startcache.reset()
    set_language("nl")
