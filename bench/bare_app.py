"""The bare Textual app every benchmark figure is compared with.

A Header, a Footer and one OptionList of 20 items: the least a Textual app that
shows a list can be. ``python bench/bare_app.py`` runs it (the benchmark starts it on
a pseudo-terminal, exactly as it starts ``python -m samen_tui``); ``bench/keys.py``
imports :class:`BareApp` to drive it in-process with Textual's Pilot.

The start marker is :data:`LAST_ITEM`: it is in the terminal output only once the
list is painted.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList

ITEMS = 20
LAST_ITEM = f"Onderdeel {ITEMS} van de lijst"
"""Text of the last list item: the benchmark waits for it in the pty output."""


class BareApp(App[None]):
    TITLE = "bare"
    CSS = "OptionList { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f"Onderdeel {n} van de lijst" for n in range(1, ITEMS + 1)))
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
