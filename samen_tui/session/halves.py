"""A first listing of a large folder, read from both ends at once.

The first listing of a large folder reads every file (a quick look at each: see
``listing.quick_read``), which is Python work that one interpreter does one file at
a time. :class:`Reader` starts a helper process (the same Python, this package) that
reads the files from the last name backwards while the listing reads from the first
name forwards; they meet in the middle, and the listing takes the helper's cache
rows as they come. On a machine with two or more cores the first listing takes
about half the time. Whatever goes wrong with the helper (it cannot start, it dies,
it sends nonsense), the listing simply reads the rest itself.

The helper never writes anything: it reads the files, and sends one cache row per
file (or ``None``: "read this one in full yourself") over its pipe (see
:mod:`~samen_tui.session.pipes`). It only reads plain files (no links, no pipes,
nothing odd: those are the listing's).

This module never imports textual.
"""

from __future__ import annotations

import os
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from samen_tui.session import pipes
from samen_tui.session.listing import quick_read
from samen_tui.session.naming import is_session_name
from samen_tui.session.rows import key_of, to_row

CHUNK = 25
"""Files per message from the helper (the listing sees its progress this often)."""

_DONE = object()


class Reader:
    """The helper process, seen from the listing. ``rows()`` gives what it has read so
    far; ``low`` is the lowest name it has done (it goes from the last name down)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.low: str | None = None
        self.finished = False
        stdout = process.stdout
        assert stdout is not None
        self._thread = threading.Thread(
            target=self._receive, args=(stdout,), name="samen-reader", daemon=True
        )
        self._thread.start()

    @classmethod
    def start(cls, directory: Path, folder: str) -> Reader | None:
        """The helper for this folder, or None when it cannot be started here."""
        process = pipes.spawn("halves", [str(directory), folder])
        return cls(process) if process is not None else None

    def _receive(self, stdout: IO[bytes]) -> None:
        try:
            while (message := pipes.receive(stdout)) is not None:
                self._queue.put(message)
        except (EOFError, ValueError, TypeError, OSError, struct.error):
            pass  # killed, or nonsense: the listing reads the rest itself
        finally:
            self._queue.put(_DONE)

    def rows(self) -> list[tuple[str, Any]]:
        """What the helper has sent since the last call: ``(name, row or None)``, the
        names going down. Never waits."""
        found: list[tuple[str, Any]] = []
        while True:
            try:
                chunk = self._queue.get_nowait()
            except queue.Empty:
                return found
            self._take(chunk, found)

    def rest(self) -> list[tuple[str, Any]]:
        """Stop the helper, and what it had sent until then."""
        self.close()
        found: list[tuple[str, Any]] = []
        while not self.finished:
            self._take(self._queue.get(), found)
        return found

    def _take(self, chunk: Any, found: list[tuple[str, Any]]) -> None:
        if chunk is _DONE:
            self.finished = True
            return
        if not isinstance(chunk, list):
            self.close()  # nonsense: the listing reads the rest itself
            return
        for item in chunk:
            if (
                isinstance(item, tuple)
                and len(item) == 2
                and isinstance(item[0], str)
                and (item[1] is None or isinstance(item[1], tuple))
            ):
                found.append(item)
                self.low = item[0]

    def close(self) -> None:
        """Stop the helper (it may be reading what the listing has read already)."""
        pipes.kill(self._process)


def helper_main(argv: list[str]) -> None:
    """The helper process: ``DIRECTORY FOLDER``. Quick looks at the plain session files
    of ``DIRECTORY``, from the last name to the first, as cache rows of ``FOLDER``
    (see ``rows``)."""
    directory, folder = argv[0], argv[1]
    out = sys.stdout.buffer
    try:
        with os.scandir(directory) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if is_session_name(entry.name) and entry.is_file(follow_symlinks=False)
            )
        chunk: list[tuple[str, Any]] = []
        for name in reversed(names):
            found = quick_read(directory, name, plain=True)
            row = None
            if found is not None:
                summary, st = found
                row = to_row(folder, name, key_of(st), summary, verified=False)
            chunk.append((name, row))
            if len(chunk) >= CHUNK:
                pipes.send(out, chunk)
                chunk = []
        pipes.send(out, chunk)
    except (OSError, ValueError):
        return  # the listing has what it needs, or has gone


__all__ = ["Reader", "helper_main"]
