"""Shared by the join tests: a host around a real session of the default workshop, a
server on a test client, and a phone that joins and posts forms as a browser does."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

from aiohttp import ClientResponse, ClientSession, CookieJar
from aiohttp.test_utils import TestServer

from samen_tui import paths
from samen_tui.session.model import Participant, Session
from samen_tui.web.join.desk import Desk
from samen_tui.web.join.server import JoinServer
from samen_tui.workshop.catalog import resolve_workshop
from samen_tui.workshop.model import Workshop

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def workshop() -> Workshop:
    return resolve_workshop("samen-ouder-worden", [("package", paths.PACKAGE_WORKSHOPS)])


class FakeHost:
    """The walk screen's part for the desk: a session, undo snapshots, who changed."""

    def __init__(self, current: str = "motieven") -> None:
        self.workshop = workshop()
        self.session = Session(
            workshop=self.workshop.id,
            title="Proef",
            current=current,
            steps=self.workshop.step_ids(),
            participants=[Participant(id="p1", name="Anna", organisation="Gemeente")],
        )
        self.undo: list[dict[str, Any]] = []
        self.contributed_steps: list[str] = []

    @contextlib.contextmanager
    def change(self) -> Iterator[None]:
        self.undo.append(self.session.to_dict())
        yield

    def contributed(self, step_id: str) -> None:
        self.contributed_steps.append(step_id)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@contextlib.asynccontextmanager
async def serving(
    host: FakeHost | None = None, **desk_options: Any
) -> AsyncIterator[tuple[JoinServer, TestServer]]:
    host = host or FakeHost()
    clock = desk_options.pop("clock", Clock())
    server = JoinServer(Desk(host, clock=clock, **desk_options), "127.0.0.1", 0, clock=clock)
    test_server = TestServer(server.app, host="127.0.0.1")
    await test_server.start_server()
    server.bind_guard(test_server.port or 0)
    try:
        yield server, test_server
    finally:
        await test_server.close()


class Client:
    """A browser's HTTP client on the test server (its own cookies; closing it leaves
    the server running for the other phones)."""

    def __init__(self, root: str) -> None:
        self.root = root.rstrip("/")
        self.session = ClientSession(cookie_jar=CookieJar(unsafe=True))

    def make_url(self, path: str) -> str:
        return self.root + path

    async def get(self, path: str, **kw: Any) -> ClientResponse:
        return await self.session.get(self.make_url(path), **kw)

    async def post(self, path: str, **kw: Any) -> ClientResponse:
        return await self.session.post(self.make_url(path), **kw)

    async def close(self) -> None:
        await self.session.close()


class Phone:
    """One browser: its own cookie jar, the CSRF token of its last page."""

    def __init__(self, server: JoinServer, test_server: TestServer | str) -> None:
        self.server = server
        root = test_server if isinstance(test_server, str) else str(test_server.make_url("/"))
        self.client = Client(root)
        self.csrf = ""

    async def __aenter__(self) -> Phone:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.close()

    @property
    def prefix(self) -> str:
        return self.server.prefix

    async def get(self, path: str = "", **kw: Any) -> tuple[int, str]:
        response = await self.client.get(self.prefix + path, **kw)
        text = await response.text()
        found = CSRF.search(text)
        if found:
            self.csrf = found.group(1)
        return response.status, text

    async def post(
        self, route: str, fields: dict[str, str], *, csrf: bool = True, **kw: Any
    ) -> tuple[int, str]:
        data = dict(fields)
        if csrf:
            data["csrf"] = self.csrf
        response = await self.client.post(
            self.prefix + route, data=data, allow_redirects=False, **kw
        )
        return response.status, await response.text()

    async def join(self, **fields: str) -> None:
        await self.get()
        status, text = await self.post("join", fields or {"participant": "p1"})
        assert status == 303, text
        await self.get("step")
