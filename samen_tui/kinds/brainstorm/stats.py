"""Numbers drawn from a brainstorm record: ideas ranked by votes, dots used and left.

Pure functions shared by the view and the report. Nothing here changes a record or
imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.kinds.brainstorm.model import BrainstormStep
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.participants import anonymous
from samen_tui.session.model import GROUP, Session

GROUP_VOTER = "groep"
"""The voter id used in ``Idea.votes`` when the group votes as one."""


def ranked(
    step: BrainstormStep | None, rec: BrainstormRecord | None, prompt_id: str | None = None
) -> list[Idea]:
    """The ideas (of one prompt, or all) by votes, most first; equal votes keep the
    order in which they were entered. ``step`` may be ``None`` (record only)."""
    ideas = rec.ideas if rec is not None else []
    chosen = [idea for idea in ideas if prompt_id is None or idea.prompt == prompt_id]
    return sorted(chosen, key=lambda idea: -idea.total_votes)  # sorted() is stable


def ranks(ideas: list[Idea]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of ideas already in ``ranked`` order."""
    out: list[int] = []
    for index, idea in enumerate(ideas):
        if index and idea.total_votes == ideas[index - 1].total_votes:
            out.append(out[-1])
        else:
            out.append(index + 1)
    return out


def votes_used(rec: BrainstormRecord | None, voter: str) -> int:
    """The dots ``voter`` has placed on any idea of the step."""
    if rec is None:
        return 0
    return sum(max(idea.votes.get(voter, 0), 0) for idea in rec.ideas)


def votes_left(step: BrainstormStep, rec: BrainstormRecord | None, voter: str) -> int:
    """The dots ``voter`` may still place (0 when the step has no voting)."""
    if step.voting is None:
        return 0
    return max(step.voting.budget - votes_used(rec, voter), 0)


def voters(
    step: BrainstormStep, session: Session, record: BrainstormRecord | None = None
) -> list[str]:
    """Who votes: each participant's id, or the group as one (``GROUP_VOTER``) when
    the step says so or nobody is listed; for an anonymous step, numbered slots (one
    more than used in ``record``). Empty when the step has no voting."""
    if step.voting is None:
        return []
    if step.anonymous and step.voting.per == "participant":
        used = (voter for idea in (record.ideas if record else []) for voter in idea.votes)
        return anonymous.slots(used)
    if step.voting.per == "group" or not session.participants:
        return [GROUP_VOTER]
    return [p.id for p in session.participants]


def merge(rec: BrainstormRecord, keep_id: str, gone_id: str) -> Idea | None:
    """Merge card ``gone_id`` into ``keep_id``: one card with both texts ("A / B"),
    every voter's dots on both added up, the author kept when they were the same (else
    the group), and actions made from the card that goes now made from the one that
    stays. The merged card, or None when either is missing or they are the same."""
    keep = next((i for i in rec.ideas if i.id == keep_id), None)
    gone = next((i for i in rec.ideas if i.id == gone_id), None)
    if keep is None or gone is None or keep is gone:
        return None
    keep.text = f"{keep.text} / {gone.text}"
    for voter, dots in gone.votes.items():
        keep.votes[voter] = keep.votes.get(voter, 0) + dots
    if keep.who != gone.who:
        keep.who = GROUP
    for action in rec.actions:
        if action.source == gone.id:
            action.source = keep.id
    rec.ideas.remove(gone)
    return keep


def ranked_note(step: BrainstormStep, record: BrainstormRecord) -> str:
    """What the ranked view says above the columns; with ``overall``, the first cards
    across every prompt too."""
    note = t("brainstorm.ranked_note")
    if not step.overall:
        return note
    ideas = [i for i in ranked(step, record) if i.total_votes]
    top = "  ".join(
        f"{rank}. {i.text} ({i.total_votes})" for rank, i in zip(ranks(ideas), ideas, strict=True)
    )
    return note + "\n" + t("brainstorm.overall", top=top or "–")
