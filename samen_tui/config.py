"""The small user configuration: the chosen theme, interface language and bell, and
the workshop files the trainer ran by path (so that a session of one resumes).

Kept in ``config.toml`` in the user config directory (``samen dirs`` shows it).
A damaged file is ignored (defaults are used) and not overwritten until the user
changes a setting. Never imports textual.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from samen_tui import paths
from samen_tui.safefile import read_regular


@dataclass(frozen=True)
class Config:
    theme: str = "textual-dark"
    language: str = ""
    """Interface language; empty means: the workshop's language."""
    bell: bool = False
    """Ring the terminal bell when an agenda item's time is nearly up, and when it is."""
    workshop_files: dict[str, str] = field(default_factory=dict)
    """Workshop id -> the absolute path of the file ``samen run PATH`` ran it from: a
    session names its workshop by id only, and a file outside the workshop folders
    would not be found again to resume, review or show it in the room."""


MAX_CONFIG = 256 * 1024
"""Bytes of config.toml read at most (it is a few lines)."""
MAX_REMEMBERED = 50
"""Workshop files remembered at most (the latest run win)."""


def load_config(path: Path | None = None) -> Config:
    return _load(path or paths.config_file()) or Config()


def _load(path: Path) -> Config | None:
    """The config in the file at ``path``: the defaults if there is none, None if it
    cannot be read or is damaged."""
    try:  # a regular file only: a pipe in its place never blocks the start
        raw, _info = read_regular(path, MAX_CONFIG)
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    theme = data.get("theme")
    language = data.get("language")
    bell = data.get("bell")
    files = data.get("workshop_files")
    return Config(
        theme=theme if isinstance(theme, str) and theme else Config.theme,
        language=language if language in ("nl", "en") else "",
        bell=bell is True,
        workshop_files={
            k: v
            for k, v in (files.items() if isinstance(files, dict) else ())
            if isinstance(k, str) and isinstance(v, str) and os.path.isabs(v)
        },
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


def remember_workshop(workshop_id: str, path: Path) -> None:
    """Note that the workshop ``workshop_id`` was run from the file at ``path`` (see
    :attr:`Config.workshop_files`); a preference: a failure to save is ignored."""
    config = _load(paths.config_file())
    where = str(path.absolute())
    if config is None or config.workshop_files.get(workshop_id) == where:
        return  # a damaged file is left as it is (see the module doc)
    files = {k: v for k, v in config.workshop_files.items() if k != workshop_id}
    files[workshop_id] = where
    kept = dict(list(files.items())[-MAX_REMEMBERED:])
    save_config(replace(config, workshop_files=kept))


def remembered_workshop(workshop_id: str) -> Path | None:
    """The file the workshop ``workshop_id`` was last run from, if one was noted."""
    where = load_config().workshop_files.get(workshop_id)
    return Path(where) if where else None


@contextlib.contextmanager
def update_config(**changes: Any) -> Iterator[Config]:
    """Load, change and save the configuration in one go."""
    config = replace(load_config(), **changes)
    yield config
    save_config(config)
