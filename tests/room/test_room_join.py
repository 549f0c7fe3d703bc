"""The room shows where participants join (#17 with #18): the note the trainer's app
keeps beside the session while its join server runs (``samen_tui/room/joinnote.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Static

from samen_tui.room.joinnote import JoinNote, note_path, read_note, remove_note, write_note
from samen_tui.session.lock import SessionLock
from samen_tui.session.model import Session
from tests.room.helpers import full_session, write
from tests.room.test_room_app import flat, room, settled
from tests.room.test_room_core import stale_lock

NOTE = JoinNote(
    url="http://192.168.1.20:8123/j/AbCdEfGhIjKlMnOpQrStUv",
    short_url="http://192.168.1.20:8123/",
    code="K7PQ2M",
)


# --------------------------------------------------------------------------- the note


def test_the_note_is_private_and_read_back(tmp_path: Path) -> None:
    session = tmp_path / "sessie.toml"
    assert write_note(session, NOTE)
    path = note_path(session)
    assert path.name == ".sessie.join.json"  # hidden: not a session of the folder
    assert path.stat().st_mode & 0o777 == 0o600
    assert read_note(session) == NOTE
    remove_note(session)
    assert not path.exists() and read_note(session) is None
    remove_note(session)  # gone already: nothing happens


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2]",
        b'{"url": "javascript:alert(1)", "short_url": "http://a/", "code": "K7PQ2M"}',
        b'{"url": "http://a/j/x", "short_url": "http://a/", "code": "<b>x</b>"}',
        b'{"url": "http://a/j/x", "short_url": "http://a/"}',
        b'{"url": "http://a/j/x", "short_url": "http://a/", "code": "K7PQ2M"}' + b" " * 5000,
        '{"url": "http://a/j/x", "short_url": "http://a/", "code": "ÄÖÜ123"}'.encode(),
    ],
)
def test_a_note_that_is_not_the_apps_is_not_shown(tmp_path: Path, content: bytes) -> None:
    session = tmp_path / "sessie.toml"
    path = note_path(session)
    path.write_bytes(content)
    path.chmod(0o600)
    assert read_note(session) is None


def test_a_note_others_may_read_or_change_or_a_link_is_not_read(tmp_path: Path) -> None:
    session = tmp_path / "sessie.toml"
    assert write_note(session, NOTE)
    path = note_path(session)
    for mode in (0o644, 0o620, 0o602):
        path.chmod(mode)
        assert read_note(session) is None, oct(mode)
    path.chmod(0o600)
    elsewhere = tmp_path / "elders.json"
    os.replace(path, elsewhere)
    path.symlink_to(elsewhere)
    assert read_note(session) is None


def test_a_folder_that_will_not_take_the_note_is_no_error(tmp_path: Path) -> None:
    assert not write_note(tmp_path / "weg" / "sessie.toml", NOTE)


# --------------------------------------------------------------------------- the room


async def test_the_room_shows_the_address_and_code_while_the_app_serves(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    with SessionLock(path):  # the trainer's app holds the session
        await shown_and_gone(path, folder)


async def shown_and_gone(path: Path, folder: Path) -> None:
    async with room(path, folder, size=(80, 24)) as (app, screen, pilot):
        assert "Doe mee op je telefoon" not in flat(app)
        write_note(path, NOTE)
        await screen.look_around()
        await settled(pilot)
        assert "Doe mee op je telefoon: http://192.168.1.20:8123/ · code K7PQ2M" in flat(app)
        assert "AbCdEf" not in flat(app)  # the token is in the QR code only, not at 80x24
        remove_note(path)
        await screen.look_around()
        await settled(pilot)
        assert "Doe mee" not in flat(app)


async def test_a_large_room_shows_the_qr_code_and_blank_hides_it(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    session = full_session("motieven")
    path = write(session, folder)
    write_note(path, NOTE)
    lock = SessionLock(path)
    assert lock.claim() is None
    try:
        await large_then_blank(path, folder, session)
    finally:
        lock.release()


async def large_then_blank(path: Path, folder: Path, session: Session) -> None:
    async with room(path, folder, size=(160, 45)) as (app, screen, pilot):
        join = screen.query_one("#room-join", Static)
        assert join.display and join.size.height >= 15  # the QR code's rows
        assert "▀" in flat(app) or "▄" in flat(app)
        assert "code K7PQ2M" in flat(app)
        session.room.blank = True
        write(session, folder, path.name)
        screen.follower.poll()  # type: ignore[union-attr]
        await screen.refresh_room()
        await settled(pilot)
        assert "K7PQ2M" not in flat(app)


async def test_a_closed_or_killed_apps_note_is_not_shown(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    path = write(full_session("motieven"), folder)
    write_note(path, NOTE)
    async with room(path, folder, size=(80, 24)) as (app, _screen, _pilot):
        assert "K7PQ2M" not in flat(app)  # closed: no lock
    stale_lock(path)
    async with room(path, folder, size=(80, 24)) as (app, _screen, _pilot):
        assert "gestopt" in flat(app)
        assert "K7PQ2M" not in flat(app)
