"""The small user configuration: the chosen theme, interface language and bell.

Kept in ``config.toml`` in the user config directory (``samen dirs`` shows it).
A damaged file is ignored (defaults are used) and not overwritten until the user
changes a setting. Never imports textual.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import tomli_w

from samen_tui import paths


@dataclass(frozen=True)
class Config:
    theme: str = "textual-dark"
    language: str = ""
    """Interface language; empty means: the workshop's language."""
    bell: bool = False
    """Ring the terminal bell when an agenda item's time is nearly up, and when it is."""


def load_config(path: Path | None = None) -> Config:
    path = path or paths.config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Config()
    theme = data.get("theme")
    language = data.get("language")
    bell = data.get("bell")
    return Config(
        theme=theme if isinstance(theme, str) and theme else Config.theme,
        language=language if language in ("nl", "en") else "",
        bell=bell is True,
    )


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config (atomically); a failure is silently ignored: it is only a preference."""
    path = path or paths.config_file()
    data = {k: v for k, v in vars(config).items() if v}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def update_config(**changes: Any) -> Iterator[Config]:
    """Load, change and save the configuration in one go."""
    config = replace(load_config(), **changes)
    yield config
    save_config(config)
