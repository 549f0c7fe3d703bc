"""Workshop files: the typed model, loading and validating, finding, checking.

This package never imports textual.
"""

from samen_tui.workshop.catalog import WorkshopEntry, find_workshops, resolve_workshop
from samen_tui.workshop.loader import Problem, WorkshopError, load_workshop, parse_workshop
from samen_tui.workshop.model import STEP_CLASSES, AgendaItem, Meta, Step, Workshop

__all__ = [
    "STEP_CLASSES",
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
