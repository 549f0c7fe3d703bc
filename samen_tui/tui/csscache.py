"""The parsed stylesheets, kept between starts.

Textual parses every stylesheet it meets (``app.tcss`` and the ``DEFAULT_CSS`` of each
widget class: about twenty different ones at the first paint of the walk screen, and
Textual asks for them a hundred times) with a tokenizer written in Python: 18-30 ms of
every start, the same work each time. What it parses
depends only on the text, where it was read from, and the theme's variables (which are
put in while parsing). Textual keeps the results in ``Stylesheet._parse_cache`` for
the life of the app; :func:`load` fills that cache from a file before anything is
parsed, and :func:`save` writes it back when it holds something new (the app does
once, a second after its first paint: what the start needs. A whole run meets twice
as many stylesheets, and loading them all took longer than parsing those of a start).
Loading the file takes 3-4 ms.

The file (``paths.cache_dir() / "css.pickle"``) is a line KEY and then a pickle of
``{cache_key: rules}``, where KEY names this module's format,
the Python version, the Textual installed (its folder and the times its CSS modules
were written) and a hash of the theme's variables: a file with another key is not
used. It lives in the user's own cache folder, as Python's own
compiled files do. Anything wrong with it (missing, unreadable, corrupt, another key)
is an empty cache; a folder that cannot be written is no cache. Neither ever raises.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from typing import Any

import textual
from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet

from samen_tui import paths, startcache

VERSION = 1
"""Of this file's format; bump it when what is kept changes meaning."""

NAME = "css.pickle"

ROOM = 1024
"""Parsed stylesheets Textual's cache holds here: it holds 64, and a run that visits
every screen and step kind can meet more; what falls out is not written for the next
start."""


def cache_file() -> str:
    return os.path.join(paths.cache_dir(), NAME)


@functools.cache
def _textual() -> str:
    """Which Textual this is: where it is installed and when its CSS modules were
    written (``textual.__version__`` reads the package's metadata: 20 ms)."""
    folder = os.path.dirname(textual.__file__ or "")
    stamps = [
        os.stat(os.path.join(folder, "css", name)).st_mtime_ns
        for name in ("parse.py", "model.py", "styles.py", "stylesheet.py")
    ]
    return f"{folder}|{stamps}"


def _key(stylesheet: Stylesheet) -> str:
    """One line (a hash) naming all that the parsed rules depend on besides the text."""
    variables = sorted(stylesheet._variables.items())
    named = f"{VERSION}|{sys.version}|{_textual()}|{variables!r}"
    return hashlib.sha256(named.encode("utf-8")).hexdigest()


def _room(stylesheet: Stylesheet) -> LRUCache[tuple[Any, ...], Any]:
    """Textual's parse cache, made roomy enough to keep what a run parses."""
    cache = stylesheet._parse_cache
    if cache.maxsize < ROOM:
        cache.grow(ROOM)
    return cache


def load(stylesheet: Stylesheet) -> int:
    """Fill the stylesheet's parse cache from the file; how many entries came."""
    cache = _room(stylesheet)
    try:
        with open(cache_file(), "rb") as file:
            if file.readline() != _key(stylesheet).encode("utf-8") + b"\n":
                return 0  # another theme, Python or Textual: not unpickled at all
            entries = pickle.load(file)
        if type(entries) is not dict:
            return 0
        for key, rules in entries.items():
            if type(key) is tuple and type(rules) is list:
                cache.set(key, rules)
    except Exception:  # missing, unreadable, truncated, from another version
        return 0
    stylesheet._css_cache_known = set(cache.keys())  # type: ignore[attr-defined]
    return len(entries)


def save(stylesheet: Stylesheet) -> bool:
    """Write the stylesheet's parse cache if it holds something the file does not;
    True if it was written."""
    cache = stylesheet._parse_cache
    keys = set(cache.keys())
    if not keys or keys <= getattr(stylesheet, "_css_cache_known", set()):
        return False
    try:
        data = _key(stylesheet).encode("utf-8") + b"\n"
        data += pickle.dumps({key: cache[key] for key in keys}, protocol=pickle.HIGHEST_PROTOCOL)
        # a folder that cannot be written: no cache
        written = startcache.write_file(cache_file(), data)
    except Exception:  # a rule pickle cannot write, no cache folder to be found
        return False
    if not written:
        return False
    stylesheet._css_cache_known = keys  # type: ignore[attr-defined]
    return True
