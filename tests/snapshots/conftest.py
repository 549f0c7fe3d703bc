"""The snapshots type dates too: the forms count from the tests' fixed today."""

from tests.tui.conftest import fixed_today

__all__ = ["fixed_today"]
