"""Bindings whose description and tooltip are catalog keys, translated per instance.

Textual copies a class's bindings into every instance; ``localize`` rewrites that
copy in the current language, so a screen made after ``set_language`` speaks it.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from samen_tui.i18n import t


def localize(node: DOMNode) -> None:
    key_to_bindings = node._bindings.key_to_bindings
    for key, bindings in key_to_bindings.items():
        key_to_bindings[key] = [
            replace(
                b,
                description=t(b.description) if b.description.startswith("key.") else b.description,
                tooltip=t(b.tooltip) if b.tooltip.startswith("tip.") else b.tooltip,
            )
            for b in bindings
        ]
