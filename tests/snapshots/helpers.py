"""What the snapshot tests share: the walk screen on a step, with three participants."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from samen_tui.session.model import Participant
from samen_tui.tui.screens.walk import WalkScreen


def _sized(pilot: Pilot[Any]) -> bool:
    """Every widget the screen would paint has been laid out at the size it is painted.

    A widget mounted a moment ago (a step's view on a busy machine) can be on the
    screen's map before the screen has laid it out: Textual builds the map again when it
    is asked for a widget it does not know, while the layout waits in the screen's
    queue. Such a widget paints as blank lines until that layout."""
    compositor = pilot.app.screen._compositor
    return all(
        widget._size == region.size
        for widget, (region, _clip) in compositor.visible_widgets.items()
    )


async def painted(pilot: Pilot[Any]) -> None:
    """Wait (up to 2 s) until no change of focus holds the walk screen's paint (see
    ``WalkScreen.set_focus``; a screenshot taken while it holds shows the screen as it
    was before the change) and every widget on the screen has been laid out."""
    for _ in range(100):
        if not pilot.app._batch_count and _sized(pilot):
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def go_to(pilot: Pilot[Any], step_id: str) -> WalkScreen:
    """Add three participants (names with a diacritic and an organisation each) and
    show ``step_id``."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    screen.session.participants += [
        Participant(id="p1", name="Anna de Vries", organisation="Gemeente Zeist"),
        Participant(id="p2", name="Bert Jansen", organisation="Welzijn Zeist"),
        Participant(id="p3", name="Chloë Bakker", organisation="Seniorenraad"),
    ]
    screen.go_to(step_id)
    await pilot.pause()
    await pilot.pause()
    await painted(pilot)
    return screen
