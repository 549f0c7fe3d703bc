"""The HTML verslag: a real document drawn from the report model.

The golden file is ``tests/golden/report.html`` (the participants' version of the
test session); after an intended change, regenerate it with
``SAMEN_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_report_html.py`` and read
the diff (and the page, in a browser) before committing it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from samen_tui import report
from samen_tui.i18n import set_language
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.references.model import Reference, ReferencesStep
from samen_tui.workshop.model import AgendaItem, Workshop
from tests.fixtures import report_fixture as fx

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report.html"
HOSTILE = "\"'><script>alert(1)</script></title><svg onload=alert(2)>&amp;"


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


@dataclasses.dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = dataclasses.field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.find_all(tag))
        return found

    def walk(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def ancestors(self) -> list[str]:
        out, node = [], self.parent
        while node is not None:
            out.append(node.tag)
            node = node.parent
        return out


VOID = {"meta", "br", "link", "img", "input", "hr", "source", "col", "wbr"}


class Tree(HTMLParser):
    """A whole document as elements (failing on a tag closed out of order)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.node = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(element)
        if tag not in VOID:
            self.node = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.node.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag: str) -> None:
        assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
        assert self.node.parent is not None
        self.node = self.node.parent

    def handle_data(self, data: str) -> None:
        self.node.children.append(data)


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.node is tree.root, f"<{tree.node.tag}> never closed"
    return tree


def chart_title(svg: Element) -> str:
    return svg.find_all("title")[0].text()


def caption(table: Element) -> str:
    return table.find_all("caption")[0].text()


def verslag(with_notes: bool = False, workshop: Workshop | None = None) -> str:
    ws = workshop if workshop is not None else fx.workshop()
    return report.report_html(ws, fx.session(), report.Options(with_notes=with_notes))


# --------------------------------------------------------------------------- golden


def test_html_matches_golden_file() -> None:
    text = verslag()
    if os.environ.get("SAMEN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert GOLDEN.exists(), "run with SAMEN_UPDATE_GOLDEN=1 to create the golden file"
    assert text.encode("utf-8") == GOLDEN.read_bytes()


# --------------------------------------------------------------------------- structure


def test_html_is_a_semantic_document() -> None:
    tree = parse(verslag())
    assert tree.doctype.lower() == "doctype html"
    (html,) = tree.root.find_all("html")
    assert html.attrs["lang"] == "nl"
    (head,) = html.find_all("head")
    (title,) = head.find_all("title")
    assert title.text() == "Verslag: Gemeente Voorbeeld, 12 maart 2025"
    assert [m.attrs.get("charset") for m in html.find_all("meta") if "charset" in m.attrs] == [
        "utf-8"
    ]
    assert any(m.attrs.get("name") == "viewport" for m in html.find_all("meta"))
    (body,) = html.find_all("body")
    (h1,) = body.find_all("h1")
    assert h1.text() == "Verslag: Gemeente Voorbeeld" and "header" in h1.ancestors()
    h2 = [h.text() for h in body.find_all("h2")]
    assert h2[:3] == ["Deelnemers", "Wat we bespraken", "1. Welkom en introductie"]
    assert "7. Meer weten?" in h2 and h2[-1] == "Tijd per agendapunt"
    assert all("section" in h.ancestors() for h in body.find_all("h2"))
    assert "Ingrediëntenchecklist" in [h.text() for h in body.find_all("h3")]
    assert "Killers" in [h.text() for h in body.find_all("h4")]
    # nothing is preformatted console output
    assert not body.find_all("pre") and not body.find_all("code")
    assert "█" not in body.text() and "─" not in body.text()


def test_every_table_has_a_caption_and_header_cells() -> None:
    tree = parse(verslag())
    tables = tree.root.find_all("table")
    assert len(tables) == 10
    for table in tables:
        (caption,) = table.find_all("caption")
        assert caption.text().strip()
        (thead,) = table.find_all("thead")
        headers = thead.find_all("th")
        assert headers and all(h.attrs["scope"] == "col" and h.text().strip() for h in headers)
        for row in table.find_all("tbody")[0].find_all("tr"):
            cells = [c for c in row.children if isinstance(c, Element)]
            assert len(cells) == len(headers)
            assert all(
                c.attrs["data-label"] == h.text() for c, h in zip(cells, headers, strict=True)
            )
    people = tables[0]
    assert [th.text() for th in people.find_all("th") if th.attrs["scope"] == "row"] == [
        "Anna Jansen",
        "Bram [b]de[/b] Boer",
        "Cem Yilmaz",
        "Dirk",
    ]


def test_group_scores_have_their_own_column() -> None:
    tree = parse(verslag())
    (table,) = [
        t
        for t in tree.root.find_all("table")
        if t.find_all("caption")[0].text().endswith("Belangen")
    ]
    headers = [th.text() for th in table.find_all("thead")[0].find_all("th")]
    assert headers == ["Onderdeel", "Gemiddeld", "Spreiding", "Aantal", "Groep", "Toelichting",
                       "Zwakste"]  # fmt: skip
    rows = [
        [c.text() for c in row.children if isinstance(c, Element)]
        for row in table.find_all("tbody")[0].find_all("tr")
    ]
    # individual scores 1, 3, 2 and the group's 3: the mean leaves the group out and
    # the group's score stands beside it
    assert rows[0] == ["Gedeeld doel", "2,0", "2", "3", "3", "", "1"]
    # the group alone scored: no one's mean, no "1 score", the group's 4
    assert rows[1] == ["Eigen belang helder", "–", "–", "0", "4", fx.INJECT_PIPE, ""]


def test_nothing_is_loaded_from_anywhere() -> None:
    html = verslag(with_notes=True)
    tree = parse(html)
    for element in tree.root.find_all("link") + tree.root.find_all("script"):
        raise AssertionError(f"<{element.tag}> in the verslag")
    for tag in ("img", "iframe", "object", "embed", "video", "audio", "source", "image", "use"):
        assert not tree.root.find_all(tag), tag
    assert not re.search(r"\bsrc\s*=", html)
    hrefs = re.findall(r"\bhref\s*=\s*\"([^\"]*)\"", html)
    assert hrefs == ["https://www.movisie.nl"]  # the one reference, clickable
    (anchor,) = tree.root.find_all("a")
    assert anchor.text() == "Movisie"
    (style,) = tree.root.find_all("style")
    css = style.text()
    for forbidden in ("@import", "url(", "@font-face", "http:", "https:"):
        assert forbidden not in css, forbidden
    assert "@media print" in css and "size: A4" in css and "counter(page)" in css
    assert "break-inside: avoid" in css and "table-header-group" in css
    assert not re.search(r"\son[a-z]+\s*=", html)  # no event handlers anywhere


def test_participant_text_is_text_everywhere() -> None:
    session = fx.session()
    helpt = session.records["helpt"]
    assert isinstance(helpt, BrainstormRecord)
    helpt.ideas.append(Idea(id="x", prompt="killers", text=HOSTILE, who="p1", votes={"p2": 9}))
    session.title = HOSTILE
    html = report.report_html(fx.workshop(), session)
    tree = parse(html)
    assert not tree.root.find_all("script")
    assert "<script>" not in html
    everything = list(tree.root.walk())
    assert not [e for e in everything if any(a.startswith("on") for a in e.attrs)]
    assert len(tree.root.find_all("svg")) == 8  # the hostile label made no element
    # the hostile idea reached the table, the chart's labels and its description,
    # each time as text
    title = tree.root.find_all("head")[0].find_all("title")[0]
    assert title.text().startswith(f"Verslag: {HOSTILE}")
    cells = [td.text() for td in tree.root.find_all("td")]
    assert HOSTILE in cells
    svg_texts = [node.text() for svg in tree.root.find_all("svg") for node in svg.find_all("desc")]
    assert any(HOSTILE in text for text in svg_texts)
    labels = [t.text() for svg in tree.root.find_all("svg") for t in svg.find_all("text")]
    assert any(label.startswith("\"'><script>") for label in labels)
    # and the printed pages' header carries it escaped in the stylesheet
    style = tree.root.find_all("style")[0].text()
    assert "<" not in style and "alert(1)" not in style


# --------------------------------------------------------------------------- versions


def test_trainer_notes_only_in_the_version_with_notes() -> None:
    plain = parse(verslag()).root
    text = plain.text()
    for note in ("Iedereen op tijd.", "Dirk kwam later.", "Snel gescoord.", "Een notitie bij"):
        assert note not in text, note
    assert "notities van de trainer" not in text.lower()
    # what the group said stays: conversation phases, answers, rate notes
    for said in ("Iedereen ziet eenzaamheid als kern.", "Minder eenzaamheid", fx.INJECT_PIPE):
        assert said in text, said
    full = parse(verslag(with_notes=True)).root
    private = [p.text() for p in full.find_all("p") if p.attrs.get("class") == "private"]
    assert private == [
        "Notities van de trainer: Iedereen op tijd.\nKoffie stond klaar.",
        "Notities van de trainer: Dirk kwam later.",
        "Notities van de trainer: Snel gescoord.",
        "Notities van de trainer: Een notitie bij een stap die er niet meer is.",
    ]
    assert "Deze versie bevat de notities van de trainer" in full.text()


# --------------------------------------------------------------------------- charts


def test_charts_are_accessible_inline_svg() -> None:
    tree = parse(verslag())
    svgs = tree.root.find_all("svg")
    # motives; cluster means, radar, two clusters; two vote rankings; time
    assert len(svgs) == 8
    ids = {e.attrs["id"] for e in tree.root.find_all("title") + tree.root.find_all("desc")
           if "id" in e.attrs}  # fmt: skip
    for svg in svgs:
        assert svg.attrs["role"] == "img"
        assert "figure" in svg.ancestors()
        labelled = svg.attrs["aria-labelledby"].split()
        assert len(labelled) == 2 and set(labelled) <= ids
        title = svg.find_all("title")[0].text()
        desc = svg.find_all("desc")[0].text()
        assert title and desc
    titles = [svg.find_all("title")[0].text() for svg in svgs]
    assert titles == [
        "Aantal kaartjes per motief",
        "Gemiddelde per cluster",
        "Ingrediëntenchecklist: alle onderdelen",
        "Scores: Ambitie en Belangen",
        "Scores: Relatie",
        "Stemmen per idee: Killers",
        "Stemmen per idee: Randvoorwaarden",
        "Tijd per agendapunt",
    ]
    descs = {svg.find_all("title")[0].text(): svg.find_all("desc")[0].text() for svg in svgs}
    assert descs["Aantal kaartjes per motief"] == (
        "Affectieve motieven: 2; Morele motieven: 2; Instrumentele motieven: 2"
    )
    assert (
        "Gedeeld doel: gemiddeld 2,0 (van 1 tot 3); groep 3; zwakste nr. 1"
        in descs["Scores: Ambitie en Belangen"]
    )
    assert "Eigen belang helder: groep 4" in descs["Scores: Ambitie en Belangen"]
    assert (
        "1. Welkom en introductie: gepland 10 min, besteed 12 min" in descs["Tijd per agendapunt"]
    )


def test_weakest_items_are_marked_in_the_chart() -> None:
    tree = parse(verslag())
    (relatie,) = [
        svg
        for svg in tree.root.find_all("svg")
        if svg.find_all("title")[0].text() == "Scores: Relatie"
    ]
    marked = [t.text() for t in relatie.find_all("text") if t.attrs.get("font-weight") == "bold"]
    assert marked == ["Vertrouwen", "2"]  # its label and its number among the weakest


def test_a_radar_only_from_five_items() -> None:
    ws = fx.workshop()
    items = []
    for item in ws.items:
        steps = []
        for step in item.steps:
            if isinstance(step, RateStep):
                step = dataclasses.replace(step, items=step.items[:4])
            steps.append(step)
        items.append(dataclasses.replace(item, steps=tuple(steps)))
    four = Workshop(meta=ws.meta, items=tuple(items), fingerprint=ws.fingerprint)
    titles = [
        svg.find_all("title")[0].text()
        for svg in parse(verslag(workshop=four)).root.find_all("svg")
    ]
    assert "Ingrediëntenchecklist: alle onderdelen" not in titles
    assert "Scores: Relatie" in titles


def test_only_web_and_mail_addresses_become_links() -> None:
    ws = fx.workshop()
    refs = ReferencesStep(
        id="bronnen",
        title="Bronnen",
        references=(
            Reference(title="Kwaad", url="javascript:alert(1)"),
            Reference(title="Post", url="mailto:info@example.org"),
            Reference(title="Spatie", url="https://example.org/a b"),
        ),
    )
    items = (*ws.items[:-1], AgendaItem(id="meer", title="Meer weten?", minutes=5, steps=(refs,)))
    html = verslag(workshop=Workshop(meta=ws.meta, items=items, fingerprint=ws.fingerprint))
    assert re.findall(r"href=\"([^\"]*)\"", html) == ["mailto:info@example.org"]
    assert "Kwaad — javascript:alert(1)" in parse(html).root.text()


def test_english_html() -> None:
    set_language("en")
    tree = parse(verslag())
    assert tree.root.find_all("html")[0].attrs["lang"] == "en"
    assert tree.root.find_all("title")[0].text() == "Report: Gemeente Voorbeeld, 12 March 2025"
    assert "What we discussed" in [h.text() for h in tree.root.find_all("h2")]
    assert "20 Mar 2025" in [td.text() for td in tree.root.find_all("td")]
