"""Small modal dialogs: ask for a path, confirm, export, help."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from samen_tui.i18n import t
from samen_tui.session.targets import same_place
from samen_tui.tui.keys import describe, display, explain, shown

if TYPE_CHECKING:
    from samen_tui.session.model import Session
    from samen_tui.workshop.model import Workshop


class Dialog(ModalScreen[Any]):
    """Base: escape closes (answers None)."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    Dialog .dialog-title { text-style: bold; }
    Dialog .buttons { height: auto; align-horizontal: right; }
    Dialog .buttons Button { margin-left: 1; }
    Dialog .error { color: $error; }
    """

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="dialog.cancel")]

    def __init__(self) -> None:
        super().__init__()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathDialog(Dialog):
    """Ask for a file or folder."""

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(self._value, id="path")
            yield Label("", id="path-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("button.cancel"), id="cancel")
                yield Button(t("button.ok"), id="ok", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.query_one("#path-error", Label).update(t("dialog.need_path"))
            return
        self.accept(value)

    def accept(self, value: str) -> None:
        """A path was given (not empty): answer it."""
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class SaveAsDialog(PathDialog):
    """Where to save a copy of the session at ``current``. A folder means the same file
    name in that folder. Another session that is already there is overwritten only
    after a yes (escape is no: back to the path); anything else there (a file that is
    not a session, a link, a folder) is never replaced: the dialog says why and stays.
    Answers the file to save to."""

    def __init__(self, current: Path) -> None:
        super().__init__(t("cmd.save_as"), str(current))
        self._current = current

    def accept(self, value: str) -> None:
        target = Path(value).expanduser()
        if target.is_dir():
            target = target / self._current.name
        if not os.path.lexists(target) or same_place(target, self._current):
            self.dismiss(str(target))
            return
        from samen_tui.session.store import refusal

        reason = refusal(target)
        if reason is not None:  # the store would refuse it: every autosave would fail
            self.notify(
                t("dialog.cannot_replace", path=str(target), reason=reason),
                severity="error",
                markup=False,
            )
            self.query_one("#path", Input).focus()
            return

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self.dismiss(str(target))
            else:
                self.query_one("#path", Input).focus()

        self.app.push_screen(
            ConfirmDialog(
                t("dialog.overwrite", path=str(target)),
                t("button.overwrite"),
                t("button.cancel"),
            ),
            answered,
        )


class ConfirmDialog(Dialog):
    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self._no, id="no")
                yield Button(self._yes, id="yes", variant="error")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss("yes" if event.button.id == "yes" else None)


class ExportDialog(Dialog):
    """Choose a format and a file; the report is written there. Never over the
    session, its backup, its lock or another session (the reason is shown and the
    dialog stays); over another file only after a yes (default no). Answers
    ``(format, path, with_notes, overwrite)``."""

    def __init__(self, default_stem: Path, source: Path | None = None) -> None:
        super().__init__()
        self._stem = default_stem
        self._source = source

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("cmd.export"), classes="dialog-title")
            yield Select(
                [("Markdown (.md)", "md"), ("HTML (.html)", "html"), ("CSV (.csv)", "csv")],
                value="md",
                allow_blank=False,
                id="format",
            )
            yield Input(str(self._stem.with_suffix(".md")), id="path")
            yield Checkbox(t("export.with_notes"), False, id="with-notes")
            yield Label("", id="path-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("button.cancel"), id="cancel")
                yield Button(t("button.export"), id="ok", variant="primary")

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        path.value = str(Path(path.value).with_suffix(f".{event.value}"))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        from samen_tui.session.targets import protected

        value = self.query_one("#path", Input).value.strip()
        fmt = str(self.query_one("#format", Select).value)
        error = self.query_one("#path-error", Label)
        if not value:
            error.update(t("dialog.need_path"))
            return
        target = Path(value).expanduser()
        reason = protected(target, source=self._source)
        if reason is not None:  # never: say why and stay
            error.update(reason)
            self.query_one("#path", Input).focus()
            return
        notes = self.query_one("#with-notes", Checkbox).value
        if not os.path.lexists(target):
            self.dismiss((fmt, str(target), notes, False))
            return

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self.dismiss((fmt, str(target), notes, True))
            else:
                self.query_one("#path", Input).focus()

        self.app.push_screen(
            ConfirmDialog(
                t("dialog.overwrite", path=str(target)),
                t("button.overwrite"),
                t("button.cancel"),
            ),
            answered,
        )

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


def write_export(
    screen: Screen[Any],
    target: Path,
    text: Callable[[], str],
    *,
    source: Path | None = None,
    force: bool = False,
) -> None:
    """Write an export to ``target`` (:func:`samen_tui.session.targets.write_export`:
    whole or not at all, never over a session) and say so, or say why not (never
    raises)."""
    from samen_tui.session import targets

    try:
        targets.write_export(target, text(), source=source, force=force)
    except FileExistsError as exc:  # refused: something came there meanwhile
        screen.notify(exc.strerror or str(exc), severity="error", markup=False)
        return
    except OSError as exc:
        screen.notify(
            t("export.failed", path=str(target), reason=exc.strerror or str(exc)),
            severity="error",
            markup=False,
        )
        return
    screen.notify(t("export.done", path=str(target)), markup=False)


def export_dialog(
    screen: Screen[Any],
    workshop: Workshop | None,
    session: Session,
    path: Path,
    done: Callable[[], None] | None = None,
) -> None:
    """Ask where, then write the verslag (md, html) or the actions (csv); the
    participants' version unless the trainer's notes are asked for. ``done``: called
    once the dialog is closed (written or not)."""
    from samen_tui import report

    def chosen(answer: tuple[str, str, bool, bool] | None) -> None:
        if answer:
            fmt, target, with_notes, force = answer
            write_export(
                screen,
                Path(target),
                lambda: report.render(
                    workshop, session, fmt, with_notes=with_notes, session_path=path
                ),
                source=path,
                force=force,
            )
        if done is not None:
            done()

    screen.app.push_screen(ExportDialog(Path.cwd() / path.stem, source=path), chosen)


class HelpScreen(ModalScreen[None]):
    """F1: the keys of the screen below, and what the current step expects."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    HelpScreen .keys { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape,f1,q", "close", "key.close", id="help.close"),
    ]

    def __init__(self, below: Screen[Any], step_help: str = "") -> None:
        super().__init__()
        self._below = below
        self._step_help = step_help

    def compose(self) -> ComposeResult:
        keys = Table.grid(padding=(0, 2))
        keys.add_column(justify="right", style="bold", no_wrap=True)
        keys.add_column(ratio=1)
        seen: set[str] = set()
        for active in self._below.active_bindings.values():
            binding = active.binding
            if not binding.description or not binding.id:
                continue  # Textual's own widget keys (untranslated); ours all have an id
            if binding.key in seen:
                continue
            seen.add(binding.key)
            description = describe(active.node, binding)
            if not shown(description):
                continue
            tooltip = explain(active.node, binding)
            line = Text(description)
            if tooltip and tooltip != description:
                line.append(f"  {tooltip}", style="dim")
            keys.add_row(display(active.node, binding, self.app.get_key_display(binding)), line)
        for key, text_key in (
            ("ctrl+p", "help.palette"),
            ("f1", "help.help"),
            ("ctrl+q", "help.quit"),
            ("escape", "help.escape"),
        ):
            if key not in seen:
                keys.add_row(key, t(text_key))
        with VerticalScroll():
            yield Label(t("help.title"), classes="dialog-title")
            yield Static(keys, classes="keys")
            if self._step_help:
                # here, not at the top: Textual's Markdown brings markdown-it and
                # pygments, 30-40 ms of every start that never opens the help
                from textual.widgets import Markdown

                yield Markdown(self._step_help)

    def action_close(self) -> None:
        self.dismiss(None)
