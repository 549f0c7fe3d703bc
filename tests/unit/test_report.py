"""The verslag: Markdown (golden file), the Rich view, the report model, export.

The HTML is tested in ``test_report_html.py`` (and in a browser in
``test_report_browser.py``), the CSV, the calendar and the command line in
``test_report_exports.py``.

The golden file is ``tests/golden/report.md``; after an intended change, regenerate
it with ``SAMEN_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_report.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from samen_tui import kinds, report
from samen_tui.i18n import set_language
from samen_tui.session.model import Session
from tests.fixtures import report_fixture as fx

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report.md"


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def inline_texts(markdown: str) -> list[str]:
    """The plain text of every inline run, failing on anything but text and breaks."""
    texts: list[str] = []
    for token in markdown_parser().parse(markdown):
        if token.type != "inline":
            continue
        parts: list[str] = []
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif child.type in ("strong_open", "strong_close", "em_open", "em_close"):
                continue  # the report's own labels and notes
            elif child.type in ("link_open", "link_close") and child.markup == "autolink":
                continue  # a reference's address (the workshop's, shown as a link)
            else:
                raise AssertionError(f"markup in {token.content!r}: {child.type}")
        texts.append("".join(parts))
    return texts


# --------------------------------------------------------------------------- registry


def test_every_step_kind_has_a_section() -> None:
    assert all(callable(kinds.section(kind)) for kind in kinds.names())
    assert all(callable(kinds.stand_in(kind)) for kind in kinds.names())
    assert kinds.section("poll") is None


def test_fixture_uses_every_step_kind() -> None:
    used = {step.KIND for _item, step in fx.workshop().steps()}
    # the golden verslag stays as it was: the 2×2 matrix (#20) has its own section tests
    assert used == set(kinds.names()) - {"matrix"}


# --------------------------------------------------------------------------- markdown


def test_markdown_matches_golden_file() -> None:
    text = report.report_markdown(fx.workshop(), fx.session())
    if os.environ.get("SAMEN_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert GOLDEN.exists(), "run with SAMEN_UPDATE_GOLDEN=1 to create the golden file"
    assert text.encode("utf-8") == GOLDEN.read_bytes()


def test_markdown_has_every_part_of_the_verslag() -> None:
    md = report.report_markdown(fx.workshop(), fx.session())
    for expected in (
        "# Verslag: Gemeente Voorbeeld",
        "- **Datum:** 12 maart 2025",
        "- **Plaats:** Utrecht",
        "- **Trainer:** Jan de Vries",
        "| Naam | Organisatie | Rol |",
        "| Cem Yilmaz | Gemeente | wijkteam |",
        # motive map: counts, cards with who, per organisation
        "| Affectieve motieven | 2 |",
        "- Goede buren — groep",
        "| Gemeente | 1 | 1 | 1 | 3 |",
        # ratings: bar per cluster, items with the participants' mean, spread and
        # count beside the group's score, the weakest marked
        "- Ambitie en Belangen: ██████████░░░░░░░░░░ 3,0",
        "| Onderdeel | Gemiddeld | Spreiding | Aantal | Groep | Toelichting | Zwakste |",
        "| Gedeeld doel | 2,0 | 2 | 3 | 3 |  | 1 |",
        "| Wederzijds respect | 3,5 | 3 | 2 | 2 |  |  |",
        "- Gedeeld doel: gemiddeld 2,0, spreiding 2, groep 3",
        # brainstorm ranked by votes
        "| 2 | Geen tijd | 1 | Anna Jansen |",
        # conversation
        "**Gespreksvorm:** BARB (Beeldvorming, Achterbanraadpleging, Revisie, Besluitvorming)",
        "- We starten een pilot in wijk Noord.",
        "| Zorg & Co | Inzet van twee uur per week |",
        # questions
        "#### Waarom doen we dit samen?",
        "- Omdat het alleen niet lukt — Cem Yilmaz",
        # the action list, by date, with where each came from
        "| Wethouder | Budget vragen | 20-3-2025 | open | Het gesprek |",
        "| Cem Yilmaz | Verslag rondsturen |  | afgerond | Afspraken en acties |",
        # references, and data of steps no longer in the workshop
        "- Movisie — <https://www.movisie.nl>",
        "## Overige vastgelegde gegevens",
        "- Oud antwoord",
    ):
        assert expected in md, expected
    # the agenda order is kept; a step with nothing captured is left out
    assert md.index("## 1. Welkom") < md.index("## 2. Waarom") < md.index("## 7. Meer")
    assert "## 4. Pauze\n\n_Niets vastgelegd._" in md
    assert "### Koffie" not in md
    # weakest items ordered: equal means, the wider spread first
    assert md.index("- Gedeeld doel: gemiddeld") < md.index("- Vertrouwen: gemiddeld")
    # the action list appears once
    assert md.count("| Wie | Wat | Wanneer | Status | Uit |") == 1


def test_markdown_participant_text_is_literal() -> None:
    md = report.report_markdown(fx.workshop(), fx.session())
    texts = inline_texts(md)
    joined = "\n".join(texts)
    assert f"{fx.INJECT_MD_CARD} — Bram [b]de[/b] Boer" in texts
    assert fx.INJECT_MARKUP in texts
    assert fx.INJECT_PIPE in texts  # a table cell, not two
    assert "*Niet* vet [b]ook niet[/b]" in texts
    assert "Zorg & Co" in texts
    assert "<script>" not in md  # raw HTML never reaches the Markdown
    tokens = markdown_parser().parse(md)
    assert not [tok for tok in tokens if tok.type in ("html_block", "code_block", "fence")]
    assert "https://www.movisie.nl" in texts[texts.index("Movisie — https://www.movisie.nl")]
    # the multi-line note (in the trainer's version) keeps its line break
    with_notes = report.report_markdown(fx.workshop(), fx.session(), report.Options(True))
    assert "Notities van de trainer: Iedereen op tijd.\nKoffie stond klaar." in "\n".join(
        inline_texts(with_notes)
    )
    assert "Koffie stond klaar" not in joined


DANGEROUS = st.lists(
    st.sampled_from([*"ab 1.)-+=#*_`[]()<>|!\\&;~$:\t\n", "amp;", "#39;", "***", "http://x.nl"]),
    max_size=30,
).map("".join)


@given(DANGEROUS)
def test_md_inline_always_reads_back_as_the_same_text(text: str) -> None:
    expected = " ".join(part.strip() for part in text.splitlines() if part.strip()).strip()
    escaped = report.md_inline(text)
    if not expected:
        assert escaped == ""
        return
    for wrapper in ("{}", "- {}", "| {} |\n| --- |\n| x |"):
        rendered = inline_texts(wrapper.format(escaped))
        assert rendered and rendered[0] == expected, (wrapper, escaped, rendered)


@given(DANGEROUS)
def test_md_text_keeps_lines_and_meaning(text: str) -> None:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    escaped = report.md_text(text)
    if not lines:
        return
    assert inline_texts(escaped) == ["\n".join(lines)]


def test_empty_session_says_nothing_captured() -> None:
    session = Session(workshop="proef", title="Leeg")
    md = report.report_markdown(fx.workshop(), session)
    assert "# Verslag: Leeg" in md
    assert md.count("_Niets vastgelegd._") == 7  # participants + items 1-6 (7 has references)
    assert "### Motieven" not in md and "### Het gesprek" not in md
    assert "Actielijst" not in md
    assert "### Bronnen" in md  # the references are the workshop's, always given


def test_action_list_is_added_when_the_workshop_has_no_actions_step() -> None:
    ws = fx.workshop()
    without = type(ws)(
        meta=ws.meta,
        items=tuple(
            type(item)(
                id=item.id,
                title=item.title,
                minutes=item.minutes,
                steps=tuple(s for s in item.steps if s.KIND != "actions"),
            )
            for item in ws.items
        ),
    )
    md = report.report_markdown(without, fx.session())
    assert "## Actielijst" in md
    assert md.count("| Wanneer |") == 1
    assert "| Anna Jansen | Plan de pilot | 15-4-2025 | open | Het gesprek |" in md


def test_changed_workshop_file_is_noted() -> None:
    session = fx.session()
    assert "gewijzigd" not in report.report_markdown(fx.workshop(), session)
    session.fingerprint = "sha256:other"
    assert "Het workshopbestand is gewijzigd" in report.report_markdown(fx.workshop(), session)


def test_without_workshop_the_records_are_still_reported() -> None:
    md = report.report_markdown(None, fx.session())
    assert "De workshop 'proef' is niet gevonden" in md
    for captured in (
        "Samen sterker — Anna Jansen",
        fx.INJECT_MARKUP.replace("[", "\\[").replace("]", "\\]"),
        "| doel | 2,0 | 2 | 3 | 3 |",  # ids stand in for titles
        "We starten een pilot in wijk Noord.",
        "Omdat het alleen niet lukt — Cem Yilmaz",
        "| Wethouder | Budget vragen | 20-3-2025 | open | gesprek |",
        "Oud antwoord",
    ):
        assert captured in md, captured
    assert "## Actielijst" in md
    assert "Iedereen op tijd." not in md
    assert "Iedereen op tijd." in report.report_markdown(None, fx.session(), report.Options(True))


def test_english_labels() -> None:
    set_language("en")
    md = report.report_markdown(fx.workshop(), fx.session())
    assert md.startswith("# Report: Gemeente Voorbeeld\n")
    assert "- **Date:** 12 March 2025" in md
    assert "| Name | Organisation | Role |" in md
    assert "| Gedeeld doel | 2.0 | 2 | 3 | 3 |  | 1 |" in md
    assert "| Wethouder | Budget vragen | 20 Mar 2025 | open | Het gesprek |" in md
    assert "| Cem Yilmaz | Verslag rondsturen |  | done | Afspraken en acties |" in md
    assert "- Goede buren — group" in md
    assert "4 participants from 2 organisations." in md
    for dutch in ("Verslag:", "Deelnemers", "Datum", "afgerond", "zwakst", "groep", "Wat we"):
        assert dutch not in md, dutch


# --------------------------------------------------------------------------- rich


def test_rich_never_interprets_participant_markup() -> None:
    console = Console(record=True, width=200, file=io.StringIO(), color_system="truecolor")
    console.print(report.to_rich(report.report_blocks(fx.workshop(), fx.session())))
    segments = list(console._record_buffer)  # what was printed, with styles
    text = "".join(seg.text for seg in segments)
    assert fx.INJECT_MARKUP in text
    for seg in segments:
        if "vet[/b]" in seg.text or "rood" in seg.text:
            assert seg.style is None or not (seg.style.bold or seg.style.color), seg


def test_bar_string() -> None:
    assert report.bar_string(3, 1, 5, width=8) == "████░░░░"
    assert report.bar_string(1, 1, 5, width=4) == "░░░░"
    assert report.bar_string(5, 1, 5, width=4) == "████"
    assert report.bar_string(None, 1, 5, width=3) == "░░░"
    assert report.bar_string(9, 1, 5, width=2) == "██"


# --------------------------------------------------------------------------- model


def test_every_block_kind_renders_both_ways() -> None:
    blocks: list[report.Block] = [
        report.Heading("Kop [i]", level=3),
        report.Paragraph("tekst", label="Label:"),
        report.Paragraph("opmerking", note=True),
        report.Fields((("Veld", "waarde"),)),
        report.Bullets(("een", "twee")),
        report.Table(("a", "b"), (("1", "2"),), align="lr"),
        report.Bars((report.BarRow("x", 2.0, "2,0"),), 1, 5),
    ]
    md = report.to_markdown(blocks)
    assert md == (
        "### Kop \\[i\\]\n\n**Label:** tekst\n\n_opmerking_\n\n- **Veld:** waarde\n\n"
        "- een\n- twee\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n"
        "- x: █████░░░░░░░░░░░░░░░ 2,0\n"
    )
    console = Console(record=True, width=60, file=io.StringIO())
    console.print(report.to_rich(blocks))
    plain = console.export_text()
    for piece in ("Kop [i]", "Label: tekst", "opmerking", "Veld:", "• een", "█████░", "2,0"):
        assert piece in plain, piece
    assert re.search(r"a\s+b", plain)


def test_lists_links_and_charts_in_markdown_and_rich() -> None:
    blocks: list[report.Block] = [
        report.Outline((("1. Punt", ("Dia *een*", "Dia twee")), ("2. Leeg", ()))),
        report.Links(
            (
                report.Link("Site", "https://example.org/a?b=1"),
                report.Link("Vreemd", "javascript:alert(1)", "let op"),
                report.Link("Boek"),
            )
        ),
        report.BarChart("Telling", (report.ChartBar("x", 2.0, "2"),)),
        report.TimeChart("Tijd", (report.TimeRow("1. Punt", 10, 12),)),
    ]
    md = report.to_markdown(blocks)
    assert md == (
        "- 1\\. Punt\n  - Dia \\*een\\*\n  - Dia twee\n- 2\\. Leeg\n\n"
        "- Site — <https://example.org/a?b=1>\n- Vreemd — javascript:alert(1) — let op\n"
        "- Boek\n"
    )  # charts are left out: their numbers are in tables beside them
    console = Console(record=True, width=60, file=io.StringIO())
    console.print(report.to_rich(blocks))
    plain = console.export_text()
    for piece in ("1. Punt", "Dia *een*", "Site — https://example.org/a?b=1", "let op"):
        assert piece in plain, piece
    assert "Telling" not in plain and "Tijd" not in plain


def test_no_table_of_the_verslag_has_an_empty_header() -> None:
    for options in (report.Options(), report.Options(with_notes=True)):
        for workshop in (fx.workshop(), None):
            for block in report.report_blocks(workshop, fx.session(), options):
                if isinstance(block, report.Table):
                    assert all(h.strip() for h in block.headers), block.headers
                    assert all(len(row) == len(block.headers) for row in block.rows)
