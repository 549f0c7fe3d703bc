"""Entries typed faster than the step handles them (a burst through tmux, a fast
typist): each Enter adds what was typed since the Enter before it. "AAA⏎BBB⏎CCC⏎"
made the cards "AAA", "AAABBB" and "AAABBBCCC", and left "BBBCCC" in the field. And
what is typed after an Enter goes where that Enter sends the focus: on "Wie is er?",
"Anja⇥Gemeente⏎Bert⏎" put "Bert" in the organisation field."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import burst, make_app, saved, until, walk_screen
from tests.tui.test_actions import STEP as ACTIONS
from tests.tui.test_actions import open_step as open_actions
from tests.tui.test_actions import records
from tests.tui.test_brainstorm import ideas, open_step

BURST = ["A", "A", "A", "enter", "B", "B", "B", "enter", "C", "C", "C", "enter", "D"]


async def test_a_burst_of_cards_in_the_brainstorm(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_step(app, pilot)
        field = app.screen.query_one("#new-randvoorwaarden", Input)
        assert app.focused is field
        await burst(pilot, BURST)
        await until(pilot, lambda: len(ideas(app)) == 3)
        assert [i["text"] for i in ideas(app)] == ["AAA", "BBB", "CCC"]
        assert field.value == "D"  # the start of the next card stays


async def test_a_burst_of_participants(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "p-name")
        await burst(pilot, [*"Anna", "enter", *"Bert", "enter", *"Chloë", "enter"])
        await until(pilot, lambda: len(saved(app).get("participants", [])) == 3)
        assert [p["name"] for p in saved(app)["participants"]] == ["Anna", "Bert", "Chloë"]


async def test_a_burst_after_an_enter_in_the_organisation_goes_to_the_name(
    sessions: Path,
) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk_screen(app).go_to("wie-is-er")
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "p-name")
        keys = [*"Anja", "tab", *"Gemeente", "enter", *"Bert", "tab", *"GGD", "enter", *"Chl"]
        await burst(pilot, keys)
        await until(pilot, lambda: len(saved(app).get("participants", [])) == 2)
        people = [(p["name"], p["organisation"]) for p in saved(app)["participants"]]
        assert people == [("Anja", "Gemeente"), ("Bert", "GGD")]
        name = app.screen.query_one("#p-name", Input)
        assert app.focused is name and name.value == "Chl"
        assert app.screen.query_one("#p-org", Input).value == ""


async def test_a_burst_after_an_enter_in_a_form_starts_the_next_entry(sessions: Path) -> None:
    """The actions form: Enter in its last field (the date) adds the action and sends
    the focus back to its first field (who), where the next action is typed."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(app, pilot)
        keys = [*"Bert", "tab", *"Verslag", "tab", *"1-2-2027", "enter"]
        await burst(pilot, [*keys, *"Anna", "tab", *"Flyer", "enter"])
        await until(pilot, lambda: len(records(app).get(ACTIONS, {}).get("actions", [])) == 2)
        own = records(app)[ACTIONS]["actions"]
        assert [(a["who"], a["what"]) for a in own] == [("p2", "Verslag"), ("p1", "Flyer")]


async def test_keys_held_behind_an_entry_nobody_settles_go_on_after_a_while(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A step that neither takes nor refuses an entry does not swallow the keys typed
    after its Enter: they go on after ``HOLD_LIMIT``, in order, to the focused field."""
    from textual import events
    from textual.app import App, ComposeResult

    from samen_tui.tui.widgets import inputs
    from samen_tui.tui.widgets.inputs import EntryInput, KeysBehindEnter

    monkeypatch.setattr(inputs, "HOLD_LIMIT", 1.5)  # longer than one pause may take
    submitted: list[str] = []
    fresh: list[str] = []

    class Mini(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.keys_behind_enter = KeysBehindEnter(self)

        def compose(self) -> ComposeResult:
            yield EntryInput(id="one")

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and not event.is_forwarded:
                fresh.append(event.key)  # a key the app reads anew (held keys: again)
            if isinstance(event, events.Key) and self.keys_behind_enter.hold(event):
                event.stop()
                return
            await super().on_event(event)

        def on_input_submitted(self, event: Input.Submitted) -> None:
            submitted.append(event.value)  # neither taken nor refused

    app = Mini()
    async with app.run_test() as pilot:
        field = app.query_one(EntryInput)
        field.focus()
        await pilot.pause()
        # f12: no one's key; it comes back up to the app while the Enter is held, and
        # must not be held (and typed again) as if it were a new key
        await burst(pilot, ["f12", *"ab", "enter", *"cd"])
        assert submitted == ["ab"] and field.value == "ab"  # held
        await until(pilot, lambda: field.value == "abcd")
        assert app.keys_behind_enter.keys is None
        assert fresh == ["f12", "a", "b", "enter", "c", "d", "c", "d"]  # held, read again
