"""What the sort step's board shows, as text: its columns, a card, the counts per
category and per organisation, the category pick line. Rich text only (the view,
:mod:`samen_tui.kinds.sort.view`, puts it on screen); never imports textual.

Participant text is always a ``rich.text.Text``'s plain text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from samen_tui.i18n import t
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.kinds.sort.stats import category_counts, organisation_counts
from samen_tui.session.model import GROUP, Session
from samen_tui.session.stats import who_label


@dataclass(frozen=True)
class Column:
    """A column of the board: a category of the step, or one a card names that the
    step no longer has (so nothing captured is hidden)."""

    id: str
    title: str
    hints: tuple[str, ...]
    key: str


def columns(step: SortStep, record: SortRecord) -> list[Column]:
    """The step's categories, then one per category a card names that the step no
    longer has."""
    out = [
        Column(c.id, c.title, c.hints, step.category_key(i)) for i, c in enumerate(step.categories)
    ]
    known = {c.id for c in step.categories}
    for card in record.cards:
        if card.category not in known:
            known.add(card.category)
            out.append(Column(card.category, t("sort.unknown_category", id=card.category), (), ""))
    return out


def keys_text(step: SortStep) -> str:
    """The category keys, ``1/2/3``."""
    return "/".join(step.category_key(i) for i in range(len(step.categories)))


def head_text(column: Column) -> Text:
    """A column's head: its key (reversed) and its title."""
    head = Text()
    if column.key:
        head.append(f" {column.key} ", style="reverse")
        head.append(" ")
    head.append(column.title)
    return head


def card_text(card: Card, session: Session) -> Text:
    """A card: its text, and who said it unless the group did."""
    text = Text(card.text)
    if card.who != GROUP:
        text.append(f"\n— {who_label(session, card.who)}", style="dim italic")
    return text


def summary_text(step: SortStep, record: SortRecord, session: Session) -> Text:
    """The counts per category and per organisation (docked under the board)."""
    counts = category_counts(step, record)
    shown = columns(step, record)
    keys = [c.key or "?" for c in shown]
    out = Text()
    words = step.words
    out.append(words.get("per_category"), style="bold")
    for column, key in zip(shown, keys, strict=True):
        out.append(f" {key} ", style="reverse")
        out.append(f" {counts.get(column.id, 0)}  ")
    total = len(record.cards)
    out.append(words.get("total_one") if total == 1 else words.get("total", n=total), style="bold")
    out.append("\n")
    out.append(words.get("per_organisation", keys="/".join(keys)), style="bold")
    per_org = organisation_counts(session, record, step)
    if not per_org:
        out.append(" " + words.get("empty"), style="dim")
    for index, (org, row) in enumerate(per_org.items()):
        out.append(" · " if index else " ")
        out.append(org)
        out.append(" " + "/".join(str(row.get(c.id, 0)) for c in shown), style="bold")
    return out


def pick_text(step: SortStep, same_title: str | None) -> Text:
    """The line that asks for the category after Enter: each key with its category,
    what Enter files under (``same_title``), and how to go back."""
    out = Text(t("sort.pick", question=step.words.get("pick"), choices=""))
    for index, category in enumerate(step.categories):
        out.append(f" {step.category_key(index)} ", style="reverse")
        out.append(f" {category.title}  ")
    if same_title is not None:
        out.append(t("sort.pick_same", category=same_title))
    out.append(t("sort.pick_back"))
    return out
