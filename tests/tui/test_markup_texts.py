"""#21 item 10: every text from a workshop file is text, never markup.

A brainstorm prompt titled ``"Kosten [/]"`` passed ``samen check`` and then crashed
the step (MarkupError); ``[@click=app.quit]`` became a clickable action. Here every
text field of a workshop with every step kind (``tests/fixtures/all-kinds.toml``)
gets ``[/] [@click=app.quit]x[/]`` appended; the app walks every step (with F1 and
the command palette's search on each), and on each the text is shown literally and
nothing crashes or quits.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.geometry import Region
from textual.widget import Widget

from samen_tui.workshop.loader import load_workshop
from tests.tui.conftest import burst, make_app, walk_screen

ROOT = Path(__file__).resolve().parents[2]
ALL_KINDS = ROOT / "tests" / "fixtures" / "all-kinds.toml"
PAYLOAD = "[/] [@click=app.quit]x[/]"
REFERENCES = {
    "id",
    "kind",
    "key",
    "language",
    "version",
    "group",
    "per",
    "capture",
    "from",
    "category",
}
"""Keys whose values are ids or choices, not text: they keep their values."""


def poisoned(value: Any, key: str = "") -> Any:
    """Every text of a parsed workshop file with :data:`PAYLOAD` appended."""
    if isinstance(value, dict):
        return {k: poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(v, key) for v in value]
    if isinstance(value, str) and key not in REFERENCES:
        return f"{value} {PAYLOAD}"
    return value


def texts_of(value: Any, key: str = "") -> int:
    if isinstance(value, dict):
        return sum(texts_of(v, k) for k, v in value.items())
    if isinstance(value, list):
        return sum(texts_of(v, key) for v in value)
    return int(isinstance(value, str) and key not in REFERENCES)


def shown(widget: Widget) -> str:
    """What a screen shows, as plain text (every visible widget without children)."""
    lines: list[str] = []
    for leaf in widget.query("*"):
        if leaf.children or not leaf.display or not leaf.region.size.area:
            continue
        size = leaf.outer_size
        for line in leaf.render_lines(Region(0, 0, size.width, size.height)):
            lines.append(line.text)
    return "\n".join(lines)


@pytest.mark.slow  # about 5 s: a walk of every step with F1 on each
async def test_every_workshop_text_is_text_on_every_step(tmp_path: Path) -> None:
    data = tomllib.loads(ALL_KINDS.read_text("utf-8"))
    assert texts_of(data) >= 40
    path = tmp_path / "gif.toml"
    path.write_text(tomli_w.dumps(poisoned(data)), "utf-8")
    workshop = load_workshop(path)  # `samen check` passes it: it is valid
    app = make_app(tmp_path / "sessions", workshop=str(path), title=f"Sessie {PAYLOAD}")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = walk_screen(app)
        for step_id in workshop.step_ids():
            screen.go_to(step_id)
            await pilot.pause()
            text = shown(app.screen)
            assert "[@click=app.quit]x[/]" in text, step_id  # shown as written
            await pilot.press("f1")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and app.return_code is None, step_id
        # the palette finds the steps by their titles, and shows them as written
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, "click")
        for _ in range(20):  # the search runs in the palette's own time
            await pilot.pause()
            palette = shown(app.screen)
            if "[@click=app.quit]" in palette:
                break
        assert "[@click=app.quit]" in palette
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code is None and app.is_running


async def test_workshop_texts_in_the_new_session_dialog_and_the_review(tmp_path: Path) -> None:
    """The workshop's title in the start screen's choice of workshops, and its step
    titles where the review shows a session of it."""
    from samen_tui.session.model import Session, now
    from samen_tui.session.store import save_session
    from samen_tui.tui.screens.review import ReviewScreen, SessionViewScreen
    from samen_tui.tui.screens.start import NewSessionDialog

    workshops = tmp_path / "workshops"
    workshops.mkdir()
    path = workshops / "gif.toml"
    path.write_text(tomli_w.dumps(poisoned(tomllib.loads(ALL_KINDS.read_text("utf-8")))))
    workshop = load_workshop(path)
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    save_session(
        Session(
            workshop=workshop.id,
            title=f"Sessie {PAYLOAD}",
            started=now(),
            current=workshop.step_ids()[0],
            steps=workshop.step_ids(),
        ),
        sessions / "s.toml",
    )
    app = make_app(sessions, mode="start", workshops_dir=workshops)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        assert "[@click=app.quit]" in shown(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, ReviewScreen) and not app.screen.reading:
                break
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.open_entry(review.shown[0])
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        assert "[@click=app.quit]" in shown(app.screen)
    assert app.return_code in (None, 0)
