"""#20 item 7: the matrix step (two scales per item, named quadrants) with its keys,
its session record, its verslag and its checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget

from samen_tui.kinds.matrix.model import Axis, MatrixItem, MatrixStep, Quadrants
from samen_tui.kinds.matrix.record import MatrixRecord, Point
from samen_tui.kinds.matrix.report import section, stand_in
from samen_tui.kinds.matrix.view import MatrixList
from samen_tui.report.blocks import Bullets, Heading, Table
from samen_tui.session.model import Session
from samen_tui.workshop.loader import WorkshopError, parse_workshop
from tests.tui.conftest import make_app, saved, walk_screen

ROOT = Path(__file__).resolve().parents[2]
MATRIX = ROOT / "tests" / "fixtures" / "matrix.toml"


def shown(widget: Widget) -> str:
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(line.text.rstrip() for line in lines)


async def test_two_scores_per_item_put_it_in_a_quadrant(sessions: Path) -> None:
    app = make_app(sessions, workshop=str(MATRIX))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, MatrixList)
        # impact (the vertical scale) first: 5 for the buurtkamer; → then moeite: 2
        await pilot.press("5", "right", "2")
        await pilot.press("down", "1", "left", "1")  # klusbus: moeite 1, impact 1
        await pilot.press("down", "9")  # 9 is not on the scale: nothing
        await pilot.pause()
        assert saved(app)["records"]["impact-moeite"]["points"] == {
            "buurtkamer": {"x": 2, "y": 5},
            "klusbus": {"x": 1, "y": 1},
        }
        view = walk_screen(app).step_view
        assert view is not None
        grid = shown(view.query_one("#matrix-grid"))
        assert "Snel te doen" in grid and "Een buurtkamer [b]x[/]" in grid
        assert "Kleine klusjes" in grid and "Een klusbus" in grid
        # x clears the score on the chosen scale (impact again, after ←)
        await pilot.press("up", "x")
        await pilot.pause()
        assert saved(app)["records"]["impact-moeite"]["points"]["klusbus"] == {"x": 1}
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        assert saved(app)["records"]["impact-moeite"]["points"]["klusbus"] == {"x": 1, "y": 1}


def step() -> MatrixStep:
    return MatrixStep(
        id="m",
        title="M",
        x=Axis(title="Moeite"),
        y=Axis(title="Impact"),
        quadrants=Quadrants(high_left="Snel te doen", low_right="Niet doen"),
        items=(MatrixItem(id="a", title="A"), MatrixItem(id="b", title="B")),
    )


def test_quadrants_by_name_or_by_place() -> None:
    m = step()
    assert m.quadrant(2, 5) == "Snel te doen"
    assert m.quadrant(5, 1) == "Niet doen"
    assert m.quadrant(5, 5) == "rechtsboven"  # no name: its place
    assert m.quadrant(3, 3) == "linksonder"  # the middle counts as low
    assert m.quadrant(None, 3) == ""


def test_the_verslag_lists_each_quadrant_and_a_table() -> None:
    record = MatrixRecord(points={"a": Point(x=1, y=5), "b": Point(y=2)})
    blocks = section(step(), record, Session())
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["Snel te doen (1)"]
    assert [b.items for b in blocks if isinstance(b, Bullets)] == [("A",)]
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.headers == ("Item", "Moeite", "Impact", "Vak")
    assert table.rows == (("A", "1", "5", "Snel te doen"), ("B", "–", "2", ""))
    assert section(step(), MatrixRecord(), Session()) == []
    alone = stand_in("m", record)
    assert isinstance(alone, MatrixStep) and [i.id for i in alone.items] == ["a", "b"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('x = { title = "Moeite", min = 0, max = 10 }', "14:40: een schaal loopt van 0 tot"),
        ("x = { min = 1 }", "14:5: verplicht veld 'title' ontbreekt"),
        ('x = "Moeite"', "14:5: verwacht een tabel, gevonden: tekst; bijvoorbeeld: x = { title"),
    ],
)
def test_matrix_misuse_has_its_place(line: str, expected: str) -> None:
    text = MATRIX.read_text(encoding="utf-8").replace(
        'x = { title = "Moeite", min = 1, max = 5 }', line
    )
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, "m.toml")
    assert str(info.value.problems[0]).startswith(f"m.toml:{expected}")
