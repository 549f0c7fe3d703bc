"""The methods ``@dataclass`` writes, compiled once and kept between starts.

``@dataclass`` writes each method it adds to a class (``__init__``; ``__setattr__``
and ``__delattr__`` of a frozen one) as source text, and compiles that text, every
time the class is made: for the models of workshops and sessions, made at every
start of ``samen``, that was 15-20 ms of compiling the same texts again. The code
compiled from a text depends on nothing but the text (and the Python version), so
while :func:`install` is in effect the code is kept in :mod:`samen_tui.startcache`
(section :data:`~samen_tui.startcache.CODE`, by the text itself, so a text can only
ever meet its own code) and a later start runs that code instead of compiling the
text again.

How: :mod:`dataclasses` runs the text with ``exec(text, globals, namespace)``, and
Python looks ``exec`` up in the module's globals before the builtins. :func:`install`
puts :func:`_exec` there, which compiles a text the way ``exec`` does for
:mod:`dataclasses` (``"<string>"``, and no ``from __future__`` flags of its own:
``dont_inherit``, as :mod:`dataclasses` has none) or takes the code kept for it,
and runs that with the same globals and namespace. Anything else passes through
unchanged, and a Python whose :mod:`dataclasses` does not call ``exec`` this way
simply compiles as before. What a class gets is what it would get without this.

The code comes from the user's own cache folder, the trust that folder has for the
stylesheets (:mod:`samen_tui.tui.csscache`) and the built workshops
(:mod:`samen_tui.workshop.built`).

This module never imports textual.
"""

from __future__ import annotations

import builtins
import dataclasses
from types import CodeType
from typing import Any

from samen_tui import startcache


def _exec(source: Any, /, *args: Any, **kwargs: Any) -> None:
    """``exec`` for :mod:`dataclasses`, with the code of a text compiled before."""
    if type(source) is str:
        code = startcache.get(startcache.CODE, source)
        if type(code) is not CodeType:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            startcache.put(startcache.CODE, source, code)
        source = code
    builtins.exec(source, *args, **kwargs)


def install() -> None:
    """From now on, the methods of new dataclasses run code kept between starts."""
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def uninstall() -> None:
    """Compile as :mod:`dataclasses` does by itself again."""
    vars(dataclasses).pop("exec", None)


def installed() -> bool:
    """Whether :func:`install` is in effect."""
    return vars(dataclasses).get("exec") is _exec
