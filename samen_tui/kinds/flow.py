"""Flow between steps: a step that takes its items from an earlier step (``from``).

A rate step with ``from = "ideeen"`` rates the cards of that earlier step instead of
items of its own (a matrix step places them; a brainstorm step makes them its
prompts): the ``top`` cards by dots of a brainstorm (all with ``top = 0``),
the cards of one ``category`` of a sort step (all without one), the ``top`` weakest
items of a rate step (its own ``weakest`` with ``top = 0``), or the answers of a
questions step. What the items are is worked out from the session when the step is
shown and when the verslag is made, so it follows what the group did. A sort step
with ``from`` gets those cards in its unsorted pile (:func:`incoming`, and
:mod:`samen_tui.kinds.sort.taken`).

A brainstorm's prompt keeps the id of the card it came from, so the ideas added under
it stay with it. When that card no longer makes the cut (the votes changed, a card
was removed), a column that holds ideas is still shown, after the others, with a note
that it is no longer passed on; its title is the card's text, or, when the card is
gone, the text it had when the last idea was added (kept in the record).

A module of the kinds package, not a kind (the registry lists folders only).
Never imports textual.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt
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
    return _top(*_source_cards(session, workshop, source, category), top)


def _source_cards(
    session: Session | None, workshop: Workshop | None, source: str, category: str
) -> tuple[list[tuple[str, str]], int | None]:
    """(id, text) of every card the earlier step ``source`` holds (of ``category``),
    in the order ``top`` takes them; and, for a rate step, its own ``weakest`` (what
    ``top = 0`` takes of it: see :func:`_top`), None for the other kinds."""
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
        return [], None
    step = workshop.step(source)
    record = session.records.get(source)
    if isinstance(step, SortStep) and step.from_:  # its own cards come from further back
        own = record if isinstance(record, SortRecord) else None
        record = pulled(own, incoming(step, session, workshop))
    if isinstance(step, BrainstormStep) and isinstance(record, BrainstormRecord):
        return [(i.id, i.text) for i in ranked(step, record)], None
    if isinstance(record, SortRecord):
        cards = record.cards
        return [(c.id, c.text) for c in cards if not category or c.category == category], None
    if isinstance(step, RateStep) and isinstance(record, RateRecord):
        every = weakest(step, record, len(step.items))
        return [(s.item.id, s.item.title) for s in every], step.weakest
    if isinstance(record, QuestionsRecord):
        return [(a.id, a.text) for a in record.answers], None
    return [], None


def _top(cards: list[tuple[str, str]], weakest: int | None, top: int) -> list[tuple[str, str]]:
    """The first ``top`` of ``cards`` (all with ``top = 0``); of a rate step's (its
    ``weakest`` given), the first ``top`` or, with ``top = 0``, its own ``weakest``."""
    if weakest is None:
        return cards[:top] if top > 0 else cards
    count = top or weakest
    return cards[:count] if count > 0 else []


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
    """``step`` with the items its ``from`` gives (a rate or matrix step; a brainstorm
    step's prompts); itself without one."""
    from samen_tui.kinds.brainstorm.model import BrainstormStep
    from samen_tui.kinds.matrix.model import MatrixItem, MatrixStep
    from samen_tui.kinds.rate.model import RateItem, RateStep

    if not isinstance(step, RateStep | MatrixStep | BrainstormStep) or not step.from_:
        return step
    every, weakest = _source_cards(session, workshop, step.from_, step.category)
    cards = _top(every, weakest, step.top)
    if isinstance(step, BrainstormStep):
        without_top = _top(every, weakest, 0)  # what it would pass on with ``top = 0``
        with_prompts: S = dataclasses.replace(  # type: ignore[assignment]
            step, prompts=_prompts(step, cards, without_top, session, workshop)
        )
        return with_prompts
    if isinstance(step, MatrixStep):
        points = tuple(MatrixItem(id=card_id, title=text) for card_id, text in cards)
        resolved: S = dataclasses.replace(step, items=points)  # type: ignore[assignment]
        return resolved
    items = tuple(RateItem(id=card_id, title=text) for card_id, text in cards)
    rated: S = dataclasses.replace(step, items=items, groups=())  # type: ignore[assignment]
    return rated


def _prompts(
    step: BrainstormStep,
    cards: list[tuple[str, str]],
    without_top: list[tuple[str, str]],
    session: Session | None,
    workshop: Workshop | None,
) -> tuple[Prompt, ...]:
    """A brainstorm's prompts: the ``cards`` its ``from`` passes on, then each prompt
    that ideas were added under and that is no longer passed on, titled by its card in
    ``without_top`` (what ``top = 0`` would pass on) where it is there (see the module's
    doc)."""
    from samen_tui.i18n import t
    from samen_tui.kinds.brainstorm.model import Prompt
    from samen_tui.kinds.brainstorm.record import BrainstormRecord

    prompts = [Prompt(id=card_id, title=text) for card_id, text in cards]
    record = session.records.get(step.id) if session is not None else None
    if not isinstance(record, BrainstormRecord):
        return tuple(prompts)
    known = {p.id for p in prompts}
    dropped = [i.prompt for i in record.ideas if i.prompt not in known]
    if not dropped:
        return tuple(prompts)
    every = dict(without_top)
    source = workshop.step(step.from_) if workshop is not None else None
    note = t("brainstorm.prompt_dropped", step=source.title if source else step.from_)
    for prompt_id in dict.fromkeys(dropped):
        title = every.get(prompt_id) or record.prompts.get(prompt_id) or t("report.other")
        prompts.append(Prompt(id=prompt_id, title=title, question=note))
    return tuple(prompts)
