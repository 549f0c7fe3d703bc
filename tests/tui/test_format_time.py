"""#20 item 4: a step's own minutes and its timed rounds: a second countdown under the
item's, F8 starts the next round, the time is in the session file."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from samen_tui.session.model import StepTime
from samen_tui.tui.widgets.keybar import KeyBar
from samen_tui.tui.widgets.timer import TimerBar
from tests.tui.conftest import make_app, saved, walk_screen

LS = """\
[workshop]
id = "ls"
title = "Liberating Structures"

[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 20

[[items.steps]]
kind = "content"
id = "uitleg"
title = "Uitleg"

[[items.steps]]
kind = "brainstorm"
id = "een-twee-vier"
title = "1-2-4-All"
rounds = [1, 2, 4, 5]
prompts = [{ id = "p", title = "Ideeën" }]

[[items.steps]]
kind = "content"
id = "kort"
title = "Kort"
minutes = 3
"""


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def keys(app: object) -> set[str]:
    return {hint.key for hint in app.screen.query_one(KeyBar).hints}  # type: ignore[attr-defined]


async def test_rounds_count_down_and_f8_starts_the_next(sessions: Path, tmp_path: Path) -> None:
    workshop = tmp_path / "ls.toml"
    workshop.write_text(LS, encoding="utf-8")
    app = make_app(sessions, workshop=str(workshop))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        own = app.screen.query_one("#step-timer", TimerBar)
        assert not own.display or own.has_class("-none")  # no time of its own
        assert "f8" not in keys(app)
        await pilot.press("f8")  # no rounds here: nothing happens
        await pilot.pause()
        assert "step_times" not in saved(app)

        walk_screen(app).go_to("een-twee-vier")
        await pilot.pause()
        await pilot.pause()
        assert not own.has_class("-none")
        assert "Ronde 1/4 00:00 / 01:00" in shown(own)
        assert "f8" in keys(app)
        # 50 seconds in: near the end of the round (the item's colours)
        walk_screen(app).session.step_times["een-twee-vier"] = StepTime(seconds=50)
        await pilot.press("f3", "f3")  # pause and go on: the timers are shown again
        await pilot.pause()
        assert "Ronde 1/4 00:50 / 01:00" in shown(own)
        assert own.has_class("near")
        await pilot.press("f8")
        await pilot.pause()
        assert "Ronde 2/4 00:00 / 02:00" in shown(own)
        assert not own.has_class("near")
        await pilot.press("f8", "f8", "f8")
        await pilot.pause()
        assert "Ronde 4/4" in shown(own)
        assert saved(app)["step_times"]["een-twee-vier"] == {
            "seconds": 50,
            "round": 3,
            "round_started": 50,
        }

        walk_screen(app).go_to("kort")
        await pilot.pause()
        await pilot.pause()
        assert "Stap 00:00 / 03:00" in shown(own)
        assert "f8" not in keys(app)
