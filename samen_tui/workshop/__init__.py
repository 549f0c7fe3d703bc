"""Workshop files: the typed model, loading and validating, finding, checking.

The names below are imported on first use (PEP 562): importing one module of the
package (the model, at start-up) does not load the others (the loader, with tomllib,
when the workshop comes from :mod:`samen_tui.workshop.built`).

This package never imports textual.
"""

from __future__ import annotations

from samen_tui.lazy import lazy_names

_WHERE = {
    "AgendaItem": "model",
    "Meta": "model",
    "Step": "model",
    "Workshop": "model",
    "Problem": "problems",
    "WorkshopError": "problems",
    "WorkshopEntry": "catalog",
    "find_workshops": "catalog",
    "resolve_workshop": "catalog",
    "load_workshop": "loader",
    "parse_workshop": "loader",
}


__getattr__ = lazy_names(__name__, _WHERE)


__all__ = [
    "AgendaItem",
    "Meta",
    "Problem",
    "Step",
    "Workshop",
    "WorkshopEntry",
    "WorkshopError",
    "find_workshops",
    "load_workshop",
    "parse_workshop",
    "resolve_workshop",
]
