"""The join server in the trainer's app (#18): started by ``--join`` or the palette on
the app's own loop; a phone's card shows in the step view at once, is saved, and is
one ctrl+z; the panel shows the address, QR and code, closes a step, stops the server."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("segno")

from aiohttp import ClientConnectionError
from textual.pilot import Pilot

from samen_tui.kinds.sort.view import SortView
from samen_tui.room.joinnote import read_note
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.walk import WalkScreen
from samen_tui.tui.screens.walk.joining import JoinPanel
from tests.join.helpers import Phone
from tests.tui.conftest import make_app, saved, until, walk_screen
from tests.tui.test_walk import type_text


async def started(pilot, screen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        if screen.joining.running:
            return
        await pilot.pause(0.02)
    raise AssertionError("the join server did not start")


@contextlib.asynccontextmanager
async def joined(sessions: Path) -> AsyncIterator[tuple[SamenApp, Pilot[Any], WalkScreen]]:
    """The app at 120x40 letting phones in (on a free port), its server started."""
    app = make_app(sessions)
    app.services.join = "127.0.0.1:0"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await started(pilot, screen)
        yield app, pilot, screen


async def test_a_phones_card_shows_at_once_is_saved_and_undone(sessions: Path) -> None:
    app = make_app(sessions)
    app.launch.extra["join"] = "127.0.0.1:0"
    app.services.join = "127.0.0.1:0"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await started(pilot, screen)
        screen.go_to("motieven")
        await pilot.pause()
        info = screen.joining.info()
        assert info is not None and info.url.startswith("http://127.0.0.1:")
        server = screen.joining.server
        assert server is not None
        async with Phone(server, info.short_url) as phone:
            await phone.join(name="Bram")
            _status, page = await phone.get("step")
            category = re.search(r'name="category" value="([^"]+)"', page)
            assert category is not None
            status, _ = await phone.post(
                "card", {"step": "motieven", "text": "Van telefoon", "category": category[1]}
            )
            assert status == 303
        view = screen.step_view
        assert isinstance(view, SortView)

        def shown() -> str:
            return " ".join(str(w.render()) for w in view.query("CardView"))

        await until(pilot, lambda: "Van telefoon" in shown())  # within WalkJoin's SHOW_EVERY
        data = saved(app)
        [card] = data["records"]["motieven"]["cards"]
        who = next(p for p in data["participants"] if p["name"] == "Bram")
        assert card["text"] == "Van telefoon" and card["who"] == who["id"]
        assert who["role"] == "via telefoon"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "motieven" not in saved(app).get("records", {})


async def test_palette_opens_the_panel_which_closes_a_step_and_stops(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert not screen.joining.running
        screen.joining.default = "127.0.0.1:0"  # where the palette's command serves
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Deelnemers laten")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await started(pilot, screen)
        for _ in range(50):
            if isinstance(app.screen, JoinPanel):
                break
            await pilot.pause(0.02)
        panel = app.screen
        assert isinstance(panel, JoinPanel)
        info = screen.joining.info()
        assert info is not None
        qr = str(panel.query_one("#join-qr").render())
        assert "█" in qr and len(qr.splitlines()) == len(info.qr)
        assert info.code in str(panel.query_one("#join-code").render())
        assert str(panel.query_one("#join-url").render()) == info.short_url
        server = screen.joining.server
        assert server is not None
        step = screen.session.current
        await pilot.press("o")
        assert not server.desk.is_open(step)
        await pilot.press("o")
        assert server.desk.is_open(step)
        await pilot.press("s")
        await until(pilot, lambda: not screen.joining.running)
        assert not isinstance(app.screen, JoinPanel)
        async with Phone(server, info.short_url) as phone:
            with pytest.raises(ClientConnectionError):
                await phone.get()


async def test_ending_the_session_stops_the_server(sessions: Path) -> None:
    async with joined(sessions) as (_app, pilot, screen):
        server = screen.joining.server
        assert server is not None
        # the room (samen room) learns where phones join from a note beside the session
        note = read_note(screen.path)
        info = screen.joining.info()
        assert note is not None and info is not None
        assert (note.url, note.code) == (info.url, info.code)
        screen.action_end_session()  # "Sessie afronden": its summary, then confirmed
        await pilot.pause()
        await pilot.press("tab", "enter")  # from "Terug" to "Afronden"
        await until(pilot, lambda: not screen.joining.running)
        assert server.desk.stopped
        assert read_note(screen.path) is None


async def test_a_card_from_a_phone_mounts_only_that_card(sessions: Path) -> None:
    """The motive map keeps the cards it shows and mounts the new one at the end (it
    remounted the whole column for every card: slow while thirty phones fill it)."""
    async with joined(sessions) as (_app, pilot, screen):
        screen.go_to("motieven")
        await pilot.pause()
        info = screen.joining.info()
        server = screen.joining.server
        assert info is not None and server is not None
        async with Phone(server, info.short_url) as phone:
            await phone.join(name="Bram")
            _status, page = await phone.get("step")
            category = re.findall(r'name="category" value="([^"]+)"', page)[0]
            for text in ("een", "twee"):
                await phone.post("card", {"step": "motieven", "text": text, "category": category})
            view = screen.step_view
            for _ in range(40):
                await pilot.pause(0.1)
                if isinstance(view, SortView) and len(view.query("CardView")) == 2:
                    break
            assert isinstance(view, SortView)
            before = list(view.query("CardView"))
            assert len(before) == 2
            await phone.post("card", {"step": "motieven", "text": "drie", "category": category})
            for _ in range(40):  # shown once the trainer's keys pause (0.4 s), or within 2 s
                await pilot.pause(0.1)
                if len(view.query("CardView")) == 3:
                    break
            after = list(view.query("CardView"))
            assert after[:2] == before and len(after) == 3
            assert "drie" in str(after[2].render())


async def test_saving_as_moves_the_rooms_join_note(sessions: Path, tmp_path: Path) -> None:
    """The room finds where phones join in a note beside the session: after save-as it
    is beside the new file, and none is left beside the old one."""
    from samen_tui.tui.screens.walk.saveas import move_to

    async with joined(sessions) as (_app, _pilot, screen):
        old = screen.path
        assert read_note(old) is not None
        target = tmp_path / "elders" / "kopie.toml"
        target.parent.mkdir()
        assert move_to(screen, target)
        note = read_note(target)
        info = screen.joining.info()
        assert note is not None and info is not None and note.code == info.code
        assert read_note(old) is None
        await screen.joining.stop()
        assert read_note(target) is None
