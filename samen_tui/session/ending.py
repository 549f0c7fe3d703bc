"""What a session holds when the trainer ends it: the time used per agenda item and
the counts the "Sessie afronden" dialog shows (cards, votes, decisions, open
actions). This module never imports textual."""

from __future__ import annotations

from dataclasses import dataclass

from samen_tui.session.model import Session
from samen_tui.workshop.model import Workshop


@dataclass(frozen=True)
class ItemUse:
    title: str
    planned_minutes: int
    seconds: int


@dataclass(frozen=True)
class EndSummary:
    items: tuple[ItemUse, ...]
    participants: int
    cards: int
    """Cards sorted and ideas brainstormed."""
    votes: int
    """Dots spent on ideas."""
    decisions: int
    open_actions: int

    @property
    def planned_minutes(self) -> int:
        return sum(item.planned_minutes for item in self.items)

    @property
    def seconds(self) -> int:
        return sum(item.seconds for item in self.items)


def end_summary(workshop: Workshop, session: Session) -> EndSummary:
    items = tuple(
        ItemUse(
            item.title,
            item.minutes,
            spent.seconds if (spent := session.items.get(item.id)) is not None else 0,
        )
        for item in workshop.items
    )
    cards = votes = 0
    for record in session.records.values():
        cards += len(getattr(record, "cards", ()))
        ideas = getattr(record, "ideas", ())
        cards += len(ideas)
        votes += sum(idea.total_votes for idea in ideas)
    return EndSummary(
        items=items,
        participants=len(session.participants),
        cards=cards,
        votes=votes,
        decisions=len(session.all_decisions()),
        open_actions=sum(1 for _step, action in session.all_actions() if action.status == "open"),
    )
