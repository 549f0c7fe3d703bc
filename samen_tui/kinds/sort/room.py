"""sort in the room: the motive columns, each with its hint words, its count and its
cards. Never the trainer's notes on the step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.kinds.sort.stats import category_counts
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import Columns, RoomView, bullets, counted

KEPT = ", "
"""Between two hint words (as in the trainer's view): a comma stays with the word
before it, where a line could begin with a " · "."""


class SortRoom(RoomView):
    """A column per category: its title and count, its hint words, its cards."""

    def key(self, shown: Shown) -> object:
        record = shown.record
        cards = record.cards if isinstance(record, SortRecord) else []
        return encode(cards)  # the cards only: the notes are the trainer's

    def compose(self) -> ComposeResult:
        step = self.step
        assert isinstance(step, SortStep)
        record = self.shown.record
        cards = record.cards if isinstance(record, SortRecord) else []
        yield from self.intro()
        counts = category_counts(step, record if isinstance(record, SortRecord) else None)
        titles = {category.id: category.title for category in step.categories}
        hints = {category.id: category.hints for category in step.categories}
        columns = []
        for cid, count in counts.items():
            title = titles.get(cid) or t("report.other")
            parts = [
                Static(
                    counted(title, count),
                    classes="room-heading",
                )
            ]
            if hints.get(cid):
                parts.append(Static(KEPT.join(hints[cid]), classes="room-hint", markup=False))
            texts = [card.text for card in cards if card.category == cid]
            if texts:
                parts.append(bullets(texts))
            columns.append(Vertical(*parts, classes="room-column"))
        yield Columns(*columns, classes="room-columns")
        if not cards:
            yield self.note(t("room.sort.none"))


ROOM = SortRoom
