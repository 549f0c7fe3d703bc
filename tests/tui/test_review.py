"""Review: the saved sessions in a table — filter, sort both ways, open one read-only and
walk its steps, unreadable files listed with their reason and left byte-for-byte alone,
export from the review."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Static

from samen_tui.session.store import SessionReadError, load_session, save_session
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.dialogs import ExportDialog
from samen_tui.tui.screens.review import ReviewScreen, SessionTable, SessionViewScreen
from samen_tui.tui.screens.review import screen as review_module
from samen_tui.tui.screens.start import StartScreen
from samen_tui.tui.screens.walk import widget_class
from samen_tui.tui.services import Services
from samen_tui.tui.steps.base import StepView
from samen_tui.workshop.catalog import resolve_workshop
from tests.fixtures import sessions as fx
from tests.tui.conftest import burst, make_app

# --------------------------------------------------------------------------- helpers


def shown(widget: Widget) -> str:
    """What a widget shows on screen, as plain text."""
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def shown_all(widget: Widget) -> str:
    """What a container shows: the text of every widget in it without children."""
    leaves = [w for w in widget.query("*") if not w.children and w.display]
    return "\n".join(shown(w) for w in leaves)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(path: Path) -> dict[str, Any]:
    """A session file as plain TOML, read without the app's code."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def ready(pilot: Pilot[Any]) -> ReviewScreen:
    """Wait until the review screen has read the folder and filled the table."""
    app = pilot.app
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReviewScreen) and not screen.reading:
            await pilot.pause()  # and laid out
            return screen
    raise AssertionError(f"the review did not load: {app.screen!r}")


def table(app: App[Any]) -> SessionTable:
    return app.screen.query_one("#review-table", SessionTable)


def column(app: SamenApp, key: str) -> list[str]:
    """The text of one column, top to bottom, as the table has it now."""
    t = table(app)
    index = [c.key for c in t.columns].index(key)
    return [t.get_row_at(row)[index].plain for row in range(t.row_count)]


def row_paths(app: SamenApp) -> list[str]:
    t = table(app)
    return [t.row_key(row) for row in range(t.row_count)]


def review_app(folder: Path) -> SamenApp:
    return make_app(folder, mode="review")


# --------------------------------------------------------------------------- the fixture


def test_fixture_writes_valid_deterministic_sessions(tmp_path: Path) -> None:
    first = fx.write_sessions(tmp_path / "a", 30)
    again = fx.write_sessions(tmp_path / "b", 30)
    assert [p.name for p in first] == [p.name for p in again]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert len({p.name for p in first}) == 30
    finished = 0
    for number, path in enumerate(first):
        session = load_session(path)
        assert session.workshop == "samen-ouder-worden"
        assert session.started == fx.start_of(number)
        assert session.to_dict() == raw(path)  # nothing in the file the model drops
        finished += session.complete
    assert 0 < finished < 30  # finished and unfinished ones
    other = fx.write_sessions(tmp_path / "c", 30, seed=1)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first]


# --------------------------------------------------------------------------- services


async def test_the_review_needs_only_its_services(sessions: Path) -> None:
    """The review screen is handed a Services and never reaches for the app: in a
    plain Textual app it lists the folder, sorts it, and opens a session read-only."""
    paths = fx.write_sessions(sessions, 5)
    services = Services.from_dirs(sessions)

    class Plain(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ReviewScreen(services))

    app = Plain()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.sub_title == str(sessions)
        newest = max(range(len(paths)), key=fx.start_of)
        assert table(app).row_count == 5
        assert table(app).highlighted_key == str(paths[newest])
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        assert view.path == paths[newest]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


# --------------------------------------------------------------------------- table


async def test_table_lists_every_session_newest_first(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 12)
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert table(app).row_count == 12
        newest_first = sorted(paths, key=lambda p: raw(p)["started"], reverse=True)
        assert row_paths(app) == [str(p) for p in newest_first]
        data = raw(newest_first[0])
        first_row = [cell.plain for cell in table(app).get_row_at(0)]
        assert first_row[1] == data["started"].strftime("%Y-%m-%d %H:%M")
        assert first_row[2] == "Samen Ouder Worden"
        assert first_row[3] == data["title"]
        assert first_row[4] == data["place"]
        assert first_row[5] == str(len(data["participants"]))
        steps = resolve_workshop("samen-ouder-worden", app.workshop_dirs()).step_ids()
        # what is done: the steps with something captured, not where it was left
        done = sum(1 for record in data.get("records", {}).values() if record)
        assert first_row[6].strip().startswith(f"{done}/{len(steps)}")
        assert first_row[6].endswith("✓") == ("ended" in data)
        status = screen.query_one("#review-status", Label)
        assert "12 sessies" in shown(status)


async def test_an_empty_folder_says_so(sessions: Path) -> None:
    app = review_app(sessions / "nog-niet-gemaakt")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert table(app).row_count == 0
        assert "Nog geen sessies" in shown(screen.query_one("#review-status"))
        assert not screen.query_one("#review-broken").display
        await pilot.press("enter", "space", "c", "e", "s")  # nothing to act on: no crash
        await pilot.pause()
        assert app.screen is screen
    assert not (sessions / "nog-niet-gemaakt").exists()  # looking creates nothing


async def test_participant_text_is_shown_literally(sessions: Path) -> None:
    (path,) = fx.write_sessions(sessions, 1)
    session = load_session(path)
    session.title = "[b]Vet[/b] \\ [red]rood[/red]"
    session.place = "Zeist [i]"
    save_session(session, path)
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = shown(table(app))
        assert "[b]Vet[/b] \\ [red]rood[/red]" in text
        assert "Zeist [i]" in text


async def test_filter_as_you_type_across_columns(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 40)
    data = {str(p): raw(p) for p in paths}
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        place = data[str(paths[5])]["place"]
        expected = {
            k
            for k, d in data.items()
            if place.casefold() in f"{d['title']} {d['place']}".casefold()
        }
        assert 0 < len(expected) < 40
        await pilot.press("slash")
        assert app.focused is screen.query_one("#review-filter", Input)
        await burst(pilot, place.lower())
        await pilot.pause()
        assert set(row_paths(app)) == expected
        assert all(place.casefold() in p.casefold() for p in column(app, "place"))
        assert f"{len(expected)} van 40 sessies" in shown(screen.query_one("#review-status"))
        # a second word narrows it down, in another column: the date
        day = min(d["started"] for k, d in data.items() if k in expected).date().isoformat()
        await pilot.press("space", *day)
        await pilot.pause()
        both = {k for k in expected if data[k]["started"].date().isoformat() == day}
        assert set(row_paths(app)) == both
        # nothing matches: an empty table and a message
        await burst(pilot, "xyzzy")
        await pilot.pause()
        assert table(app).row_count == 0
        assert "Niets gevonden" in shown(screen.query_one("#review-status"))
        # escape clears the filter: everything is back, the table has the focus
        await pilot.press("escape")
        await pilot.pause()
        assert table(app).row_count == 40
        assert app.focused is table(app)
        assert screen.query_one("#review-filter", Input).value == ""


async def test_large_tables_filter_after_a_pause(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_module, "FILTER_DELAY_FROM", 1)
    # long enough that no pause between two typed keys reaches it, even on a busy machine
    monkeypatch.setattr(review_module, "FILTER_DELAY", 2.0)
    paths = fx.write_sessions(sessions, 10)
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        title = raw(paths[3])["title"]
        await pilot.press("slash", *title.lower())
        assert table(app).row_count == 10  # not yet: still typing
        await pilot.pause(review_module.FILTER_DELAY * 1.5)
        await pilot.pause()
        assert str(paths[3]) in row_paths(app)
        assert all(t.casefold() == title.casefold() for t in column(app, "title"))


# --------------------------------------------------------------------------- sort


async def test_sort_by_key_and_by_header_both_directions(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 25)
    data = {str(p): raw(p) for p in paths}
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)

        def started() -> list[dt.datetime]:
            return [data[k]["started"] for k in row_paths(app)]

        assert started() == sorted(started(), reverse=True)  # newest first to begin with
        # s: the same column the other way round
        await pilot.press("s")
        await pilot.pause()
        assert started() == sorted(started())
        assert screen.sort_column == "date" and not screen.sort_reverse
        # s again: the next column (workshop), first ascending then descending
        await pilot.press("s")
        await pilot.pause()
        assert (screen.sort_column, screen.sort_reverse) == ("workshop", False)
        await pilot.press("s")
        await pilot.pause()
        assert (screen.sort_column, screen.sort_reverse) == ("workshop", True)

        # a click on the "Titel" header sorts by title, a second click reverses
        t = table(app)
        x = t.column_offset("title") + 2
        await pilot.click(t, offset=(x, 0))
        await pilot.pause()
        titles = [data[k]["title"].casefold() for k in row_paths(app)]
        assert titles == sorted(titles)
        assert column(app, "title")[0].casefold() == titles[0]
        assert "Titel ↑" in shown(t).splitlines()[0]
        await pilot.click(t, offset=(x, 0))
        await pilot.pause()
        titles = [data[k]["title"].casefold() for k in row_paths(app)]
        assert titles == sorted(titles, reverse=True)
        assert "Titel ↓" in shown(t).splitlines()[0]

        # the number of participants, both ways (r reverses)
        x = t.column_offset("people") + 2
        await pilot.click(t, offset=(x, 0))
        await pilot.pause()
        people = [len(data[k]["participants"]) for k in row_paths(app)]
        assert people == sorted(people) and people[0] < people[-1]
        await pilot.press("r")
        await pilot.pause()
        people = [len(data[k]["participants"]) for k in row_paths(app)]
        assert people == sorted(people, reverse=True)

        # the filter keeps the order
        await pilot.press("slash")
        await burst(pilot, "2023")
        await pilot.pause()
        people = [len(data[k]["participants"]) for k in row_paths(app)]
        assert len(people) == 25 and people == sorted(people, reverse=True)


# --------------------------------------------------------------------------- open


async def test_open_read_only_and_walk_every_step(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 6)
    finished = [p for p in paths if "ended" in raw(p)]
    target = max(finished, key=lambda p: raw(p)["started"])
    before = sha(target)
    data = raw(target)
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        t = table(app)
        t.move_cursor(row=t.get_row_index(str(target)))
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        workshop = view.workshop
        assert workshop is not None
        steps = workshop.steps()
        assert view.pages == [s.id for _i, s in steps] + ["report"]
        seen_kinds = set()
        for index, (_item, step) in enumerate(steps):
            assert view.page == index
            await pilot.pause()
            step_view = view.query_one(StepView)
            assert type(step_view) is widget_class(step.KIND)
            assert step_view.read_only and step_view.step.id == step.id
            with pytest.raises(PermissionError), step_view.capture.change():
                pass
            text = shown(view.query_one("#view-step-title"))
            assert text.strip().startswith(f"{index + 1}/{len(steps) + 1}  {step.title[:20]}")
            if step.KIND == "participants":
                names = shown_all(step_view)
                for person in data["participants"]:
                    assert person["name"] in names
            seen_kinds.add(step.KIND)
            await pilot.press("pagedown")
            await pilot.pause()
        assert {"participants", "sort", "rate", "actions", "conversation"} <= seen_kinds
        # after the last step: the whole report, with the actions of the session
        assert view.page == len(steps)
        report = shown(view.query_one(".view-report", Static))
        assert data["title"] in report
        what = data["records"]["afspraken"]["actions"][0]["what"]
        assert " ".join(what.split()[:2]) in report, report
        await pilot.press("pagedown")  # nothing after the report
        await pilot.pause()
        assert view.page == len(steps)
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert view.page == len(steps) - 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert sha(target) == before


async def test_review_from_the_start_screen_and_back(sessions: Path) -> None:
    fx.write_sessions(sessions, 3)
    app = make_app(sessions, mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("r")
        await ready(pilot)
        assert table(app).row_count == 3
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


# --------------------------------------------------------------------------- unreadable

BROKEN = {
    "kapot.toml": b'title = "[b]half\nschema = \n',
    "nieuwer.toml": b'schema = 99\nworkshop = "samen-ouder-worden"\ntitle = "Later"\n',
    "binair.toml": b"\xff\xfe\x00\x01 geen tekst \x80",
    "leeg.toml": b"",
    "geen-sessie.toml": b'schema = 1\nparticipants = "niemand"\n',
}


async def test_unreadable_files_listed_with_reason_and_never_touched(sessions: Path) -> None:
    fx.write_sessions(sessions, 4)
    for name, content in BROKEN.items():
        (sessions / name).write_bytes(content)
    before = {name: sha(sessions / name) for name in BROKEN}
    stamps = {name: os.stat(sessions / name).st_mtime_ns for name in BROKEN}
    names_before = sorted(os.listdir(sessions))
    reasons = {}
    for name in BROKEN:
        with pytest.raises(SessionReadError) as info:
            load_session(sessions / name)
        reasons[name] = info.value.reason
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert table(app).row_count == 4  # the readable ones
        broken = screen.query_one("#review-broken", DataTable)
        assert broken.display
        listed = {
            broken.get_row_at(i)[0].plain: broken.get_row_at(i)[1].plain
            for i in range(broken.row_count)
        }
        assert listed == reasons
        assert "Onleesbare bestanden (5)" in shown(screen.query_one("#review-broken-title"))
        assert "kapot.toml" in shown(broken)
        # Enter on one says the whole reason; reading the folder again changes nothing
        messages: list[str] = []
        original = app.notify

        def record(message: str, *args: Any, **kwargs: Any) -> None:
            messages.append(message)
            original(message, *args, **kwargs)

        app.notify = record  # type: ignore[method-assign]
        broken.focus()
        broken.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        first = broken.get_row_at(0)[0].plain
        assert messages and first in messages[-1] and reasons[first] in messages[-1]
        await pilot.press("f5")
        screen = await ready(pilot)
        assert screen.query_one("#review-broken", DataTable).row_count == 5
    for name in BROKEN:
        assert sha(sessions / name) == before[name], name
        assert os.stat(sessions / name).st_mtime_ns == stamps[name], name
    assert sorted(os.listdir(sessions)) == names_before  # no backup, no temporary file


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["md", "csv"])
async def test_export_the_highlighted_session(sessions: Path, tmp_path: Path, fmt: str) -> None:
    paths = fx.write_sessions(sessions, 5)
    newest = max(paths, key=lambda p: raw(p)["started"])
    data = raw(newest)
    target = tmp_path / f"verslag.{fmt}"
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        if fmt == "csv":
            dialog.query_one("#format").value = "csv"  # type: ignore[attr-defined]
            await pilot.pause()
        dialog.query_one("#path", Input).value = str(target)
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    text = target.read_text(encoding="utf-8")
    actions = [a for rec in data.get("records", {}).values() for a in rec.get("actions", [])]
    if fmt == "md":
        assert text.startswith("# ") and data["title"] in text
        assert data["participants"][0]["name"] in text
    assert actions and all(a["what"] in text for a in actions)


async def test_marks_are_shown_and_counted(sessions: Path) -> None:
    fx.write_sessions(sessions, 5)
    app = review_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("space", "space")
        await pilot.pause()
        assert column(app, "mark")[:3] == ["●", "●", ""]
        assert table(app).cursor_row == 2
        assert "2 gemarkeerd" in shown(screen.query_one("#review-status"))
        await pilot.press("up", "space")
        await pilot.pause()
        assert column(app, "mark")[:3] == ["●", "", ""]
        assert len(screen.marked) == 1


# --------------------------------------------------------------------------- 10,000


def place_in(path: Path) -> str:
    """The place of a fixture session, from its line (a TOML parse of 10,000 files takes
    most of a minute)."""
    found = re.search(r'^place = "(.*)"$', path.read_text(encoding="utf-8"), re.MULTILINE)
    assert found is not None
    return found.group(1)


@pytest.mark.slow
async def test_ten_thousand_sessions_sort_filter_open(
    sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The virtual table with 10,000 sessions: only the rows in view are ever made,
    and sorting, filtering and opening work on the whole list."""
    from samen_tui.session.index import SessionIndex

    # not the full reading of every file behind the table (a minute of work)
    monkeypatch.setattr(SessionIndex, "unverified", lambda self, directory: 0)
    paths = fx.write_sessions(sessions, 10_000)
    app = review_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        made: list[str] = []
        real = screen._row_cells

        def counting(index: int) -> Any:
            made.append(screen.shown[index].name)
            return real(index)

        screen._row_cells = counting  # type: ignore[method-assign]
        screen._fill()  # the table asks the counting function from now on
        t = table(app)
        await pilot.pause()
        assert t.row_count == 10_000
        assert 0 < len(made) < 40, "only the rows in view"
        rows = screen.rows
        starts = [b.started for b in rows]
        assert starts == sorted(starts, reverse=True)  # newest first
        newest = max(range(len(paths)), key=fx.start_of)
        assert t.highlighted_key == str(paths[newest])
        # sort by place (s: date up, then workshop up/down, then title up/down, place up)
        await burst(pilot, "ssssss")
        await pilot.pause()
        assert (screen.sort_column, screen.sort_reverse) == ("place", False)
        places = [b.place.casefold() for b in screen.shown]
        assert places == sorted(places)
        first = screen.shown[0]
        assert t.get_row_at(0)[4].plain == first.place
        # filter: every word in some column; the order stays
        places_of = {str(p): place_in(p) for p in paths}
        place = places_of[str(paths[7])]
        expected = {k for k, v in places_of.items() if v == place}
        await pilot.press("slash", *place.lower(), "enter")
        await pilot.pause()
        assert {t.row_key(i) for i in range(t.row_count)} == expected
        assert [b.place for b in screen.shown] == [place] * len(expected)
        assert f"{len(expected)} van 10000 sessies" in shown(screen.query_one("#review-status"))
        assert len(made) < 200
        # open the one at the end of the list: the right session, read-only
        await pilot.press("end", "enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, SessionViewScreen)
        assert str(view.path) == t.row_key(t.row_count - 1)
        assert view.session.place == place
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_listing_made_by_the_helper_process_is_taken(sessions: Path) -> None:
    """`samen review` lists the folder in a helper process while the interface starts
    (cli.run_app); the screen takes that listing instead of reading the folder."""
    from samen_tui.session import reader

    fx.write_sessions(sessions, 30)
    reader.prefetch(sessions)
    from samen_tui.session.index import SessionIndex

    calls: list[Path] = []
    real = SessionIndex.readable_and_unreadable

    def counting(self: SessionIndex, directory: Path, *args: Any, **kwargs: Any) -> Any:
        calls.append(Path(directory))
        return real(self, directory, *args, **kwargs)

    SessionIndex.readable_and_unreadable = counting  # type: ignore[method-assign]
    try:
        app = review_app(sessions)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await ready(pilot)
            assert table(app).row_count == 30
            assert "30 sessies" in shown(screen.query_one("#review-status"))
    finally:
        SessionIndex.readable_and_unreadable = real  # type: ignore[method-assign]
    assert calls == [], "listed by the helper, not here"
    assert reader.take_prefetch(sessions) is None  # taken once
