"""What the room works out per refresh, it works out once: a view's key (which
encodes the step's record) and the sort board (the categories resolved, ``from``
pulled in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from samen_tui.kinds.sort import room as sort_room
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.saving import save_session
from tests.room.helpers import full_session, write
from tests.room.test_room_app import flat, room, settled


async def test_a_refresh_computes_the_key_and_the_board_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "s"
    session = full_session("motieven")
    path = write(session, folder)
    async with room(path, folder, size=(80, 24)) as (app, screen, pilot):
        view = screen.view
        assert isinstance(view, sort_room.SortRoom)
        keys: list[object] = []
        boards: list[object] = []
        key, board = sort_room.SortRoom.key, sort_room._board

        def counted_key(self: sort_room.SortRoom, shown: Any) -> object:
            keys.append(shown)
            return key(self, shown)

        def counted_board(*args: Any) -> Any:
            boards.append(args)
            return board(*args)

        monkeypatch.setattr(sort_room.SortRoom, "key", counted_key)
        monkeypatch.setattr(sort_room, "_board", counted_board)
        record = session.records["motieven"]
        assert isinstance(record, SortRecord)
        record.cards.append(Card(id="new", text="Nieuw <kaartje> [red]", category="moreel"))
        save_session(session, path)
        await screen.poll()
        await settled(pilot)
        assert "Nieuw <kaartje> [red]" in flat(app)  # built again, from that one board
        assert screen.view is view
        assert len(keys) == 1 and len(boards) == 1
