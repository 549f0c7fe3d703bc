"""``samen room`` and ``samen serve --room`` on the command line."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from samen_tui.cli import build_parser, main


def test_room_takes_a_session_or_none() -> None:
    args = build_parser().parse_args(["room", "--sessions", "/s"])
    assert args.command == "room" and args.session is None and args.sessions == "/s"
    assert build_parser().parse_args(["room", "zeist"]).session == "zeist"


def test_an_unknown_session_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["room", "bestaat-niet", "--sessions", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"samen room: geen sessie ‘bestaat-niet’ (ook niet in {tmp_path})\n"
    )


@pytest.mark.parametrize(
    ("extra", "tail"),
    [([], []), (["--room"], ["room"]), (["--room", "zeist.toml"], ["room", "zeist.toml"])],
)
def test_serve_room_serves_the_room_instead_of_the_app(
    extra: list[str],
    tail: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("textual_serve")
    from samen_tui.web.serve import GuardedServer

    served: list[GuardedServer] = []
    monkeypatch.setattr(GuardedServer, "serve", lambda self, debug=False: served.append(self))
    assert main(["serve", "--sessions", str(tmp_path), *extra]) == 0
    ((server,),) = [served]
    command, title = server.command, server.title
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "samen_tui",
        "--sessions",
        str(tmp_path),
        *tail,
    ]
    assert title == ("samen · zaal" if tail else "samen")
    # the same guard as the app's: the address printed carries the token, and every
    # request is checked for it, its Host and its Origin (tests/unit/test_serve.py)
    assert server.url == f"http://127.0.0.1:8000/{server.token}/"
    assert len(server.token) >= 20 and server.guard.prefix == f"/{server.token}/"
    assert server.url in capsys.readouterr().out


async def test_the_served_room_is_behind_the_same_guard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page of ``samen serve --room`` through a test client: the token, the Host
    and the Origin are checked as for the app (a websocket from elsewhere is refused
    before it could start the room)."""
    pytest.importorskip("textual_serve")
    from aiohttp.test_utils import TestClient, TestServer

    from samen_tui.web.serve import GuardedServer
    from tests.unit.test_serve import free_port

    served: list[GuardedServer] = []
    monkeypatch.setattr(GuardedServer, "serve", lambda self, debug=False: served.append(self))
    port = free_port()
    assert main(["serve", "--sessions", str(tmp_path), "--port", str(port), "--room"]) == 0
    (server,) = served
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1", port=port))
    await client.start_server()
    try:

        async def status(path: str, **headers: str) -> int:
            response = await client.get(path, headers=headers, allow_redirects=False)
            await response.read()
            return response.status

        prefix = server.guard.prefix
        assert await status("/") == 403
        assert await status(f"/{'x' * len(server.token)}/") == 403
        assert await status(prefix, Origin="http://evil.example") == 403
        assert await status(prefix, Host=f"evil.example:{port}") == 403
        assert await status(prefix, Origin=f"http://127.0.0.1:{port}") == 200
        response = await client.get(prefix + "ws", headers={"Origin": "http://evil.example"})
        assert response.status == 403
    finally:
        await client.close()
