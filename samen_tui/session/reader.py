"""Helper processes that read a folder's session files while the interface works.

The first listing of a large folder reads every file (a quick look at each: see
``store.quick_look``), which is Python work that one interpreter does at one file at
a time. :class:`Reader` starts a helper process (the same Python, this package) that
reads the files from the last name backwards while the listing reads from the first
name forwards; they meet in the middle, and the listing takes the helper's cache
rows as they come. On a machine with two or more cores the first listing takes about
half the time. Whatever goes wrong with the helper (it cannot start, it dies, it
sends nonsense), the listing simply reads the rest itself.

The helper never writes anything: it reads the files, and sends one cache row per
file (or ``None``: "read this one in full yourself") over a pipe, with ``marshal``
(each message: its length in 4 bytes, then the marshalled object).
It only reads plain files (no links, no pipes, nothing odd: those are the listing's).

:func:`prefetch` goes one step further for ``samen review``: the moment the command
starts, a helper process lists the sessions folder through the cache
(``SessionIndex.briefs``, as the review would) while this process imports and paints
the interface, on another core; the review screen then takes the finished listing
(:func:`take_prefetch`) instead of reading the folder itself. Without the helper
(it could not start, it failed) the review reads the folder as always.

This module never imports textual.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import queue
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samen_tui.session.index import Brief
    from samen_tui.session.store import Unreadable

CHUNK = 25
"""Files per message from the helper (the listing sees its progress this often)."""

_DONE = object()


PROGRESS_EVERY = 0.2
"""Seconds between the progress messages of a prefetch."""


def _command(*args: str) -> list[str]:
    root = str(Path(__file__).resolve().parents[2])  # where this samen_tui is imported from
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from samen_tui.session.reader import helper_main; helper_main(sys.argv[2:])"
    )
    return [sys.executable, "-c", code, root, *args]


def _spawn(args: list[str]) -> subprocess.Popen[bytes] | None:
    if getattr(sys, "frozen", False) or not sys.executable:
        return None  # a bundled app: no interpreter to start
    try:
        return subprocess.Popen(
            _command(*args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
    except (OSError, ValueError):
        return None


def _send(out: IO[bytes], message: Any) -> None:
    """One message on a pipe: its length (4 bytes), then its ``marshal``."""
    data = marshal.dumps(message)
    out.write(struct.pack(">I", len(data)) + data)
    out.flush()


def _receive(stream: IO[bytes]) -> Any | None:
    """The next message on a pipe (read in two reads, not one per object), or None at
    its end. Raises ValueError and others for what is no message."""
    header = stream.read(4)
    if len(header) < 4:
        return None
    (size,) = struct.unpack(">I", header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return marshal.loads(data)


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        process.wait(timeout=5)
    if process.stdout is not None:
        with contextlib.suppress(OSError):
            process.stdout.close()


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
        process = _spawn(["read", str(directory), folder])
        return cls(process) if process is not None else None

    def _receive(self, stdout: IO[bytes]) -> None:
        try:
            while (message := _receive(stdout)) is not None:
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
        _kill(self._process)


# --------------------------------------------------------------------------- prefetch


class Prefetch:
    """A listing of one folder (``SessionIndex.briefs``, quick) made by a helper
    process that was started early. Messages on its pipe: a 4-byte length, then a
    ``marshal`` of ``("progress", done, total)`` or of ``("result", briefs,
    unreadable)`` (briefs as plain tuples, unreadable files as (path, reason))."""

    def __init__(self, directory: Path, process: subprocess.Popen[bytes]) -> None:
        self.directory = directory
        self._process = process

    def close(self) -> None:
        _kill(self._process)

    def result(
        self, progress: Callable[[int, int], None] | None = None
    ) -> tuple[list[Brief], list[Unreadable]] | None:
        """The listing (waiting for it), or None when the helper failed (then read the
        folder here). ``progress(done, total)`` follows a first reading; it may raise
        to stop (the helper is stopped with it)."""
        from samen_tui.session.index import Brief
        from samen_tui.session.store import Unreadable

        stdout = self._process.stdout
        try:
            while stdout is not None:
                message = _receive(stdout)
                if message is None:
                    return None
                if message[0] == "progress":
                    if progress is not None:
                        progress(int(message[1]), int(message[2]))
                    continue
                _kind, briefs, broken = message
                del message
                make = Brief._make
                for number, row in enumerate(briefs):  # in place: one list, not two
                    briefs[number] = make(row)
                unreadable = [Unreadable(Path(path), str(reason)) for path, reason in broken]
                return briefs, unreadable
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
    process = _spawn(["prefetch", str(directory), language])
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
    """A helper process: ``read DIRECTORY FOLDER`` (for :class:`Reader`) or
    ``prefetch DIRECTORY LANGUAGE`` (for :class:`Prefetch`)."""
    out = sys.stdout.buffer
    try:
        if argv[0] == "read":
            _read_main(argv[1], argv[2], out)
        elif argv[0] == "prefetch":
            _prefetch_main(Path(argv[1]), argv[2], out)
    except (OSError, ValueError):
        return  # the listing has what it needs, or has gone


def _read_main(directory: str, folder: str, out: IO[bytes]) -> None:
    """Quick looks at the plain session files of ``directory``, from the last name to
    the first, as cache rows of ``folder`` (see ``index``)."""
    from samen_tui.session import index, store

    with os.scandir(directory) as entries:
        names = sorted(
            entry.name
            for entry in entries
            if store.is_session_name(entry.name) and entry.is_file(follow_symlinks=False)
        )
    chunk: list[tuple[str, Any]] = []
    for name in reversed(names):
        found = store.quick_read(f"{directory}{os.sep}{name}", plain=True)
        row = index.look_row(folder, name, *found) if found is not None else None
        chunk.append((name, row))
        if len(chunk) >= CHUNK:
            _send(out, chunk)
            chunk = []
    _send(out, chunk)


def _prefetch_main(directory: Path, language: str, out: IO[bytes]) -> None:
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
            _send(out, ("progress", done, total))

    index = SessionIndex.default()
    try:
        briefs, unreadable = index.briefs(directory, progress=progress, quick=True)
    finally:
        index.close()
    rows = [tuple(brief) for brief in briefs]
    _send(out, ("result", rows, [(str(item.path), item.reason) for item in unreadable]))


__all__ = ["Prefetch", "Reader", "helper_main", "prefetch", "take_prefetch"]
