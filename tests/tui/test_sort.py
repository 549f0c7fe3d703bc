"""Motive mapping (sort): cards by keys, who said it, move, edit, delete, undo — read back
from the saved session file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static

from samen_tui.kinds.sort.view import SortView
from samen_tui.kinds.sort.view_cards import CardView, PickBar
from samen_tui.kinds.sort.view_who import WhoPicker
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.dialogs import HelpScreen
from samen_tui.tui.widgets.keybar import KeyBar
from tests.tui.conftest import burst, make_app, saved, walk_screen

STEP = "motieven"
LITERAL = r"[b]x[/] \ ëéï"
PEOPLE = [("Anna", "Gemeente Zeist"), ("Bert", "Zorggroep Ouderen")]


# --------------------------------------------------------------------------- helpers


async def typed(pilot: Pilot[Any], text: str) -> None:
    await burst(pilot, text)


def shown(widget: Widget) -> str:
    """What a widget shows on screen, as plain text."""
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def cards(app: SamenApp) -> list[dict[str, Any]]:
    records = saved(app).get("records", {})
    result: list[dict[str, Any]] = records.get(STEP, {}).get("cards", [])
    return result


def people(app: SamenApp) -> dict[str, str]:
    """Participant name by id, from the saved file."""
    return {p["id"]: p["name"] for p in saved(app).get("participants", [])}


def view(app: SamenApp) -> SortView:
    return app.screen.query_one(SortView)


def card_text(widget: CardView) -> str:
    """A card's text as the screen shows it (wrapped lines joined, without who)."""
    lines = [line.lstrip("▌ ").strip() for line in shown(widget).splitlines()]
    return " ".join(line for line in lines if line and not line.startswith("— "))


def card_widget(app: SamenApp, text: str) -> CardView:
    for widget in app.screen.query(CardView):
        if card_text(widget) == text:
            return widget
    raise AssertionError(f"no card {text!r} on screen")


def column_texts(app: SamenApp) -> list[list[str]]:
    """The text of every card, per column, as the screen shows them."""
    return [
        [card_text(w) for w in container.query(CardView)]
        for container in app.screen.query(".sort-cards")
    ]


async def add_participants(app: SamenApp, pilot: Pilot[Any]) -> None:
    """Through the participants step, with keys: name, Tab, organisation, Enter."""
    walk_screen(app).go_to("wie-is-er")
    await pilot.pause()
    await pilot.pause()
    for name, org in PEOPLE:
        await typed(pilot, name)
        await pilot.press("tab")
        await typed(pilot, org)
        await pilot.press("enter")
        await pilot.pause()
    assert [p.name for p in walk_screen(app).session.participants] == [n for n, _o in PEOPLE]


async def open_step(app: SamenApp, pilot: Pilot[Any], *, participants: bool = True) -> None:
    await pilot.pause()
    if participants:
        await add_participants(app, pilot)
    walk_screen(app).go_to(STEP)
    await pilot.pause()
    await pilot.pause()
    assert app.focused is app.screen.query_one("#sort-input", Input)


async def add_card(pilot: Pilot[Any], text: str, key: str) -> None:
    await typed(pilot, text)
    await pilot.press("enter", key)
    await pilot.pause()


# --------------------------------------------------------------------------- tests


async def test_cards_in_each_category_with_who(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await typed(pilot, "Relatie met de buurt")
        await pilot.press("enter")
        # Enter asks for the motive: the picker has the focus and names the choices
        picker = app.screen.query_one(PickBar)
        assert app.focused is picker
        assert "1  Affectieve motieven" in shown(picker)
        await pilot.press("1")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sort-input", Input)
        await add_card(pilot, "Impact maken", "2")
        # F4: who said it; 2 = the second participant, and it stays for the next card
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("2")
        await pilot.pause()
        await add_card(pilot, "Subsidie binnenhalen", "3")
        # Enter twice: the same motive as the previous card
        await typed(pilot, "Reputatie van de zorggroep")
        await pilot.press("enter", "enter")
        await pilot.pause()

        names = people(app)
        got = [(c["text"], c["category"], names.get(c.get("who", ""), "groep")) for c in cards(app)]
        assert got == [
            ("Relatie met de buurt", "affectief", "groep"),
            ("Impact maken", "moreel", "groep"),
            ("Subsidie binnenhalen", "instrumenteel", "Bert"),
            ("Reputatie van de zorggroep", "instrumenteel", "Bert"),
        ]
        assert all(len(c["id"]) >= 4 for c in cards(app))
        # the board, the counts per category and per organisation
        assert column_texts(app) == [
            ["Relatie met de buurt"],
            ["Impact maken"],
            ["Subsidie binnenhalen", "Reputatie van de zorggroep"],
        ]
        counts = [shown(w).strip() for w in app.screen.query(".sort-count")]
        assert counts == ["1", "1", "2"]
        summary = shown(app.screen.query_one("#sort-summary", Static))
        assert "4 kaartjes" in summary
        assert "Zorggroep Ouderen 0/0/2" in summary
        assert "groep 1/1/0" in summary
        assert "— Bert" in shown(card_widget(app, "Subsidie binnenhalen"))
        assert "Wie: Bert" in shown(app.screen.query_one("#sort-who", Static))


async def test_picker_escape_and_typing_on(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        await typed(pilot, "Loyal")
        await pilot.press("enter")  # too early: typing on returns to the field
        await typed(pilot, "iteit")
        field = app.screen.query_one("#sort-input", Input)
        assert app.focused is field
        assert field.value == "Loyaliteit"
        await pilot.press("enter", "escape")
        assert app.focused is field
        assert cards(app) == []
        await pilot.press("enter", "1")
        await pilot.pause()
        assert [c["text"] for c in cards(app)] == ["Loyaliteit"]
        assert field.value == ""
        # Enter on an empty field files nothing
        await pilot.press("enter")
        await pilot.pause()
        assert len(cards(app)) == 1


async def test_fast_typing_keys_queued_at_the_old_focus(sessions: Path) -> None:
    """Keys are queued per widget: on a slow laptop Enter and the category key can both
    reach the field before it hands the focus to the picker, and the next card's first
    letters can reach the picker. The entry state, not the focus, decides."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        field = app.screen.query_one("#sort-input", Input)
        await typed(pilot, "Snel")
        # as the terminal delivers them: all at once, before the app has handled any
        for key, char in (("enter", "\r"), ("2", "2"), ("e", "e"), ("1", "1")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert [(c["text"], c["category"]) for c in cards(app)] == [("Snel", "moreel")]
        assert app.focused is field
        assert field.value == "e1"


async def test_move_edit_delete_and_undo(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await add_card(pilot, "Samen sterk", "1")
        await add_card(pilot, "Goed doen", "1")
        await add_card(pilot, "Doelen halen", "3")

        # ↓ goes to the cards; the arrows walk them
        await pilot.press("down")
        assert app.focused is card_widget(app, "Samen sterk")
        await pilot.press("down")
        assert app.focused is card_widget(app, "Goed doen")

        # a category key moves the focused card (and it keeps the focus)
        await pilot.press("2")
        await pilot.pause()
        assert [c["category"] for c in cards(app)] == ["affectief", "moreel", "instrumenteel"]
        assert column_texts(app) == [["Samen sterk"], ["Goed doen"], ["Doelen halen"]]
        assert app.focused is card_widget(app, "Goed doen")

        # Enter edits: the text goes back to the field; Enter, Enter keeps the category
        await pilot.press("enter")
        field = app.screen.query_one("#sort-input", Input)
        assert app.focused is field
        assert field.value == "Goed doen"
        await pilot.press("end")
        await typed(pilot, " voor ouderen")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert [c["text"] for c in cards(app)] == [
            "Samen sterk",
            "Goed doen voor ouderen",
            "Doelen halen",
        ]
        assert cards(app)[1]["category"] == "moreel"
        assert app.focused is card_widget(app, "Goed doen voor ouderen")

        # edit again and choose another motive with its key
        await pilot.press("e")
        await pilot.press("enter", "3")
        await pilot.pause()
        assert cards(app)[1]["category"] == "instrumenteel"

        # w: who said this card
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("1")
        await pilot.pause()
        assert people(app)[cards(app)[1]["who"]] == "Anna"
        assert "— Anna" in shown(card_widget(app, "Goed doen voor ouderen"))

        # Delete removes it; ctrl+z brings it back
        await pilot.press("delete")
        await pilot.pause()
        assert [c["text"] for c in cards(app)] == ["Samen sterk", "Doelen halen"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert [c["text"] for c in cards(app)] == [
            "Samen sterk",
            "Goed doen voor ouderen",
            "Doelen halen",
        ]
        assert column_texts(app) == [
            ["Samen sterk"],
            [],
            ["Goed doen voor ouderen", "Doelen halen"],
        ]

        # undo goes back step by step: the who, then the move
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "who" not in cards(app)[1]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert cards(app)[1]["category"] == "moreel"


async def test_escape_from_card_and_cancel_edit(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        await typed(pilot, "half getypt")
        await add_card(pilot, "", "1")  # files "half getypt"
        await typed(pilot, "nog niet klaar")
        await pilot.press("down")
        assert isinstance(app.focused, CardView)
        await pilot.press("enter")  # edit: the draft makes way
        field = app.screen.query_one("#sort-input", Input)
        assert field.value == "half getypt"
        await pilot.press("escape")  # cancel the edit: the draft comes back
        assert field.value == "nog niet klaar"
        assert isinstance(app.focused, CardView)
        await pilot.press("escape")
        assert app.focused is field
        assert [c["text"] for c in cards(app)] == ["half getypt"]


async def test_mouse_click_focuses_a_card_and_opens_who(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        await add_card(pilot, "Eerste", "1")
        await add_card(pilot, "Tweede", "3")
        await pilot.click(card_widget(app, "Tweede"))
        await pilot.pause()
        assert app.focused is card_widget(app, "Tweede")
        await pilot.press("2")  # the clicked card moves
        await pilot.pause()
        assert [c["category"] for c in cards(app)] == ["affectief", "moreel"]
        await pilot.click("#sort-who")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("2")
        await pilot.pause()
        assert "Wie: Bert" in shown(app.screen.query_one("#sort-who", Static))


async def test_literal_text_and_diacritics_survive_save_and_resume(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        await add_card(pilot, LITERAL, "2")
        await add_card(pilot, "Betrokkenheid bij Chloë", "1")
        assert [c["text"] for c in cards(app)] == [LITERAL, "Betrokkenheid bij Chloë"]
        assert shown(card_widget(app, LITERAL)).lstrip("▌ ").strip() == LITERAL
        path = walk_screen(app).path

    again = make_app(sessions, mode="resume", session=path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert walk_screen(again).session.current == STEP
        assert column_texts(again) == [["Betrokkenheid bij Chloë"], [LITERAL], []]
        assert [c["text"] for c in cards(again)] == [LITERAL, "Betrokkenheid bij Chloë"]


async def test_narrow_screen_shows_columns_and_counts(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, participants=False)
        await add_card(pilot, "Een", "1")
        summary = app.screen.query_one("#sort-summary", Static)
        assert "1 kaartje\n" in shown(summary) + "\n" and "1 kaartjes" not in shown(summary)
        await add_card(pilot, "Twee", "3")
        sort_view = view(app)
        heads = [shown(w) for w in sort_view.query(".sort-title")]
        assert [h.split()[0] for h in heads] == ["1", "2", "3"]
        assert column_texts(app) == [["Een"], [], ["Twee"]]
        # the counts stay in view, below the board
        assert summary.region.bottom <= app.screen.query_one("#step-host").region.bottom
        assert "2 kaartjes" in shown(summary)


async def test_read_only_shows_cards_without_inputs(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        await add_card(pilot, "Alleen lezen", "2")
        path = walk_screen(app).path
        saved(app)

    from samen_tui.session.lock import SessionLock

    lock = SessionLock(path)
    assert lock.acquire()  # another copy holds it: this one opens read-only
    try:
        viewer = make_app(sessions, mode="resume", session=path)
        async with viewer.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.pause()
            screen = walk_screen(viewer)
            assert screen.read_only
            assert not screen.query(Input)
            assert not screen.query(PickBar)
            assert column_texts(viewer) == [[], ["Alleen lezen"], []]
            card = card_widget(viewer, "Alleen lezen")
            card.focus()
            await pilot.pause()
            await pilot.press("1", "delete", "e", "w", "f4")
            await pilot.pause()
            assert not isinstance(viewer.screen, WhoPicker)
            assert column_texts(viewer) == [[], ["Alleen lezen"], []]
            assert screen.session.records[STEP].cards[0].category == "moreel"  # type: ignore[attr-defined]
            # no category key on offer either
            assert not {"1", "2", "3", "e", "w"} & set(key_hints(viewer))
    finally:
        lock.release()


KEYED = """\
[workshop]
id = "toetsen"
title = "Toetsen"

[[items]]
id = "waarom"
title = "Waarom"
minutes = 10

[[items.steps]]
kind = "sort"
id = "motieven"
title = "Motieven"
categories = [
  { id = "wij", title = "Wij samen", key = "w" },
  { id = "twee", title = "Tweede" },
  { id = "eigen", title = "Eigen belang", key = "e" },
]
"""


def key_hints(app: SamenApp) -> dict[str, str]:
    """What the key bar offers: key -> what it says."""
    return {hint.key: hint.description for hint in app.screen.query_one(KeyBar).hints}


async def test_category_keys_are_named_after_their_category_and_take_e_and_w(
    sessions: Path, tmp_path: Path
) -> None:
    """The category keys are static bindings: only the step's keys are on, each named
    after its category in the key bar and in F1's help, and a category's letter wins
    over the card's own use of it (e edits, w picks who, unless a category has it)."""
    workshop = tmp_path / "toetsen.toml"
    workshop.write_text(KEYED, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sort-input", Input)
        await typed(pilot, "Samen sterker")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, PickBar)
        hints = key_hints(app)
        assert (hints["w"], hints["2"], hints["e"]) == ("Wij samen", "Tweede", "Eigen belang")
        assert not {"1", "3", "a", "0"} & set(hints)
        await pilot.press("e")
        await pilot.pause()
        assert [(c["text"], c["category"]) for c in cards(app)] == [("Samen sterker", "eigen")]

        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.focused, CardView)
        hints = key_hints(app)
        assert (hints["w"], hints["2"], hints["e"]) == ("Wij samen", "Tweede", "Eigen belang")
        assert "enter" in hints  # editing stays on Enter
        # w moves the card (no who picker), 3 is no category's key: nothing happens
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, WhoPicker)
        assert [c["category"] for c in cards(app)] == ["wij"]
        await pilot.press("3")
        await pilot.pause()
        assert [c["category"] for c in cards(app)] == ["wij"]

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = shown(app.screen.query_one(".keys", Static))
        for title in ("Wij samen", "Tweede", "Eigen belang"):
            assert title in help_text
        await pilot.press("escape")
        await pilot.pause()
        # e moves too; Enter still edits
        assert isinstance(app.focused, CardView)
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert [c["category"] for c in cards(app)] == ["eigen"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sort-input", Input)
        assert app.screen.query_one("#sort-input", Input).value == "Samen sterker"


async def test_on_a_card_e_and_w_edit_and_pick_who_when_no_category_has_them(
    sessions: Path,
) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot, participants=False)
        await add_card(pilot, "Samen sterker", "1")
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.focused, CardView)
        hints = key_hints(app)
        assert hints["1"] == "Affectieve motieven" and hints["3"] == "Instrumentele motieven"
        assert hints["w"] == "Wie"
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhoPicker)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#sort-input", Input)
        assert app.screen.query_one("#sort-input", Input).value == "Samen sterker"


def bar_text(app: SamenApp) -> str:
    bar = app.screen.query_one(KeyBar)
    return "".join(s.text for s in bar.render_line(0))


async def test_at_80_columns_the_category_keys_are_one_hint_that_presses_nothing(
    sessions: Path,
) -> None:
    """Three motives do not fit the key bar at 80 columns: only the first had its name
    ("1 Affectieve motieven 2 3 pgup pgdn ..."), and the keys after it lost theirs.
    Where the names do not fit, the category keys are one hint, "1/2/3 Motief"; a
    click on it files the card nowhere (it is no one key)."""
    app = make_app(sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_step(app, pilot, participants=False)
        await typed(pilot, "Samen sterker")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, PickBar)
        text = bar_text(app)
        assert "1/2/3 Motief" in text and "pgup Vorige" in text, text
        assert "Affectieve" not in text
        bar = app.screen.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(text.index("1/2/3") + 1, 0))
        await pilot.pause()
        assert cards(app) == [] and isinstance(app.focused, PickBar)
        await pilot.press("2")
        await pilot.pause()
        assert [c["category"] for c in cards(app)] == ["moreel"]
        assert bar.hints  # the keys themselves stay the step's own
    async with make_app(sessions).run_test(size=(160, 40)) as pilot:
        app = pilot.app
        await open_step(app, pilot, participants=False)  # type: ignore[arg-type]
        await typed(pilot, "Samen sterker")
        await pilot.press("enter")
        await pilot.pause()
        text = bar_text(app)  # type: ignore[arg-type]
        assert "1 Affectieve motieven 2 Morele motieven" in text, text
