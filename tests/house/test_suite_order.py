"""The order the suite's tests are handed out in (``tests/conftest.py``)."""

from __future__ import annotations

from tests.conftest import dealt


def test_each_worker_starts_with_its_share_of_the_longest() -> None:
    # pytest-xdist's first runs for 10 tests and 3 workers: 3, 3 and 4 tests
    assert dealt(list(range(10)), 3) == [0, 3, 6, 1, 4, 7, 2, 5, 8, 9]
    # the longest (the first, as sorted) head every run
    order = dealt(list(range(1788)), 6)
    runs = [order[i * 298 : (i + 1) * 298] for i in range(6)]
    assert [run[0] for run in runs] == [0, 1, 2, 3, 4, 5]
    assert sorted(order) == list(range(1788))


def test_one_worker_keeps_the_order() -> None:
    assert dealt(["a", "b", "c"], 1) == ["a", "b", "c"]
