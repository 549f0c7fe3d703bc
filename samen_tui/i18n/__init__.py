"""The one catalog of interface strings, Dutch first, English by choice.

``t("key", name=...)`` looks a key up in the current language (``set_language``)
and formats it. The messages are kept per area in the modules of this package
(``ui``, ``workshop``, ``session``, ...) and per step kind in its folder
(``samen_tui/kinds/<kind>/texts.py``, :func:`samen_tui.kinds.texts`), each defining
``NL`` and ``EN`` with the same keys; a test checks that every key exists in both.
Never imports textual.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from samen_tui import kinds

LANGUAGES = ("nl", "en")

_language = "nl"


@cache
def catalog(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for area in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        module = importlib.import_module(f"{__name__}.{area}")
        merged.update(getattr(module, language.upper(), {}))
    merged.update(kinds.texts(language))
    return merged


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "nl"


def language() -> str:
    return _language


def t(key: str, /, **values: object) -> str:
    """The text for ``key`` in the current language, formatted with ``values``."""
    text = catalog(_language).get(key)
    if text is None:
        text = catalog("nl").get(key, key)
    return text.format(**values) if values else text


def plural(key: str, n: int, **values: object) -> str:
    """``t(key + ".one")`` when ``n`` is 1, else ``t(key)``; both get ``n``."""
    return t(f"{key}.one" if n == 1 else key, n=n, **values)
