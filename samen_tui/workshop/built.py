"""Workshops built at an earlier start, kept in the start-up cache.

Building a workshop from its file (:mod:`samen_tui.workshop.loader`: the TOML read,
every value checked against the model and turned into it) took 5-6 ms of each start
of ``samen run``, and importing the loader, its positions and tomllib another 8-10
ms. What it builds depends only on the file's bytes, its path (the workshop keeps it)
and the code of the model and the loader. So a workshop, once built, is kept in
:mod:`samen_tui.startcache` (section :data:`~samen_tui.startcache.BUILT`, by path)
with the bytes it was built from and a stamp of that code, and a later start that
reads the same bytes at the same path, with the same code, takes it from there.

The workshop is kept as a pickle (its classes are dataclasses that marshal cannot
write), in the user's own cache folder, the same trust as the stylesheets of
:mod:`samen_tui.tui.csscache`; a value that is not what :func:`put` writes, or that
does not unpickle into a :class:`Workshop`, is no cache. Only a workshop without
problems is kept: a broken file is read, and its problems reported, every time.

This module never imports textual.
"""

from __future__ import annotations

import os
import pickle
from functools import cache
from pathlib import Path

from samen_tui import startcache, values
from samen_tui.workshop import model
from samen_tui.workshop.model import Workshop


@cache
def code_stamp() -> str:
    """The code that shapes a built workshop, by the size and modification time of its
    files: another version, or a change while developing, builds again."""
    folder = os.path.dirname(model.__file__)
    files = (model.__file__, os.path.join(folder, "loader.py"), values.__file__)
    parts = []
    for file in files:
        try:
            stat = os.stat(file)
        except OSError:
            parts.append("-")
        else:
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return " ".join(parts)


def get(data: bytes, path: Path | str) -> Workshop | None:
    """The workshop built before from ``data`` (the bytes of the file at ``path``), or
    None."""
    kept = startcache.get(startcache.BUILT, str(path))
    if type(kept) is not tuple or len(kept) != 3:
        return None
    stamp, source, built = kept
    if stamp != code_stamp() or source != data or type(built) is not bytes:
        return None
    try:
        workshop = pickle.loads(built)
    except Exception:  # a class that is gone, a file tampered with: build it again
        return None
    return workshop if isinstance(workshop, Workshop) else None


def put(data: bytes, path: Path | str, workshop: Workshop) -> None:
    """Keep ``workshop``, just built from ``data`` at ``path``, for the next start."""
    try:
        built = pickle.dumps(workshop, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something in it pickle cannot write: no cache
        return
    startcache.put(startcache.BUILT, str(path), (code_stamp(), bytes(data), built))
