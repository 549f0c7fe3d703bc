"""Two or more sessions of one workshop side by side, and actions carried over.

``compare_ratings``, ``compare_motives`` and ``compare_actions`` return rows with
one value per session, in the order the sessions are given; ``compare_blocks``
turns them into report blocks (``samen_tui.session.report``) for the review
screen or an export. Sessions of different workshops are refused with
:class:`CompareError`, whose message is for the user.

``take_over_actions`` copies the open actions of an earlier session into a later
one's action list, once.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from samen_tui import report
from samen_tui.i18n import t
from samen_tui.kinds.actions.record import Action, ActionsRecord, ActionStatus
from samen_tui.kinds.rate import stats as rate_stats
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.record import RateRecord
from samen_tui.kinds.sort import categories as sort_categories
from samen_tui.kinds.sort import stats as sort_stats
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.session.model import Session, new_id
from samen_tui.workshop.model import Workshop


class CompareError(ValueError):
    """Sessions that cannot be compared, or a take-over that cannot be done."""


def check_sessions(workshop: Workshop | None, sessions: Sequence[Session]) -> None:
    """Refuse fewer than two sessions, sessions of different workshops, or sessions
    of another workshop than ``workshop``."""
    if len(sessions) < 2:
        raise CompareError(t("compare.too_few"))
    ids = list(dict.fromkeys(s.workshop for s in sessions))
    if len(ids) > 1:
        raise CompareError(t("compare.different_workshops", ids=", ".join(ids)))
    if workshop is not None and ids[0] != workshop.id:
        raise CompareError(
            t(
                "compare.wrong_workshop",
                title=session_label(sessions[0]),
                found=ids[0],
                expected=workshop.id,
            )
        )


def session_label(session: Session) -> str:
    """A short name for a session: its title and date, whichever it has."""
    date = session.started.date().isoformat() if session.started is not None else ""
    title = session.title.strip()
    if title and date:
        return f"{title} ({date})"
    return title or date or session.workshop


# --------------------------------------------------------------------------- ratings


@dataclass(frozen=True)
class RatingRow:
    """A cluster's mean (``item_id`` ``None``) or an item's mean, per session."""

    step_id: str
    group_id: str
    item_id: str | None
    title: str
    means: tuple[float | None, ...]

    @property
    def is_group(self) -> bool:
        return self.item_id is None


def compare_ratings(workshop: Workshop, sessions: Sequence[Session]) -> list[RatingRow]:
    """For every rate step of the workshop: per group its mean, then its items'
    means, each with one value per session (``None``: not rated there)."""
    check_sessions(workshop, sessions)
    rows: list[RatingRow] = []
    for _item, step in workshop.steps():
        if not isinstance(step, RateStep):
            continue
        records = [_rate_record(s, step.id) for s in sessions]
        group_means = [rate_stats.group_means(step, rec) for rec in records]
        item_stats = [
            {st.item.id: st.mean for st in rate_stats.item_ratings(step, rec)} for rec in records
        ]
        for group in step.groups:
            rows.append(
                RatingRow(
                    step.id, group.id, None, group.title, tuple(m[group.id] for m in group_means)
                )
            )
            for item in step.items_of(group.id):
                rows.append(
                    RatingRow(
                        step.id,
                        group.id,
                        item.id,
                        item.title,
                        tuple(m[item.id] for m in item_stats),
                    )
                )
    return rows


def _rate_record(session: Session, step_id: str) -> RateRecord | None:
    rec = session.records.get(step_id)
    return rec if isinstance(rec, RateRecord) else None


# --------------------------------------------------------------------------- motives


@dataclass(frozen=True)
class MotiveRow:
    step_id: str
    category_id: str
    title: str
    counts: tuple[int, ...]


def compare_motives(workshop: Workshop, sessions: Sequence[Session]) -> list[MotiveRow]:
    """For every sort step: the cards per category, one count per session (the
    step's categories in order, then any other category a session's cards name)."""
    check_sessions(workshop, sessions)
    rows: list[MotiveRow] = []
    for _item, step in workshop.steps():
        if not isinstance(step, SortStep):
            continue
        counts = [sort_stats.category_counts(step, _sort_record(s, step.id)) for s in sessions]
        titles = {c.id: c.title for c in step.categories}
        for session in sessions:  # added in the app, and the pile: named as that session did
            own = sort_categories.resolve(step, _sort_record(session, step.id))
            for category in own.categories:
                titles.setdefault(category.id, category.title)
        categories = list(dict.fromkeys(cid for c in counts for cid in c))
        for cid in categories:
            rows.append(
                MotiveRow(step.id, cid, titles.get(cid, cid), tuple(c.get(cid, 0) for c in counts))
            )
    return rows


def _sort_record(session: Session, step_id: str) -> SortRecord | None:
    rec = session.records.get(step_id)
    return rec if isinstance(rec, SortRecord) else None


# --------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class ActionRow:
    """A decision or an action as it stands in each session.

    The same action in several sessions (matched on who and what, ignoring case
    and spacing: a taken-over action is the same action) is one row."""

    kind: Literal["decision", "action"]
    text: str
    who: str
    """The name of whoever does it (empty for a decision)."""
    when: dt.date | None
    """The date in the last session that gives the action one."""
    present: tuple[bool, ...]
    statuses: tuple[ActionStatus | None, ...]
    """Per session: the action's status there, ``None`` where it is absent (and for
    every decision)."""


@dataclass
class _ActionEntry:
    what: str
    who: str
    when: dt.date | None
    statuses: list[ActionStatus | None]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def compare_actions(workshop: Workshop | None, sessions: Sequence[Session]) -> list[ActionRow]:
    """The decisions, then the actions, of all sessions, each once, in the order they
    first appear (with the words of their first appearance); per session whether it
    is there and the action's status."""
    check_sessions(workshop, sessions)
    count = len(sessions)
    decisions: dict[str, tuple[str, list[bool]]] = {}
    actions: dict[tuple[str, str], _ActionEntry] = {}
    for index, session in enumerate(sessions):
        for _step_id, decision in session.all_decisions():
            key = _norm(decision.text)
            if not key:
                continue
            entry = decisions.setdefault(key, (decision.text.strip(), [False] * count))
            entry[1][index] = True
        for _step_id, action in session.all_actions():
            who = report.action_who(session, action.who)
            akey = (_norm(who), _norm(action.what))
            if not any(akey):
                continue
            found = actions.setdefault(
                akey, _ActionEntry(action.what.strip(), who.strip(), action.when, [None] * count)
            )
            if action.when is not None:
                found.when = action.when  # the latest session's date wins
            if found.statuses[index] is None or action.status == "open":
                found.statuses[index] = action.status
    rows = [
        ActionRow("decision", text, "", None, tuple(present), (None,) * count)
        for text, present in decisions.values()
    ]
    rows.extend(
        ActionRow(
            "action",
            entry.what,
            entry.who,
            entry.when,
            tuple(s is not None for s in entry.statuses),
            tuple(entry.statuses),
        )
        for entry in actions.values()
    )
    return rows


def open_actions(session: Session) -> list[Action]:
    """The session's actions that are still open, in the session's order."""
    return [action for _step_id, action in session.all_actions() if action.status == "open"]


def _who_in(into: Session, from_session: Session, who: str) -> str:
    """``who`` of an action moved between sessions: a participant of the old session
    becomes the participant of the same name in the new one, else their name."""
    participant = from_session.participant(who) if who else None
    if participant is None:
        return who
    for candidate in into.participants:
        if _norm(candidate.name) == _norm(participant.name) and candidate.name.strip():
            return candidate.id
    return participant.name


def take_over_actions(
    from_session: Session, from_name: str, into: Session, into_step_id: str
) -> int:
    """Copy the open actions of ``from_session`` into the action list ``into_step_id``
    of ``into`` (new ids, ``origin`` = ``from_name``, status open). An action already
    taken over from ``from_name`` (same who, what and when) is not copied again.
    Returns how many were copied."""
    existing = into.records.get(into_step_id)
    if existing is not None and not isinstance(existing, ActionsRecord):
        raise CompareError(t("compare.not_actions_step", step=into_step_id))
    record = into.record(into_step_id, ActionsRecord.KIND)
    assert isinstance(record, ActionsRecord)

    def key(action: Action, session: Session) -> tuple[str, str, str, dt.date | None]:
        return (
            action.origin,
            _norm(report.action_who(session, action.who)),
            _norm(action.what),
            action.when,
        )

    seen = {key(action, into) for _step_id, action in into.all_actions()}
    copied = 0
    for action in open_actions(from_session):
        new = Action(
            id=new_id("a"),
            who=_who_in(into, from_session, action.who),
            what=action.what,
            when=action.when,
            status="open",
            origin=from_name,
        )
        k = key(new, into)
        if k in seen:
            continue
        seen.add(k)
        record.actions.append(new)
        copied += 1
    return copied


# --------------------------------------------------------------------------- blocks


def compare_blocks(
    workshop: Workshop, sessions: Sequence[Session], labels: Sequence[str] | None = None
) -> list[report.Block]:
    """The comparison as report blocks (render with ``report.to_rich`` or
    ``report.to_markdown``): ratings per cluster, the motive mix, decisions and
    actions; one column per session."""
    check_sessions(workshop, sessions)
    names = list(labels) if labels is not None else [session_label(s) for s in sessions]
    blocks: list[report.Block] = [
        report.Heading(t("compare.title") + ": " + workshop.title, level=1),
        report.Bullets(tuple(names)),
    ]
    rating_rows = compare_ratings(workshop, sessions)
    if rating_rows:
        blocks.append(report.Heading(t("compare.ratings"), level=2))
        blocks.append(
            report.Table(
                (t("report.rate.item"), *names),
                tuple(
                    (
                        t("compare.group_mean", title=row.title) if row.is_group else row.title,
                        *(report.fmt_number(m) for m in row.means),
                    )
                    for row in rating_rows
                ),
                align="l" + "r" * len(names),
            )
        )
    motive_rows = compare_motives(workshop, sessions)
    if motive_rows:
        blocks.append(report.Heading(t("compare.motives"), level=2))
        blocks.append(
            report.Table(
                (t("report.sort.category"), *names),
                tuple((row.title, *(str(c) for c in row.counts)) for row in motive_rows),
                align="l" + "r" * len(names),
            )
        )
    action_rows = compare_actions(workshop, sessions)
    if action_rows:
        blocks.append(report.Heading(t("compare.actions"), level=2))
        blocks.append(
            report.Table(
                (
                    t("compare.kind"),
                    t("report.action.what"),
                    t("report.action.who"),
                    t("report.action.when"),
                    *names,
                ),
                tuple(
                    (
                        t(f"compare.{row.kind}"),
                        row.text,
                        row.who,
                        report.fmt_when(row.when),
                        *(_cell(row, index) for index in range(len(sessions))),
                    )
                    for row in action_rows
                ),
            )
        )
    return blocks


def _cell(row: ActionRow, index: int) -> str:
    if not row.present[index]:
        return t("compare.absent")
    status = row.statuses[index]
    return t(f"report.status.{status}") if status is not None else t("compare.present")
