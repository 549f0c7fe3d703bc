"""Flow between steps: a step that takes its items from an earlier step (``from``).

A rate step with ``from = "ideeen"`` rates the cards of that earlier step instead of
items of its own: the ``top`` cards by dots of a brainstorm (all with ``top = 0``),
the cards of one ``category`` of a sort step (all without one), the ``top`` weakest
items of a rate step (its own ``weakest`` with ``top = 0``), or the answers of a
questions step. What the items are is worked out from the session when the step is
shown and when the verslag is made, so it follows what the group did. A sort step
with ``from`` gets those cards in its unsorted pile (:func:`incoming`, and
:mod:`samen_tui.kinds.sort.taken`).

A module of the kinds package, not a kind (the registry lists folders only).
Never imports textual.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from samen_tui.kinds.sort.model import SortStep
    from samen_tui.session.model import Session
    from samen_tui.workshop.model import Step, Workshop

SOURCES = ("brainstorm", "sort", "rate", "questions")
"""The kinds a step can take its items from."""

S = TypeVar("S", bound="Step")


def cards_from(
    session: Session | None, workshop: Workshop | None, source: str, top: int, category: str
) -> list[tuple[str, str]]:
    """(id, text) of what the earlier step ``source`` holds, as ``top`` and ``category``
    choose; empty while it holds nothing (or without a session or workshop)."""
    from samen_tui.kinds.brainstorm.model import BrainstormStep
    from samen_tui.kinds.brainstorm.record import BrainstormRecord
    from samen_tui.kinds.brainstorm.stats import ranked
    from samen_tui.kinds.questions.record import QuestionsRecord
    from samen_tui.kinds.rate.model import RateStep
    from samen_tui.kinds.rate.record import RateRecord
    from samen_tui.kinds.rate.stats import weakest
    from samen_tui.kinds.sort.model import SortStep
    from samen_tui.kinds.sort.record import SortRecord
    from samen_tui.kinds.sort.taken import pulled

    if session is None or workshop is None:
        return []
    step = workshop.step(source)
    record = session.records.get(source)
    found: list[tuple[str, str]] = []
    if isinstance(step, SortStep) and step.from_:  # its own cards come from further back
        own = record if isinstance(record, SortRecord) else None
        record = pulled(own, incoming(step, session, workshop))
    if isinstance(step, BrainstormStep) and isinstance(record, BrainstormRecord):
        found = [(i.id, i.text) for i in ranked(step, record)]
    elif isinstance(record, SortRecord):
        found = [(c.id, c.text) for c in record.cards if not category or c.category == category]
    elif isinstance(step, RateStep) and isinstance(record, RateRecord):
        return [(s.item.id, s.item.title) for s in weakest(step, record, top or step.weakest)]
    elif isinstance(record, QuestionsRecord):
        found = [(a.id, a.text) for a in record.answers]
    return found[:top] if top > 0 else found


def incoming(
    step: SortStep, session: Session | None, workshop: Workshop | None
) -> list[tuple[str, str, str]]:
    """(id, text, who) of the cards a sort step's ``from`` brings to its unsorted pile
    (see :mod:`samen_tui.kinds.sort.taken`); empty without ``from``."""
    from samen_tui.kinds.sort.taken import with_who

    if not step.from_ or session is None:
        return []
    found = cards_from(session, workshop, step.from_, step.top, step.category)
    return with_who(session, step.from_, found)


def resolve(step: S, session: Session | None, workshop: Workshop | None) -> S:
    """``step`` with the items its ``from`` gives (a rate or matrix step); itself
    without one."""
    from samen_tui.kinds.matrix.model import MatrixItem, MatrixStep
    from samen_tui.kinds.rate.model import RateItem, RateStep

    if not isinstance(step, RateStep | MatrixStep) or not step.from_:
        return step
    cards = cards_from(session, workshop, step.from_, step.top, step.category)
    if isinstance(step, MatrixStep):
        points = tuple(MatrixItem(id=card_id, title=text) for card_id, text in cards)
        resolved: S = dataclasses.replace(step, items=points)  # type: ignore[assignment]
        return resolved
    items = tuple(RateItem(id=card_id, title=text) for card_id, text in cards)
    rated: S = dataclasses.replace(step, items=items, groups=())  # type: ignore[assignment]
    return rated
