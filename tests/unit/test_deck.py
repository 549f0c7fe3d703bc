"""The default workshop follows the source deck word for word.

The deck (``seed/000_e352db133fd82583.txt`` beside the repository, or in
``$SAMEN_SEED_DIR``) is split into slides, and each slide into its heading, bullets and
lists. Every one of those must appear in the text of ``samen-ouder-worden.toml``, and
the structured parts (the 16 ingredients, the motives, the conversation types, BOB and
BARB, the references) must match the deck exactly. The English translation must have
the same shape and the same ids.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from samen_tui import kinds
from samen_tui.paths import PACKAGE_WORKSHOPS

DECK_NAME = "000_e352db133fd82583.txt"
WORKSHOP = PACKAGE_WORKSHOPS / "samen-ouder-worden.toml"
WORKSHOP_EN = PACKAGE_WORKSHOPS / "samen-ouder-worden-en.toml"

BULLETS = "•➢❖❑→"
URL = re.compile(r"https?://\S+")
ID = re.compile(r"^[a-z0-9_-]+$")


# --------------------------------------------------------------------------- the deck


def seed_dir() -> Path:
    env = os.environ.get("SAMEN_SEED_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def deck_text() -> str:
    path = seed_dir() / DECK_NAME
    if not path.is_file():
        pytest.skip(f"the source deck {DECK_NAME} is not in {seed_dir()} (set SAMEN_SEED_DIR)")
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@dataclass
class Slide:
    heading: str
    body: list[str]

    @property
    def fragments(self) -> list[str]:
        return [self.heading, *self.body]


def _clean(fragment: str) -> str:
    return " ".join(fragment.split()).lstrip(BULLETS + " ").strip()


def _join_lines(paragraph: str) -> list[str]:
    """One paragraph of the deck -> its fragments.

    The deck breaks long bullets over lines: a line ending in whitespace, or a next
    line that is indented, continues the same text. ``Samen-`` + ``stelling`` and
    ``Samen`` + ``werking`` are one word broken in a diagram. Any other line break
    (``Relatie`` above ``Samen-``, one address per line) starts a new fragment.
    """
    lines = [line for line in paragraph.split("\n") if line.strip()]
    fragments: list[str] = []
    current = ""
    for line in lines:
        if not current:
            current = line
        elif URL.match(current.strip()) or URL.match(line.strip()):
            fragments.append(current)
            current = line
        elif current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        elif current[-1].isspace() or line[0].isspace():
            current = current.rstrip() + " " + line.lstrip()
        elif current[-1].isalpha() and line[:1].islower():
            current += line
        else:
            fragments.append(current)
            current = line
    if current:
        fragments.append(current)
    return [" ".join(f.split()) for f in fragments]


def _join_chains(fragments: list[str]) -> list[str]:
    """``A → B → C →`` and the next paragraph (the outcome) are one chain, as is
    ``A → B`` followed by ``→ C``; a lone ``→ text`` stays a line of its own."""
    joined: list[str] = []
    for fragment in fragments:
        if joined and (
            joined[-1].endswith("→")
            or (fragment.startswith("→") and "→" in joined[-1].lstrip(BULLETS + " "))
        ):
            joined[-1] = f"{joined[-1].rstrip(' →')} → {fragment.lstrip(' →')}"
        else:
            joined.append(fragment)
    return joined


def parse_deck(text: str) -> list[Slide]:
    slides: list[Slide] = []
    for block in re.split(r"\n[ \t]*\n[ \t]*\n", text.replace("\r\n", "\n")):
        paragraphs = [p for p in re.split(r"\n[ \t]*\n", block) if p.strip()]
        raw = [f for p in paragraphs for f in _join_lines(p)]
        fragments = [c for c in (_clean(f) for f in _join_chains(raw)) if c]
        if fragments:
            slides.append(Slide(fragments[0], fragments[1:]))
    return slides


@pytest.fixture(scope="module")
def deck() -> str:
    return deck_text()


@pytest.fixture(scope="module")
def slides(deck: str) -> list[Slide]:
    return parse_deck(deck)


def slide(slides: list[Slide], heading: str) -> Slide:
    for s in slides:
        if s.heading == heading:
            return s
    raise AssertionError(f"no slide {heading!r} in the deck: {[s.heading for s in slides]}")


# --------------------------------------------------------------------------- the workshop


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def workshop() -> dict[str, Any]:
    return load(WORKSHOP)


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for item in data["items"] for step in item["steps"]]


def renderings(data: dict[str, Any]) -> Iterator[str]:
    """The structured parts written the way the deck writes them."""
    for step in steps(data):
        for category in step.get("categories", []):
            yield ", ".join(category.get("hints", []))
        for ctype in step.get("types", []):
            yield f"{ctype['title']}: {ctype['question']}"
            yield " → ".join([*ctype["chain"], ctype["outcome"]])
        for flow in step.get("flows", []):
            for phase in flow["phases"]:
                yield f"{phase['title']}: {phase['question']}"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return " ".join(text.split())


def workshop_text(data: dict[str, Any]) -> str:
    return normalise("\n".join([*strings(data), *renderings(data)]))


def contains(text: str, fragment: str) -> bool:
    """``fragment`` occurs in ``text`` as whole words (``Relatie`` is not in ``Relaties``)."""
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text) is not None


def the_step(data: dict[str, Any], kind: str, step_id: str) -> dict[str, Any]:
    matches = [s for s in steps(data) if s["id"] == step_id]
    assert len(matches) == 1, f"expected one step {step_id!r}"
    assert matches[0]["kind"] == kind
    return matches[0]


# --------------------------------------------------------------------------- the parser


def test_parser_splits_the_deck_sensibly(slides: list[Slide]) -> None:
    headings = [s.heading for s in slides]
    assert headings[0] == "Wat gaan we doen?"
    assert "Samen Ouder Worden" in headings
    assert "Waar moeten we het over hebben? Kernelementen van samenwerking" in slides[0].body
    motives = slide(slides, "Waarom zou jij meedoen aan samenwerking?").body
    assert "Samenwerking" in motives
    assert "Relatie, Solidariteit, Loyaliteit, Gemeenschap" in motives
    ingredients = slide(slides, "Ingrediënten voor Duurzame Samenwerking").body
    assert ingredients[-4:] == [
        "Relatie",
        "Samenstelling",
        "Ambitie en Belangen",
        "Organisatie en Proces",
    ]
    talks = slide(slides, "Drie soorten gesprekken").body
    assert "Feiten verzamelen → Interpreteren → Agenderen → Gedeelde probleemdefinitie" in talks
    assert (
        "Spelregels en legitimiteit afspreken → Afwegen → Vertalen → "
        "Collectieve en eigen besluiten (tot actie)"
    ) in talks
    assert "Onderhandelend en besluitvormend: Wie doet wat en hoe bestendigen we dat?" in talks
    practice = slide(slides, "Samenwerken in de praktijk").body
    assert practice[-1] == "Bouwen aan vertrouwen, relatie en afspraken"
    assert "Positie/Verhouding: macht, geld, beslissingsbevoegdheid" in practice
    urls = [f for s in slides for f in s.fragments if URL.fullmatch(f)]
    assert len(urls) == 5


def test_the_check_notices_a_missing_bullet(slides: list[Slide]) -> None:
    source = WORKSHOP.read_text(encoding="utf-8")
    bullet = "- Stimulans: van en met elkaar leren en ontwikkelen\n"
    assert bullet in source
    text = workshop_text(tomllib.loads(source.replace(bullet, "")))
    fragments = [f for s in slides for f in s.fragments]
    assert [f for f in fragments if not contains(text, f)] == [
        "Stimulans: van en met elkaar leren en ontwikkelen"
    ]


# --------------------------------------------------------------------------- word for word


def test_every_heading_bullet_and_list_of_the_deck_is_in_the_workshop(
    slides: list[Slide], workshop: dict[str, Any]
) -> None:
    text = workshop_text(workshop)
    fragments = [f for s in slides for f in s.fragments]
    assert len(fragments) > 90
    missing = [f for f in dict.fromkeys(fragments) if not contains(text, f)]
    assert not missing, "not in the workshop, word for word:\n" + "\n".join(missing)


def test_every_url_of_the_deck_is_a_reference(deck: str, workshop: dict[str, Any]) -> None:
    urls = set(URL.findall(deck))
    assert len(urls) == 4
    references = the_step(workshop, "references", "inspiratie")
    assert references["title"] == "Inspiratie nodig?"
    text = " ".join(strings(references["references"]))
    addresses = {ref.get("url") for ref in references["references"]}
    for url in urls:
        assert url in text, url
    assert "https://www.nov.nl/bibliotheek+samen+ouder+worden/2447033.aspx" in addresses
    assert "https://commoneye.nl/nl/over-ons/kennis/" in addresses
    book = [r for r in references["references"] if "Manon de Caluwé" in r["title"]]
    assert book and "Edwin Kaats; Boom; 2023" in book[0]["title"]


# --------------------------------------------------------------------------- structure


def test_six_agenda_items_as_in_the_deck(slides: list[Slide], workshop: dict[str, Any]) -> None:
    agenda = slide(slides, "Wat gaan we doen?").body
    assert len(agenda) == 6
    assert [item["title"] for item in workshop["items"]] == agenda
    listed = the_step(workshop, "content", "agenda")
    assert listed["title"] == "Wat gaan we doen?"
    assert re.findall(r"^- (.+)$", listed["text"], re.M) == agenda
    assert workshop["workshop"]["id"] == "samen-ouder-worden"
    assert workshop["workshop"]["language"] == "nl"
    assert workshop["workshop"]["title"] == "Samen Ouder Worden"


def test_timeboxes(workshop: dict[str, Any]) -> None:
    minutes = [item["minutes"] for item in workshop["items"]]
    assert all(isinstance(m, int) and 5 <= m <= 60 for m in minutes), minutes
    assert 140 <= sum(minutes) <= 160


def test_step_ids_are_unique_and_well_formed(workshop: dict[str, Any]) -> None:
    ids = [step["id"] for step in steps(workshop)]
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids)
    assert all(ID.match(item["id"]) for item in workshop["items"])
    # every kind but those the deck has no exercise for (#20's 2×2 matrix)
    assert {step["kind"] for step in steps(workshop)} == set(kinds.names()) - {"matrix"}


def test_sixteen_ingredients_in_four_clusters_in_deck_order(
    slides: list[Slide], workshop: dict[str, Any]
) -> None:
    deck_items = slide(slides, "Ingrediënten voor Duurzame Samenwerking").body[:16]
    rate = the_step(workshop, "rate", "ingredienten")
    assert rate["title"] == "Ingrediënten voor Duurzame Samenwerking"
    assert [item["title"] for item in rate["items"]] == deck_items
    groups = [(g["id"], g["title"]) for g in rate["groups"]]
    assert [title for _id, title in groups] == [
        "Ambitie en Belangen",
        "Organisatie en Proces",
        "Samenstelling",
        "Relatie",
    ]
    for index, (group_id, _title) in enumerate(groups):
        members = [item["title"] for item in rate["items"] if item["group"] == group_id]
        assert members == deck_items[4 * index : 4 * index + 4]
    scale = rate["scale"]
    assert (scale["min"], scale["max"]) == (1, 5)
    assert len(scale["labels"]) == 5


def test_the_three_motive_categories(workshop: dict[str, Any]) -> None:
    sort = the_step(workshop, "sort", "motieven")
    assert sort["title"] == "Waarom zou jij meedoen aan samenwerking?"
    assert contains(normalise(sort["text"]), "Samenwerking")  # the centre of the diagram
    assert [(c["id"], c["title"], c["hints"]) for c in sort["categories"]] == [
        (
            "affectief",
            "Affectieve motieven",
            ["Relatie", "Solidariteit", "Loyaliteit", "Gemeenschap"],
        ),
        ("moreel", "Morele motieven", ["Waarden", "Impact", "Verandering", "Visie"]),
        (
            "instrumenteel",
            "Instrumentele motieven",
            ["Belangen", "Strategie", "Reputatie", "Doelen"],
        ),
    ]


def test_the_slides_that_are_content(slides: list[Slide], workshop: dict[str, Any]) -> None:
    """Content slides carry their bullets as a Markdown list, the deck's arrow kept."""

    def bullets(step_id: str) -> list[str]:
        return re.findall(r"^- (.+)$", the_step(workshop, "content", step_id)["text"], re.M)

    five = slide(slides, "Waarom zou je samenwerken?")
    assert the_step(workshop, "content", "vijf-s")["title"] == five.heading
    assert bullets("vijf-s") == five.body
    practice = slide(slides, "Samenwerken in de praktijk")
    lessons = the_step(workshop, "content", "lessen")
    assert bullets("lessen") == practice.body[:-1]
    assert "\n→ Bouwen aan vertrouwen, relatie en afspraken\n" in lessons["text"]
    angles = slide(slides, "4 invalshoeken + 1 voor duurzame samenwerking")
    corners = the_step(workshop, "content", "invalshoeken")
    assert corners["title"] == angles.heading
    assert bullets("invalshoeken") == angles.body[:-1]
    assert "+ Het belang van procesbegeleiding!!" in corners["text"]
    assert the_step(workshop, "content", "titel")["title"] == "Samen Ouder Worden"


def test_the_case_and_what_helps(slides: list[Slide], workshop: dict[str, Any]) -> None:
    case_slide = slide(
        slides, "Stel: dit is de eerste bijeenkomst van ons nieuwe samenwerkingsverband"
    )
    case = the_step(workshop, "questions", "casus")
    assert [q["text"] for q in case["questions"]] == case_slide.body[1:]
    assert case_slide.body[0] in case["text"]

    helps = the_step(workshop, "brainstorm", "wat-helpt")
    assert helps["title"] == slide(slides, helps["title"]).heading
    assert [p["id"] for p in helps["prompts"]] == ["randvoorwaarden", "werkwijzen", "killers"]
    assert [p["question"] for p in helps["prompts"]] == slide(slides, helps["title"]).body
    assert helps["voting"] == {"budget": 3, "per": "participant"}


def test_start_questions(slides: list[Slide], workshop: dict[str, Any]) -> None:
    start = the_step(workshop, "questions", "startvragen")
    assert start["title"] == "Startvragen voor duurzame samenwerking:"
    assert [q["text"] for q in start["questions"]] == slide(slides, start["title"]).body
    assert the_step(workshop, "actions", "afspraken")["title"] == "Afspraken en acties"


def test_conversation_types_bob_and_barb(slides: list[Slide], workshop: dict[str, Any]) -> None:
    talk = the_step(workshop, "conversation", "gesprekken")
    assert talk["title"] == "Drie soorten gesprekken"
    types = talk["types"]
    assert [(t["title"], t["question"]) for t in types] == [
        ("Onderzoekend", "Wat is er aan de hand?"),
        ("Dialogiserend", "Wat is er nodig en hoe pakken we dat aan?"),
        ("Onderhandelend en besluitvormend", "Wie doet wat en hoe bestendigen we dat?"),
    ]
    assert types[0]["chain"] == ["Feiten verzamelen", "Interpreteren", "Agenderen"]
    assert types[0]["outcome"] == "Gedeelde probleemdefinitie"
    deck_chains = [f for f in slide(slides, "Drie soorten gesprekken").body if "→" in f]
    assert [" → ".join([*t["chain"], t["outcome"]]) for t in types] == deck_chains

    flows = {flow["id"]: flow for flow in talk["flows"]}
    assert list(flows) == ["bob", "barb"]

    def phases(flow_id: str) -> list[tuple[str, str]]:
        return [(p["title"], p.get("capture", "notes")) for p in flows[flow_id]["phases"]]

    assert phases("bob") == [
        ("Beeldvorming", "notes"),
        ("Oordeelsvorming", "notes"),
        ("Besluitvorming", "decisions"),
    ]
    assert phases("barb") == [
        ("Beeldvorming", "notes"),
        ("Achterbanraadpleging", "mandates"),
        ("Revisie", "notes"),
        ("Besluitvorming", "decisions"),
    ]
    practice = slide(slides, "Drie soorten gesprekken in de praktijk: BOB en BARB!").body
    said = [f"{p['title']}: {p['question']}" for f in talk["flows"] for p in f["phases"]]
    assert said == [f for f in practice if f != "En soms:"]
    assert "Drie soorten gesprekken in de praktijk: BOB en BARB!" in talk["text"]
    assert "En soms:" in talk["text"]


# --------------------------------------------------------------------------- loader


def test_the_loader_accepts_both_files() -> None:
    from samen_tui.workshop.loader import load_workshop

    for path, language in ((WORKSHOP, "nl"), (WORKSHOP_EN, "en")):
        loaded = load_workshop(path)
        assert loaded.meta.language == language
        assert loaded.step_ids() == [s["id"] for s in steps(load(path))]
        assert 140 <= loaded.total_minutes <= 160


# --------------------------------------------------------------------------- English


def shape(data: dict[str, Any]) -> list[Any]:
    """Everything but the words: ids, kinds, minutes, counts, groups, captures, urls."""
    out: list[Any] = []
    for item in data["items"]:
        out.append((item["id"], item["minutes"]))
        for step in item["steps"]:
            out.append((step["kind"], step["id"]))
            out.append(
                [
                    (c["id"], c.get("key"), len(c.get("hints", [])))
                    for c in step.get("categories", [])
                ]
            )
            out.append(step.get("scale", {}).get("min"))
            out.append(step.get("scale", {}).get("max"))
            out.append(len(step.get("scale", {}).get("labels", [])))
            out.append([g["id"] for g in step.get("groups", [])])
            out.append([(i["id"], i["group"]) for i in step.get("items", [])])
            out.append([p["id"] for p in step.get("prompts", [])])
            out.append(step.get("voting"))
            out.append([(t["id"], len(t["chain"])) for t in step.get("types", [])])
            out.append(
                [
                    (f["id"], [(p["id"], p.get("capture", "notes")) for p in f["phases"]])
                    for f in step.get("flows", [])
                ]
            )
            out.append([q["id"] for q in step.get("questions", [])])
            out.append([r.get("url") for r in step.get("references", [])])
    return out


def test_the_english_translation_has_the_same_shape(workshop: dict[str, Any]) -> None:
    english = load(WORKSHOP_EN)
    assert english["workshop"]["id"] == "samen-ouder-worden-en"
    assert english["workshop"]["language"] == "en"
    assert shape(english) == shape(workshop)
    text = workshop_text(english)
    for word in ("Welcome", "Affective motives", "BOB", "BARB", "Who does what"):
        assert word in text, word
    dutch_only = [
        s
        for s in (
            "Wat gaan we doen?",
            "Waarom zou jij meedoen aan samenwerking?",
            "Zichtbare urgentie",
            "Achterbanraadpleging",
        )
        if s in text
    ]
    assert not dutch_only, dutch_only
