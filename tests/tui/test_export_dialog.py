"""The app's export dialog: the participants' version unless the trainer ticks "with
the trainer's notes"; the choice reaches the verslag written."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from textual.app import App
from textual.widgets import Checkbox, Input

from samen_tui.i18n import set_language
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.tui.screens.dialogs import ExportDialog, export_dialog
from tests.fixtures import report_fixture as fx

NOTE = "Koffie staat klaar; 7 deelnemers, 3 organisaties"


class Host(App[None]):
    def __init__(self, session_path: Path) -> None:
        super().__init__()
        self.session_path = session_path
        self.session = fx.session()
        self.session.records["titel"] = ContentRecord(notes=NOTE)

    def on_mount(self) -> None:
        export_dialog(self.screen, fx.workshop(), self.session, self.session_path)


@pytest.mark.parametrize("with_notes", [False, True])
async def test_export_dialog_passes_the_notes_choice(tmp_path: Path, with_notes: bool) -> None:
    set_language("nl")
    session_path = tmp_path / "2025-03-12-gemeente-voorbeeld.toml"
    session_path.write_bytes(tomli_w.dumps(fx.session().to_dict()).encode("utf-8"))
    target = tmp_path / "verslag.html"
    app = Host(session_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        box = dialog.query_one("#with-notes", Checkbox)
        assert box.value is False  # the participants' version first
        assert "notities van de trainer" in str(box.label).lower()
        dialog.query_one("#format").value = "html"  # type: ignore[attr-defined]
        await pilot.pause()
        dialog.query_one("#path", Input).value = str(target)
        if with_notes:
            box.value = True
            await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert (NOTE in html) is with_notes
    assert "Iedereen ziet eenzaamheid als kern." in html  # what the group said, always
