"""Option lists that draw again only what changed (written for Textual 8.2.8).

Textual's :class:`~textual.widgets.OptionList` keeps each option's lines (how many,
``_line_cache``) and renders (``_option_render_cache``), and throws all of them away
on any change of one prompt and on any change of its size. Two lists of the walk
screen change often and grow a line at a time:

* :class:`GrowingOptions`, the base of the cards and answers lists
  (``widgets/forms/cards.py``): an answer added to a list that grows with its
  answers is laid out once, and painted once, without drawing the others again.
* :class:`OneLineOptions`, the base of the agenda: a changed line or highlight
  repaints that line only.

Stock fallback: Textual's ``OptionList`` (a list drawn anew, in a second frame).
"""

from __future__ import annotations

from typing import Any, Self

from textual import events
from textual.geometry import Region, Size
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.visual import VisualType
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


class OneLineOptions(OptionList):
    """An option list of one line per option (no wrapping), whose changed prompt or
    highlight repaints that line only. Textual's repaints every line at each change
    of the highlight, and counts and draws every option again at each changed prompt
    (``replace_option_prompt_at_index``): the agenda's 38 lines at 120x40, on every
    pagedown."""

    highlighted: Reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        super().watch_highlighted(new)
        for index in (old, new):
            if index is not None:
                self._repaint_option(index)

    def replace_option_prompt_at_index(self, index: int, prompt: VisualType) -> Self:
        """Textual's, keeping what it counted (the option is one line, as before) and
        what it drew of the other options."""
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache  # only this line's renders are stale
        stale = [key for key in cache.keys() if key[0] is option]  # noqa: SIM118
        for key in stale:
            cache.discard(key)
        self._repaint_option(index)
        return self

    def _repaint_option(self, index: int) -> None:
        """Repaint the line(s) of the option at ``index``."""
        line = self._index_to_line.get(index)
        height = self._heights.get(index)
        region = self.scrollable_content_region
        if line is None or height is None or not region:
            self.refresh()  # not counted yet: it is drawn with all the others
            return
        self.refresh(Region(0, line - self.scroll_offset.y, region.width, height))
