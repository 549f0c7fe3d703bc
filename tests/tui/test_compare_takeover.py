"""Compare marked sessions side by side (the right means in the right columns; different
workshops refused) and take over the open actions of an earlier session (counted, into
the action list, undone with ctrl+z, not twice)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from samen_tui.session.compare import CompareError
from samen_tui.session.store import load_session, save_session
from samen_tui.tui.app import SamenApp
from samen_tui.tui.screens.compare import CompareScreen
from samen_tui.tui.screens.review import ReviewScreen, SessionTable
from samen_tui.tui.screens.takeover import TakeOverDialog, take_over
from samen_tui.workshop.catalog import resolve_workshop
from tests.fixtures import sessions as fx
from tests.tui.conftest import make_app, saved, walk_screen

NUMBER = re.compile(r"(?<![\d,+−])(\d,\d|–)(?![\d,])")


# --------------------------------------------------------------------------- helpers


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def raw(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def dutch(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def cluster_means(data: dict[str, Any]) -> dict[str, float | None]:
    """Per cluster of the checklist: the mean of its rated ingredients' means, worked out
    from the TOML alone (participants' own ratings when there are any, else the group's)."""
    workshop = fx.default_workshop()
    step = next(s for _i, s in workshop.steps() if s.KIND == "rate")
    ratings = data.get("records", {}).get(step.id, {}).get("ratings", {})
    out: dict[str, float | None] = {}
    for group in step.groups:
        means = []
        for item in step.items_of(group.id):
            rating = ratings.get(item.id, {})
            values = list(rating.get("by", {}).values()) or (
                [rating["group"]] if "group" in rating else []
            )
            if values:
                means.append(sum(values) / len(values))
        out[group.title] = sum(means) / len(means) if means else None
    return out


def open_actions(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        action
        for record in data.get("records", {}).values()
        for action in record.get("actions", [])
        if action.get("status", "open") == "open"
    ]


async def ready(pilot: Pilot[Any]) -> ReviewScreen:
    app = pilot.app
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, ReviewScreen) and not app.screen.reading:
            await pilot.pause()  # and laid out
            return app.screen
    raise AssertionError("the review did not load")


async def mark(pilot: Pilot[Any], *paths: Path) -> None:
    table = pilot.app.screen.query_one("#review-table", SessionTable)
    for path in paths:
        table.move_cursor(row=table.get_row_index(str(path)))
        await pilot.press("space")
    await pilot.pause()


def recorder(app: SamenApp) -> list[str]:
    """Every notification the app shows from now on."""
    messages: list[str] = []
    original = app.notify

    def record(message: str, *args: Any, **kwargs: Any) -> None:
        messages.append(message)
        original(message, *args, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return messages


# --------------------------------------------------------------------------- compare


async def test_compare_two_sessions_side_by_side(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 8)
    finished = sorted((p for p in paths if "ended" in raw(p)), key=lambda p: raw(p)["started"])
    older, newer = finished[0], finished[-1]
    expected = [cluster_means(raw(older)), cluster_means(raw(newer))]
    assert expected[0] != expected[1]
    app = make_app(sessions, mode="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await mark(pilot, newer, older)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [s.title for s in screen.sessions] == [raw(older)["title"], raw(newer)["title"]]

        legend = shown(screen.query_one("#compare-legend"))
        assert f"A {raw(older)['title']}" in legend and f"B {raw(newer)['title']}" in legend

        ratings = shown(screen.query_one("#compare-ratings")).splitlines()
        header = next(line for line in ratings if re.search(r"\bA\b.*\bB\b", line))
        assert header.index("A") < header.index("B")
        for cluster in expected[0]:
            line = next(line for line in ratings if line.strip().startswith(cluster))
            numbers = NUMBER.findall(line)
            assert numbers[:2] == [dutch(expected[0][cluster]), dutch(expected[1][cluster])]
            assert "█" in line or "░" in line  # a bar per session
            first, second = expected[0][cluster], expected[1][cluster]
            if first is not None and second is not None and round(second - first, 1):
                delta = dutch(abs(round(second - first, 1)))
                assert ("+" if second > first else "−") + delta in line

        # i: the ingredients too, each with its own mean
        await pilot.press("i")
        await pilot.pause()
        ratings = shown(screen.query_one("#compare-ratings"))
        assert "Gedeelde ambitie" in ratings

        motives = shown(screen.query_one("#compare-motives")).splitlines()
        sort = next(s for _i, s in fx.default_workshop().steps() if s.KIND == "sort")
        for category in sort.categories:
            line = next(line for line in motives if line.strip().startswith(category.title))
            counts = [
                sum(1 for c in raw(p)["records"][sort.id]["cards"] if c["category"] == category.id)
                for p in (older, newer)
            ]
            assert [int(n) for n in re.findall(r"(?<=[█░ ])(\d+)(?=\s|$)", line)][:2] == counts

        actions = shown(screen.query_one("#compare-actions"))
        for action in open_actions(raw(older))[:2]:
            assert action["what"][:20] in actions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_compare_refuses_different_workshops(sessions: Path) -> None:
    first, second = fx.write_sessions(sessions, 2)
    other = load_session(second)
    other.workshop = "samen-ouder-worden-en"
    save_session(other, second)
    app = make_app(sessions, mode="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        messages = recorder(app)
        await pilot.press("c")  # nothing marked
        await pilot.pause()
        assert "minstens twee" in messages[-1]
        await mark(pilot, first, second)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)  # no compare screen, no crash
        assert "verschillende workshops" in messages[-1]
        assert "samen-ouder-worden-en" in messages[-1]
    workshop = resolve_workshop("samen-ouder-worden", [("package", fx.WORKSHOP_FILE.parent)])
    with pytest.raises(CompareError):
        CompareScreen(workshop, [load_session(first), other], [first, second])


# --------------------------------------------------------------------------- take over


async def test_take_over_open_actions(sessions: Path) -> None:
    paths = fx.write_sessions(sessions, 6)
    with_open = [p for p in paths if open_actions(raw(p))]
    newest_first = sorted(with_open, key=lambda p: raw(p)["started"], reverse=True)
    source = newest_first[0]
    wanted = open_actions(raw(source))
    app = make_app(sessions)  # a new session of the same workshop, now
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        walk = walk_screen(app)
        messages = recorder(app)

        async def choose(index: int = 0) -> None:
            take_over(walk)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, TakeOverDialog)
            options = dialog.query_one("#takeover-list", OptionList)
            prompts = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            assert len(prompts) == len(newest_first)
            for prompt, path in zip(prompts, newest_first, strict=True):
                assert raw(path)["title"] in prompt
                n = len(open_actions(raw(path)))
                assert (f"{n} open acties" if n != 1 else "1 open actie") in prompt
            options.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is walk

        def taken() -> list[dict[str, Any]]:
            records = saved(app).get("records", {})
            result: list[dict[str, Any]] = records.get("afspraken", {}).get("actions", [])
            return result

        await choose()
        got = taken()
        assert [a["what"] for a in got] == [a["what"] for a in wanted]
        assert all(a["origin"] == source.name for a in got)
        assert all(a.get("status", "open") == "open" for a in got)
        assert [a.get("when") for a in got] == [a.get("when") for a in wanted]
        people = {p["id"]: p["name"] for p in raw(source)["participants"]}
        assert [a["who"] for a in got] == [people[a["who"]] for a in wanted]
        count = len(wanted)
        assert messages[-1].startswith(f"{count} open actie")
        assert source.name in messages[-1]

        # one ctrl+z takes them all back
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert taken() == []

        # again: they come back; a second time from the same session adds nothing
        await choose()
        assert len(taken()) == count
        await choose()
        assert len(taken()) == count
        assert "Niets overgenomen" in messages[-1]
        # and that did not make an undo step: ctrl+z removes the take-over itself
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert taken() == []

        # escape closes the dialog without a change
        take_over(walk)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is walk and taken() == []


async def test_take_over_with_nothing_to_take(sessions: Path) -> None:
    app = make_app(sessions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        take_over(walk_screen(app))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TakeOverDialog)
        assert dialog.query_one("#takeover-list", OptionList).option_count == 0
        assert "Geen eerdere sessies" in shown(dialog.query_one("#takeover-note"))
