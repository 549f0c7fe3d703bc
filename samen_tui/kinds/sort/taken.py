"""sort with ``from``: the cards of an earlier step arrive in the unsorted pile.

A sort step with ``from = "ideeen"`` (a brainstorm, questions, rate or sort step; with
``top`` and ``category`` as for a rate step, see :mod:`samen_tui.kinds.flow`) starts
with that step's cards in its unsorted pile, to be sorted without typing them again.
:func:`pull` brings the record in line with the earlier step, whenever the step is
shown and whenever the verslag, the room or a later step reads it:

* each card of the earlier step arrives once, with its id, text and who (a name that
  is not a participant's, a breakout group or an anonymous number, becomes the
  group); its id goes into ``taken``, so a card deleted here does not come back;
* a card that still lies unsorted and untouched (``follows`` set) follows the earlier
  step: a new text there is its new text, and a card deleted there (or no longer
  among the ``top``) leaves the pile with it;
* a card sorted into a category, edited, or given a "who" here is this step's own
  (``follows`` is cleared): what happens in the earlier step no longer changes it.

Nothing the trainer did here is lost, and the pile shows what the earlier step holds
now. Never imports textual.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from samen_tui.kinds.sort.model import UNSORTED
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import GROUP

if TYPE_CHECKING:
    from samen_tui.session.model import Session

Incoming = list[tuple[str, str, str]]
"""(id, text, who) of the cards the earlier step gives now
(:func:`samen_tui.kinds.flow.incoming`)."""


def with_who(session: Session, source: str, found: list[tuple[str, str]]) -> Incoming:
    """The cards ``found`` (id, text) of step ``source``, each with who said it: a
    participant, else the group (a breakout group or an anonymous number is no one
    a sort card can name)."""
    held = session.records.get(source)
    whos: dict[str, str] = {}
    for name in ("ideas", "answers", "cards"):
        for card in getattr(held, name, None) or ():
            whos[getattr(card, "id", "")] = getattr(card, "who", GROUP)
    known = {p.id for p in session.participants}
    return [
        (card_id, text, who if (who := whos.get(card_id, GROUP)) in known else GROUP)
        for card_id, text in found
    ]


def pull(record: SortRecord, cards: Incoming) -> bool:
    """Bring ``record`` in line with the earlier step's ``cards`` (see the module);
    True if it changed. Not an undoable change: what it adds follows from the earlier
    step, and comes again after an undo."""
    now = {card_id: text for card_id, text, _who in cards}
    changed = False
    kept: list[Card] = []
    for card in record.cards:
        if card.follows and card.category == UNSORTED:
            if card.follows not in now:
                changed = True
                continue
            if card.text != now[card.follows]:
                card.text = now[card.follows]
                changed = True
        kept.append(card)
    if changed:
        record.cards[:] = kept
    taken = set(record.taken)
    for card_id, text, who in cards:
        if card_id in taken:
            continue
        record.taken.append(card_id)
        record.cards.append(
            Card(id=card_id, text=text, category=UNSORTED, who=who, follows=card_id)
        )
        changed = True
    return changed


def pulled(record: SortRecord | None, cards: Incoming) -> SortRecord | None:
    """The record as :func:`pull` makes it, leaving ``record`` as it is (a copy when
    something arrives or leaves; None when there is nothing at all)."""
    if record is not None and not _behind(record, cards):
        return record  # nothing arrives or leaves: no copy (32 ms for 5,000 cards)
    fresh = copy.deepcopy(record) if record is not None else SortRecord()
    return fresh if pull(fresh, cards) else record


def _behind(record: SortRecord, cards: Incoming) -> bool:
    """Whether :func:`pull` would change ``record``."""
    taken = set(record.taken)
    if any(card_id not in taken for card_id, _text, _who in cards):
        return True
    now = {card_id: text for card_id, text, _who in cards}
    return any(
        card.follows and card.category == UNSORTED and now.get(card.follows) != card.text
        for card in record.cards
    )
