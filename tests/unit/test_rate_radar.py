"""The radar of a rate step in the terminal (#20): a pure function from labels, the
values per series and the scale to lines of text. A value at the scale's lowest point
lands on the centre, at its highest on the tip of its axis, halfway between at half
the radius; labels stand at the tips, their values never shortened."""

from __future__ import annotations

import math
import re

import pytest
from rich.text import Text

from samen_tui.kinds.rate.radar import Series, dot, layout, point, radar

SERIES = "bold red"
GRID = "dim"


def styles_at(line: Text, x: int) -> list[str]:
    return [str(span.style) for span in line.spans if span.start <= x < span.end]


def cell(count: int, width: int, height: int, value: float, index: int, widest: int):
    where = layout(count, width, height, widest)
    x, y = point(index, count, value, 0, 10, where.centre, where.radius)
    return where.left + dot(x) // 2, where.top + dot(y) // 4


@pytest.mark.parametrize("count", [3, 6, 16])
def test_the_scale_maps_from_the_centre_to_the_tip(count: int) -> None:
    centre = (40.0, 30.0)
    for index in range(count):
        assert point(index, count, 0, 0, 10, centre, 20) == pytest.approx(centre)
        a = -math.pi / 2 + 2 * math.pi * index / count
        tip = point(index, count, 10, 0, 10, centre, 20)
        assert tip == pytest.approx((40 + 20 * math.cos(a), 30 + 20 * math.sin(a)))
        half = point(index, count, 5, 0, 10, centre, 20)
        assert half == pytest.approx((40 + 10 * math.cos(a), 30 + 10 * math.sin(a)))
    # the first axis points up; values beyond the scale stay on it
    assert point(0, count, 10, 0, 10, centre, 20) == pytest.approx((40, 10))
    assert point(0, count, 99, 0, 10, centre, 20) == pytest.approx((40, 10))
    assert point(0, count, -5, 0, 10, centre, 20) == pytest.approx(centre)
    # a scale that does not start at 0: its lowest point is the centre
    assert point(1, count, 1, 1, 5, centre, 20) == pytest.approx(centre)


def test_values_at_min_max_and_middle_land_where_they_should() -> None:
    width, height = 40, 15
    labels = ["A", "B", "C"]
    lines = radar(labels, [Series((0, 10, 5), style=SERIES, marks=False)], 0, 10, width, height)
    assert len(lines) == height and all(line.cell_len == width for line in lines)
    # the first corner (0) on the centre, the second (10) on the tip of its axis, the
    # third (5) halfway along its axis: each cell drawn in the series' style
    for value, index in ((0, 0), (10, 1), (5, 2)):
        x, y = cell(3, width, height, value, index, 1)
        assert lines[y].plain[x] != " ", (value, index)
        assert SERIES in styles_at(lines[y], x), (value, index)
    # where the third would be at 10, only the grid (the outer ring) is
    x, y = cell(3, width, height, 10, 2, 1)
    assert SERIES not in styles_at(lines[y], x)
    assert GRID in styles_at(lines[y], x)
    # the top of the web is the first axis's tip: no series there
    x, y = cell(3, width, height, 10, 0, 1)
    assert SERIES not in styles_at(lines[y], x)
    # every dot is a braille character
    drawn = {c for line in lines for c in line.plain if c not in " ABC"}
    assert drawn and all(0x2800 <= ord(c) <= 0x28FF for c in drawn)


def test_an_item_without_a_value_leaves_its_corner_out() -> None:
    width, height = 40, 15
    full = radar(
        ["A", "B", "C", "D"], [Series((10, 10, 10, 10), style=SERIES)], 0, 10, width, height
    )
    gap = radar(
        ["A", "B", "C", "D"], [Series((10, None, 10, 10), style=SERIES)], 0, 10, width, height
    )
    x, y = cell(4, width, height, 10, 1, 1)
    assert SERIES in styles_at(full[y], x)
    assert SERIES not in styles_at(gap[y], x)


def test_labels_stand_at_their_tips_with_their_values_whole() -> None:
    labels = ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven",
              "Meedoen", "Dagelijks functioneren"]  # fmt: skip
    values = ["7,0", "6,0", "5,0", "8,0", "4,0", "10,0"]
    series = [Series((7, 6, 5, 8, 4, 10)), Series((3, None, 9, 8, 2, 10), marks=False)]
    lines = radar(labels, series, 0, 10, 90, 14, values=values)
    text = "\n".join(line.plain for line in lines)
    drawn = [line.plain for line in lines if line.plain.strip()]
    assert "Lichaamsfuncties 7,0" in drawn[0]  # the axis pointing up: above the web
    assert "Kwaliteit van leven 8,0" in drawn[-1]  # pointing down: below it
    for label, value in zip(labels, values, strict=True):
        assert f"{label} {value}" in text
    # narrow: the labels are shortened, their values not
    narrow = "\n".join(line.plain for line in radar(labels, series, 0, 10, 50, 9, values=values))
    assert re.search(r"Dagelijks f\w*… 10,0", narrow)
    assert all(value in narrow for value in values)
    # right of the web, left-aligned; left of it, right-aligned against it
    right = next(line.plain for line in lines if "Mentaal" in line.plain)
    left = next(line.plain for line in lines if "Dagelijks" in line.plain)
    assert right.index("Mentaal") > 90 // 2
    assert left.index("Dagelijks functioneren 10,0") < 90 // 2


def test_fewer_than_three_axes_draw_nothing() -> None:
    lines = radar(["A", "B"], [Series((1, 2))], 0, 10, 20, 10)
    assert [line.plain for line in lines] == [" " * 20] * 10
