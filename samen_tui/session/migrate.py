"""Keeping a session in step with a workshop file that changed.

When the facilitator edits the workshop file (live, or between two meetings), the
session must follow without losing a word: records of steps that still exist stay
where they are; records of steps that were removed move to the session's
``removed_steps`` table (and come back if the step returns); a record whose step
changed kind is kept there too. Never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samen_tui.session.codec import DecodeError, decode, encode
from samen_tui.session.model import Session, record_class
from samen_tui.workshop.model import Workshop


@dataclass
class Changes:
    """What differs between the workshop a session last ran and the one given."""

    added: list[str] = field(default_factory=list)
    """Titles of steps that are new."""
    removed: list[str] = field(default_factory=list)
    """Ids of steps that are gone (their records, if any, are kept aside)."""
    kept_aside: list[str] = field(default_factory=list)
    """Ids of steps whose records moved to ``removed_steps``."""
    restored: list[str] = field(default_factory=list)
    """Ids of steps whose records came back from ``removed_steps``."""
    fingerprint_changed: bool = False

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.kept_aside or self.restored)


def diff(session: Session, workshop: Workshop) -> Changes:
    """What changed since the session last ran, without changing anything."""
    now_ids = workshop.step_ids()
    before = session.steps or now_ids
    changes = Changes(
        fingerprint_changed=bool(session.fingerprint)
        and session.fingerprint != workshop.fingerprint
    )
    before_set, now_set = set(before), set(now_ids)
    changes.added = [s.title for _i, s in workshop.steps() if s.id not in before_set]
    changes.removed = [sid for sid in before if sid not in now_set]
    return changes


def reconcile(session: Session, workshop: Workshop) -> Changes:
    """Bring the session in line with ``workshop``; returns what changed."""
    changes = diff(session, workshop)
    before = list(session.steps)
    kinds = {step.id: step.KIND for _item, step in workshop.steps()}
    for step_id in list(session.records):
        record = session.records[step_id]
        if kinds.get(step_id) != record.KIND:
            session.removed_steps[step_id] = encode(record)
            del session.records[step_id]
            changes.kept_aside.append(step_id)
            if step_id not in changes.removed and step_id not in kinds:
                changes.removed.append(step_id)
    for step_id in list(session.removed_steps):
        raw = session.removed_steps[step_id]
        kind = raw.get("kind")
        if step_id in kinds and kinds[step_id] == kind and step_id not in session.records:
            try:
                session.records[step_id] = decode(record_class(kind), raw)
            except (DecodeError, KeyError):
                continue
            del session.removed_steps[step_id]
            changes.restored.append(step_id)
    session.steps = workshop.step_ids()
    session.fingerprint = workshop.fingerprint
    if session.current not in kinds:
        session.current = _nearest(session.current, before, workshop)
    return changes


def _nearest(current: str, before: list[str], workshop: Workshop) -> str:
    """Where to put the trainer when the current step disappeared: the next step of the
    old order that still exists, else the one before it, else the first step."""
    ids = workshop.step_ids()
    if current in before:
        index = before.index(current)
        for candidate in before[index + 1 :] + before[:index][::-1]:
            if candidate in ids:
                return candidate
    return ids[0] if ids else ""
