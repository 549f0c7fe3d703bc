"""`samen serve` under attack (#21 item 1): every combination of a path (with no
token, a wrong one, one almost right, the right one), a ``Host`` (the address
served, another name, another port) and an ``Origin`` (none, the app's own, a site
elsewhere, ``null``, another port), as a page request and as a websocket, sent to
the guarded server and, for the figure before, to textual-serve's own server.

What must hold: a request is served only with the token, the served address as its
Host and no Origin or the app's own (a websocket: the app's own only); everything
else gets 403. The counts go to the "reliability counts" section.
"""

from __future__ import annotations

import socket
from itertools import product

import pytest

pytest.importorskip("textual_serve")

from aiohttp import WSServerHandshakeError, web
from aiohttp.test_utils import TestClient, TestServer
from textual_serve.server import Server

from samen_tui.web.serve import GuardedServer
from tests.reliability.helpers import report

TOKEN = "k" * 43


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _stub_websocket(self: Server, request: web.Request) -> web.WebSocketResponse:
    """A websocket that starts no app: it answers "ok"."""
    websocket = web.WebSocketResponse()
    await websocket.prepare(request)
    await websocket.send_str("ok")
    await websocket.close()
    return websocket


class StubGuarded(GuardedServer):
    handle_websocket = _stub_websocket  # type: ignore[assignment]


class StubPlain(Server):
    handle_websocket = _stub_websocket  # type: ignore[assignment]


def requests(port: int) -> list[tuple[str, str, dict[str, str], bool]]:
    """(kind, path, headers, allowed): every combination, and whether it may be served."""
    own = f"127.0.0.1:{port}"
    paths = {
        "no-token": ("/", "/ws"),
        "wrong-token": (f"/{'x' * 43}/", f"/{'x' * 43}/ws"),
        "almost": (f"/{TOKEN[:-1]}/", f"/{TOKEN[:-1]}/ws"),
        "query-token": (f"/?token={TOKEN}", f"/ws?token={TOKEN}"),
        "token": (f"/{TOKEN}/", f"/{TOKEN}/ws"),
    }
    hosts = {
        "own": own,
        "localhost": f"localhost:{port}",
        "name": f"evil.example:{port}",
        "port": f"127.0.0.1:{port + 1}",
    }
    origins = {
        "none": None,
        "own": f"http://{own}",
        "elsewhere": "http://evil.example",
        "null": "null",
        "port": f"http://127.0.0.1:{port + 1}",
    }
    out = []
    for (token, (page, ws)), (host_kind, host), (origin_kind, origin), websocket in product(
        paths.items(), hosts.items(), origins.items(), (False, True)
    ):
        headers = {"Host": host}
        if origin is not None:
            headers["Origin"] = origin
        allowed = (
            token == "token"
            and host_kind in ("own", "localhost")
            and (origin_kind == "own" or (origin_kind == "none" and not websocket))
        )
        kind = f"{token}/{host_kind}/{origin_kind}/{'ws' if websocket else 'page'}"
        out.append((kind, ws if websocket else page, headers, allowed))
    return out


async def served(
    client: TestClient[web.Request, web.Application],
    path: str,
    headers: dict[str, str],
    websocket: bool,
) -> bool:
    if websocket:
        try:
            connection = await client.ws_connect(path, headers=headers)
        except WSServerHandshakeError:
            return False
        await connection.close()
        return True
    response = await client.get(path, headers=headers, allow_redirects=False)
    await response.read()
    return response.status == 200


async def run_all(server_class: type[Server]) -> dict[str, int]:
    port = free_port()
    kwargs = {"token": TOKEN} if server_class is StubGuarded else {}
    server = server_class("true", host="127.0.0.1", port=port, **kwargs)
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1", port=port))
    await client.start_server()
    counts = {
        "sent": 0,
        "should_refuse": 0,
        "served_wrongly": 0,
        "refused_rightly": 0,
        "served_rightly": 0,
        "refused_wrongly": 0,
        "no_token": 0,
        "no_token_served": 0,
        "foreign": 0,
        "foreign_served": 0,
    }
    try:
        for kind, path, headers, allowed in requests(port):
            got = await served(client, path, headers, kind.endswith("/ws"))
            counts["sent"] += 1
            token, host, origin, _what = kind.split("/")
            if token != "token":
                counts["no_token"] += 1
                counts["no_token_served"] += got
            if origin in ("elsewhere", "null", "port") or host in ("name", "port"):
                counts["foreign"] += 1
                counts["foreign_served"] += got
            if allowed:
                counts["served_rightly" if got else "refused_wrongly"] += 1
            else:
                counts["should_refuse"] += 1
                counts["refused_rightly" if not got else "served_wrongly"] += 1
    finally:
        await client.close()
    return counts


async def test_every_request_without_the_token_or_from_elsewhere_is_refused() -> None:
    after = await run_all(StubGuarded)
    before = await run_all(StubPlain)
    report(
        "serve_guard",
        f"{after['sent']} requests: {after['no_token']} without the right token in the path, "
        f"{after['no_token_served']} served (textual-serve alone: {before['no_token_served']}); "
        f"{after['foreign']} with a foreign Origin or Host, {after['foreign_served']} served "
        f"(alone: {before['foreign_served']}); {after['served_rightly']} good ones served",
    )
    assert after["served_wrongly"] == 0 and after["refused_wrongly"] == 0
    assert after["no_token_served"] == 0
    # the page with its own Origin or none, the websocket with its own, on both names
    assert after["served_rightly"] == 6
    assert before["served_wrongly"] > 0  # what the guard is for
