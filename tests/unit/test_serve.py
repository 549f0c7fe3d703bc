"""`samen serve`: the app in a browser through textual-serve, on the loopback address,
every request checked for the token, its Host and its Origin (#21 item 1).

Starts ``python -m samen_tui serve --port <free port>`` as a real process with a
temporary sessions folder, reads the address it prints, checks that it is
127.0.0.1 and that the page answers over HTTP (loopback only, bounded retries and
timeouts), then stops the server.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from samen_tui.cli import build_parser

pytest.importorskip("textual_serve")

from aiohttp import WSServerHandshakeError, web
from aiohttp.test_utils import TestClient, TestServer

from samen_tui.cli import main
from samen_tui.web import guard as guard_module
from samen_tui.web.guard import Guard, is_loopback, new_token, token_matches
from samen_tui.web.serve import GuardedServer

START_TIMEOUT = 30.0
"""Seconds to wait for the address to be printed and for the first answer."""
URL = re.compile(r"http://(?P<host>[^\s:/]+):(?P<port>\d+)/(?P<token>[A-Za-z0-9_-]+)/")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def lines_of(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    """The process's output, line by line, read in a thread (None at the end)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str | None], int]]:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1", NO_COLOR="1", COLUMNS="200")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "samen_tui",
            "--sessions",
            str(sessions),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        yield process, lines_of(process), port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_serve_listens_on_loopback_and_answers(
    server: tuple[subprocess.Popen[str], queue.Queue[str | None], int],
) -> None:
    process, lines, port = server
    deadline = time.monotonic() + START_TIMEOUT
    seen: list[str] = []
    address = None
    while address is None and time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        address = URL.search(line)
    assert address is not None, f"no address printed: {''.join(seen)!r}"
    assert address["host"] == "127.0.0.1"
    assert int(address["port"]) == port
    assert "De app draait op" in "".join(seen)
    token = address["token"]
    assert len(token) >= 43

    # loopback only: no proxy from the environment
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    url = f"http://127.0.0.1:{port}/{token}/"
    body = ""
    last_error: Exception | None = None
    for _attempt in range(60):
        if process.poll() is not None or time.monotonic() > deadline:
            break
        try:
            with opener.open(url, timeout=5) as response:
                assert response.status == 200
                body = response.read().decode("utf-8", "replace")
                break
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last_error = exc
            time.sleep(0.5)
    assert body, f"no answer from {url}: {last_error!r}; output: {''.join(seen)!r}"
    assert "samen" in body.lower()
    assert f"/{token}/ws" in body and f"/{token}/static/" in body
    # the real server refuses the page without the token, or with another one
    for wrong in (f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/{'x' * 43}/"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(wrong, timeout=5)
        assert refused.value.code == 403
        refused.value.close()
    assert process.poll() is None  # still serving


def test_serve_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert (args.host, args.port) == ("0.0.0.0", 9001)


# --------------------------------------------------------------------------- the guard
# (#21 item 1: anyone could drive the app: no token, no Origin check, no warning)

TOKEN = "t" * 43


class StubServer(GuardedServer):
    """The guarded server with a websocket that starts no app: it answers "ok"."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse()
        await websocket.prepare(request)
        await websocket.send_str("ok")
        await websocket.close()
        return websocket


async def client_for(host: str = "127.0.0.1") -> TestClient[web.Request, web.Application]:
    port = free_port()
    server = StubServer("true", host=host, port=port, token=TOKEN)
    client = TestClient(TestServer(await server._make_app(), host="127.0.0.1", port=port))
    await client.start_server()
    return client


async def status(
    client: TestClient[web.Request, web.Application], path: str, **headers: str
) -> int:
    response = await client.get(path, headers=headers, allow_redirects=False)
    await response.read()
    return response.status


async def test_the_page_needs_the_token() -> None:
    client = await client_for()
    try:
        own = f"http://127.0.0.1:{client.port}"
        assert await status(client, "/") == 403  # no token
        assert await status(client, f"/{'x' * 43}/") == 403  # a wrong one
        assert await status(client, f"/{TOKEN[:-1]}/") == 403  # almost
        assert await status(client, f"/?token={TOKEN}") == 403  # not in the path
        assert await status(client, "/static/js/textual.js") == 403  # no token: no files
        assert await status(client, f"/{TOKEN}/") == 200  # good
        assert await status(client, f"/{TOKEN}/", Origin=own) == 200  # good, with Origin
        assert await status(client, f"/{TOKEN}/static/js/textual.js") == 200
    finally:
        await client.close()


async def test_a_foreign_origin_or_host_is_refused_even_with_the_token() -> None:
    client = await client_for()
    try:
        port = client.port
        for origin in (
            "http://evil.example",
            f"http://evil.example:{port}",
            f"http://127.0.0.1:{port + 1}",
            "null",
            f"file://127.0.0.1:{port}",
            f"http://127.0.0.1:{port}@evil.example",
        ):
            assert await status(client, f"/{TOKEN}/", Origin=origin) == 403, origin
        for host in (f"evil.example:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}", ""):
            assert await status(client, f"/{TOKEN}/", Host=host) == 403, host
        assert await status(client, f"/{TOKEN}/", Host=f"localhost:{port}") == 200
    finally:
        await client.close()


async def test_the_websocket_needs_the_token_and_its_own_origin() -> None:
    client = await client_for()
    try:
        own = f"http://127.0.0.1:{client.port}"
        websocket = await client.ws_connect(f"/{TOKEN}/ws", headers={"Origin": own})
        assert (await websocket.receive_str()) == "ok"
        await websocket.close()
        for path, headers in (
            ("/ws", {"Origin": own}),  # textual-serve's own path: gone
            (f"/{'x' * 43}/ws", {"Origin": own}),  # wrong token
            (f"/{TOKEN}/ws", {"Origin": "http://evil.example"}),  # a page elsewhere
            (f"/{TOKEN}/ws", {}),  # a websocket without an Origin
        ):
            with pytest.raises(WSServerHandshakeError) as refused:
                await client.ws_connect(path, headers=headers)
            assert refused.value.status == 403, path
    finally:
        await client.close()


async def test_a_download_needs_no_token_but_the_host_and_origin() -> None:
    """The page opens downloads from the site's root (textual.js), by a random key."""
    client = await client_for()
    try:
        assert await status(client, "/download/onbekend") == 404  # past the guard
        assert await status(client, "/download/x", Origin="http://evil.example") == 403
        assert await status(client, "/download/x", Host="evil.example") == 403
    finally:
        await client.close()


def test_token_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = guard_module.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(guard_module.hmac, "compare_digest", spy)
    guard = Guard(TOKEN, "127.0.0.1", 8000)
    assert guard.token_in(f"/{TOKEN}/ws") and not guard.token_in("/x/ws")
    assert seen == [(TOKEN.encode(), TOKEN.encode()), (b"x", TOKEN.encode())]
    assert token_matches(TOKEN, TOKEN) and not token_matches("\udcff", TOKEN)
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) == 43 for t in tokens)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_on_all_addresses_a_name_is_never_a_host() -> None:
    """DNS rebinding brings a name; an address typed in the browser is this machine's."""
    guard = Guard(TOKEN, "0.0.0.0", 8000)
    assert guard.host_allowed("192.168.1.5:8000") and guard.host_allowed("localhost:8000")
    assert not guard.host_allowed("evil.example:8000")
    assert guard.origin_allowed("http://192.168.1.5:8000", required=True)
    only = Guard(TOKEN, "192.168.1.5", 8000)
    assert only.host_allowed("192.168.1.5:8000") and not only.host_allowed("10.0.0.1:8000")
    assert not only.host_allowed("localhost:8000")
    assert Guard(TOKEN, "127.0.0.1", 80).host_allowed("localhost")  # port 80 left out


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5"])
def test_a_network_address_needs_the_flag(
    host: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[str] = []
    monkeypatch.setattr(GuardedServer, "serve", lambda self, debug=False: served.append(self.url))
    assert main(["serve", "--host", host]) == 2
    err = capsys.readouterr().err
    assert f"{host} is geen loopback-adres" in err and "--yes-on-the-network" in err
    assert served == []
    assert main(["serve", "--host", host, "--yes-on-the-network"]) == 0
    captured = capsys.readouterr()
    assert "bereikbaar op het netwerk" in captured.err
    (url,) = served
    assert url in captured.out and len(url.rstrip("/").rsplit("/", 1)[1]) == 43


def test_loopback_needs_no_flag_and_prints_the_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[str] = []
    monkeypatch.setattr(GuardedServer, "serve", lambda self, debug=False: served.append(self.url))
    assert main(["serve", "--port", "9123"]) == 0
    (url,) = served
    assert url.startswith("http://127.0.0.1:9123/") and url in capsys.readouterr().out
    main(["serve", "--port", "9123"])
    assert served[1] != served[0]  # a new token every time
