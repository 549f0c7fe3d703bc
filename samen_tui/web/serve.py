"""``samen serve``: the app in a browser through textual-serve, behind a guard.

textual-serve (``Server``) serves a page, a websocket that drives a copy of the app,
its static files and downloads, to anyone who asks, and checks no Origin.
:class:`GuardedServer` is its ``Server`` with two changes, and no copy of its code
beyond the table of routes:

* every route but the downloads lives under ``/<token>/`` (the page, the websocket,
  the static files), so the address printed is the key;
* a middleware applies :class:`samen_tui.web.guard.Guard` to every request before
  any handler runs: the token (in constant time), the Host and the Origin. A
  download (``/download/<key>``, the key a random UUID the app made for one file,
  opened by the page from the site's root) needs no token, but Host and Origin still.

A refused request gets 403 and a short reason; it never reaches textual-serve.

Imported only by ``samen serve`` (it needs the ``serve`` extra: aiohttp, textual-serve).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from samen_tui.web.guard import Guard, new_token

log = logging.getLogger("samen-serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

DOWNLOADS = "/download/"
"""Where textual-serve's page fetches a download (from the site's root)."""


def guard_middleware(guard: Guard) -> Any:
    """An aiohttp middleware that refuses (403) every request the guard refuses."""

    @web.middleware
    async def guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
        websocket = request.headers.get("Upgrade", "").lower() == "websocket"
        reason = guard.refusal(
            request.path,
            request.headers.get("Host"),
            request.headers.get("Origin"),
            websocket=websocket,
        )
        if reason is not None:
            log.warning("refused %s %s: %s", request.method, request.path[:80], reason)
            raise web.HTTPForbidden(text=f"samen: {reason}\n")
        return await handler(request)

    return guarded


class GuardedServer(Server):
    """textual-serve's server, its routes under ``/<token>/``, every request checked."""

    def __init__(
        self, command: str, host: str = "127.0.0.1", port: int = 8000, token: str = "", **kw: Any
    ) -> None:
        super().__init__(command, host=host, port=port, **kw)
        self.token = token or new_token()
        self.guard = Guard(self.token, host, port, open_prefixes=(DOWNLOADS,))

    @property
    def url(self) -> str:
        """The address to open, with the token."""
        return f"{self.public_url}{self.guard.prefix}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[guard_middleware(self.guard)])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        prefix = self.guard.prefix
        app.add_routes(
            [
                web.get(prefix, self.handle_index, name="index"),
                web.get(prefix + "ws", self.handle_websocket, name="websocket"),
                web.get(DOWNLOADS + "{key}", self.handle_download, name="download"),
                web.static(prefix + "static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: ``samen serve`` prints the address (with the token) itself."""
