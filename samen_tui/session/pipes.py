"""Helper processes of this package and the messages on their pipes.

A helper is the same Python running one module of ``samen_tui.session`` (its
``helper_main``); it sends its messages on its standard output, each one its length
in 4 bytes and then the ``marshal`` of a plain object (data only: never code).
Used by :mod:`~samen_tui.session.halves` (half of a first listing) and
:mod:`~samen_tui.session.reader` (the review's listing, read ahead).

This module never imports textual.
"""

from __future__ import annotations

import contextlib
import marshal
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

HELPERS = frozenset({"halves", "reader"})
"""The modules of ``samen_tui.session`` a helper process may run."""


def _command(module: str, args: list[str]) -> list[str]:
    if module not in HELPERS:
        raise ValueError(f"not a helper: {module}")
    root = str(Path(__file__).resolve().parents[2])  # where this samen_tui is imported from
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        f"from samen_tui.session.{module} import helper_main; helper_main(sys.argv[2:])"
    )
    return [sys.executable, "-c", code, root, *args]


def spawn(module: str, args: list[str]) -> subprocess.Popen[bytes] | None:
    """Start a helper running ``samen_tui.session.<module>.helper_main(args)``; None
    when it cannot be started here."""
    if getattr(sys, "frozen", False) or not sys.executable:
        return None  # a bundled app: no interpreter to start
    try:
        return subprocess.Popen(
            _command(module, args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
    except (OSError, ValueError):
        return None


def send(out: IO[bytes], message: Any) -> None:
    """One message on a pipe: its length (4 bytes), then its ``marshal``."""
    data = marshal.dumps(message)
    out.write(struct.pack(">I", len(data)) + data)
    out.flush()


def receive(stream: IO[bytes]) -> Any | None:
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


def kill(process: subprocess.Popen[bytes]) -> None:
    """Stop a helper and close its pipe."""
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        process.wait(timeout=5)
    if process.stdout is not None:
        with contextlib.suppress(OSError):
            process.stdout.close()
