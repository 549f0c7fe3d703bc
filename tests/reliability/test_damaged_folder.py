"""A damaged sessions folder: every bad file is shown as unreadable, with its reason,
the app goes on, and not one byte in the folder changes.

The folder holds a good session and: a truncated file, an empty one, bytes that are
not UTF-8, random bytes, wrong types, an unknown record kind, a future schema, a
50 MB file (sparse), nesting too deep to parse, symbolic links (inside the folder,
pointing outside, broken), a folder named like a session (``map.toml/``) and a named
pipe, plus files that are no sessions at all (``notities.txt``, ``.verborgen.toml``).
Every entry is fingerprinted (sha256 of files, link targets, folder contents) before
and compared after: listing, the start screen, review, resuming every bad file, and
starting, filling and quitting a new session in that folder.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, Label, OptionList

from samen_tui.session.store import MAX_SIZE, SessionSummary, Unreadable, list_sessions
from samen_tui.tui.virtual_table import VirtualTable
from tests.reliability.helpers import (
    fingerprint,
    messages,
    names_in,
    new_session_file,
    report,
)
from tests.tui.conftest import make_app, until, walk_screen

GOOD_TITLE = "Goede sessie"


def build(folder: Path, outside: Path) -> tuple[Path, dict[str, str]]:
    """Fill ``folder``; return the good session and {bad name: part of its reason}."""
    good = new_session_file(folder, title=GOOD_TITLE, participants=("Anna", "Bert"))
    raw = good.read_bytes()
    text = raw.decode("utf-8")
    bad: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        bad[name] = reason

    cut = text.index('name = "Anna"') + len('name = "An')
    put("afgekapt.toml", raw[:cut], "TOML-fout")
    put("leeg.toml", b"", "leeg")
    put("niet-utf8.toml", raw.replace(b"Anna", b"An\xff\xfena"), "geen UTF-8")
    put("binair.toml", random.Random(7).randbytes(4096), "")
    put(
        "verkeerde-types.toml",
        b'schema = 1\nworkshop = 42\ntitle = ["geen", "tekst"]\nparticipants = "Anna"\n',
        "geen geldige sessie",
    )
    put(
        "onbekende-soort.toml",
        text.encode() + b'\n[records.x]\nkind = "toverstaf"\n',
        "geen geldige sessie",
    )
    put("toekomst.toml", text.replace("schema = 1", "schema = 999").encode(), "nieuwere versie")
    put("diep.toml", b"a = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "")
    big = folder / "groot.toml"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: costs no disk space
    bad[big.name] = "te groot"
    (outside / "elders.toml").write_bytes(raw)
    os.symlink(outside / "elders.toml", folder / "link-buiten.toml")
    bad["link-buiten.toml"] = "buiten de sessiemap"
    os.symlink(folder / "bestaat-niet.toml", folder / "link-kapot.toml")
    bad["link-kapot.toml"] = "nergens naar"
    (folder / "map.toml").mkdir()
    (folder / "map.toml" / "binnenin.toml").write_bytes(raw)
    bad["map.toml"] = "map"
    os.mkfifo(folder / "pijp.toml")
    bad["pijp.toml"] = "geen gewoon bestand"
    # readable, or not sessions at all
    os.symlink(good.name, folder / "link-binnen.toml")  # relative, inside the folder
    (folder / "notities.txt").write_text("geen sessie\n", encoding="utf-8")
    (folder / ".verborgen.toml").write_bytes(b"\x00\x01")
    assert os.stat(big).st_size > MAX_SIZE
    return good, bad


def plain(value: Any) -> str:
    if isinstance(value, Text):
        return value.plain
    return str(getattr(value, "plain", value))


def table_rows(table: DataTable[Any]) -> list[list[str]]:
    return [[plain(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def listed(app: Any) -> bool:
    """Whether the start screen has shown what is in the folder (its note is filled)."""
    notes = app.screen.query("#start-note")
    return bool(notes) and bool(str(notes.first(Label).render()).strip())


@pytest.fixture
def damaged(sessions: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    outside = tmp_path / "elders"
    outside.mkdir()
    good, bad = build(sessions, outside)
    return sessions, good, bad, fingerprint(sessions)


def test_listing_names_every_bad_file_with_its_reason(damaged: Any) -> None:
    folder, good, bad, before = damaged
    listing = list_sessions(folder)
    unreadable = {u.name: u.reason for u in listing if isinstance(u, Unreadable)}
    readable = sorted(s.name for s in listing if isinstance(s, SessionSummary))
    assert readable == sorted([good.name, "link-binnen.toml"])
    assert sorted(unreadable) == sorted(bad)
    for name, part in bad.items():
        assert part in unreadable[name], (name, unreadable[name])
        assert unreadable[name].strip(), name
    assert fingerprint(folder) == before
    report("damaged_folder", f"{len(bad)} damaged entries listed as unreadable with a reason")


async def test_start_screen_counts_them_and_the_app_goes_on(damaged: Any) -> None:
    folder, _good, bad, before = damaged
    app = make_app(folder, mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: listed(app))  # the folder is listed in a thread
        note = str(app.screen.query_one("#start-note", Label).render())
        assert f"{len(bad)} onleesbare bestanden" in note, note
        resume = app.screen.query_one("#resume-list", OptionList)
        options = [plain(resume.get_option_at_index(i).prompt) for i in range(resume.option_count)]
        assert sum(GOOD_TITLE in o for o in options) == 2, options  # the file and the link
        assert fingerprint(folder) == before

        # a new session in this folder: start, fill in, quit
        await pilot.press("n")
        await until(pilot, lambda: app.screen.query("#title"))
        app.screen.query_one("#title", Input).value = "Nieuwe sessie"
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "WalkScreen")
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "p-name")
        app.focused.value = "Chloë"  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause(0.5)
        new_path = screen.path
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert names_in(new_path) == ["Chloë"]
    after = fingerprint(folder)
    for name in (new_path.name, new_path.name + ".bak"):
        after.pop(name, None)
    assert after == before, "starting and quitting a session changed a file in the folder"
    report(
        "damaged_folder",
        f"start screen counts {len(bad)} unreadable; a new session "
        f"started, filled and quit there; {len(before)} entries byte-identical",
    )


async def test_start_screen_lists_each_unreadable_file_with_its_reason(damaged: Any) -> None:
    folder, _good, bad, _before = damaged
    app = make_app(folder, mode="start")
    async with app.run_test(size=(160, 60)) as pilot:
        await until(pilot, lambda: listed(app))
        shown = []
        for widget in app.screen.query("Label, Static, OptionList"):
            if isinstance(widget, OptionList):
                shown += [
                    plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)
                ]
            else:
                shown.append(plain(widget.render()))
        text = "\n".join(shown)
        missing = [n for n, part in bad.items() if not (n in text and part in text)]
        assert not missing, missing


async def test_review_lists_each_unreadable_file_with_its_reason(damaged: Any) -> None:
    pytest.importorskip("samen_tui.tui.screens.review")
    folder, _good, bad, before = damaged
    app = make_app(folder, mode="review")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        # read, and verified: a file broken only further down (a record of an unknown
        # kind) shows as unreadable once the files new to the cache are read in full
        await until(pilot, lambda: not getattr(screen, "reading", False))
        await app.workers.wait_for_complete()
        await pilot.pause()
        broken = screen.query_one("#review-broken", DataTable)
        rows = {row[0]: row[1] for row in table_rows(broken)}
        assert sorted(rows) == sorted(bad), rows
        for name, part in bad.items():
            assert part in rows[name] and rows[name].strip(), (name, rows[name])
        table = screen.query_one("#review-table", VirtualTable)
        assert table.row_count == 2  # the good session and the link to it
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert fingerprint(folder) == before
    report(
        "damaged_folder",
        f"review lists the {len(bad)} unreadable files with reasons; folder byte-identical",
    )


def squeeze(text: str) -> str:
    """Without white space (the exit message is wrapped to the terminal's width)."""
    return "".join(text.split())


async def test_resuming_a_bad_file_says_why_and_changes_nothing(
    damaged: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, good, bad, before = damaged
    for name, part in sorted(bad.items()):
        app = make_app(folder, mode="resume", session=folder / name)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
        assert app.return_code == 1, name
        said = squeeze(capsys.readouterr().err)
        assert squeeze(name) in said and squeeze(part) in said, (name, said)
        assert "Traceback" not in said
    # a link to a good session inside the folder opens, but is never written through
    app = make_app(folder, mode="resume", session=folder / "link-binnen.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await until(pilot, lambda: app.focused is not None and app.focused.id == "p-name")
        app.focused.value = "Daan"  # type: ignore[union-attr]
        await pilot.press("enter")
        await until(pilot, lambda: bool(screen.save_error))
        assert "NIET OPGESLAGEN" in screen.sub_title
        # the notice is a message the app handles after the error is set
        await until(pilot, lambda: any("symbolische koppeling" in m for m in messages(app)))
        await pilot.press("ctrl+q")
        await pilot.pause()
        if app.is_running:  # the quit question: the data is not on disk
            await pilot.click("#yes")
            await pilot.pause()
    after = fingerprint(folder)
    after.pop("link-binnen.toml.lock", None)
    assert after == before
    assert names_in(good) == ["Anna", "Bert"]
    report(
        "damaged_folder",
        f"resume refused with a reason for {len(bad)} bad files; "
        f"a symlinked session is never written through",
    )
