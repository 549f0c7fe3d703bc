"""The review's listing, read ahead in a helper process.

:func:`prefetch` is for ``samen review``: the moment the command starts, a helper
process lists the sessions folder through the cache (``SessionIndex.readable_and_unreadable``,
quick, as the review would) while this process imports and paints the interface, on
another core; the review screen then takes the finished listing
(:func:`take_prefetch`) instead of reading the folder itself. Without the helper (it
could not start, it failed) the review reads the folder as always.

The helper never writes a session file (it fills the summary cache, as the review
would); its messages on the pipe are plain data (see :mod:`~samen_tui.session.pipes`).

This module never imports textual.
"""

from __future__ import annotations

import atexit
import os
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from samen_tui.session import pipes
from samen_tui.session.summary import SessionSummary, Unreadable

PROGRESS_EVERY = 0.2
"""Seconds between the progress messages of a prefetch."""


class Prefetch:
    """A listing of one folder (``SessionIndex.readable_and_unreadable``, quick) made by a helper
    process that was started early. Messages on its pipe: ``("progress", done,
    total)`` or ``("result", summaries, unreadable)`` (the summaries as plain tuples,
    the unreadable files as (path, reason))."""

    def __init__(self, directory: Path, process: subprocess.Popen[bytes]) -> None:
        self.directory = directory
        self._process = process

    def close(self) -> None:
        pipes.kill(self._process)

    def result(
        self, progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[SessionSummary], list[Unreadable]] | None:
        """The listing (waiting for it), or None when the helper failed (then read the
        folder here). ``progress(done, total)`` follows a first reading; it may raise
        to stop (the helper is stopped with it)."""
        stdout = self._process.stdout
        try:
            while stdout is not None:
                message = pipes.receive(stdout)
                if message is None:
                    return None
                if message[0] == "progress":
                    if progress is not None:
                        progress(int(message[1]), int(message[2]))
                    continue
                _kind, summaries, broken = message
                del message
                make = SessionSummary._make
                for number, row in enumerate(summaries):  # in place: one list, not two
                    summaries[number] = make(row)
                unreadable = [Unreadable(Path(path), str(reason)) for path, reason in broken]
                return summaries, unreadable
        except (OSError, ValueError, TypeError, EOFError, IndexError, struct.error):
            return None
        finally:
            self.close()
        return None


_prefetched: dict[str, Prefetch] = {}


def prefetch(directory: Path, language: str = "") -> None:
    """Start listing ``directory`` in a helper process now (for the review screen,
    which takes it with :func:`take_prefetch`). Does nothing if it cannot."""
    key = os.path.abspath(directory)
    if key in _prefetched:
        return
    process = pipes.spawn("reader", [str(directory), language])
    if process is not None:
        _prefetched[key] = Prefetch(directory, process)


def take_prefetch(directory: Path) -> Prefetch | None:
    """The prefetch of this folder, if one was started and not taken yet."""
    return _prefetched.pop(os.path.abspath(directory), None)


@atexit.register
def _stop_prefetches() -> None:
    while _prefetched:
        _prefetched.popitem()[1].close()


def helper_main(argv: list[str]) -> None:
    """The helper process: ``DIRECTORY LANGUAGE``."""
    try:
        _list(Path(argv[0]), argv[1], sys.stdout.buffer)
    except (OSError, ValueError):
        return  # the review has what it needs, or has gone


def _list(directory: Path, language: str, out: IO[bytes]) -> None:
    """The review's listing of ``directory``, through the cache, in the interface's
    language (the reasons why files are unreadable are text)."""
    from samen_tui.i18n import set_language
    from samen_tui.session.index import SessionIndex

    if language:
        set_language(language)

    shown = time.monotonic()

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if time.monotonic() - shown >= PROGRESS_EVERY or done == total:
            shown = time.monotonic()
            pipes.send(out, ("progress", done, total))

    index = SessionIndex.default()
    try:
        summaries, unreadable = index.readable_and_unreadable(
            directory, progress=progress, quick=True
        )
    finally:
        index.close()
    rows = [tuple(summary) for summary in summaries]
    pipes.send(out, ("result", rows, [(str(item.path), item.reason) for item in unreadable]))


__all__ = ["Prefetch", "helper_main", "prefetch", "take_prefetch"]
