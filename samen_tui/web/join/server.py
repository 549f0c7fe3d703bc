"""The join server: aiohttp on the trainer's app's own event loop.

Only these routes exist (``T`` is the token, new at every start)::

    GET  /                 the short join code form     POST /          the code -> /T/
    GET  /T/               pick or add your name        POST /T/join    participant | name
    GET  /T/step           the current step's page      GET  /T/poll    {step, version, open}
    POST /T/card           step, text, category          (sort)
    POST /T/rate           step, item, value             (rate)
    POST /T/idea           step, prompt, text            (brainstorm)
    POST /T/vote           step, idea, delta (1 | -1)    (brainstorm with voting)
    POST /T/answer         step, question, text          (questions)
    GET  /T/static/join.js, /T/static/join.css (also without the token: nothing secret)

Every request passes :class:`samen_tui.web.guard.Guard` first (Host, Origin, the token
in constant time; ``/`` and the two static files are the paths without a token, and
the code is checked in constant time, at most ``CODE_TRIES`` wrong codes a minute).
Every POST needs the device cookie and its CSRF token and a url-encoded body of at
most 16 KiB
(``forms.py``); what it asks is checked by the desk (``desk.py``). A refused request
gets a 4xx and changes nothing. No access log: the server logs nobody's address, name
or text.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import quote

from aiohttp import web

from samen_tui.i18n import t
from samen_tui.web.guard import Guard, new_token, token_matches
from samen_tui.web.join import pages
from samen_tui.web.join.desk import Desk, Refused
from samen_tui.web.join.forms import (
    BODY_LIMIT,
    COOKIE,
    FormError,
    Secrets,
    new_device_id,
    parse_form,
    valid_device_id,
)

log = logging.getLogger("samen-join")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CODE_TRIES = 10
"""Wrong join codes the server accepts a minute, from everyone together."""
STATIC = {"join.js": "text/javascript", "join.css": "text/css"}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
        " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def new_code() -> str:
    import secrets

    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def static_files() -> dict[str, bytes]:
    """The script and the stylesheet, read from the package once."""
    folder = resources.files("samen_tui.web.join") / "static"
    return {name: (folder / name).read_bytes() for name in STATIC}


class JoinServer:
    """The participants' server of one walk screen: :meth:`start`, :meth:`stop`."""

    def __init__(
        self, desk: Desk, host: str, port: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.desk = desk
        self.host = host
        self.port = port
        self.token = new_token()
        self.code = new_code()
        self.secrets = Secrets()
        self.clock = clock
        self.guard: Guard | None = None
        self._wrong_codes: deque[float] = deque()
        self._static = static_files()
        self._runner: web.AppRunner | None = None
        self.timings: list[float] | None = None
        """When a list (the benchmark): the seconds each POST took in the server, from
        the middleware's start to the answer."""
        self.app = self.make_app()

    @property
    def prefix(self) -> str:
        return f"/{self.token}/"

    @property
    def running(self) -> bool:
        return self._runner is not None

    # ------------------------------------------------------------------ app

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.checks], client_max_size=BODY_LIMIT)
        p = self.prefix
        app.add_routes(
            [
                web.get("/", self.code_form),
                web.post("/", self.code_given),
                web.get("/static/{name}", self.static),
                web.get(p, self.join_form),
                web.post(p + "join", self.join),
                web.get(p + "step", self.step),
                web.get(p + "poll", self.poll),
                web.post(p + "card", self.card),
                web.post(p + "rate", self.rate),
                web.post(p + "idea", self.idea),
                web.post(p + "vote", self.vote),
                web.post(p + "answer", self.answer),
                web.get(p + "static/{name}", self.static),
            ]
        )
        return app

    def bind_guard(self, port: int) -> None:
        """The guard of the address actually served (``port``: the one bound)."""
        self.port = port
        self.guard = Guard(self.token, self.host, port, open_prefixes=())

    async def start(self) -> None:
        """Listen on ``host:port`` (port 0: any free one) on the running loop."""
        runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        port = self.port
        for address in runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                port = int(address[1])
                break
        self.bind_guard(port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    # ------------------------------------------------------------------ checks

    @web.middleware
    async def checks(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """The guard on every request, and the headers on every answer."""
        started = time.perf_counter()
        guard = self.guard
        path = request.path
        reason = "not started" if guard is None else None
        if guard is not None:
            open_path = path == "/" or path.startswith("/static/")
            reason = guard.refusal(
                self.prefix if open_path else path,
                request.headers.get("Host"),
                request.headers.get("Origin"),
            )
        if reason is not None:
            log.warning("refused a request: %s", reason)
            response: web.StreamResponse = web.Response(status=403, text=f"samen: {reason}\n")
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                if exc.status >= 400:
                    message = t("join.error.body_too_large") if exc.status == 413 else exc.reason
                    response = self.page(pages.error_page(self.prefix, message), exc.status)
                else:
                    response = web.Response(status=exc.status, headers=exc.headers)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if self.timings is not None and request.method == "POST":
            self.timings.append(time.perf_counter() - started)
        return response

    def page(self, html: str, status: int = 200) -> web.Response:
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    def device_of(self, request: web.Request) -> str:
        return valid_device_id(request.cookies.get(COOKIE))

    def csrf_for(self, request: web.Request, response: web.Response) -> str:
        """The CSRF token of the request's device (one made now, set on ``response``)."""
        device = self.device_of(request)
        if not device:
            device = new_device_id()
            response.set_cookie(COOKIE, device, path=self.prefix, httponly=True, samesite="Strict")
        return self.secrets.csrf(device)

    async def form(self, request: web.Request) -> tuple[str, dict[str, str]]:
        """The device and the fields of a POST, checked: :class:`Refused` or
        :class:`FormError` otherwise."""
        if request.content_length is not None and request.content_length > BODY_LIMIT:
            raise FormError(413, "join.error.body_too_large")
        device = self.device_of(request)
        if not device:
            raise Refused(403, "join.error.no_device")
        body = await request.read()
        fields = parse_form(request.headers.get("Content-Type", ""), body)
        if not self.secrets.csrf_matches(device, fields.get("csrf", "")):
            raise Refused(403, "join.error.csrf")
        return device, fields

    def refused(self, request: web.Request, status: int, message: str) -> web.Response:
        """A refusal as a page (4xx) the participant can go back from."""
        return self.page(pages.error_page(self.prefix, message), status)

    # ------------------------------------------------------------------ routes

    async def code_form(self, request: web.Request) -> web.Response:
        return self.page(pages.code_page())

    async def code_given(self, request: web.Request) -> web.StreamResponse:
        moment = self.clock()
        while self._wrong_codes and moment - self._wrong_codes[0] >= 60.0:
            self._wrong_codes.popleft()
        if len(self._wrong_codes) >= CODE_TRIES:
            return self.page(pages.code_page(t("join.error.code_tries")), 429)
        try:
            body = await request.read()
            fields = parse_form(request.headers.get("Content-Type", ""), body)
        except FormError as exc:
            return self.page(pages.code_page(t(exc.key)), exc.status)
        given = "".join(fields.get("code", "").split()).upper()
        if not token_matches(given, self.code):
            self._wrong_codes.append(moment)
            return self.page(pages.code_page(t("join.error.code")), 403)
        raise web.HTTPSeeOther(self.prefix)

    async def join_form(self, request: web.Request) -> web.StreamResponse:
        device = self.device_of(request)
        if device and self.desk.participant_of(device) and "other" not in request.query:
            raise web.HTTPSeeOther(self.prefix + "step")
        response = self.page("")
        csrf = self.csrf_for(request, response)
        response.text = pages.join_page(self.prefix, self.desk.session, csrf)
        return response

    async def join(self, request: web.Request) -> web.StreamResponse:
        try:
            device, fields = await self.form(request)
            self.desk.join(
                device, participant=fields.get("participant", ""), name=fields.get("name", "")
            )
        except (Refused, FormError) as exc:
            message = exc.message if isinstance(exc, Refused) else t(exc.key)
            response = self.page("", exc.status)
            csrf = self.csrf_for(request, response)
            response.text = pages.join_page(self.prefix, self.desk.session, csrf, message)
            return response
        raise web.HTTPSeeOther(self.prefix + "step")

    async def step(self, request: web.Request) -> web.StreamResponse:
        device = self.device_of(request)
        who = self.desk.participant_of(device) if device else None
        if who is None:
            raise web.HTTPSeeOther(self.prefix)
        flash = t("join.page.saved") if request.query.get("ok") else ""
        html = pages.step_page(self.prefix, self.desk, who, self.secrets.csrf(device), flash=flash)
        return self.page(html)

    async def poll(self, request: web.Request) -> web.Response:
        desk = self.desk
        step = desk.session.current
        state = {"step": step, "version": desk.version, "open": desk.is_open(step)}
        return web.Response(text=json.dumps(state), content_type="application/json")

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(body=self._static[name], content_type=STATIC[name])

    async def contribute(
        self,
        request: web.Request,
        act: Callable[[str, dict[str, str]], Any],
        anchor: Callable[[dict[str, str]], str] = lambda fields: "",
    ) -> web.StreamResponse:
        """A POST that changes the session: checked, done, and back to the step (at
        ``anchor``: the part of the page the form was in)."""
        try:
            device, fields = await self.form(request)
            act(device, fields)
        except Refused as exc:
            return self.refused(request, exc.status, exc.message)
        except FormError as exc:
            return self.refused(request, exc.status, t(exc.key))
        if request.headers.get("X-Samen-Fetch"):
            return web.Response(status=204)
        place = anchor(fields)
        raise web.HTTPSeeOther(self.prefix + "step?ok=1" + (f"#{quote(place)}" if place else ""))

    async def card(self, request: web.Request) -> web.StreamResponse:
        return await self.contribute(
            request,
            lambda d, f: self.desk.add_card(
                d, f.get("step", ""), f.get("text", ""), f.get("category", "")
            ),
        )

    async def rate(self, request: web.Request) -> web.StreamResponse:
        def act(device: str, fields: dict[str, str]) -> None:
            self.desk.rate(device, fields.get("step", ""), fields.get("item", ""), number(fields))

        return await self.contribute(request, act, lambda f: "r-" + f.get("item", ""))

    async def idea(self, request: web.Request) -> web.StreamResponse:
        return await self.contribute(
            request,
            lambda d, f: self.desk.add_idea(
                d, f.get("step", ""), f.get("prompt", ""), f.get("text", "")
            ),
            lambda f: "p-" + f.get("prompt", ""),
        )

    async def vote(self, request: web.Request) -> web.StreamResponse:
        def act(device: str, fields: dict[str, str]) -> None:
            self.desk.vote(
                device, fields.get("step", ""), fields.get("idea", ""), number(fields, "delta")
            )

        return await self.contribute(request, act, lambda f: "i-" + f.get("idea", ""))

    async def answer(self, request: web.Request) -> web.StreamResponse:
        return await self.contribute(
            request,
            lambda d, f: self.desk.answer(
                d, f.get("step", ""), f.get("question", ""), f.get("text", "")
            ),
            lambda f: "q-" + f.get("question", ""),
        )


def number(fields: dict[str, str], name: str = "value") -> int:
    """A whole number field (at most 3 characters); :class:`Refused` otherwise."""
    text = fields.get(name, "").strip()
    if not text or len(text) > 3 or not text.lstrip("-").isdigit():
        raise Refused(400, "join.error.bad_value")
    return int(text)
