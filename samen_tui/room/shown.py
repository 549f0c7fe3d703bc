"""What the room shows now, as plain data: the step the trainer is on (the session's
``current``), in which agenda item, whether the room is blank, and whether the
step's results (ratings, dot votes) may be shown.

Each step kind draws it in its own way (``samen_tui/kinds/<kind>/room.py``); whether
a kind has results to hide is the kind's to say (its ``hides_results``).

A session whose workshop cannot be found still shows its step: a stand-in made from
the step's record (the kind's ``stand_in``, titled by ids), or its id alone.

This module never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from samen_tui import kinds
from samen_tui.session.model import Record, Session
from samen_tui.workshop.model import AgendaItem, Step, Workshop


@dataclass(frozen=True, eq=False)
class Shown:
    """The room's picture of a session, for the step the trainer is on."""

    session: Session
    workshop: Workshop | None
    step: Step | None
    """None: the session is on no step the room knows (the id is ``session.current``)."""
    item: AgendaItem | None = None
    number: int = 0
    """The agenda item's number (1, 2, ...), 0 when not known."""

    @property
    def blank(self) -> bool:
        return self.session.room.blank

    @property
    def revealed(self) -> bool:
        """Whether the trainer has let the room see this step's results."""
        return self.step is not None and self.step.id in self.session.room.revealed

    @property
    def record(self) -> Record | None:
        """The step's record, if the session has one of the step's kind."""
        if self.step is None:
            return None
        record = self.session.records.get(self.step.id)
        return record if record is not None and record.KIND == self.step.KIND else None

    @property
    def captured(self) -> bool:
        """Whether anything is captured for the step yet."""
        record = self.record
        return record is not None and not record.is_empty()

    @property
    def heading(self) -> str:
        """The agenda item, numbered: ``2. Waarom zou je eigenlijk willen samenwerken?``."""
        if self.item is None:
            return ""
        return f"{self.number}. {self.item.title}" if self.number else self.item.title


def what_to_show(session: Session, workshop: Workshop | None) -> Shown:
    """The room's picture of ``session`` (see :class:`Shown`)."""
    step_id = session.current
    if workshop is not None:
        for number, item in enumerate(workshop.items, start=1):
            for step in item.steps:
                if step.id == step_id:
                    return Shown(session, workshop, step, item, number)
    record = session.records.get(step_id)
    make = kinds.stand_in(record.KIND) if record is not None else None
    if make is None or record is None:
        return Shown(session, workshop, None)
    return Shown(session, workshop, make(step_id, record))
