"""The matrix step (#20) in the room: the quadrants with the items the group placed,
and what is still to place."""

from __future__ import annotations

import shutil
from pathlib import Path

from samen_tui.kinds.matrix.record import MatrixRecord, Point
from samen_tui.session.model import Session
from samen_tui.tui.room.app import RoomApp
from samen_tui.tui.room.screen import RoomScreen
from samen_tui.workshop.loader import load_workshop
from tests.room.helpers import NOW, write
from tests.room.test_room_app import flat

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matrix.toml"


async def test_the_room_shows_the_quadrants_and_what_is_still_to_place(tmp_path: Path) -> None:
    workshops = tmp_path / "workshops"
    workshops.mkdir()
    shutil.copy(FIXTURE, workshops / "matrix.toml")
    workshop = load_workshop(workshops / "matrix.toml")
    session = Session(
        workshop=workshop.id,
        title="Kiezen",
        current="impact-moeite",
        steps=workshop.step_ids(),
        records={
            "impact-moeite": MatrixRecord(
                points={"buurtkamer": Point(x=2, y=5), "klusbus": Point(x=4, y=4)}
            )
        },
    )
    folder = tmp_path / "sessies"
    path = write(session, folder)
    app = RoomApp(
        path,
        folder,
        [("test", workshops)],
        clock=lambda: NOW,
        poll_every=None,
        look_every=None,
    )
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        text = flat(app)
        assert "Snel te doen 1" in text and "Een buurtkamer [b]x[/] (2 · 5)" in text
        assert "Grote projecten 1" in text and "Een klusbus (4 · 4)" in text
        assert "Kleine klusjes 0" in text and "Niet doen 0" in text
        assert "Nog te plaatsen: 1" in text and "Een app voor alles" in text
