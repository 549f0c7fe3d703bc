"""Names of a package imported on first use (PEP 562), for its ``__init__``.

Importing one module of a package (the models, at start-up) then does not load the
others (sqlite3 for the session index, the workshop loader with tomllib).

This module never imports textual.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports ``name`` from its module
    ``where[name]`` (a module of the package) when first asked for."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
