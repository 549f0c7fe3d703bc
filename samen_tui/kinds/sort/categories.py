"""The categories a sort step has in a session: the file's (renamed in the app, if
so), those added in the app, less those merged into another, and the unsorted pile.
Never imports textual.

A step is shown and reported as :func:`resolve` makes it: a copy whose
``categories`` are these, each with its key (a category added in the app gets the
first key no other one has; the unsorted pile 0 when it is free). A merged category
keeps its key to itself, so merging never changes the key of another one.
"""

from __future__ import annotations

import dataclasses

from samen_tui.kinds.sort.model import CATEGORY_KEYS, UNSORTED, Category, SortStep
from samen_tui.kinds.sort.record import SortRecord

RESERVED = "ewa"
"""Keys a card uses itself (edit, who, action): never given to a category added in
the app."""


def _free_key(used: set[str], first: str = "") -> str:
    for key in first + CATEGORY_KEYS:
        if key not in used and key not in RESERVED:
            used.add(key)
            return key
    return ""


def resolve(step: SortStep, record: SortRecord | None) -> SortStep:
    """``step`` with the categories of this session."""
    if not step.open and not step.unsorted:
        return step
    titles = record.titles if record is not None else {}
    own = [
        dataclasses.replace(c, title=titles.get(c.id, c.title), key=step.category_key(i))
        for i, c in enumerate(step.categories)
    ]
    used = {c.key for c in own}
    if step.open and record is not None:
        for added in record.added:
            key = _free_key(used)
            title = titles.get(added.id, added.title)
            own.append(Category(id=added.id, title=title, key=key))
    if step.unsorted:
        title = titles.get(UNSORTED, step.words.get("unsorted"))
        own.append(Category(id=UNSORTED, title=title, key=_free_key(used, "0")))
    if record is not None and record.merged:
        own = [c for c in own if c.id not in record.merged]
    return dataclasses.replace(step, categories=tuple(own))


def state(record: SortRecord | None) -> object:
    """What of a record changes the categories (a view shows them anew when it does)."""
    if record is None:
        return ()
    return (
        tuple((a.id, a.title) for a in record.added),
        tuple(sorted(record.titles.items())),
        tuple(sorted(record.merged.items())),
    )


def mergeable(step: SortStep) -> list[Category]:
    """The categories that can be merged into another (of a resolved step): all but
    the unsorted pile, which stays (a card may always wait there)."""
    return [c for c in step.categories if c.id != UNSORTED]


def merge(record: SortRecord, gone: str, into: str) -> int:
    """Merge category ``gone`` into ``into``: its cards move there (in the order of
    the record, as every column shows them) and it is no longer shown. Returns how many cards moved.
    The caller wraps it in ``capture.change()`` (one undoable change)."""
    if gone in (into, UNSORTED):
        raise ValueError(f"cannot merge {gone!r} into {into!r}")
    moved = [card for card in record.cards if card.category == gone]
    for card in moved:
        card.category = into
        card.follows = ""
    record.merged[gone] = into
    return len(moved)


def merges(step: SortStep, record: SortRecord | None) -> list[tuple[str, str]]:
    """(title, title it went into) of each merged category, in the order merged; the
    second is where its cards are now (a category merged twice: the last one)."""
    if record is None or not record.merged:
        return []
    every = resolve(step, dataclasses.replace(record, merged={}))
    titles = {c.id: c.title for c in every.categories}
    out = []
    for gone in record.merged:
        into = merged_into(record, gone)
        out.append((titles.get(gone, gone), titles.get(into, into)))
    return out


def merged_into(record: SortRecord, category: str) -> str:
    """Where the cards of ``category`` are now: itself, or the category it was merged
    into (followed along a chain of merges)."""
    seen: set[str] = set()
    while category in record.merged and category not in seen:
        seen.add(category)
        category = record.merged[category]
    return category
