"""`samen serve`: the app in a browser through textual-serve, on the loopback address.

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

START_TIMEOUT = 30.0
"""Seconds to wait for the address to be printed and for the first answer."""
URL = re.compile(r"http://(?P<host>[^\s:/]+):(?P<port>\d+)")


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

    # loopback only: no proxy from the environment
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    url = f"http://127.0.0.1:{port}/"
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
    assert process.poll() is None  # still serving


def test_serve_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert (args.host, args.port) == ("0.0.0.0", 9001)
