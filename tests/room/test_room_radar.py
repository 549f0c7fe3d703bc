"""A rate step with ``chart = "radar"`` (#20) in the room: once revealed, the web of
the means as large as the room allows, the weakest marked, never one person's scores;
where the web does not fit, the bars."""

from __future__ import annotations

import shutil
from pathlib import Path

from samen_tui import paths
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.rate.room import RoomRadar
from samen_tui.session.model import Session
from samen_tui.tui.room.app import RoomApp
from samen_tui.tui.room.screen import RoomScreen
from samen_tui.workshop.loader import load_workshop
from tests.room.helpers import NOW, write
from tests.room.test_room_app import flat

EXAMPLE = paths.PACKAGE_WORKSHOPS / "examples" / "positieve-gezondheid.toml"
SCORES = {
    "lichaamsfuncties": {"anon-1": 7, "anon-2": 9},
    "mentaal-welbevinden": {"anon-1": 4, "anon-2": 4},
    "zingeving": {"anon-1": 8, "anon-2": 6},
    "kwaliteit-van-leven": {"anon-1": 6, "anon-2": 10},
    "meedoen": {"anon-1": 3, "anon-2": 5},
    "dagelijks-functioneren": {"anon-1": 9, "anon-2": 9},
}
"""Anonymous scores: the means are 8, 4, 7, 8, 4 and 9 (the weakest: meedoen, 4 with
the wider spread, then mentaal welbevinden)."""


def health_session(workshops: Path, *, revealed: bool = True) -> Session:
    """A session of the Positieve Gezondheid example on its rate step, scored."""
    workshops.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLE, workshops / EXAMPLE.name)
    workshop = load_workshop(workshops / EXAMPLE.name)
    session = Session(
        workshop=workshop.id,
        title="Spinnenweb",
        current="dimensies",
        steps=workshop.step_ids(),
        records={
            "dimensies": RateRecord(
                ratings={item: Rating(by=dict(by)) for item, by in SCORES.items()},
                notes="GEHEIM-van-de-trainer",
            )
        },
    )
    if revealed:
        session.room.revealed.append("dimensies")
    return session


def room(tmp_path: Path, session: Session) -> RoomApp:
    folder = tmp_path / "sessies"
    path = write(session, folder)
    return RoomApp(
        path, folder, [("test", tmp_path / "workshops")], clock=lambda: NOW,
        poll_every=None, look_every=None,
    )  # fmt: skip


async def test_the_room_draws_the_web_of_the_means(tmp_path: Path) -> None:
    app = room(tmp_path, health_session(tmp_path / "workshops"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        webs = list(app.screen.query(RoomRadar))
        assert len(webs) == 1 and webs[0].size.height >= 30
        text = flat(app)
        assert "Lichaamsfuncties 8,0" in text and "Dagelijks functioneren 9,0" in text
        # the weakest marked in the web and named under it
        assert "▼1 Meedoen 4,0" in text and "▼2 Mentaal welbevinden 4,0" in text
        assert any(0x2800 < ord(c) <= 0x28FF for c in text)  # braille dots
        assert "Anoniem" not in text and "GEHEIM" not in text


async def test_too_small_a_room_shows_the_bars_and_hidden_shows_nothing(tmp_path: Path) -> None:
    app = room(tmp_path, health_session(tmp_path / "workshops"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert not app.screen.query(RoomRadar)
        assert "█" in flat(app)  # the bars
    hidden = room(tmp_path / "b", health_session(tmp_path / "b" / "workshops", revealed=False))
    async with hidden.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert not hidden.screen.query(RoomRadar)
        assert "8,0" not in flat(hidden)
