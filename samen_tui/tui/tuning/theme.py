"""The theme of the last run, in place before any stylesheet is parsed (Textual 8.2.8).

Stock (``App.theme = name``), Textual's ``App._watch_theme`` marks the stylesheet
stale and parses every stylesheet again (``App.refresh_css``) and restyles the
screen: some 25 ms of CPU at each start with a saved theme. :func:`use_saved_theme`
does what that watcher does to the app's classes, the true-colour filter and the
stylesheet's variables, before anything is parsed, so that nothing is parsed again.

It copies ``App._watch_theme`` of Textual 8.2.8: compare it with that method when
Textual changes (it changed between 7.0 and 8.2.8).

Figure (2026-12-06, 12 starts each of ``samen run`` with a saved theme, warm cache,
``SAMEN_TUNING_SKIP=theme`` against all of the tuning): CPU 353 → 327 ms, to the
painted agenda 548 → 384 ms (median).
"""

from __future__ import annotations

from typing import Any

from textual.app import App


def use_saved_theme(app: App[Any], name: str) -> None:
    """Put theme ``name`` (a registered one, not the current one) in place, quietly:
    no watcher, no signal, no re-parse. Call it before the app parses its stylesheet."""
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    app.set_class(dark, "-dark-mode", update=False)
    app.set_class(not dark, "-light-mode", update=False)
    app.set_class(True, f"-theme-{name}", update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())
