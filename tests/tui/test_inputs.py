"""The app's text fields: a long paste is cut to fit (with a message), Enter submits in
the order the keys came and only the submitted text is taken out of the field."""

from __future__ import annotations

from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Input
from textual.widgets.input import Selection

from samen_tui.i18n import t
from samen_tui.tui.widgets.inputs import EntryInput, FittedInput
from tests.tui.conftest import burst, layouts_counted


class Fields(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.submitted: list[str] = []

    def compose(self) -> ComposeResult:
        yield FittedInput(id="fitted", max_length=10)
        yield EntryInput(id="entry", max_length=50)

    @on(Input.Submitted, "#entry")
    def _submitted(self, event: Input.Submitted) -> None:
        self.submitted.append(event.value)
        assert isinstance(event.input, EntryInput)
        event.input.take(event.value)


def notes(app: App[None]) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_long_paste_is_cut_at_the_cursor_and_said() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#fitted", FittedInput)
        field.focus()
        field.value = "abcd"
        field.cursor_position = 2
        await pilot.pause()
        app.post_message(events.Paste("0123456789\ntweede regel"))
        await pilot.pause()
        assert field.value == "ab012345cd"  # 6 fit, at the cursor
        assert field.cursor_position == 8
        assert notes(app) == [t("input.paste_cut", n=10)]


async def test_a_paste_replaces_the_selection_and_a_fitting_one_says_nothing() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#fitted", FittedInput)
        field.focus()
        field.value = "abcdefghij"
        field.selection = Selection(2, 8)
        await pilot.pause()
        app.post_message(events.Paste("XYZ"))
        await pilot.pause()
        assert field.value == "abXYZij"
        assert notes(app) == []
        field.selection = Selection(0, len(field.value))
        app.post_message(events.Paste("x" * 30))
        await pilot.pause()
        assert field.value == "x" * 10


async def test_letters_after_enter_start_the_next_entry() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#entry", EntryInput)
        field.focus()
        await burst(pilot, "Een")
        for key, char in (("enter", "\r"), ("T", "T"), ("w", "w")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await burst(pilot, "ee")
        await pilot.press("enter")
        await pilot.pause()
        assert app.submitted == ["Een", "Twee"]
        assert field.value == ""


async def test_take_leaves_a_field_changed_otherwise_alone() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        field = app.query_one("#entry", EntryInput)
        field.value = "Ander"
        field.take("Een")
        await pilot.pause()
        assert field.value == "Ander"
        field.value = "Een en nog wat"
        field.take("Een")
        await pilot.pause()
        assert field.value == " en nog wat"


async def test_typing_repaints_the_field_without_a_layout_of_the_screen() -> None:
    """Textual's Input asks for a layout of the whole screen at every key (its text's
    width is a layout property of every widget); ours only repaints."""
    app = Fields()
    async with app.run_test(size=(40, 10)) as pilot:
        field = app.query_one("#entry", EntryInput)
        field.focus()
        await pilot.pause()
        with layouts_counted() as layouts:
            for key in "Samen":
                await pilot.press(key)
                await pilot.pause()
        assert field.value == "Samen"
        assert not layouts
        # a text longer than the field still scrolls to the cursor as it is typed
        for key in "x" * 45:
            await pilot.press(key)
        await pilot.pause()
        assert field.value == "Samen" + "x" * 45
        assert field.scroll_x > 0 and field.scroll_x == field.max_scroll_x
        assert field.cursor_screen_offset.x < field.region.right
        shown = "".join(segment.text for segment in field.render_line(0))
        assert "xxxxxxxx" in shown and "Samen" not in shown  # the end, where the cursor is
