"""The HTML verslag in a real browser: headless Chromium prints it to A4 and shows it
on a phone. Skipped when no Chromium is installed; slow (a browser start each), so
marked ``slow`` (they still run in CI).

* Printed: a sane number of pages, the page numbers in the margin, and no table row
  cut across two pages (checked on a long action list of rows several lines high,
  whose first and last words must be on the same page; the same page without the
  rule that keeps rows whole does cut rows, so the check can fail).
* On a phone (390 CSS pixels wide): nothing wider than the screen, so no sideways
  scrolling. The verslag is measured inside a 390 px wide frame of a page the test
  makes (Chromium's window cannot be made that narrow), by a script of that page:
  the verslag itself holds no script.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from samen_tui import report
from samen_tui.i18n import set_language
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.session.model import Participant
from tests.fixtures import report_fixture as fx

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed"),
]

PHONE = 390


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def print_pdf(tmp_path: Path, page: str, name: str = "verslag") -> PdfReader:
    source = tmp_path / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    done = chromium(
        tmp_path / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        source.as_uri(),
    )
    assert pdf.exists(), done.stderr[-2000:]
    return PdfReader(pdf)


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def long_action_list() -> str:
    """The verslag of the test session with 40 more actions, each several lines high
    in the table: ``startNN`` is its first word, ``stopNN`` its last."""
    session = fx.session()
    record = session.records["acties"]
    assert isinstance(record, ActionsRecord)
    words = " ".join(["samen", "met", "de", "partners", "uit", "de", "wijk"] * 6)
    for number in range(10, 50):
        record.actions.append(
            Action(
                id=f"x{number}",
                who=f"start{number} Persoon",
                what=f"{words} stop{number}",
                when=dt.date(2025, 5, 1) + dt.timedelta(days=number),
            )
        )
    return report.report_html(fx.workshop(), session)


def split_rows(texts: list[str]) -> list[int]:
    """The numbers of the long rows whose first and last words are on different pages."""
    split = []
    for number in range(10, 50):
        first = [i for i, text in enumerate(texts) if f"start{number}" in text]
        last = [i for i, text in enumerate(texts) if f"stop{number}" in text]
        assert first and last, number
        if first != last:
            split.append(number)
    return split


def test_printed_pages_are_sane_and_numbered(tmp_path: Path) -> None:
    set_language("nl")
    reader = print_pdf(tmp_path, report.report_html(fx.workshop(), fx.session()))
    texts = page_texts(reader)
    assert 3 <= len(texts) <= 10, len(texts)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        210,
        297,
    )  # A4
    assert "Verslag: Gemeente Voorbeeld" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {len(texts)}" in text, (number, text[-200:])
        # each page's header (the PDF's text of a page margin has lost its spaces)
        assert "Verslag:GemeenteVoorbeeld,12maart2025" in text.replace(" ", "")
    assert "Iedereen ziet eenzaamheid als kern." in " ".join(texts)


def test_no_table_row_is_cut_across_pages(tmp_path: Path) -> None:
    set_language("nl")
    page = long_action_list()
    texts = page_texts(print_pdf(tmp_path, page))
    table_pages = [i for i, text in enumerate(texts) if re.search(r"start\d\d", text)]
    assert len(table_pages) >= 3  # the list runs over several pages
    assert split_rows(texts) == []
    # the header row is repeated on every page the table continues on
    for index in table_pages:
        assert "Wie Wat Wanneer Status Uit" in texts[index], index
    # without the rule that keeps a row whole, rows are cut: the check above can fail
    loose = page.replace("tr, figure,", "figure,")
    assert loose != page
    assert split_rows(page_texts(print_pdf(tmp_path, loose, "loose"))) != []


def phone_width(tmp_path: Path, page: str) -> tuple[int, int]:
    """The verslag's scroll width and the width of its window, in a frame 390 px wide."""
    frame = (
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe id='f' style='width:{PHONE}px;height:4000px;border:0'"
        f' srcdoc="{html.escape(page, quote=True)}"></iframe>'
        "<script>window.addEventListener('load', function () {"
        " var w = document.getElementById('f').contentWindow;"
        " var d = w.document.documentElement;"
        " document.body.setAttribute('data-measure',"
        " d.scrollWidth + 'x' + d.clientWidth + 'x' + w.innerWidth); });</script>"
        "</body></html>"
    )
    source = tmp_path / "phone.html"
    source.write_text(frame, encoding="utf-8")
    done = chromium(
        tmp_path / "profile",
        "--window-size=600,2000",
        "--virtual-time-budget=5000",
        "--dump-dom",
        source.as_uri(),
    )
    found = re.search(r'data-measure="(\d+)x(\d+)x(\d+)"', done.stdout)
    assert found, done.stderr[-2000:]
    scroll, client, inner = (int(g) for g in found.groups())
    assert inner == PHONE
    return scroll, client


def test_a_phone_needs_no_sideways_scrolling(tmp_path: Path) -> None:
    set_language("nl")
    session = fx.session()
    session.participants.append(
        Participant(
            id="p9",
            name="Maria-Magdalena van den Heuvel-Oudenbroek",
            organisation="Stichting Samenwerkingsverbandouderenzorgnetwerkmiddennederland",
            role="https://example.org/een/heel/lang/adres/zonder/spaties",
        )
    )
    scroll, client = phone_width(tmp_path, report.report_html(fx.workshop(), session))
    assert client <= PHONE
    assert scroll <= client, (scroll, client)
