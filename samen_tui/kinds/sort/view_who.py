"""Who said it: the picker of the group or one participant, shared by the sort and the
rate step (rate imports it from here)."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from samen_tui.i18n import t
from samen_tui.session.model import GROUP, Participant
from samen_tui.session.stats import group_label

WHO_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
"""One key per participant, in list order; 0 is the group."""


class WhoPicker(ModalScreen[str | None]):
    """Choose the group or one participant with one key (or arrows and Enter, or a click).

    Dismisses with the participant id, ``GROUP`` for the group, or ``None`` (escape).
    Shared by the sort and the rate step.
    """

    DEFAULT_CSS = """
    WhoPicker { align: center middle; }
    WhoPicker > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    WhoPicker #who-title { text-style: bold; margin-bottom: 1; }
    WhoPicker OptionList { height: auto; max-height: 16; border: none; }
    WhoPicker .who-hint { color: $text-muted; margin-top: 1; width: 1fr; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.who.cancel", id="who.cancel", tooltip="tip.who.cancel"),
    ]

    def __init__(self, title: str, participants: list[Participant], current: str) -> None:
        super().__init__()
        self._title = title
        self._choices: list[str] = [GROUP, *(p.id for p in participants)]
        self._participants = participants
        self._current = current
        self._keys = {"0": GROUP}
        for key, participant in zip(WHO_KEYS, participants, strict=False):
            self._keys[key] = participant.id

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        line = Text()
        line.append(" 0 ", style="reverse")
        line.append(f" {group_label()}")
        options.append(Option(line, id="who-0"))
        for index, participant in enumerate(self._participants):
            key = WHO_KEYS[index] if index < len(WHO_KEYS) else " "
            line = Text()
            line.append(f" {key} ", style="reverse")
            line.append(f" {participant.name}")
            if participant.organisation:
                line.append(f"  ({participant.organisation})", style="dim")
            options.append(Option(line, id=f"who-{index + 1}"))
        with Vertical():
            yield Label(self._title, id="who-title", markup=False)
            yield OptionList(*options, id="who-list")
            if not self._participants:
                yield Static(t("who.none"), classes="who-hint", markup=False)
            yield Static(t("who.hint"), classes="who-hint", markup=False)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        if self._current in self._choices:
            option_list.highlighted = self._choices.index(self._current)
        option_list.focus()

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in self._keys:
            event.stop()
            event.prevent_default()
            self.dismiss(self._keys[event.character])

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
