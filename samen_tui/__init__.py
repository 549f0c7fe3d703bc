"""samen-tui: a workshop companion for the terminal."""

__version__ = "0.1.0"
"""The version in pyproject.toml (a test keeps the two the same)."""
