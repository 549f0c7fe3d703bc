"""The trainer's walk: start, every step forward and back, participants, quit, resume, undo."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from samen_tui.tui.app import SamenApp
from samen_tui.tui.keys import label
from samen_tui.tui.screens.start import NewSessionDialog, StartScreen
from samen_tui.tui.screens.walk import WalkScreen
from samen_tui.tui.steps.placeholder import PlaceholderView
from samen_tui.tui.widgets.agenda import AgendaPanel
from samen_tui.tui.widgets.timer import TimerBar
from samen_tui.workshop.catalog import resolve_workshop
from samen_tui.workshop.model import Workshop
from tests.tui.conftest import burst, make_app, saved, walk_screen

WORKSHOP = "samen-ouder-worden"


def default_workshop() -> Workshop:
    from samen_tui import paths

    return resolve_workshop(WORKSHOP, paths.workshop_dirs())


def screen_text(app: SamenApp) -> str:
    """What the terminal shows, as plain text (from Textual's own SVG screenshot)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def read(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await burst(pilot, text)


async def test_walk_every_step_forward_and_back(sessions: Path) -> None:
    workshop = default_workshop()
    step_ids = workshop.step_ids()
    app = make_app(sessions, title="Gemeente Zeist", place="Zeist", trainer="Anne")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        assert screen.session.current == step_ids[0]
        data = saved(app)
        assert data["title"] == "Gemeente Zeist"
        assert data["place"] == "Zeist" and data["trainer"] == "Anne"
        assert data["workshop"] == WORKSHOP
        assert data["fingerprint"] == workshop.fingerprint
        visited = [screen.session.current]
        for _ in step_ids[1:]:
            await pilot.press("pagedown")
            await pilot.pause()
            visited.append(screen.session.current)
            # every kind has its own widget now: no placeholder on the way
            assert not screen.query(PlaceholderView)
            assert saved(app)["current"] == screen.session.current
        assert visited == step_ids
        await pilot.press("pagedown")  # past the end: stays on the last step
        await pilot.pause()
        assert screen.session.current == step_ids[-1]
        assert type(app.screen).__name__ == "EndDialog"  # "Sessie afronden"
        await pilot.press("escape")
        await pilot.pause()
        for expected in reversed(step_ids[:-1]):
            await pilot.press("pageup")
            await pilot.pause()
            assert screen.session.current == expected
        assert saved(app)["current"] == step_ids[0]


async def test_participants_added_with_keys_then_quit_and_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "p-name"
        await type_text(pilot, "Ëva [b]de Vries[/] \\")
        await pilot.press("tab")
        await type_text(pilot, "Gemeente Zeist")
        await pilot.press("tab")
        await type_text(pilot, "wethouder")
        await pilot.press("enter")
        await type_text(pilot, "Jan")
        await pilot.press("enter")
        await pilot.pause()
        data = saved(app)
        people = data["participants"]
        assert [p["name"] for p in people] == ["Ëva [b]de Vries[/] \\", "Jan"]
        assert people[0]["organisation"] == "Gemeente Zeist"
        assert people[0]["role"] == "wethouder"
        # the name with markup characters shows literally in the table
        table_text = "".join(str(cell) for cell in screen.query_one("#p-table").get_row_at(0))
        assert "Ëva [b]de Vries[/] \\" in table_text
        # pagedown works while the name field has focus
        await type_text(pilot, "half")
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.session.current != "wie-is-er"
        current = screen.session.current
        path = screen.path
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert read(path)["current"] == current
    assert not Path(f"{path}.lock").exists(), "quitting lets go of the session"

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(again)
        assert screen.session.current == current
        assert [p.name for p in screen.session.participants] == ["Ëva [b]de Vries[/] \\", "Jan"]


async def test_undo_takes_back_the_last_change(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await pilot.pause()
        await pilot.pause()
        for name in ("Anne", "Bram"):
            await type_text(pilot, name)
            await pilot.press("enter")
        await pilot.pause()
        assert [p["name"] for p in saved(app)["participants"]] == ["Anne", "Bram"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [p["name"] for p in saved(app)["participants"]] == ["Anne"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "participants" not in saved(app)
        # undo does not move the trainer
        assert screen.session.current == "wie-is-er"


async def test_notes_on_a_slide_are_saved_and_undone_per_burst(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        first = screen.session.current
        await pilot.pause()
        await type_text(pilot, "Groep is laat")
        await pilot.pause()
        assert saved(app)["records"][first]["notes"] == "Groep is laat"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "records" not in saved(app)


async def test_timer_counts_the_current_item_and_pause_stops_it(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        item = screen.current_item
        assert item is not None
        from samen_tui.session.model import ItemTime

        # the clock is frozen in tests: put time on the item as the ticker would
        screen.session.items[item.id] = ItemTime(seconds=item.minutes * 60 * 8 // 10)
        screen._refresh_timer()
        timer = screen.query_one(TimerBar)
        assert timer.has_class("near") and not timer.has_class("over")
        screen.session.items[item.id] = ItemTime(seconds=item.minutes * 60 + 120)
        screen._refresh_timer()
        assert timer.has_class("over")
        assert screen.balance_minutes() == 2
        await pilot.press("f3")
        await pilot.pause()
        assert timer.has_class("paused")
        assert saved(app)["paused"] is True
        await pilot.press("f3")
        await pilot.pause()
        assert saved(app)["paused"] is False


async def test_timer_keeps_time_on_resume(sessions: Path) -> None:
    app = make_app(sessions, frozen_clock=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await pilot.pause(2.3)
        data = saved(app)
        path = screen.path
        assert data["items"]["welkom"]["seconds"] >= 2
        await pilot.press("ctrl+q")
        await pilot.pause()
    seconds = read(path)["items"]["welkom"]["seconds"]  # type: ignore[index]
    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(again)
        assert screen.session.items["welkom"].seconds == seconds
        assert "Punt 00:0" in str(screen.query_one(TimerBar).render())


async def test_palette_jumps_to_a_step_by_name(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Inspiratie")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.current == default_workshop().step_ids()[-1]


async def test_end_session_records_the_end_time(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Sessie beëindigen")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.ended is None  # asked first: "Sessie afronden"
        await pilot.click("#yes")
        await pilot.pause()
        assert screen.session.ended is not None
        await pilot.press("escape")  # the export offered next: not now
        await pilot.pause()
        assert "ended" in saved(app)


async def test_agenda_collapses_when_narrow_and_toggles(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        agenda = walk_screen(app).query_one(AgendaPanel)
        assert agenda.has_class("collapsed") and not agenda.display
        await pilot.press("f2")
        await pilot.pause()
        assert agenda.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert agenda.display


async def test_paging_replaces_only_the_agenda_lines_it_alters(sessions: Path) -> None:
    """Paging moves the ▶ (and a ✓) and the highlight: those two lines are replaced,
    the options of the others are kept as they are (not set anew)."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        agenda = walk_screen(app).query_one(AgendaPanel)
        first = agenda.highlighted
        assert first is not None
        options = list(agenda.options)
        before = [str(option.prompt) for option in options]
        await pilot.press("pagedown")
        await pilot.pause()
        assert all(a is b for a, b in zip(agenda.options, options, strict=True))
        after = [str(option.prompt) for option in agenda.options]
        changed = [line for line, was in zip(after, before, strict=True) if line != was]
        assert len(changed) == 2  # "▶ Samen Ouder Worden" -> "✓ ...", "  Wat gaan ..." -> "▶ ..."
        assert "▶ Wat gaan we doen?" in changed[1]
        assert agenda.highlighted == first + 1 == agenda.get_option_index("step:agenda")
        top = agenda.scroll_offset.y
        assert "▶" in agenda.render_line(first + 1 - top).text


async def resume_list(app: SamenApp, pilot: Pilot[Any]) -> OptionList:
    """The start screen's list of sessions to resume, once the sessions are listed."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one("#resume-list", OptionList)


async def test_start_screen_new_session_and_resume_list(sessions: Path) -> None:
    app = SamenApp(make_app(sessions, mode="start").launch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        await type_text(pilot, "Wijk Oost")
        await pilot.press("tab")
        await type_text(pilot, "Buurthuis")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkScreen)
        assert screen.session.title == "Wijk Oost" and screen.session.place == "Buurthuis"
        path = screen.path
        assert read(path)["title"] == "Wijk Oost"
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = SamenApp(make_app(sessions, mode="start").launch)
    async with app.run_test(size=(80, 24)) as pilot:
        resume = await resume_list(app, pilot)
        assert resume.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.path == path


async def test_the_resume_list_counts_in_words(sessions: Path) -> None:
    """One step filled in and one participant: "1 stap ingevuld, 1 deelnemer", not
    "1 stappen ... 1 deelnemers"; more in the plural."""
    from samen_tui.session.model import Participant

    for people in (1, 2):
        app = make_app(sessions)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = walk_screen(app)
            for n in range(people):
                screen.session.participants.append(Participant(id=f"p{n}", name=f"Naam {n}"))
            await burst(pilot, "notitie")
            await pilot.pause()
            saved(app)
    app = SamenApp(make_app(sessions, mode="start").launch)
    async with app.run_test(size=(120, 40)) as pilot:
        resume = await resume_list(app, pilot)
        lines = [str(resume.get_option_at_index(i).prompt) for i in range(resume.option_count)]
    assert any(line.endswith("1 stap ingevuld, 1 deelnemer") for line in lines), lines
    assert any(line.endswith("1 stap ingevuld, 2 deelnemers") for line in lines), lines


async def test_escape_closes_the_new_session_dialog(sessions: Path) -> None:
    app = SamenApp(make_app(sessions, mode="start").launch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_f1_help_lists_the_keys_of_the_walk(sessions: Path) -> None:
    from samen_tui.tui.screens.dialogs import HelpScreen

    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Volgende" in text and "Ongedaan" in text and "pgdn" in text
        # at 80x24 the step's own help is below the keys: scrolled to, it is there
        from textual.containers import VerticalScroll

        app.screen.query_one(VerticalScroll).scroll_end(animate=False)
        await pilot.pause()
        assert "Toetsen en uitleg bij deze stap" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)


async def test_english_interface_with_lang_en(sessions: Path) -> None:
    app = make_app(sessions, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        timer = str(screen.query_one(TimerBar).render())
        assert timer.startswith("⏱ Item")
        descriptions = {label(b.binding.description) for b in screen.active_bindings.values()}
        assert "Next" in descriptions and "Volgende" not in descriptions


async def test_unknown_workshop_on_the_command_line_is_a_message(sessions: Path) -> None:
    app = make_app(sessions, workshop="bestaat-niet")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1


async def test_typing_never_lands_in_a_hidden_step(sessions: Path) -> None:
    """After paging from a step with fields to one without, typed keys must not go into
    the (kept, hidden) view of the step before."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        step_ids = default_workshop().step_ids()
        screen.go_to(step_ids[-2])  # the action list: a form with fields
        await pilot.pause()
        await pilot.pause(0.3)
        before = saved(app)
        await pilot.press("pagedown")  # the references: nothing to type in
        await pilot.pause()
        await type_text(pilot, "abc")
        await pilot.press("enter")
        await pilot.pause()
        focused = app.focused
        assert focused is None or (focused.display and screen.step_view in focused.ancestors)
        after = saved(app)
        for key in ("current", "items"):
            after.pop(key, None), before.pop(key, None)
        assert after == before


async def test_step_title_gives_way_to_the_step(sessions: Path) -> None:
    """A long item title is cut (or left out) so that the step's own title shows."""
    from samen_tui.tui.widgets.steptitle import StepTitle

    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("ingredienten")
        await pilot.pause()
        title = screen.query_one(StepTitle)

        def line() -> str:
            return "".join(s.text for s in title.render_line(0)).strip()

        assert line().endswith("Ingrediënten voor Duurzame Samenwerking   (7/14)"), line()
        assert line().startswith("3. Waar moeten we") and "…  ›  " in line(), line()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "3. Waar moeten we het over" in line() and "(7/14)" in line(), line()
        await pilot.resize_terminal(44, 24)
        await pilot.pause()
        assert line() == "Ingrediënten voor Duurzame Samenwerking   (7/14)"[: len(line())]
        assert "›" not in line()


async def test_participant_counts_read_in_the_singular_for_one(sessions: Path) -> None:
    from textual.widgets import Label

    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await pilot.pause()

        def counts() -> str:
            return str(screen.query_one("#p-count", Label).render())

        assert counts() == "0 deelnemers uit 0 organisaties"
        await burst(pilot, "Anna")
        await pilot.press("tab")
        await burst(pilot, "Zeist")
        await pilot.press("enter")
        await pilot.pause()
        assert counts() == "1 deelnemer uit 1 organisatie"
        await burst(pilot, "Bert")
        await pilot.press("tab")
        await burst(pilot, "Welzijn")
        await pilot.press("enter")
        await pilot.pause()
        assert counts() == "2 deelnemers uit 2 organisaties"


async def test_a_narrow_start_styles_the_screen_once(sessions: Path) -> None:
    """The narrow layout (agenda folded away) is in place before the screen is styled:
    set on mount, its class restyled every widget of the screen a second time."""
    from textual.css.stylesheet import Stylesheet

    counts = {}
    for size in [(80, 24), (120, 40)]:
        applied: list[object] = []
        real = Stylesheet.apply

        def counting(
            self: Stylesheet,
            node: object,
            *args: Any,
            applied: list[object] = applied,
            real: Any = real,
            **kwargs: Any,
        ) -> None:
            applied.append(node)
            real(self, node, *args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Stylesheet, "apply", counting)
            app = make_app(sessions)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                screen = walk_screen(app)
                assert screen.has_class("narrow") == (size[0] == 80)
                counts[size] = len(applied)
    assert counts[(80, 24)] < counts[(120, 40)] + 10, counts


async def test_resume_without_a_session_opens_the_newest_unfinished(sessions: Path) -> None:
    """`samen resume` with no file goes back into the newest unfinished session, on
    its step (it showed the start screen)."""
    first = make_app(sessions, title="Eerste")
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        walk_screen(first).go_to("vijf-s")
        await pilot.pause()
        assert walk_screen(first).save_now()
    again = make_app(sessions, mode="resume")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walk_screen(again)
        assert screen.session.title == "Eerste"
        assert screen.session.current == "vijf-s"
