"""An option list that grows with its options, laid out and painted once per option
added (written for Textual 8.2.8).

Textual's :class:`~textual.widgets.OptionList` keeps each option's lines (how many,
``_line_cache``) and renders (``_option_render_cache``), and throws all of them away
on any change of its size. The cards and answers lists (``widgets/forms/cards.py``)
grow a line with each card or answer added: :class:`GrowingOptions`, their base when
the tuning is on, lays such a list out once and paints it once, without drawing the
other options again.

Figure (2026-12-06, ``SAMEN_TUNING_SKIP=cards`` against all of the tuning, 4 walks each
of ``bench/keys.py``): the Enter that adds an answer or a card, to its last paint,
21-34 → 72-103 ms (median per step), the UI thread's time 14-23 → 29-43 ms.

Stock fallback: Textual's ``OptionList`` (the list drawn anew, in a second frame).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import OptionList


class GrowingOptions(OptionList):
    """An option list whose height follows its options, that a new option lays out
    once and paints once (Textual's: two layouts and two paints of the whole list, a
    second paint 30-40 ms after the Enter that added an answer)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """The size of its lines. Textual's OptionList counts them when it is drawn, after
    the layout that gave it its size, and sets this with a layout of the whole screen
    (``Widget.virtual_size``): every card or answer added was two layouts. Its own
    size never depends on it (its height is that of its options, ``height: auto``,
    up to a maximum), and a scrollbar that it turns on or off asks for its layout
    itself. Nor does what it draws: set while it is drawn, a repaint asked for here
    was a second paint of the list (the first answer shown)."""

    def __init__(self, *content: Any, **options: Any) -> None:
        super().__init__(*content, **options)
        self._lines_width = self._renders_width = -1
        """The widths at which the lines were last counted and drawn."""

    def _scroll_update(self, virtual_size: Size) -> None:
        # An option added to a list whose height follows its options asks for its
        # layout and counts its lines at once, against the height it has until that
        # layout: one line more than fits, so Textual turned a scrollbar on, and the
        # layout turned it off again (a second layout of the screen for every card or
        # answer added). Its scrollbars are decided at that layout, with its new size.
        height = self.styles.height
        if self._layout_required and height is not None and height.is_auto:
            return
        super()._scroll_update(virtual_size)

    def _update_lines(self) -> None:
        region = self.scrollable_content_region
        if region and not self._line_cache.lines:
            self._lines_width = region.width  # the lines are counted anew, at this width
        super()._update_lines()

    def render_lines(self, crop: Region) -> list[Strip]:
        if not len(self._option_render_cache):
            self._renders_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        """Textual's OptionList counts and draws every option again after any change of
        its size, which came after the paint of the layout that changed it (an answer
        list grows a line with each answer, or is shown with the first: a second paint
        of the whole list after the Enter). What it counted and drew depends on its
        width only: kept if they were made at the width it has now (and then Textual's
        handler, the only other one, is not run)."""
        width = self.scrollable_content_region.width
        if width == self._lines_width and width == self._renders_width:
            event.prevent_default()
