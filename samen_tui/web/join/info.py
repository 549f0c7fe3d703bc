"""What the trainer's panel and the room view show of a running join server:
:func:`join_info` (the URL with its token, the short code, the QR code as text).

The QR code is drawn with half blocks (``▀ ▄ █``, two modules a character row): its
lines are meant to be shown dark on light (``black on white``) whatever the theme,
with the quiet zone of ``BORDER`` modules around it that scanners need.

Plain Python: no textual, no aiohttp (segno is imported when a code is drawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samen_tui.web.join.server import JoinServer

BORDER = 2


@dataclass(frozen=True)
class JoinInfo:
    url: str
    """The page to open, with the token (what the QR code holds)."""
    short_url: str
    """The address without the token: there the code is asked for."""
    code: str
    qr: tuple[str, ...]
    """The QR code of ``url``, one string per character row (see the module doc)."""
    everywhere: bool = False
    """The server listens on every address of the machine (show a warning)."""
    devices: int = 0
    contributions: int = 0


@lru_cache(maxsize=8)
def qr_lines(text: str) -> tuple[str, ...]:
    """``text`` as a QR code (error correction L, the smallest that holds it), in half
    blocks: dark modules are the character's ink."""
    import segno

    code = segno.make(text, error="l", micro=False, boost_error=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=BORDER)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    glyph = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return tuple(
        "".join(glyph[bool(a), bool(b)] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    )


def join_info(server: JoinServer, shown: str, *, everywhere: bool = False) -> JoinInfo:
    """What to show of ``server``, reached at the address ``shown``."""
    base = f"http://{shown}:{server.port}"
    url = f"{base}{server.prefix}"
    return JoinInfo(
        url=url,
        short_url=f"{base}/",
        code=server.code,
        qr=qr_lines(url),
        everywhere=everywhere,
        devices=len(server.desk.devices),
        contributions=server.desk.contributions,
    )
