"""Key labels: a binding's description and tooltip are catalog keys, translated when drawn.

Bindings are declared once, on the class, with ``description="key.…"`` and
``tooltip="tip.…"``; whatever shows them (the key bar, F1's help) calls
:func:`label`, so a screen speaks the language that is current when it is drawn,
without rewriting Textual's binding tables.
"""

from __future__ import annotations

from samen_tui.i18n import t

PREFIXES = ("key.", "tip.")


def label(text: str) -> str:
    """The text of a binding's description or tooltip in the current language."""
    return t(text) if text.startswith(PREFIXES) else text
