"""A compositor that paints a partial update band by band (written for Textual 8.2.8).

Textual's compositor paints a partial update (what changed since the last paint) by
rendering every widget that overlaps the *bounding box* of the changed regions, each in
full, and then keeps only the changed lines. A key on the checklist changes a score
near the top and the detail line at the bottom: the box is the whole list, and the
update rendered its ~150 widgets (15-30 ms) to put three lines on the screen.

:class:`BandCompositor` splits the changed regions into bands of lines that touch, and
renders the widgets of each band only, and of each widget only the lines in the band
(a container the height of the screen gave all of its lines to every update). The
update it returns is the same: the same lines, drawn from the same widgets (a test
compares the two).

Both kinds of update (partial and full) skip what nobody sees: Textual renders every
widget that overlaps the update and cuts each of its lines at every widget edge, then
keeps the front piece of each cut. A container under its children (the screen, the
step's pane, a view) was rendered and cut line by line for nothing: on a pagedown that
was half of the paint. Here a widget is rendered only for the lines where something of
it still shows, and a line is cut only when one of its pieces is still open.

Textual bug (8.2.8), mended here: when the full map is built again lazily, the widgets
visible are worked out again but the *cuts* (where on each line a widget starts and
ends) are not. A widget that became visible in between (a step's view mounted on a busy
machine) is then painted under its parent's background: the pane stays empty until the
next layout (``BandCompositor.full_map``).

Figure (2026-12-06, ``SAMEN_TUNING_SKIP=compositor`` against all of the tuning, 4
walks each of ``bench/keys.py``): the UI thread's time for the conversation's choice
of a flow 37 → 84 ms (to its last paint 82 → 148 ms), a pagedown's p95 55 → 69 ms.

Stock fallback: Textual's ``Compositor`` (the walk screen without ``FrameTuning``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual._compositor import ChopsUpdate, Compositor, CompositorMap
from textual.geometry import Region
from textual.strip import Strip


def bands(regions: set[Region]) -> list[list[Region]]:
    """The regions in groups whose lines overlap or touch, top to bottom."""
    groups: list[list[Region]] = []
    bottom = -1
    for region in sorted(regions, key=lambda r: r.y):
        if groups and region.y <= bottom:
            groups[-1].append(region)
            bottom = max(bottom, region.bottom)
        else:
            groups.append([region])
            bottom = region.bottom
    return groups


class BandCompositor(Compositor):
    @property
    def full_map(self) -> CompositorMap:
        if self._full_map_invalidated:
            # what Textual's full_map keeps from before the map is built again
            self._cuts = None
            self._layers = None
            self._layers_visible = None
        return super().full_map

    def render_partial_update(self) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        groups = bands(update_regions)
        if len(groups) < 2:
            return super().render_partial_update()
        self._dirty_regions.clear()
        screen_region = self.size.region
        spans = list(self._regions_to_spans(update_regions))
        rendered = {y for y, _, _ in spans}
        chops: list[dict[int, Strip | None]] | None = None
        for group in groups:
            crop = Region.from_union(group).intersection(screen_region)
            if not crop:
                continue
            lines = set(crop.line_range) & rendered
            band = self._render_chops(crop, lines.__contains__)
            if chops is None:
                chops = [dict(line) for line in band]
            else:
                for y in lines:
                    chops[y] = dict(band[y])
        if chops is None:
            return None
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    def _render_chops(
        self,
        crop: Region,
        is_rendered_line: Callable[[int], bool],
    ) -> Sequence[Mapping[int, Strip]]:
        """Textual's chops (the front piece of each cut of each line), front to back as
        there, but a widget is rendered only for the lines where one of its pieces is
        still open, and only those lines are cut."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        top, bottom = crop.y, crop.bottom
        left, right = crop.x, crop.right
        for widget, (region, clip) in self.visible_widgets.items():
            x1 = max(clip.x, region.x)
            x2 = min(clip.right, region.right)
            y1 = max(clip.y, region.y, top)
            y2 = min(clip.bottom, region.bottom, bottom)
            if y2 <= y1 or x2 <= x1 or x2 <= left or right <= x1:
                continue
            # the widget's cuts on each line where one of its pieces is still open
            open_lines: dict[int, list[int]] = {}
            for y in range(y1, y2):
                if not is_rendered_line(y):
                    continue
                line_cuts = [cut for cut in cuts[y] if x1 <= cut <= x2]
                line = chops[y]
                if any(line[cut] is None for cut in line_cuts[:-1]):
                    open_lines[y] = line_cuts
            if not open_lines:
                continue
            first = min(open_lines)
            last = max(open_lines)
            strips = widget.render_lines(
                Region(x1 - region.x, first - region.y, x2 - x1, last + 1 - first)
            )
            for y, strip in enumerate(strips, start=first):
                wanted = open_lines.get(y)
                if wanted is None:
                    continue
                line = chops[y]
                pieces = strip.divide([cut - x1 for cut in wanted[1:]])
                for cut, piece in zip(wanted, pieces, strict=False):
                    if line[cut] is None:
                        line[cut] = piece
        return chops  # type: ignore[return-value]
