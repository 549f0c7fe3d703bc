"""The verslag: Markdown (golden file), HTML from Rich, CSV of the actions, export.

The golden file is ``tests/golden/report.md``; after an intended change, regenerate
it with ``SAMEN_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_report.py`` and
read the diff before committing it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from samen_tui import kinds, report
from samen_tui.i18n import set_language
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import Participant, Session
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
    assert used == set(kinds.names())


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
        # ratings: bar per cluster, items with mean and spread, weakest marked
        "- Ambitie en Belangen: ██████████░░░░░░░░░░ 3,0",
        "| Gedeeld doel | 2,0 | 2 | 3 |  | zwakst |",
        "| Wederzijds respect | 3,5 | 3 | 2 |  |  |",
        "- Gedeeld doel: gemiddeld 2,0, spreiding 2",
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
        "| Wethouder | Budget vragen | 2025-03-20 | open | Het gesprek |",
        "| Cem Yilmaz | Verslag rondsturen |  | afgerond | Afspraken en acties |",
        # references, and data of steps no longer in the workshop
        "- Movisie — https://www.movisie.nl",
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
    # the multi-line note keeps its line break
    assert "Notities: Iedereen op tijd.\nKoffie stond klaar." in joined


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
    assert "| Anna Jansen | Plan de pilot | 2025-04-15 | open | Het gesprek |" in md


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
        "| doel | 2,0 | 2 | 3 |",  # ids stand in for titles
        "We starten een pilot in wijk Noord.",
        "Omdat het alleen niet lukt — Cem Yilmaz",
        "| Wethouder | Budget vragen | 2025-03-20 | open | gesprek |",
        "Iedereen op tijd.",
        "Oud antwoord",
    ):
        assert captured in md, captured
    assert "## Actielijst" in md


def test_english_labels() -> None:
    set_language("en")
    md = report.report_markdown(fx.workshop(), fx.session())
    assert md.startswith("# Report: Gemeente Voorbeeld\n")
    assert "- **Date:** 12 March 2025" in md
    assert "| Name | Organisation | Role |" in md
    assert "| Gedeeld doel | 2.0 | 2 | 3 |  | weakest |" in md
    assert "| Cem Yilmaz | Verslag rondsturen |  | done | Afspraken en acties |" in md
    assert "- Goede buren — group" in md
    for dutch in ("Verslag:", "Deelnemers", "Datum", "afgerond", "zwakst", "groep"):
        assert dutch not in md, dutch


# --------------------------------------------------------------------------- rich / html


def test_html_is_richs_export() -> None:
    html = report.report_html(fx.workshop(), fx.session())
    console = Console(record=True, width=100, file=io.StringIO())
    console.print(report.to_rich(report.report_blocks(fx.workshop(), fx.session())))
    assert html == console.export_html()
    assert html.startswith("<!DOCTYPE html>")
    assert '<pre style="font-family:Menlo' in html
    assert "<code" in html
    assert "Verslag: Gemeente Voorbeeld" in html
    assert "████" in html


def test_html_shows_participant_text_literally() -> None:
    html = report.report_html(fx.workshop(), fx.session())
    assert "[b]vet[/b] en [red]rood[/red]" in html
    assert "Bram [b]de[/b] Boer" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in html
    assert "# Geen kop *geen nadruk* _ook niet_ `code`" in html
    assert "Zorg &amp; Co" in html


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


# --------------------------------------------------------------------------- csv


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_holds_every_action_with_iso_dates() -> None:
    session = fx.session()
    rows = read_csv(report.report_csv(session, fx.workshop()))
    assert rows[0] == ["wie", "wat", "wanneer", "status", "stap", "herkomst"]
    body = rows[1:]
    assert len(body) == len(session.all_actions()) == 4
    assert sorted(r[1] for r in body) == sorted(a.what for _s, a in session.all_actions())
    for row in body:
        if row[2]:
            assert dt.date.fromisoformat(row[2]).isoformat() == row[2]
    assert ["Anna Jansen", "Plan de pilot", "2025-04-15", "open", "Het gesprek", ""] in body
    assert [
        "Anna Jansen",
        fx.INJECT_PIPE,
        "2025-03-31",
        "open",
        "Afspraken en acties",
        "2025-01-15 Gemeente Voorbeeld",
    ] in body
    assert ["Cem Yilmaz", "Verslag rondsturen", "", "afgerond", "Afspraken en acties", ""] in body
    # without the workshop the step is named by its id
    assert ["Wethouder", "Budget vragen", "2025-03-20", "open", "gesprek", ""] in read_csv(
        report.report_csv(session)
    )


def test_csv_quotes_awkward_text() -> None:
    session = Session(
        records={
            "acties": ActionsRecord(
                actions=[Action(who='Piet "de" Vries', what="bellen, mailen\nen langsgaan")]
            )
        }
    )
    rows = read_csv(report.report_csv(session))
    assert rows[1][:2] == ['Piet "de" Vries', "bellen, mailen\nen langsgaan"]


def test_csv_english_header() -> None:
    set_language("en")
    rows = read_csv(report.report_csv(fx.session()))
    assert rows[0] == ["who", "what", "when", "status", "step", "origin"]
    assert any(row[3] == "done" for row in rows[1:])


# --------------------------------------------------------------------------- export


WORKSHOP_TOML = """\
[workshop]
id = "klein"
title = "Kleine workshop"

[[items]]
id = "een"
title = "Eerste punt"
minutes = 10

[[items.steps]]
kind = "sort"
id = "motieven"
title = "Motieven sorteren"

[[items.steps.categories]]
id = "aff"
title = "Affectief"
"""


def write_session(path: Path, session: Session) -> Path:
    path.write_bytes(tomli_w.dumps(session.to_dict()).encode("utf-8"))
    return path


def small_session() -> Session:
    return Session(
        workshop="klein",
        title="Tweede keer",
        participants=[Participant(id="p1", name="Anna", organisation="Zorg")],
        records={
            "motieven": SortRecord(cards=[Card(id="c1", text="Samen *sterk*", category="aff")]),
            "los": ContentRecord(notes="losse notitie"),
            "acties": ActionsRecord(actions=[Action(id="a", who="p1", what="Bellen")]),
        },
    )


def test_export_finds_the_workshop_by_id(tmp_path: Path) -> None:
    folder = tmp_path / "workshops"
    folder.mkdir()
    (folder / "iets-anders.toml").write_text(WORKSHOP_TOML, encoding="utf-8")
    session_file = write_session(tmp_path / "s.toml", small_session())
    md = report.export_session(session_file, "md", None, [("test", folder)])
    assert isinstance(md, str)
    assert "- **Workshop:** Kleine workshop" in md
    assert "## 1. Eerste punt" in md
    assert "### Motieven sorteren" in md
    assert "Samen \\*sterk\\* — groep" in md
    assert "niet gevonden" not in md
    assert "### los" in md  # a record of no step in the workshop is still there


def test_export_without_workshop_uses_the_records(tmp_path: Path) -> None:
    session_file = write_session(tmp_path / "s.toml", small_session())
    md = report.export_session(session_file, "markdown", None, [tmp_path / "nowhere"])
    assert isinstance(md, str)
    assert "De workshop 'klein' is niet gevonden" in md
    assert "Samen \\*sterk\\* — groep" in md
    assert "| Anna | Bellen |" in md


def test_export_writes_each_format(tmp_path: Path) -> None:
    session_file = write_session(tmp_path / "s.toml", small_session())
    ws = fx.workshop()
    for fmt in ("md", "html", "csv"):
        out = tmp_path / f"verslag.{fmt}"
        result = report.export_session(session_file, fmt, out, [], workshop=ws)
        assert result == out
        assert out.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").splitlines()[1] == "Anna,Bellen,,open,acties,"
    assert "<!DOCTYPE html>" in (tmp_path / "verslag.html").read_text(encoding="utf-8")


def test_render_dispatches_on_format() -> None:
    ws, session = fx.workshop(), fx.session()
    assert report.render(ws, session, "md") == report.report_markdown(ws, session)
    assert report.render(ws, session, "markdown") == report.report_markdown(ws, session)
    assert report.render(ws, session, ".html") == report.report_html(ws, session)
    assert report.render(ws, session, "CSV") == report.report_csv(session, ws)
    with pytest.raises(report.ExportError, match="Onbekend formaat 'docx'"):
        report.render(ws, session, "docx")


def test_export_errors_are_messages(tmp_path: Path) -> None:
    session_file = write_session(tmp_path / "s.toml", small_session())
    with pytest.raises(report.ExportError, match="Onbekend formaat 'pdf'"):
        report.export_session(session_file, "pdf")
    bad = tmp_path / "kapot.toml"
    bad.write_text("schema = [", encoding="utf-8")
    with pytest.raises(report.ExportError, match=r"kapot\.toml"):
        report.export_session(bad, "md")
    with pytest.raises(report.ExportError, match="niet schrijven"):
        report.export_session(session_file, "md", tmp_path / "missing" / "dir" / "x.md")


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
