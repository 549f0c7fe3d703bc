"""Snapshots of the sort step's merge dialog (#20, F5) at 80x24 and 120x40: Zorg
(two cards) chosen on the left, to go into Wonen.

Update with ``pytest tests/snapshots/test_snap_sort_merge.py --snapshot-update`` after
looking at what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from samen_tui.kinds.sort.record import Added, Card, SortRecord
from samen_tui.tui.screens.walk import WalkScreen
from tests.snapshots.helpers import go_to, painted
from tests.tui.conftest import make_app

WORKSHOP = """\
[workshop]
id = "affinity"
title = "Affinity"

[[items]]
id = "sorteren"
title = "Sorteren"
minutes = 20

[[items.steps]]
kind = "content"
id = "welkom"
title = "Welkom"

[[items.steps]]
kind = "sort"
id = "affinity"
title = "Wat hoort bij elkaar?"
open = true
unsorted = true
categories = [
  { id = "wonen", title = "Wonen", key = "n" },
  { id = "zorg", title = "Zorg en hulp", key = "z" },
]
"""


async def merging(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    record = screen.session.record("affinity", "sort")
    assert isinstance(record, SortRecord)
    record.added.append(Added(id="c1", title="Ontmoeten"))
    record.cards += [
        Card(id="k1", text="Hofje", category="wonen"),
        Card(id="k2", text="Buurtzorg", category="zorg", who="p1"),
        Card(id="k3", text="Mantelzorg", category="zorg"),
        Card(id="k4", text="Koffieochtend", category="c1"),
    ]
    await go_to(pilot, "affinity")
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("down")
    pilot.app.clear_notifications()
    await painted(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_merge_dialog(size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    workshop = tmp_path / "affinity.toml"
    workshop.write_text(WORKSHOP, encoding="utf-8")
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    app = make_app(sessions, workshop=str(workshop))
    assert snap_compare(app, terminal_size=size, run_before=merging)
