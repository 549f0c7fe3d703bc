"""Speed work that needs Textual's private names: all of it, and only here.

Everything in this package overrides or reads a name Textual keeps private
(``_compositor``, ``_refresh_layout``, ``_batch_count``, ...). Such names change
between Textual releases without notice, so each piece says the figure it buys and
the Textual version it was written for, and the whole package sits behind one switch:

* ``SAMEN_SAFE=1`` in the environment turns it off;
* it is off by itself when the installed Textual is not :data:`WRITTEN_FOR`;
* ``SAMEN_TUNING_SKIP=piece,piece`` leaves out pieces of it (see :data:`PIECES`), to
  measure what each one buys (``bench/README.md``).

Off, the app runs on stock Textual only: every piece has a stock fallback (usually:
nothing), and everything works, only slower. A test (``tests/house/test_house.py``)
keeps every private Textual name inside this package.

The correctness of the app never depends on this package: a guard such as "a view
built ahead never takes the focus" lives in the views and screens themselves.
"""

from __future__ import annotations

import os
from importlib.util import find_spec

WRITTEN_FOR = "8.2.8"
"""The Textual release every piece here was written and measured against (the pin in
``pyproject.toml``)."""


def _installed_textual() -> str:
    """The installed Textual's version, from the name of the ``textual-X.Y.Z.dist-info``
    folder beside the package; ``importlib.metadata`` only where there is none (an
    editable install): importing it and asking it cost 15-20 ms of every start."""
    spec = find_spec("textual")
    if spec is not None and spec.origin:
        site = os.path.dirname(os.path.dirname(spec.origin))
        with os.scandir(site) as entries:
            found = [
                entry.name[len("textual-") : -len(".dist-info")]
                for entry in entries
                if entry.name.startswith("textual-") and entry.name.endswith(".dist-info")
            ]
        if len(found) == 1:
            return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textual")
    except PackageNotFoundError:  # pragma: no cover - textual is a dependency
        return ""


def _safe_asked() -> bool:
    value = os.environ.get("SAMEN_SAFE", "").strip().lower()
    return value not in ("", "0", "no", "false", "off")


def why_off() -> str:
    """Why tuning is off ("" when it is on)."""
    if _safe_asked():
        return "SAMEN_SAFE is set"
    installed = _installed_textual()
    if installed != WRITTEN_FOR:
        return f"Textual {installed or '?'} is installed; the tuning was written for {WRITTEN_FOR}"
    return ""


ENABLED: bool = not why_off()
"""Whether the tuning is on in this process (decided once, at import)."""


PIECES = {
    "frames": "frames.py: the walk screen's frame loop (and with it focus, compositor, ahead)",
    "focus": "frames.py: a change of focus painted with the key",
    "compositor": "compositor.py: partial updates band by band",
    "ahead": "ahead.py: the view built ahead drawn out of sight",
    "cards": "options.py: a card or answer added laid out and painted once",
    "theme": "theme.py: the saved theme without a second parse",
}
"""The pieces of the tuning, by the name ``SAMEN_TUNING_SKIP`` knows them by."""


def on(piece: str) -> bool:
    """Whether a piece of the tuning is on: the tuning is, and ``SAMEN_TUNING_SKIP`` does
    not name it."""
    if piece not in PIECES:
        raise ValueError(f"no tuning piece {piece!r}")
    skipped = {p.strip() for p in os.environ.get("SAMEN_TUNING_SKIP", "").split(",")}
    return ENABLED and piece not in skipped
