"""Anonymous raters and voters: numbered slots that name nobody. Never imports textual.

A step with ``anonymous = true`` (rate, brainstorm, questions) keeps no participant's
id in the session file: a rating or a dot is kept under a slot, ``anon-1``, ``anon-2``,
..., which the screen shows as "Anoniem 1", "Anoniem 2". The slots are not the
participants in any order: there is always one more than the highest slot used, so
the trainer can go on taking scores (from slips of paper, say) with or without a
list of who is here.
"""

from __future__ import annotations

from collections.abc import Iterable

from samen_tui.i18n import t

PREFIX = "anon-"


def is_slot(who: str) -> bool:
    return who.startswith(PREFIX) and who[len(PREFIX) :].isdigit()


def slot(number: int) -> str:
    return f"{PREFIX}{number}"


def slots(used: Iterable[str]) -> list[str]:
    """The slots to offer: every one up to the highest used, and one more."""
    highest = max((int(w[len(PREFIX) :]) for w in used if is_slot(w)), default=0)
    return [slot(n) for n in range(1, highest + 2)]


def label(who: str) -> str | None:
    """ "Anoniem 3" for a slot; None for anything else."""
    if not is_slot(who):
        return None
    return t("anonymous.slot", n=int(who[len(PREFIX) :]))


def who_options(
    group: str, names: Iterable[tuple[str, str]], breakouts: Iterable[str], anonymous: bool
) -> list[tuple[str, str]]:
    """(label, who) for a "who said it" choice: the group, the step's breakout groups
    (kept under their own name), then the participants (``names``: id, name) unless
    the step is anonymous."""
    options = [(group, "")]
    options += [(name, name) for name in breakouts]
    if not anonymous:
        options += [(name, pid) for pid, name in names]
    return options
