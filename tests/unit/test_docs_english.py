"""docs/workshop-format.en.md is a faithful English version of the Dutch source
docs/workshop-format.md: the same sections, tables and examples, its own links
working, and linked from README.md and from the Dutch page. A section added to the
Dutch page without its English text fails here."""

from __future__ import annotations

import re
from pathlib import Path

from samen_tui import kinds as registry
from samen_tui.workshop.loader import parse_workshop

ROOT = Path(__file__).resolve().parents[2]
DUTCH = (ROOT / "docs" / "workshop-format.md").read_text(encoding="utf-8")
ENGLISH = (ROOT / "docs" / "workshop-format.en.md").read_text(encoding="utf-8")
MINIMAL = '[workshop]\nid = "doc"\ntitle = "Doc"\n\n[[items]]\nid = "i"\ntitle = "I"\nminutes = 5\n'


def headings(text: str) -> list[str]:
    """The level and, for a step kind's section, the kind (`### \\`sort\\``)."""
    found = re.findall(r"^(#{2,4}) (`[a-z]+`)?", text, re.M)
    return [level + (" " + code if code else "") for level, code in found]


def tables(text: str) -> list[int]:
    """How many rows each table has, in order."""
    blocks = re.findall(r"(?:^\|.*\n)+", text, re.M)
    return [block.count("\n") for block in blocks]


def toml_examples(text: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", text, re.S)


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, no punctuation, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_english_page_has_the_dutch_sections_and_tables() -> None:
    assert headings(ENGLISH) == headings(DUTCH), "a section of the Dutch page is not translated"
    assert tables(ENGLISH) == tables(DUTCH)
    assert ENGLISH.count("```console") == DUTCH.count("```console")


def test_the_english_examples_are_the_dutch_ones_and_load() -> None:
    examples = toml_examples(ENGLISH)

    def code(example: str) -> str:  # without the comments, which are translated
        return re.sub(r"[ \t]+# .*$", "", example, flags=re.M)

    assert [code(e) for e in examples] == [code(e) for e in toml_examples(DUTCH)]
    kinds_shown: set[str] = set()
    for example in examples:
        if example.startswith("[workshop]"):
            text = example
        elif example.startswith("[[items]]"):
            text = '[workshop]\nid = "doc"\ntitle = "Doc"\n\n' + example
        else:
            text = MINIMAL + "\n" + example
        workshop = parse_workshop(text, "docs/workshop-format.en.md")
        kinds_shown.update(step.KIND for _item, step in workshop.steps())
    assert kinds_shown == set(registry.names())


def test_every_key_the_dutch_page_names_the_english_one_names() -> None:
    def keys(text: str) -> set[str]:
        return set(re.findall(r"`([a-z_]+)`", text))

    assert keys(DUTCH) - keys(ENGLISH) == set()


def test_the_links_within_the_english_page_go_to_its_headings() -> None:
    anchors = {slug(h) for h in re.findall(r"^#+ (.*)$", ENGLISH, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", ENGLISH)
    assert links and [link for link in links if link not in anchors] == []


def test_readme_and_the_dutch_page_link_to_the_english_page() -> None:
    assert "(docs/workshop-format.en.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(workshop-format.en.md)" in DUTCH.split("\n## ")[0]
    assert "(workshop-format.md)" in ENGLISH.split("\n## ")[0]
    assert "Het workshopbestand" not in ENGLISH and "## Layout" in ENGLISH
