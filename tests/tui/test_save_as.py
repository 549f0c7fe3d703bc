"""Kopie opslaan als…: onto a file that is already there only after a yes.

(The store itself refuses to replace anything that is not a readable session: the
file in the way here is another session, the one a trainer could lose.)
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from samen_tui.i18n import t
from samen_tui.tui.screens.dialogs import ConfirmDialog, SaveAsDialog
from tests.reliability.helpers import new_session_file
from tests.tui.conftest import burst, make_app, until, walk_screen


async def ask_save_as(pilot: Any, target: Path, *, palette: bool) -> None:
    """Open "Kopie opslaan als…" (from the command palette or its action), give
    ``target`` and press Enter."""
    app = pilot.app
    if palette:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, "Kopie opslaan")
        await pilot.pause(0.3)
        await pilot.press("enter")
    else:
        walk_screen(app).action_save_as()
    await until(pilot, lambda: isinstance(app.screen, SaveAsDialog) and app.screen.query("#path"))
    field = app.screen.query_one("#path", Input)
    field.value = str(target)
    field.focus()
    await pilot.press("enter")


async def test_saving_a_copy_onto_an_existing_file_asks_first(
    sessions: Path, tmp_path: Path
) -> None:
    (tmp_path / "elders").mkdir()
    other = new_session_file(tmp_path / "elders", title="Een andere sessie")
    before = other.read_bytes()
    app = make_app(sessions, title="Kopie")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        own = screen.path

        # ---- no: escape in the question, then in the path dialog
        await ask_save_as(pilot, other, palette=True)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = str(app.screen.query_one(Static).render())
        assert str(other) in question, question
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SaveAsDialog))
        assert app.focused is app.screen.query_one("#path", Input)  # choose another name
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        screen.session.title = "Kopie, gewijzigd"
        assert screen.save_now()
        await pilot.pause(0.6)  # autosave ticks
        assert other.read_bytes() == before
        assert screen.path == own

        # ---- no, with Enter: the focus starts on the "no" button
        await ask_save_as(pilot, other, palette=False)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert app.focused is not None and app.focused.id == "no"
        assert t("button.overwrite") in str(app.screen.query_one("#yes").render())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SaveAsDialog))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert screen.save_now()
        assert other.read_bytes() == before

        # ---- yes: the copy is written over it, and later changes go there
        await ask_save_as(pilot, other, palette=True)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")
        await until(pilot, lambda: app.screen is screen and screen.path == other)
        assert screen.save_now()
        data = tomllib.loads(other.read_text(encoding="utf-8"))
        assert data["title"] == "Kopie, gewijzigd"
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_a_folder_with_that_file_in_it_asks_too_the_own_file_does_not(
    sessions: Path, tmp_path: Path
) -> None:
    app = make_app(sessions, title="Map")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        own = screen.path
        folder = tmp_path / "usb"
        folder.mkdir()
        in_the_way = new_session_file(folder, title="Een andere sessie")
        in_the_way = in_the_way.rename(folder / own.name)
        before = in_the_way.read_bytes()

        # the session's own file: saving there overwrites nothing else
        await ask_save_as(pilot, own, palette=False)
        await until(pilot, lambda: app.screen is screen)
        assert screen.path == own

        # a folder: the same file name in it, which is there already
        await ask_save_as(pilot, folder, palette=False)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert str(folder / own.name) in str(app.screen.query_one(Static).render())
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SaveAsDialog))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert screen.save_now()
        assert in_the_way.read_bytes() == before
        await pilot.press("ctrl+q")
        await pilot.pause()


async def test_a_file_that_is_not_a_session_is_never_offered_for_overwriting(
    sessions: Path, tmp_path: Path
) -> None:
    """The store would refuse it, and every autosave after a yes would have failed: the
    dialog says why at once and stays, and the session keeps saving where it did."""
    notes = tmp_path / "aantekeningen.toml"
    notes.write_text('titel = "geen sessie"\n[[ruis]]\nx = 1\n', encoding="utf-8")
    before = notes.read_bytes()
    app = make_app(sessions, title="Niet daar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        own = screen.path
        await ask_save_as(pilot, notes, palette=False)
        await pilot.pause(0.3)
        assert isinstance(app.screen, SaveAsDialog)  # no question: still choosing a place
        assert app.focused is app.screen.query_one("#path", Input)
        said = [str(n.message) for n in app._notifications]
        assert any(str(notes) in s and "Kies een andere plek" in s for s in said), said
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        screen.session.title = "Nog steeds hier"
        assert screen.save_now()
        assert screen.path == own and notes.read_bytes() == before
        saved = tomllib.loads(own.read_text(encoding="utf-8"))
        assert saved["title"] == "Nog steeds hier"
        await pilot.press("ctrl+q")
        await pilot.pause()
