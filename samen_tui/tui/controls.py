"""Captured text is text: control characters never reach the terminal.

A name pasted from a coloured terminal, or a session file someone sent, may hold
ESC sequences that would clear the screen, set the window title or colour what
follows. Markup is already escaped everywhere; this filter, applied by the app to
every painted line, shows each control character as a visible symbol instead.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible_controls(text: str) -> str:
    """``text`` with every control character (but tab and newline) made visible."""
    return _CONTROL.sub(_visible, text)


class ControlCharacters(LineFilter):
    """Replaces control characters in painted segments by visible symbols."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROL.search(seg.text) for seg in segments if not seg.control):
            return segments
        return [
            seg if seg.control else Segment(visible_controls(seg.text), seg.style, seg.control)
            for seg in segments
        ]
