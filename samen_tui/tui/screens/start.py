"""The start screen: a new session, resume an unfinished one, or review."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from samen_tui.i18n import plural, t
from samen_tui.tui.formatting import format_moment
from samen_tui.tui.requests import OpenReview, OpenSession, StartSession
from samen_tui.tui.screens.dialogs import Dialog
from samen_tui.tui.services import Services
from samen_tui.tui.widgets.inputs import FittedInput
from samen_tui.tui.widgets.keybar import KeyBar


class StartScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_session", "key.new", id="start.new", tooltip="tip.new"),
        Binding("r", "review", "key.review", id="start.review", tooltip="tip.review"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            yield Label(t("start.welcome"), id="start-welcome")
            with Horizontal(id="start-buttons"):
                yield Button(t("start.new"), id="new", variant="primary")
                yield Button(t("start.review"), id="review")
            yield Label(t("start.resume"), classes="section-title")
            yield OptionList(id="resume-list")
            yield Label("", id="start-note", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "samen"
        self.sub_title = t("start.subtitle")
        self.refresh_sessions()

    def on_screen_resume(self) -> None:
        self.refresh_sessions()

    def refresh_sessions(self) -> None:
        """List the sessions folder in a thread (a first look at a big folder takes a
        while), then show the unfinished ones."""
        self._list_sessions()

    @work(thread=True, exclusive=True, group="start-list")
    def _list_sessions(self) -> None:
        listing = self.services.store().list()
        names = self.services.workshop_titles()
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(self._show_sessions, listing, names)

    def _show_sessions(self, listing: list[Any], names: dict[str, str]) -> None:
        options: list[Option] = []
        summaries = [s for s in listing if hasattr(s, "title")]
        unreadable = sorted(
            (s for s in listing if not hasattr(s, "title")), key=lambda u: str(u.name)
        )
        open_ones = [s for s in summaries if not getattr(s, "complete", False)]
        open_ones.sort(key=lambda s: s.mtime, reverse=True)
        for summary in open_ones:
            line = Text(no_wrap=True, overflow="ellipsis")
            when = format_moment(summary.started)
            line.append(f"{when}  ", style="dim")
            line.append(summary.title or summary.path.stem, style="bold")
            if summary.place:
                line.append(f" · {summary.place}")
            line.append(f"  {names.get(summary.workshop, summary.workshop)}", style="dim")
            line.append(
                "  "
                + t(
                    "start.progress",
                    steps=plural("start.steps", summary.steps_done),
                    people=plural("start.people", summary.participants),
                ),
                style="italic",
            )
            options.append(Option(line, id=str(summary.path)))
        resumable = bool(options)
        items: list[Option | None] = list(options)
        if resumable and unreadable:
            items.append(None)  # a line between them and the unreadable files
        for bad in unreadable:
            # the file name and the reason in full (the list crops what does not fit);
            # never chosen: a disabled option cannot be highlighted or selected
            reason = " ".join(str(bad.reason).split())
            line = Text(
                t("start.unreadable_file", name=bad.name, reason=reason),
                no_wrap=True,
                overflow="ellipsis",
            )
            items.append(Option(line, disabled=True))
        resume = self.query_one("#resume-list", OptionList)
        resume.set_options(items)
        note = t("start.resume_hint") if resumable else t("start.none_open")
        if unreadable:
            note += "  " + t("start.unreadable", n=len(unreadable))
        self.query_one("#start-note", Label).update(note)
        if resumable:
            resume.highlighted = 0
            resume.focus()
        else:
            self.query_one("#new", Button).focus()

    @on(Button.Pressed, "#new")
    def action_new_session(self) -> None:
        def chosen(answer: tuple[str, str, str, str] | None) -> None:
            if answer:
                self.post_message(StartSession(*answer))

        self.app.push_screen(NewSessionDialog(self.services.workshop_choices()), chosen)

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        self.post_message(OpenReview())

    @on(OptionList.OptionSelected, "#resume-list")
    def resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenSession(Path(event.option.id)))


class NewSessionDialog(Dialog):
    """Choose a workshop and give the session a title, a place and a trainer."""

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("new.title"), classes="dialog-title")
            yield Label(t("new.workshop"))
            yield Select(
                [(Content(label), value) for label, value in self._choices],  # text, not markup
                value=self._choices[0][1] if self._choices else Select.NULL,
                allow_blank=not self._choices,
                id="workshop",
            )
            yield FittedInput(placeholder=t("new.session_title"), id="title", max_length=200)
            yield FittedInput(placeholder=t("new.place"), id="place", max_length=200)
            yield FittedInput(placeholder=t("new.trainer"), id="trainer", max_length=200)
            yield Label("", id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("button.cancel"), id="cancel")
                yield Button(t("button.start"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        workshop = self.query_one("#workshop", Select).value
        title = self.query_one("#title", Input).value.strip()
        if not isinstance(workshop, str):
            self.query_one("#new-error", Label).update(t("new.need_workshop"))
            return
        if workshop.startswith("!"):
            self.query_one("#new-error", Label).update(t("new.broken_workshop"))
            return
        if not title:
            self.query_one("#new-error", Label).update(t("new.need_title"))
            self.query_one("#title", Input).focus()
            return
        self.dismiss(
            (  # type: ignore[arg-type]
                workshop,
                title,
                self.query_one("#place", Input).value.strip(),
                self.query_one("#trainer", Input).value.strip(),
            )
        )

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)
