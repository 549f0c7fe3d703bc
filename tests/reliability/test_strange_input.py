"""Strange input in every text field the app has: no crash, saved exactly, shown literally.

The fields are discovered, not listed: the test walks every step of the default
workshop (choosing a conversation flow so its phases appear, opening the rating
note) and takes every Input and TextArea in the step. Text arrives the way a
terminal delivers a paste (a Paste event to the focused field); an Input keeps the
first line of it, up to its ``max_length``. "Exactly" means: what the widget holds
when the trainer presses Enter (or, for a TextArea, what it holds) is what the
session file holds, after the app's own stripping of white space at both ends, and
what the app shows after ``resume``: the text is found, untouched and not read as
markup, in what the step's widgets display.

The strings: control characters, right-to-left scripts (Arabic, Hebrew, mixed),
emoji with skin tones, ZWJ sequences and flags, combining accents and a Devanagari
conjunct, zero-width characters, Rich/Textual markup and escapes, multi-line text
with CR/LF, and 10,000 characters. Quick mode gives every field one of them
(rotating over the fields, so every string is used several times); full mode
(SAMEN_RELIABILITY_FULL=1) puts every string in every field.

A second test sends Enter and the first letters of the next entry in one burst, as
a terminal read does for a fast typist on a busy laptop.
"""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, RadioButton, Static, TextArea

from tests.reliability.helpers import count, report
from tests.tui.conftest import burst, make_app, walk_screen

pytestmark = pytest.mark.slow  # a real pty: still run by .ci/run

LONG = ("Zorg dichtbij, ëën taal 🇳🇱 مرحبا ") * 400
STRANGE: dict[str, str] = {
    "control": "a\x00b\x01c\x07d\x08e\x1b[31mrood\x1b[0m f\x7fg\x9bh\ti\x0bj\x0ck",
    "rtl": "مرحبا بالعالم — שלום עולם — Anna 123 (ok)",
    "emoji": "👩‍👩‍👧‍👦 👍🏽 🇳🇱 🏳️‍🌈 ❤️‍🔥 🧑🏿‍🦽 1️⃣",
    "combining": "e\u0301 a\u0308 Z\u0351\u0352\u0357 n\u0303 \u0915\u094d\u0937 ﬁ",
    "zero-width": "a\u200bb\u200cc\u200dd\ufeffe\u2060f",
    "markup": "[b]vet[/b] [link=https://x.nl]y[/] [/] \\[i] $x {x} <b>&amp;</b> %s :smile:",
    "lines": "regel één\nregel twee\r\nregel drie\rregel vier\u2028vijf",
    "long": LONG[:10_000],
}
ROUNDS = count(1, len(STRANGE))
NAMES = list(STRANGE)
FLOW = "barb"  # the flow with the most phases (and the mandates, decisions, actions)


REPLACED = {"TextArea", "NoteInput"}
"""Fields whose text is replaced by the next one (notes), not added as a new entry."""


@dataclass
class Entry:
    step: str
    field: str
    kind: str
    held: str
    """What the widget held when the text was entered."""


def strings_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    return []


def plain(value: Any) -> str:
    """The text of what a widget shows: a Text or Content as is, any other rich
    renderable (a grid of cells...) printed on a console too wide to wrap."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        return value.plain
    if hasattr(value, "plain"):
        return str(value.plain)
    if isinstance(value, Table):
        return "\n".join(plain(cell) for column in value.columns for cell in column.cells)
    console = Console(width=100_000, file=io.StringIO(), color_system=None, highlight=False)
    console.print(value, soft_wrap=True)
    return console.file.getvalue()  # type: ignore[attr-defined]


def shown_texts(root: Widget) -> list[str]:
    """The texts the widgets under ``root`` display (their content, before any cropping)."""
    out: list[str] = []
    for widget in [root, *root.query("*")]:
        if isinstance(widget, TextArea):
            out.append(widget.text)
        elif isinstance(widget, Input):
            out.append(widget.value)
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                out += [plain(cell) for cell in widget.get_row_at(row)]
        elif isinstance(widget, OptionList):
            out += [plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
        elif isinstance(widget, Static):
            out.append(plain(widget.render()))
    return out


RICH_DROPS = {7: None, 8: None, 11: None, 12: None, 13: None}
"""Control characters rich.text.Text removes from what it shows (BEL, BS, VT, FF, CR)."""


def visible(text: str) -> str:
    return text.translate(RICH_DROPS)


def field_name(field: Widget) -> str:
    return field.id or ".".join(sorted(c for c in field.classes if not c.startswith("-")))


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.pause()


async def paste(pilot: Any, field: Widget, text: str) -> str:
    """Empty the field and paste ``text`` into it; return what the field holds."""
    field.focus()
    if isinstance(field, TextArea):
        field.select_all()
    else:
        assert isinstance(field, Input)
        field.value = ""
    await pilot.pause()
    assert pilot.app.focused is field
    # as the driver delivers a (bracketed) paste: to the app, which gives it to the focus
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    return field.text if isinstance(field, TextArea) else field.value


def form_of(field: Widget) -> Widget:
    """The group an Enter submits: a FormRow, the participants' entry row, or the field."""
    for node in field.ancestors:
        if type(node).__name__ == "FormRow":
            return node
        if isinstance(node, Widget) and node.has_class("entry-row"):
            return node
        if type(node).__name__.endswith("View"):
            break
    return field


async def prepare(pilot: Any, screen: Any, step: Any) -> None:
    """What the trainer does before typing in some steps."""
    if step.KIND == "conversation":
        view = screen.step_view
        if getattr(view.record, "flow", "") != FLOW:
            view.query_one(f"#flow-{FLOW}", RadioButton).value = True
            await settle(pilot)
            assert view.record.flow == FLOW
    elif step.KIND == "rate":
        rows = list(screen.step_view.query(".rate-row"))
        if rows:
            rows[0].focus()
            await pilot.pause()
            await pilot.press("n")
            await settle(pilot)


async def fill_step(pilot: Any, screen: Any, step: Any, pick: Any) -> list[Entry]:
    """Put a strange text in every field of the step; return what was entered."""
    await prepare(pilot, screen, step)
    host = screen.step_view  # the step shown (other steps' views may be kept, hidden)
    fields = [f for f in host.query("Input, TextArea") if f.display and not f.disabled]
    entries: list[Entry] = []
    done: set[int] = set()
    for field in fields:
        if id(field) in done:
            continue
        group = form_of(field)
        members = (
            [field]
            if group is field
            else [f for f in group.query("Input") if f.display and not f.disabled]
        )
        held: dict[int, str] = {}
        for member in members:
            done.add(id(member))
            if member.has_class("form-date"):
                continue  # a date field takes dates; its strange text is refused (below)
            text = pick()
            value = await paste(pilot, member, text)
            if isinstance(member, Input) and not value.strip():
                # a field holding only blanks is refused: put a letter in front (and keep
                # it within max_length: a longer paste is cut, with a message)
                limit = member.max_length or len(text) + 1
                value = await paste(pilot, member, ("x" + text)[:limit])
            held[id(member)] = value
            entries.append(Entry(step.id, field_name(member), type(member).__name__, value))
        if isinstance(field, TextArea):
            continue  # saved while typing
        members[0].focus()
        await pilot.press("enter")
        await pilot.pause()
        focused = pilot.app.focused
        if focused is not None and type(focused).__name__ == "PickBar":
            await pilot.press("1")  # the sort step asks for the category
            await settle(pilot)
    return entries


async def refused_date(pilot: Any, screen: Any) -> int:
    """Strange text in every date field is refused with a message, never saved."""
    tried = 0
    for field in list(screen.step_view.query("Input.form-date")):
        if not field.display:
            continue
        group = form_of(field)
        required = [f for f in group.query("Input") if not f.has_class("form-date")]
        for other in required:
            other.value = "Iemand"
        held = await paste(pilot, field, "👍🏽 🇳🇱 [b]x\x07")  # fits the date field
        assert held, "the date field took nothing"
        await pilot.press("enter")
        await settle(pilot)
        error = group.query(".form-error")
        assert error and str(error.first().render()).strip(), "no message for a bad date"
        for member in group.query("Input"):
            member.value = ""
        tried += 1
    return tried


def saved_strings(data: dict[str, Any], step: str) -> list[str]:
    if step == "wie-is-er":
        return strings_of(data.get("participants", []))
    return strings_of(data.get("records", {}).get(step, {}))


async def test_strange_text_in_every_field_is_saved_and_shown_exactly(sessions: Path) -> None:
    app = make_app(sessions, title="Vreemde invoer")
    entries: list[Entry] = []
    next_string = 0
    dates = 0
    linked = 0

    def pick() -> str:
        nonlocal next_string
        text = STRANGE[NAMES[next_string % len(NAMES)]]
        next_string += 1
        return text

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        steps = [step for _item, step in screen._steps]
        for round_no in range(ROUNDS):
            next_string = round_no * 3
            for step in steps:
                screen.go_to(step.id)
                await settle(pilot)
                new = await fill_step(pilot, screen, step, pick)
                if round_no == 0:
                    dates += await refused_date(pilot, screen)
                assert screen.save_now()
                data = tomllib.loads(screen.path.read_text(encoding="utf-8"))
                held_now = saved_strings(data, step.id)
                # a "wie" field that names a participant stores the participant's id
                ids = {p["name"]: p["id"] for p in data.get("participants", [])}
                for entry in new:
                    expected = entry.held if entry.kind == "TextArea" else entry.held.strip()
                    if expected not in held_now and ids.get(expected) in held_now:
                        linked += 1
                        continue
                    assert expected in held_now, (
                        f"{step.id}/{entry.field}: what the field held is not what was saved: "
                        f"{entry.held[:80]!r}"
                    )
                entries += new
        path = screen.path
        await pilot.press("ctrl+q")
        await pilot.pause()

    # ---- resume: every entry is shown as it was entered (the last text of a TextArea)
    last_text: dict[tuple[str, str], str] = {}
    for entry in entries:
        if entry.kind in REPLACED:
            last_text[(entry.step, entry.field)] = entry.held
    again = make_app(sessions, mode="resume", session=path)
    shown_count = 0
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(again)
        for step_id in dict.fromkeys(e.step for e in entries):
            screen.go_to(step_id)
            await settle(pilot)
            await prepare(pilot, screen, screen.workshop.step(step_id))
            texts = shown_texts(screen.step_view)
            again.export_screenshot()  # render it all once (wide, joined, RTL, control)
            for entry in entries:
                if entry.step != step_id:
                    continue
                if entry.kind in REPLACED:
                    if last_text[(entry.step, entry.field)] != entry.held:
                        continue  # replaced by a later round
                    expected = entry.held
                else:
                    expected = entry.held.strip()
                expected = visible(expected)
                assert any(expected in visible(text) for text in texts), (
                    f"{step_id}/{entry.field}: not shown after resume: {expected[:80]!r}"
                )
                shown_count += 1
        await pilot.press("ctrl+q")
        await pilot.pause()

    kinds = sorted({f"{e.step}/{e.field}" for e in entries})
    report(
        "strange_input",
        f"{len(entries)} texts in {len(kinds)} fields over {ROUNDS} rounds "
        f"({len(STRANGE)} kinds of text), all saved exactly; {shown_count} shown literally "
        f"after resume ({linked} as a link to the participant of that name); {dates} date "
        "fields refused strange text with a message",
    )
    assert len(kinds) >= 20, kinds


# --------------------------------------------------------------------------- type-ahead

BURST_FIELDS = [
    pytest.param("wie-is-er", "#p-name", id="participants"),
    pytest.param("casus", ".answer-input", id="questions"),
    pytest.param("wat-helpt", "#new-randvoorwaarden", id="brainstorm"),
    pytest.param("afspraken", "#f-what", id="actions-form"),
]


@pytest.mark.parametrize(("step", "selector"), BURST_FIELDS)
async def test_typing_on_right_after_enter(sessions: Path, step: str, selector: str) -> None:
    """Enter and the next entry's first letters in one terminal read: two entries."""
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to(step)
        await settle(pilot)
        field = screen.step_view.query(selector).first(Input)
        field.focus()
        await pilot.pause()
        await burst(pilot, "Een")
        # what the driver posts for one read of "\rTw"
        for key, char in (("enter", "\r"), ("T", "T"), ("w", "w")):
            app.post_message(events.Key(key, char))
        await settle(pilot)
        await burst(pilot, "ee")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.save_now()
        data = tomllib.loads(screen.path.read_text(encoding="utf-8"))
        texts = saved_strings(data, step)
        assert "Een" in texts, f"the first entry took letters typed after its Enter: {texts}"
        if selector != "#f-what":
            assert "Twee" in texts, texts
        else:
            # the form sends the focus to its first field ("wie") after an entry: the
            # letters typed after the Enter go there, all of them (before, "Tw" stayed
            # in "wat" and "ee" went to "wie"); the last Enter lacks a "wat", so the
            # form keeps them
            assert texts.count("Een") == 1 and "Twee" not in texts, texts
            assert screen.step_view.query_one("#f-who", Input).value == "Twee"


async def test_enter_then_quit_at_once_saves_the_last_entry(sessions: Path) -> None:
    from tests.reliability.helpers import names_in, new_session_file

    path = new_session_file(sessions, participants=("Anna",))
    app = make_app(sessions, mode="resume", session=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "Bert")
        # one terminal read: Enter, then ctrl+q
        for key, char in (("enter", "\r"), ("ctrl+q", "\x11")):
            app.post_message(events.Key(key, char))
        await pilot.pause(0.5)
    assert names_in(path) == ["Anna", "Bert"]


async def test_a_paste_longer_than_the_field_is_cut_not_dropped(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        screen.go_to("wie-is-er")
        await settle(pilot)
        field = screen.step_view.query_one("#p-name", Input)
        assert app.focused is field and field.max_length
        app.post_message(events.Paste(LONG[:10_000]))
        await settle(pilot)
        assert field.value == LONG[: field.max_length]


# --------------------------------------------------------------------------- the terminal

INJECTED = "Anna\x1b[2J\x1b]0;GEHACKT\x07 \x1b[31mrood\x1b[0m"
"""A name with a clear-screen, a set-window-title (OSC) and a colour sequence in it:
pasted from a coloured terminal, or in a session file someone sent."""


def test_escape_sequences_in_captured_text_never_reach_the_terminal(sessions: Path) -> None:
    from tests.reliability.helpers import new_session_file
    from tests.reliability.pty_app import PtyApp

    path = new_session_file(sessions, participants=(INJECTED,))
    with PtyApp(["--sessions", str(sessions), "resume", str(path)]) as app:
        app.wait_for_text("›  Wie is er?", 60)
        app.wait_for(lambda: b"GEHACKT" in app.output, 10, "the name on screen")
        app.press("ctrl+q")
        assert app.wait() == 0
        out = app.output
    for sequence in (b"\x1b]0;GEHACKT", b"Anna\x1b[2J", b"\x1b[31mrood"):
        assert sequence not in out, f"{sequence!r} reached the terminal"
