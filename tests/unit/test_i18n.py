"""One catalog: every key in both languages, and every key the code uses exists."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import samen_tui
import samen_tui.i18n as i18n

SOURCE = Path(samen_tui.__file__).parent


def test_every_area_has_the_same_keys_in_dutch_and_english() -> None:
    for module_info in pkgutil.iter_modules(i18n.__path__):
        module = importlib.import_module(f"samen_tui.i18n.{module_info.name}")
        nl, en = set(module.NL), set(module.EN)
        assert nl == en, f"{module_info.name}: only NL {sorted(nl - en)}, only EN {sorted(en - nl)}"


def test_placeholders_match_between_languages() -> None:
    nl, en = i18n.catalog("nl"), i18n.catalog("en")
    field = re.compile(r"\{(\w+)")
    for key in nl:
        assert set(field.findall(nl[key])) == set(field.findall(en[key])), key


def test_every_literal_key_used_in_the_code_is_in_the_catalog() -> None:
    nl = i18n.catalog("nl")
    used = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")
    binding = re.compile(r"""["']((?:key|tip)\.[a-z0-9_.]+)["']""")
    missing: list[str] = []
    for path in SOURCE.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for key in used.findall(text) + binding.findall(text):
            if key not in nl:
                missing.append(f"{path.relative_to(SOURCE)}: {key}")
    assert not missing, "\n".join(missing)


def test_language_switch() -> None:
    i18n.set_language("en")
    try:
        assert i18n.t("key.next") == "Next"
    finally:
        i18n.set_language("nl")
    assert i18n.t("key.next") == "Volgende"


def test_a_date_fields_label_shows_the_format_not_a_date() -> None:
    """A fixed example date in an empty date field ("Wanneer (5-12-2026)") reads as a
    date already filled in, and a day later it lies in the past."""
    for language in ("nl", "en"):
        texts = i18n.catalog(language)
        for key in ("forms.when", "conversation.by"):
            assert not re.search(r"\d", texts[key]), (language, key, texts[key])
