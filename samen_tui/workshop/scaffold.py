"""A new workshop file to start from (``samen new``).

:func:`scaffold_workshop` returns the text of a workshop file that holds one
worked example of every step kind, each field explained in a Dutch comment, so a
facilitator can delete what they do not need and fill in the rest. The examples
come from the kinds' folders (``samen_tui/kinds/<kind>/scaffold.py``: ``SUMMARY``,
``ITEM`` and ``EXAMPLE``, through :func:`samen_tui.kinds.scaffold`), in the kinds'
order, each in the agenda item of :data:`ITEMS` it names (the last one when it names
none of them). :func:`write_scaffold` writes it as ``<id>.toml`` in a folder, never
over an existing file.

This module never imports textual.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

import tomli_w

from samen_tui import kinds
from samen_tui.i18n import t
from samen_tui.workshop.loader import ID_PATTERN

LANGUAGES: tuple[str, ...] = ("nl", "en")

_HEAD = Template('''\
# =============================================================================
#  ${title_comment}
# =============================================================================
#
# Een nieuwe workshop, gemaakt met `samen new`. Hieronder staat van elke
# soort stap één voorbeeld. Verwijder wat je niet nodig hebt, pas de rest aan
# en controleer het bestand daarna met `samen check`.
#
# Opbouw:
#   [workshop]          de gegevens van de workshop
#   [[items]]           een agendapunt, met daaronder zijn stappen
#   [[items.steps]]     een stap; `kind` zegt wat voor stap het is:
${kinds}
#
# Ids: kleine letters, cijfers, - en _, beginnend met een letter of cijfer.
# Sessies verwijzen naar ids: verander een id niet meer als er al sessies met
# deze workshop zijn. Titels en teksten mag je altijd aanpassen. Een stap-id
# komt maar één keer voor in het hele bestand.
#
# Tekst over meerdere regels zet je tussen drie aanhalingstekens: """ ... """.
# Velden met de opmerking "(verplicht)" moeten er staan; de andere mag je
# weglaten, dan geldt de standaardwaarde die erbij staat.

[workshop]
# De id van de workshop (verplicht); de bestandsnaam is <id>.toml.
id = ${id}
# De naam die deelnemers en trainer zien (verplicht).
title = ${title}
# De taal van de workshop: "nl" of "en" (standaard "nl").
language = ${language}
# Verhoog de versie als je de inhoud flink verandert (standaard "1").
version = "1"
# Een korte beschrijving, te zien bij het kiezen van een workshop.
description = "Waar gaat deze workshop over?"
''')

ITEMS: tuple[tuple[str, str], ...] = (
    (
        "begin",
        """\
[[items]]
# De id van het agendapunt (verplicht).
id = "begin"
# De titel in de agenda (verplicht).
title = "Welkom"
# De timebox in minuten (verplicht): de timer kleurt als de tijd bijna om is.
minutes = 15
""",
    ),
    (
        "verkennen",
        """\
[[items]]
id = "verkennen"
title = "Verkennen"
minutes = 30
""",
    ),
    (
        "ideeen",
        """\
[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 20
""",
    ),
    (
        "afspraken-maken",
        """\
[[items]]
id = "afspraken-maken"
title = "Afspraken maken"
minutes = 30
""",
    ),
    (
        "afsluiting",
        """\
[[items]]
id = "afsluiting"
title = "Meer weten?"
minutes = 5
""",
    ),
)
"""The agenda items of the example file: (id, its ``[[items]]`` table)."""

_RULE = "# " + "=" * 77


def _english(language: str) -> bool:
    return language == "en"


def _kinds_list(language: str = "nl") -> str:
    """One line per kind: its name and what it is (in an English file, its
    ``SUMMARY_EN`` where the kind has one)."""
    lines = []
    for kind in kinds.names():
        example = kinds.scaffold(kind)
        summary = example.SUMMARY
        if _english(language):
            summary = getattr(example, "SUMMARY_EN", summary)
        lines.append(f"#     {kind:<13} {summary}")
    return "\n".join(lines)


def _agenda(language: str = "nl") -> str:
    """Every agenda item that holds an example, numbered, with its examples (in an
    English file the kinds' ``EXAMPLE_EN``, the Dutch one where a kind has none)."""
    from samen_tui.workshop import scaffold_en

    items = scaffold_en.ITEMS if _english(language) else ITEMS
    banner_word = scaffold_en.ITEM_BANNER if _english(language) else "Agendapunt"
    examples: dict[str, list[str]] = {item_id: [] for item_id, _text in items}
    last = items[-1][0]
    for kind in kinds.names():
        example = kinds.scaffold(kind)
        item_id = getattr(example, "ITEM", last)
        text = example.EXAMPLE
        if _english(language):
            text = getattr(example, "EXAMPLE_EN", text)
        examples[item_id if item_id in examples else last].append(text.rstrip("\n") + "\n")
    parts: list[str] = []
    for item_id, text in items:
        if not examples[item_id]:
            continue
        banner = f"{_RULE}\n#  {banner_word} {len(parts) + 1}\n{_RULE}\n\n"
        parts.append(banner + text + "\n" + "\n".join(examples[item_id]))
    return "\n\n".join(parts)


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string, quoted and escaped."""
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _check_id(workshop_id: str) -> None:
    if not isinstance(workshop_id, str) or not ID_PATTERN.fullmatch(workshop_id):
        raise ValueError(t("workshop.bad_id", id=workshop_id))


def default_title(workshop_id: str) -> str:
    """``mijn-workshop`` -> ``Mijn workshop``."""
    words = workshop_id.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() or workshop_id


def scaffold_workshop(workshop_id: str, title: str | None = None, language: str = "nl") -> str:
    """The text of a new workshop file with one commented example of every step kind,
    its comments and example words in ``language`` (``en``: see ``scaffold_en.py``)."""
    _check_id(workshop_id)
    if language not in LANGUAGES:
        raise ValueError(f"onbekende taal {language!r}: kies uit {', '.join(LANGUAGES)}")
    title = (title or "").strip() or default_title(workshop_id)
    from samen_tui.workshop import scaffold_en

    head = (scaffold_en.HEAD if _english(language) else _HEAD).substitute(
        id=_toml_string(workshop_id),
        title=_toml_string(title),
        language=_toml_string(language),
        title_comment=" ".join(title.split()),
        kinds=_kinds_list(language),
    )
    return head + "\n\n" + _agenda(language)


def write_scaffold(
    workshop_id: str,
    directory: Path,
    *,
    title: str | None = None,
    language: str = "nl",
) -> Path:
    """Write a new workshop file ``<id>.toml`` in ``directory`` and return its path.

    Raises :class:`ValueError` for a malformed id and :class:`FileExistsError` if
    the file is already there (it is never overwritten).
    """
    text = scaffold_workshop(workshop_id, title, language)
    directory = Path(directory)
    path = directory / f"{workshop_id}.toml"
    directory.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create, and fail if the file exists, in one step (no race with a check).
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExistsError(
            f"{path} bestaat al; kies een andere id of verwijder eerst het oude bestand"
        ) from None
    return path


__all__ = ["ITEMS", "LANGUAGES", "default_title", "scaffold_workshop", "write_scaffold"]
