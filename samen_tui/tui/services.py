"""What the screens need of the app, handed to them instead of reached for.

A screen gets a :class:`Services` in its constructor (``WalkScreen(..., services)``,
``ReviewScreen(services)``) and never imports the app module nor asks whether
``self.app`` is a :class:`~samen_tui.tui.app.SamenApp`: so the screens can be built
and tested on their own, and ``tui/app`` → ``tui/screens/*`` is the only direction
of import. What a screen asks the app to *do* (open a session, start one, go to the
start screen) it asks with a message (see ``samen_tui.tui.requests``) that bubbles
up to the app.

Never imports the screens nor the app.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from samen_tui import paths
from samen_tui.config import Config, load_config

if TYPE_CHECKING:
    from samen_tui.session.store import SessionStore


@dataclass
class Services:
    """The folders, the settings and the session store of one run of the app."""

    sessions_dir: Path
    workshop_dirs: list[tuple[str, Path]]
    config: Config = field(default_factory=Config)
    frozen_clock: bool = False
    """Tests and snapshots: the timers do not run by themselves."""
    join: str = ""
    """``--join``: where the walk screen serves the participants' page (#18), or ""."""
    last_input: Callable[[], float] = float
    """When the trainer last pressed a key or clicked (``time.monotonic``; without the
    app: never, 0.0): views are built ahead, and phones' contributions shown, in the
    pauses."""
    _store: SessionStore | None = field(default=None, repr=False)

    @classmethod
    def from_dirs(
        cls,
        sessions_dir: Path | None = None,
        workshops_dir: Path | None = None,
        *,
        config: Config | None = None,
        frozen_clock: bool = False,
    ) -> Services:
        """The services of the folders asked for on the command line (or the defaults)."""
        return cls(
            sessions_dir=paths.sessions_dir(sessions_dir),
            workshop_dirs=paths.workshop_dirs(workshops_dir),
            config=config if config is not None else load_config(),
            frozen_clock=frozen_clock,
        )

    def store(self) -> SessionStore:
        """The sessions folder, listed through the review index (opened once)."""
        if self._store is None:
            self._store = self.new_store(indexed=True)
        return self._store

    def new_store(self, *, indexed: bool = True) -> SessionStore:
        """A store of its own (the caller closes its index: :func:`close_store`)."""
        from samen_tui.session.store import SessionStore

        if not indexed:
            return SessionStore(self.sessions_dir)
        try:
            from samen_tui.session.index import SessionIndex
        except ImportError:  # pragma: no cover - the index is optional
            return SessionStore(self.sessions_dir)
        return SessionStore(self.sessions_dir, index=SessionIndex.default())

    def plain_store(self) -> SessionStore:
        """The store if it is open, else one without the index (a new session does not
        need sqlite to start)."""
        return self._store if self._store is not None else self.new_store(indexed=False)

    def close(self) -> None:
        close_store(self._store)
        self._store = None

    def workshop_choices(self) -> list[tuple[str, str]]:
        """Workshops to start, those in the interface language first; broken files are
        listed with their first problem and cannot be chosen (value ``!path``)."""
        from samen_tui.i18n import language
        from samen_tui.workshop.catalog import find_workshops

        entries = find_workshops(self.workshop_dirs, validate=True)
        entries.sort(key=lambda e: (e.error is not None, e.language != language(), e.title))
        return [
            (f"{entry.title} ({entry.id})", str(entry.path))
            if entry.error is None
            else (f"⚠ {entry.path.name}: {entry.error}", f"!{entry.path}")
            for entry in entries
        ]

    def workshop_titles(self) -> dict[str, str]:
        from samen_tui.workshop.catalog import find_workshops

        return {e.id: e.title for e in find_workshops(self.workshop_dirs) if e.error is None}


def close_store(store: SessionStore | None) -> None:
    """Close a store's index, if it has one; never raises."""
    index = getattr(store, "index", None)
    if index is not None:
        with contextlib.suppress(Exception):  # closing is best effort
            index.close()
