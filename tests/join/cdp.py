"""A headless Chromium driven over the DevTools protocol (aiohttp's websocket client):
enough to open a page at a phone's size, run a line of script in it, wait for a
condition and take a screenshot. No Playwright: the protocol is a websocket."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, ClientWebSocketResponse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")


class Page:
    def __init__(self, ws: ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.ws.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.ws.receive_json(), 30)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    async def eval(self, expression: str) -> Any:
        result = await self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 10.0) -> float:
        """Seconds until ``expression`` is true in the page (AssertionError after
        ``timeout``); a page being replaced in between is waited for."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        while loop.time() - start < timeout:
            with contextlib.suppress(RuntimeError):
                if await self.eval(f"Boolean({expression})"):
                    return loop.time() - start
            await asyncio.sleep(0.05)
        raise AssertionError(f"not true within {timeout} s: {expression}")

    async def goto(self, url: str) -> None:
        await self.send("Page.navigate", url=url)
        await self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    async def screenshot(self, path: Path) -> None:
        """The whole page (as tall as it is), 360 px wide."""
        height = int(await self.eval("document.documentElement.scrollHeight") or 740)
        clip = {"x": 0, "y": 0, "width": 360, "height": max(height, 1), "scale": 1}
        for _ in range(20):
            try:
                shot = await self.send(
                    "Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True
                )
            except RuntimeError:  # a page still being laid out
                await asyncio.sleep(0.1)
                continue
            path.write_bytes(base64.b64decode(shot["data"]))
            return


async def _drain(stream: asyncio.StreamReader) -> None:
    """Read what the browser says, so that its pipe never fills and blocks it."""
    while await stream.read(65536):
        pass


@contextlib.asynccontextmanager
async def chromium(profile: Path, width: int = 360, height: int = 740) -> AsyncIterator[Page]:
    """A headless Chromium with one page of ``width`` x ``height`` CSS pixels (a phone)."""
    assert CHROMIUM is not None
    process = await asyncio.create_subprocess_exec(
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1",
        f"--user-data-dir={profile}",
        "about:blank",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        address = ""
        while not address:
            line = await asyncio.wait_for(process.stderr.readline(), 30)
            if not line:
                raise RuntimeError("chromium ended before it listened")
            found = LISTENING.search(line.decode(errors="replace"))
            address = found.group(1) if found else ""
        drain = asyncio.create_task(_drain(process.stderr))
        port = address.split("//", 1)[1].split("/", 1)[0]
        async with ClientSession() as http:
            async with http.get(f"http://{port}/json/list") as response:
                targets = json.loads(await response.text())
            page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with http.ws_connect(page_url, max_msg_size=0) as ws:
                page = Page(ws)
                await page.send("Page.enable")
                await page.send(
                    "Emulation.setDeviceMetricsOverride",
                    width=width,
                    height=height,
                    deviceScaleFactor=1,
                    mobile=True,
                )
                yield page
        drain.cancel()
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
