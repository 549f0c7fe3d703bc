"""The categories a sort step has in a session: the file's (renamed in the app, if
so), those added in the app, and the unsorted pile. Never imports textual.

A step is shown and reported as :func:`resolve` makes it: a copy whose
``categories`` are these, each with its key (a category added in the app gets the
first key no other one has; the unsorted pile 0 when it is free).
"""

from __future__ import annotations

import dataclasses

from samen_tui.kinds.sort.model import CATEGORY_KEYS, UNSORTED, Category, SortStep
from samen_tui.kinds.sort.record import SortRecord

RESERVED = "ew"
"""Keys a card uses itself (edit, who): never given to a category added in the app."""


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
    return dataclasses.replace(step, categories=tuple(own))


def state(record: SortRecord | None) -> object:
    """What of a record changes the categories (a view shows them anew when it does)."""
    if record is None:
        return ()
    return (tuple((a.id, a.title) for a in record.added), tuple(sorted(record.titles.items())))
