"""Who said something, in the words of a report or a view: the group, or the
organisation a participant stands for.

The numbers each kind draws from its records live with the kind
(``samen_tui/kinds/<kind>/stats.py``); these helpers are shared by them. Nothing here
changes a record or imports textual.
"""

from __future__ import annotations

from samen_tui.i18n import t
from samen_tui.session.model import GROUP, Session


def group_label() -> str:
    """How "the group" is named where a participant or organisation would be."""
    return t("stats.group")


def no_organisation_label() -> str:
    return t("stats.no_organisation")


def organisation_of(session: Session, who: str) -> str:
    """The organisation a card's author stands for: the group's label for the
    group, a label for a participant without (or no longer with) an organisation."""
    if who == GROUP:
        return group_label()
    participant = session.participant(who)
    if participant is None or not participant.organisation.strip():
        return no_organisation_label()
    return participant.organisation.strip()


def who_label(session: Session, who: str, *, group: str | None = None) -> str:
    """The name shown for a card's, rating's or action's author: a participant id as
    its name, other text as typed, the group as ``group`` (by default its label)."""
    if who == GROUP:
        return group_label() if group is None else group
    participant = session.participant(who)
    return participant.name if participant is not None else who
