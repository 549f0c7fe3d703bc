"""sort in the room: the motive columns, each with its hint words, its count and its
cards. Never the trainer's notes on the step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.sort import categories, taken
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import SortRecord
from samen_tui.kinds.sort.stats import category_counts
from samen_tui.room.shown import Shown
from samen_tui.session.codec import encode
from samen_tui.tui.room.view import Columns, RoomView, bullets, counted

KEPT = ", "
"""Between two hint words (as in the trainer's view): a comma stays with the word
before it, where a line could begin with a " · "."""


def _board(shown: Shown, step: SortStep) -> tuple[SortStep, SortRecord | None]:
    """The step with the session's categories, and its record with what ``from``
    brings (as the trainer's view shows them)."""
    record = shown.record
    held = record if isinstance(record, SortRecord) else None
    if step.from_:
        held = taken.pulled(held, flow.incoming(step, shown.session, shown.workshop))
    return categories.resolve(step, held), held


class SortRoom(RoomView):
    """A column per category: its title and count, its hint words, its cards."""

    _resolved: tuple[Shown, tuple[SortStep, SortRecord | None]] | None = None
    """The last board :meth:`board` resolved, and the picture it is of."""

    def board(self, shown: Shown, step: SortStep) -> tuple[SortStep, SortRecord | None]:
        """:func:`_board` of ``shown``, resolved once: :meth:`key` resolves it, and
        :meth:`compose` builds from that same board (a picture is never changed:
        the room makes a new one for each state of the session)."""
        resolved = self._resolved
        if resolved is None or resolved[0] is not shown:
            resolved = self._resolved = (shown, _board(shown, step))
        return resolved[1]

    def key(self, shown: Shown) -> object:
        step = shown.step
        if not isinstance(step, SortStep):
            return None
        step, record = self.board(shown, step)
        cards = record.cards if record is not None else []
        # the cards and the categories only: the notes are the trainer's
        return encode(cards), tuple((c.id, c.title) for c in step.categories)

    def compose(self) -> ComposeResult:
        assert isinstance(self.step, SortStep)
        step, record = self.board(self.shown, self.step)
        cards = record.cards if record is not None else []
        yield from self.intro()
        counts = category_counts(step, record)
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
