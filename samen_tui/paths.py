"""Where workshops, sessions, the config file and the cache live.

Sessions: ``--sessions DIR``, else ``$SAMEN_SESSIONS``, else the user data directory.
Workshops are looked for in order: ``--workshops DIR`` (or ``$SAMEN_WORKSHOPS``),
``./workshops``, the user config directory's ``workshops/``, and the copy shipped
inside the package. The config directory can be moved with ``$SAMEN_CONFIG`` and
the cache with ``$SAMEN_CACHE`` (tests do both).

The cache folder is only named here: the start-up caches are read and written through
:mod:`samen_tui.cachefile`, which makes it 0700 and uses it only when it is the user's
own and nobody else can write it.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP = "samen-tui"
PACKAGE_WORKSHOPS = Path(__file__).parent / "data" / "workshops"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    return _env_path("SAMEN_CONFIG") or user_config_path(APP, appauthor=False)


def cache_dir() -> Path:
    return _env_path("SAMEN_CACHE") or user_cache_path(APP, appauthor=False)


def config_file() -> Path:
    return config_dir() / "config.toml"


def sessions_dir(override: str | Path | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    return _env_path("SAMEN_SESSIONS") or (user_data_path(APP, appauthor=False) / "sessions")


def workshop_dirs(override: str | Path | None = None) -> list[tuple[str, Path]]:
    """The folders searched for workshops, first wins, each with where it came from."""
    dirs: list[tuple[str, Path]] = []
    if override:
        dirs.append(("--workshops", Path(override).expanduser()))
    elif env := _env_path("SAMEN_WORKSHOPS"):
        dirs.append(("$SAMEN_WORKSHOPS", env))
    dirs.append(("./workshops", Path.cwd() / "workshops"))
    dirs.append(("config", config_dir() / "workshops"))
    dirs.append(("package", PACKAGE_WORKSHOPS))
    return dirs
