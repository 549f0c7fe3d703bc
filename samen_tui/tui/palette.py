"""Textual's own words in the interface language, on Textual's public API: the
command palette's placeholder and its "No matches found", the theme picker's
placeholder (see ``SamenApp.action_command_palette`` and ``search_themes``), and
ctrl+c's "Do you want to quit?" (``quit_hint``)."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator
from textual.widgets.option_list import Option

from samen_tui.i18n import t

NO_MATCHES_ID = "--no-matches"
"""The id Textual gives the option that says nothing matched."""


class SamenCommandList(CommandList):
    """The palette's list, its "No matches found" in the interface language."""

    def add_option(self, option: Any = None) -> Any:
        if isinstance(option, Option) and option.id == NO_MATCHES_ID:
            option = Option(
                Align.center(Text(t("palette.no_matches"), style="not bold")),
                disabled=True,
                id=NO_MATCHES_ID,
            )
        return super().add_option(option)


class SamenCommandPalette(CommandPalette):
    """Textual's command palette with its words in the interface language."""

    def __init__(self, *args: Any, placeholder: str = "", **kwargs: Any) -> None:
        self.samen_placeholder = placeholder or t("palette.placeholder")
        super().__init__(*args, placeholder=self.samen_placeholder, **kwargs)

    def compose(self) -> ComposeResult:
        # as CommandPalette.compose, with the list above
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield CommandInput(placeholder=self.samen_placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield SamenCommandList()
                yield LoadingIndicator()


def quit_hint(key: str) -> tuple[str, str]:
    """ctrl+c's message and title: how to quit (``key`` as the footer shows it)."""
    return t("quit.how", key=key), t("quit.title")
