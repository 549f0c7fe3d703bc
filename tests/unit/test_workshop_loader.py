"""The workshop loader: generic parsing, every rule, the position scanner, the catalog."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import subprocess
import sys
import tomllib
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen_tui import i18n
from samen_tui import kinds as registry
from samen_tui.i18n import set_language
from samen_tui.i18n import workshop as messages
from samen_tui.kinds.brainstorm.model import BrainstormStep, Voting
from samen_tui.kinds.content.model import ContentStep
from samen_tui.kinds.conversation.model import ConversationStep, Phase
from samen_tui.kinds.participants.model import ParticipantsStep
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.rate.model import RateStep, Scale
from samen_tui.kinds.references.model import ReferencesStep
from samen_tui.kinds.sort.model import SortStep
from samen_tui.paths import PACKAGE_WORKSHOPS
from samen_tui.workshop import loader, model
from samen_tui.workshop.catalog import (
    WorkshopEntry,
    find_workshops,
    read_entry,
    resolve_workshop,
)
from samen_tui.workshop.loader import (
    MAX_BYTES,
    Problem,
    WorkshopError,
    load_workshop,
    parse_workshop,
)
from samen_tui.workshop.model import Step
from samen_tui.workshop.positions import scan

ROOT = Path(__file__).resolve().parents[2]
ALL_KINDS = ROOT / "tests" / "fixtures" / "all-kinds.toml"
SHIPPED = sorted((ROOT / "workshops").glob("*.toml")) + sorted(
    (ROOT / "samen_tui" / "data" / "workshops").glob("*.toml")
)

MINIMAL = """\
[workshop]
id = "proef"
title = "Proef"

[[items]]
id = "welkom"
title = "Welkom"
minutes = 10

[[items.steps]]
kind = "content"
id = "intro"
title = "Introductie"
"""


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def problems_of(text: str, path: str = "w.toml") -> list[str]:
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, path)
    return [str(problem) for problem in info.value.problems]


# --------------------------------------------------------------------------- positions


def at(text: str, line: int, col: int) -> str:
    """The rest of the line from a 1-based position."""
    return text.split("\n")[line - 1][col - 1 :]


def test_scan_tables_and_nested_arrays_of_tables() -> None:
    text = """\
[workshop]
id = "x"

[[items]]
id = "a"

  [[items.steps]]
  kind = "sort"

  [[items.steps.categories]]
  key = "q"

  [[items.steps.categories]]
  key = "r"

  [[items.steps]]
  kind = "rate"

  [items.steps.scale]
  min = 1

[[items]]
id = "b"

[[items.steps]]
kind = "content"
"""
    positions = scan(text)
    assert positions.get(("workshop",)) is not None
    assert positions.value(("workshop",)) == (1, 1)
    assert positions.key(("workshop",)) == (1, 2)
    assert positions.value(("workshop", "id")) == (2, 6)
    assert positions.key(("workshop", "id")) == (2, 1)
    assert positions.value(("items", 0)) == (4, 1)
    assert positions.value(("items", 1)) == (22, 1)
    assert positions.value(("items", 0, "steps", 0)) == (7, 3)
    assert positions.key(("items", 0, "steps", 0)) == (7, 11)
    assert positions.value(("items", 0, "steps", 0, "categories", 1, "key")) == (14, 9)
    assert at(text, *positions.key(("items", 0, "steps", 0, "categories", 1, "key"))) == 'key = "r"'
    assert positions.value(("items", 0, "steps", 1, "kind")) == (17, 10)
    assert positions.value(("items", 0, "steps", 1, "scale")) == (19, 3)
    assert positions.value(("items", 0, "steps", 1, "scale", "min")) == (20, 9)
    assert positions.value(("items", 1, "steps", 0, "kind")) == (26, 8)
    # The array itself has the spot of its first header.
    assert positions.value(("items",)) == (4, 1)
    assert positions.value(("items", 1, "steps")) == (25, 1)


def test_scan_dotted_quoted_inline_and_arrays() -> None:
    text = """\
"quoted key" = 1
'literal' = 2
a.b . "c d" = 3
t = { x = 1, y = { z = "}" }, w = [1, { v = 2 }] }
arr = [
  "een", # commentaar met ] en ,
  [1, 2],

  { id = "x", title = "y, z" },
]
s = "met \\" aanhalingsteken ] {"
after = true
"""
    positions = scan(text)
    assert positions.key(("quoted key",)) == (1, 1)
    assert positions.value(("quoted key",)) == (1, 16)
    assert positions.key(("literal",)) == (2, 1)
    assert positions.key(("a",)) == (3, 1)
    assert positions.key(("a", "b")) == (3, 3)
    assert positions.key(("a", "b", "c d")) == (3, 7)
    assert positions.value(("a", "b", "c d")) == (3, 15)
    assert positions.value(("t",)) == (4, 5)
    assert positions.key(("t", "y", "z")) == (4, 20)
    assert at(text, *positions.value(("t", "y", "z"))).startswith('"}"')
    assert at(text, *positions.value(("t", "w", 1, "v"))).startswith("2 }] }")
    assert positions.value(("arr",)) == (5, 7)
    assert positions.value(("arr", 0)) == (6, 3)
    assert positions.value(("arr", 1)) == (7, 3)
    assert positions.value(("arr", 1, 1)) == (7, 7)
    assert positions.value(("arr", 2)) == (9, 3)
    assert at(text, *positions.key(("arr", 2, "title"))).startswith("title")
    assert positions.value(("s",)) == (11, 5)
    assert positions.value(("after",)) == (12, 9)


def test_scan_multiline_strings_hide_what_looks_like_toml() -> None:
    text = '''\
a = """
[[items]]
b = 1 # "quoted"
"""
c = \'\'\'
[x]
\'\'\'
d = """ends with two quotes"""""
e = "\\\\"
[table]
f = 1
'''
    assert tomllib.loads(text)["d"] == 'ends with two quotes""'
    positions = scan(text)
    assert set(positions.spots) == {("a",), ("c",), ("d",), ("e",), ("table",), ("table", "f")}
    assert positions.value(("c",)) == (5, 5)
    assert positions.value(("e",)) == (9, 5)
    assert positions.value(("table",)) == (10, 1)
    assert positions.value(("table", "f")) == (11, 5)


def test_a_scan_until_a_path_stops_there_and_finds_it_where_a_whole_scan_does(
    tmp_path: Path,
) -> None:
    """A session's fault is one position in a long text: the scan stops at it. The
    spot is the whole scan's, for every path of a rich session and of the default
    workshop (implied tables and arrays of tables included)."""
    from tests.fixtures import sessions as fx

    session = max((p.read_text("utf-8") for p in fx.write_sessions(tmp_path, 6)), key=len)
    workshop = (PACKAGE_WORKSHOPS / "samen-ouder-worden.toml").read_text("utf-8")
    implied = "[a.b.c]\nx = 1\n\n[a]\ny = 2\n"
    for text in (session, workshop, implied):
        whole = scan(text)
        for path, spot in whole.spots.items():
            found = scan(text, until=path)
            assert found.key(path) == spot.key and found.value(path) == spot.value, path
    paths = list(scan(session).spots)
    values = [path for path in paths if not any(o[: len(path)] == path != o for o in paths)]
    assert len(scan(session, until=values[len(values) // 2]).spots) < len(paths) * 0.6
    missing = ("records", "nergens", 7)
    assert scan(session, until=missing).value(missing) == scan(session).value(missing)


def test_scan_implicit_tables_and_fallbacks() -> None:
    text = "[a.b.c]\nx = 1\n\n[a]\ny = 2\n"
    positions = scan(text)
    # [a] written later still takes over the spot of the implied table "a".
    assert positions.value(("a",)) == (4, 1)
    assert positions.value(("a", "b")) == (1, 1)
    assert positions.key(("a", "b")) == (1, 4)
    # A path that is not in the text falls back to its nearest ancestor, then to 1:1.
    assert positions.value(("a", "b", "c", "missing", 3)) == (1, 1)
    assert positions.value(("a", "y", "deeper")) == (5, 5)
    assert positions.value(("nowhere",)) == (1, 1)
    assert positions.table(()) == (1, 1)


def test_scan_does_not_crash_on_text_tomllib_would_refuse() -> None:
    positions = scan('a = 1\nb = [1, 2\nc = "')
    assert positions.value(("a",)) == (1, 5)


_KEYS = st.text(alphabet="abcXYZ09_- .é\"'", min_size=1, max_size=6)
_SCALARS = (
    st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.booleans()
    | st.text(max_size=12)
    | st.floats(allow_nan=False)
)
_DOCS = st.dictionaries(
    _KEYS,
    st.recursive(
        _SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
        max_leaves=12,
    ),
    max_size=5,
)


def _leaves(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_scan_finds_every_value_that_tomli_w_writes(doc: dict[str, Any]) -> None:
    text = tomli_w.dumps(doc)
    assert tomllib.loads(text) == doc
    positions = scan(text)
    lines = text.split("\n")
    for path, value in _leaves(doc, ()):
        if not path:
            continue
        spot = positions.get(path)
        assert spot is not None, (path, text)
        line, col = spot.value
        here = lines[line - 1][col - 1 :]
        if isinstance(value, dict):
            # a [table] header, an inline table, or (for an empty table) either
            assert here.startswith(("[", "{")), (path, here)
        elif isinstance(value, list):
            assert here.startswith("["), (path, here)
        else:
            written = tomli_w.dumps({"v": value})[len("v = ") : -1]
            assert here.startswith(written), (path, here, written)


# --------------------------------------------------------------------------- loading


def test_all_kinds_fixture_loads_every_step_kind() -> None:
    workshop = load_workshop(ALL_KINDS)
    kinds = {type(step).KIND for _item, step in workshop.steps()}
    assert kinds == set(registry.names())
    assert workshop.id == "alle-soorten"
    assert workshop.meta.version == "2"
    assert workshop.meta.description.startswith("Een proefworkshop")
    assert "# dat geen commentaar is" in workshop.meta.description
    assert [item.id for item in workshop.items] == [
        "welkom",
        "waarom",
        "kern",
        "praktijk",
        "duurzaam",
        "meer",
    ]
    assert workshop.total_minutes == 150
    assert workshop.path == ALL_KINDS
    assert workshop.fingerprint == "sha256:" + hashlib.sha256(ALL_KINDS.read_bytes()).hexdigest()

    content = workshop.step("titel")
    assert isinstance(content, ContentStep)
    assert content.notes is False
    assert content.text.startswith("# Welkom")
    participants = workshop.step("wie")
    assert isinstance(participants, ParticipantsStep)
    assert participants.roles == ("bewoner", "gemeente", "zorg")
    sort = workshop.step("motieven")
    assert isinstance(sort, SortStep)
    assert [c.id for c in sort.categories] == ["affectief", "moreel", "instrumenteel"]
    assert sort.categories[1].hints == ("Waarden", "Impact", "Verandering", "Visie")
    assert [sort.category_key(i) for i in range(3)] == ["a", "2", "i"]
    rate = workshop.step("ingredienten")
    assert isinstance(rate, RateStep)
    assert (rate.scale.min, rate.scale.max, rate.scale.labels) == (1, 3, ("niet", "deels", "wel"))
    assert rate.per_participant is False
    assert rate.weakest == 2
    assert [i.id for i in rate.items_of("organisatie")] == ["regie"]
    brainstorm = workshop.step("wat-helpt")
    assert isinstance(brainstorm, BrainstormStep)
    assert brainstorm.voting == Voting(budget=5, per="group")
    assert brainstorm.prompts[0].question == "Wat moet er zijn?"
    conversation = workshop.step("gesprekken")
    assert isinstance(conversation, ConversationStep)
    assert conversation.types[0].chain == ("verkennen", "begrijpen")
    assert [f.id for f in conversation.flows] == ["bob", "barb"]
    assert [p.capture for p in conversation.flows[0].phases] == ["notes", "decisions"]
    assert conversation.flows[1].phases[1].capture == "mandates"
    questions = workshop.step("startvragen")
    assert isinstance(questions, QuestionsStep)
    assert questions.attributed is False
    assert [q.text for q in questions.questions] == ["Wie zijn we?", "Wat willen we?"]
    references = workshop.step("bronnen")
    assert isinstance(references, ReferencesStep)
    assert references.references[0].url == "https://example.org/samenwerken"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_workshops_are_valid(path: Path) -> None:
    workshop = load_workshop(path)
    assert workshop.items
    assert len(set(workshop.step_ids())) == len(workshop.step_ids())


def test_text_and_bytes_give_the_same_workshop() -> None:
    from_text = parse_workshop(MINIMAL, "a.toml")
    from_bytes = parse_workshop(MINIMAL.encode(), Path("a.toml"))
    assert from_text == from_bytes
    assert from_text.fingerprint == "sha256:" + hashlib.sha256(MINIMAL.encode()).hexdigest()
    assert from_text.path == Path("a.toml")
    assert isinstance(from_text.items[0].steps[0], ContentStep)
    # Defaults are the model's.
    assert from_text.meta.language == "nl"
    assert from_text.items[0].steps[0].notes is True


def test_crlf_and_byte_order_mark_are_accepted() -> None:
    data = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()
    workshop = parse_workshop(data, "w.toml")
    assert workshop.title == "Proef"
    assert workshop.fingerprint == "sha256:" + hashlib.sha256(data).hexdigest()


def test_problem_and_error_format() -> None:
    problem = Problem("w.toml", 3, 7, "iets")
    assert str(problem) == "w.toml:3:7: iets"
    error = WorkshopError([problem, Problem("w.toml", 4, 1, "nog iets")])
    assert str(error) == "w.toml:3:7: iets\nw.toml:4:1: nog iets"
    assert error.problems[1].line == 4


def test_every_problem_is_reported_in_file_order() -> None:
    text = (
        MINIMAL.replace('title = "Proef"', 'title = ""\ntaal = "nl"').replace(
            "minutes = 10", "minutes = true"
        )
        + 'colour = "rood"\n'
    )
    assert problems_of(text) == [
        "w.toml:3:9: 'title' mag niet leeg zijn",
        "w.toml:4:1: onbekende sleutel 'taal' (bedoel je 'language'?)",
        "w.toml:9:11: verwacht een geheel getal, gevonden: true/false",
        "w.toml:15:1: onbekende sleutel 'colour'",
    ]


def test_load_missing_file_is_a_workshop_error(tmp_path: Path) -> None:
    with pytest.raises(WorkshopError) as info:
        load_workshop(tmp_path / "weg.toml")
    assert str(info.value) == f"{tmp_path / 'weg.toml'}:1:1: bestand niet gevonden"


def test_too_big_file_is_refused_before_parsing() -> None:
    text = MINIMAL + "# " + "x" * MAX_BYTES + "\n"
    assert problems_of(text) == [
        f"w.toml:1:1: bestand is te groot ({len(text)} bytes);"
        " een workshopbestand mag hoogstens 1 MiB zijn"
    ]


def test_not_utf8_points_at_the_first_bad_byte() -> None:
    data = 'title = "één'.encode() + b"\xff\xfe"
    with pytest.raises(WorkshopError) as info:
        parse_workshop(b"[workshop]\n" + data, "w.toml")
    assert [str(p) for p in info.value.problems] == [
        "w.toml:2:13: geen geldige UTF-8 (byte 0xFF); sla het bestand op als UTF-8"
    ]


def test_toml_syntax_error_at_end_of_document() -> None:
    assert problems_of('[workshop]\nid = "x"\ndescription = """\nnog open') == [
        "w.toml:4:9: TOML-fout: tekst niet afgesloten (aanhalingsteken ontbreekt)"
    ]


def test_unknown_tomllib_message_still_has_a_position(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_text: str) -> dict[str, Any]:
        raise tomllib.TOMLDecodeError("Something new (at line 2, column 5)")

    monkeypatch.setattr(tomllib, "loads", broken)
    assert problems_of(MINIMAL) == ["w.toml:2:5: TOML-fout: Something new"]


def test_bool_is_not_an_int_and_int_is_not_a_bool() -> None:
    text = MINIMAL.replace("minutes = 10", "minutes = false") + "notes = 1\n"
    assert problems_of(text) == [
        "w.toml:8:11: verwacht een geheel getal, gevonden: true/false",
        "w.toml:14:9: verwacht true of false, gevonden: geheel getal",
    ]


def test_step_ids_are_unique_across_the_whole_workshop() -> None:
    text = (
        MINIMAL
        + '\n[[items]]\nid = "twee"\ntitle = "Twee"\nminutes = 5\n'
        + ('\n[[items.steps]]\nkind = "actions"\nid = "intro"\ntitle = "Acties"\n')
    )
    assert problems_of(text) == [
        "w.toml:22:6: dubbele stap-id 'intro' (ook op regel 12);"
        " een stap-id moet in de hele workshop uniek zijn"
    ]
    # The same id for an agenda item and a step is fine: they are different things.
    parse_workshop(MINIMAL.replace('id = "intro"', 'id = "welkom"'), "w.toml")


def test_ids_within_a_step_are_unique_per_step_not_per_workshop() -> None:
    step = '\n[[items.steps]]\nkind = "questions"\nid = "{sid}"\ntitle = "V"\n' + (
        'questions = [{{ id = "wie", text = "Wie?" }}]\n'
    )
    parse_workshop(MINIMAL + step.format(sid="v1") + step.format(sid="v2"), "w.toml")


def test_missing_field_of_a_table_points_at_its_header() -> None:
    text = MINIMAL.replace('title = "Introductie"\n', "")
    assert problems_of(text) == ["w.toml:10:1: verplicht veld 'title' ontbreekt"]


@dataclass(frozen=True, kw_only=True)
class _PollStep(Step):
    """A step kind the loader has never heard of."""

    KIND: ClassVar[str] = "poll"
    options: tuple[str, ...]
    choices: int = 1
    style: Literal["bars", "dots"] = "bars"
    voting: Voting | None = None

    def check(self) -> list[model.Problem]:
        if self.choices > len(self.options):
            return [(("choices",), "meer keuzes dan opties")]
        return []


def test_a_new_step_kind_needs_no_loader_change(monkeypatch: pytest.MonkeyPatch) -> None:
    every = registry.step_classes()
    monkeypatch.setattr(registry, "step_classes", lambda: {**every, "poll": _PollStep})
    good = MINIMAL + (
        '\n[[items.steps]]\nkind = "poll"\nid = "peiling"\ntitle = "Peiling"\n'
        'options = ["ja", "nee"]\nstyle = "dots"\nvoting = { budget = 2 }\n'
    )
    workshop = parse_workshop(good, "w.toml")
    poll = workshop.step("peiling")
    assert isinstance(poll, _PollStep)
    assert (poll.options, poll.style, poll.voting) == (("ja", "nee"), "dots", Voting(budget=2))

    bad = (
        good.replace('style = "dots"', 'style = "dot"\nchoices = 3').replace(
            "budget = 2", "budget = 0"
        )
        + "optoins = []\n"
    )
    assert problems_of(bad) == [
        "w.toml:20:9: ongeldige waarde 'dot' (bedoel je 'dots'?)",
        # the wrong style does not hide the step's own rule (#20)
        "w.toml:21:11: meer keuzes dan opties",
        "w.toml:22:21: het stembudget moet minstens 1 zijn",
        "w.toml:23:1: onbekende sleutel 'optoins' (bedoel je 'options'?)",
    ]
    fixed = bad.replace('"dot"', '"dots"').replace("budget = 0", "budget = 1")
    fixed = fixed.replace("optoins = []\n", "")
    assert problems_of(fixed) == ["w.toml:21:11: meer keuzes dan opties"]


def test_model_check_messages_follow_the_language() -> None:
    text = MINIMAL + (
        '\n[[items.steps]]\nkind = "brainstorm"\nid = "b"\ntitle = "B"\n'
        "prompts = []\nvoting = { budget = 100 }\n"
    )
    assert problems_of(text) == [
        "w.toml:19:11: een brainstorm-stap heeft minstens één prompt nodig",
        "w.toml:20:21: het stembudget mag hoogstens 99 zijn",
    ]
    set_language("en")
    assert problems_of(text) == [
        "w.toml:19:11: a brainstorm step needs at least one prompt",
        "w.toml:20:21: the vote budget must be at most 99",
    ]
    assert problems_of(MINIMAL.replace("title =", "titel =", 1)) == [
        "w.toml:3:1: unknown key 'titel' (did you mean 'title'?)"
    ]


def test_a_check_problem_is_not_reported_twice() -> None:
    # Scale.check runs for the scale and again inside RateStep.check: one line only.
    text = MINIMAL + (
        '\n[[items.steps]]\nkind = "rate"\nid = "r"\ntitle = "R"\n'
        'scale = { min = 3, max = 3 }\ngroups = [{ id = "g", title = "G" }]\n'
        'items = [{ id = "i", title = "I", group = "g" }]\n'
    )
    assert problems_of(text) == ["w.toml:19:26: max (3) moet groter zijn dan min (3)"]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_damage_gives_problems_never_a_crash(data: st.DataObject) -> None:
    text = ALL_KINDS.read_text(encoding="utf-8")
    lines = text.split("\n")
    action = data.draw(st.sampled_from(["drop-line", "change-char", "insert"]))
    index = data.draw(st.integers(0, len(lines) - 1))
    if action == "drop-line":
        del lines[index]
    elif action == "change-char" and lines[index]:
        col = data.draw(st.integers(0, len(lines[index]) - 1))
        char = data.draw(st.sampled_from([*"=[]{}\"'#,.x1 \t", "", "ë"]))
        lines[index] = lines[index][:col] + char + lines[index][col + 1 :]
    else:
        lines.insert(index, data.draw(st.sampled_from(["x = 1", 'id = "X"', "[[items]]", "["])))
    damaged = "\n".join(lines)
    try:
        parse_workshop(damaged, "w.toml")
    except WorkshopError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "w.toml"
            assert 1 <= problem.line <= len(lines) + 1
            assert problem.col >= 1
            assert problem.message


# --------------------------------------------------------------------------- catalog


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_find_workshops_first_folder_wins_and_broken_files_are_listed(tmp_path: Path) -> None:
    first, second = tmp_path / "eerst", tmp_path / "daarna"
    write(first / "proef.toml", MINIMAL.replace('"Proef"', '"Proef (eigen)"'))
    write(first / "kapot.toml", "[workshop\n")
    write(first / "notities.txt", "geen workshop")
    write(second / "ander-bestand.toml", MINIMAL)  # same id "proef": shadowed
    write(second / "tweede.toml", MINIMAL.replace('"proef"', '"tweede"'))
    entries = find_workshops(
        [("--workshops", first), ("weg", tmp_path / "bestaat-niet"), ("package", second)]
    )
    assert [(e.id, e.title, e.source, e.ok) for e in entries] == [
        ("kapot", "kapot", "--workshops", False),
        ("proef", "Proef (eigen)", "--workshops", True),
        ("tweede", "Proef", "package", True),
    ]
    assert entries[0].error == (
        f"{first / 'kapot.toml'}:1:10: TOML-fout: verwacht ']' aan het eind van de tabelkop"
    )
    assert entries[1].path == first / "proef.toml"


def test_find_workshops_is_cheap_unless_asked_to_validate(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    write(folder / "half.toml", MINIMAL.replace("minutes = 10", "minutes = 0"))
    (cheap,) = find_workshops([("x", folder)])
    assert cheap.ok and cheap.id == "proef"
    (full,) = find_workshops([("x", folder)], validate=True)
    assert full.error == (
        f"{folder / 'half.toml'}:8:11: minutes moet een geheel getal van 1 tot en met 600 zijn,"
        " niet 0"
    )


def test_entry_without_workshop_id_is_broken_with_the_reason(tmp_path: Path) -> None:
    path = write(tmp_path / "zonder-id.toml", MINIMAL.replace('id = "proef"\n', "", 1))
    entry = read_entry(path, "x")
    assert entry == WorkshopEntry(
        "zonder-id",
        "Proef",
        path,
        "x",
        f"{path}:1:1: verplicht veld 'id' ontbreekt",
    )
    many = write(tmp_path / "leeg.toml", "[workshop]\ntitle = 3\nx = 1\n")
    assert read_entry(many, "x").error == (
        f"{many}:1:1: verplicht veld 'id' ontbreekt (en nog 3 problemen)"
    )


def test_entry_of_unreadable_file_never_raises(tmp_path: Path) -> None:
    folder = tmp_path / "map.toml"
    folder.mkdir()
    entry = read_entry(folder, "x")
    assert entry.id == "map"
    assert entry.error == f"{folder}:1:1: dit is een map, geen bestand"


def test_resolve_workshop_by_id_and_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "w"
    path = write(folder / "bestand.toml", MINIMAL)
    dirs = [("x", folder)]
    assert resolve_workshop("proef", dirs).path == path
    assert resolve_workshop(str(path), dirs).id == "proef"
    monkeypatch.chdir(folder)
    assert resolve_workshop("bestand.toml", []).id == "proef"
    with pytest.raises(LookupError, match=r"workshopbestand niet gevonden: weg\.toml"):
        resolve_workshop("weg.toml", dirs)
    with pytest.raises(LookupError) as info:
        resolve_workshop("proeff", dirs)
    assert str(info.value) == (
        "geen workshop met id 'proeff' (bedoel je 'proef'?); beschikbaar: proef"
    )
    with pytest.raises(LookupError) as info:
        resolve_workshop("iets", [("x", tmp_path / "leeg")])
    assert str(info.value) == (
        f"geen workshop met id 'iets'; er zijn geen workshops gevonden in: {tmp_path / 'leeg'}"
    )


def test_resolve_by_id_reads_only_the_files_that_can_hold_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up path: the same answer as find_workshops (first folder wins, a file
    named after the id but without one counts), parsing only the candidates, and the
    one that is used only once."""
    first, second = tmp_path / "eerst", tmp_path / "daarna"
    write(first / "a-ander.toml", MINIMAL.replace('"proef"', '"ander"'))
    write(first / "b-eigen.toml", MINIMAL.replace('"Proef"', '"Eigen"'))  # id proef
    write(second / "proef.toml", MINIMAL)
    write(second / "tweede.toml", MINIMAL.replace('id = "proef"\n', "", 1))  # no id
    parsed: list[str] = []
    real = loader.read_toml

    def counting(data: bytes, path: str, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        parsed.append(Path(path).name)
        return real(data, path, **kwargs)

    monkeypatch.setattr(loader, "read_toml", counting)  # the catalog's too
    dirs = [("x", first), ("y", second)]
    assert resolve_workshop("proef", dirs).title == "Eigen"
    assert parsed == ["b-eigen.toml"]
    with pytest.raises(WorkshopError):  # named after the id, without one: broken
        resolve_workshop("tweede", dirs)


def test_a_valid_workshop_is_never_scanned_for_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from samen_tui.workshop import positions

    scanned: list[int] = []
    real = positions._Scanner.document

    def counting(scanner: Any) -> None:
        scanned.append(1)
        real(scanner)

    monkeypatch.setattr(positions._Scanner, "document", counting)
    load_workshop(SHIPPED[0])
    assert not scanned
    with pytest.raises(WorkshopError) as info:
        parse_workshop(
            SHIPPED[0].read_text(encoding="utf-8").replace("minutes = 15", "minutes = 0", 1),
            "x.toml",
        )
    assert scanned and info.value.problems[0].line > 1  # a problem still gets its place


def test_resolve_broken_workshop_raises_workshop_error(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    write(folder / "proef.toml", MINIMAL.replace('kind = "content"', 'kind = "contnet"'))
    with pytest.raises(WorkshopError) as info:
        resolve_workshop("proef", [("x", folder)])
    assert [p.message for p in info.value.problems] == [
        "onbekende stapsoort 'contnet' (bedoel je 'content'?)"
    ]


# --------------------------------------------------------------------------- messages


def test_messages_exist_in_dutch_and_english() -> None:
    assert set(messages.NL) == set(messages.EN)
    for key in messages.NL:
        fields_nl = set(re.findall(r"{(\w+)}", messages.NL[key]))
        fields_en = set(re.findall(r"{(\w+)}", messages.EN[key]))
        assert fields_nl == fields_en, key


def test_every_message_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    sources = [ROOT / "samen_tui" / "workshop" / name for name in ("loader.py", "catalog.py")]
    sources += [ROOT / "samen_tui" / "workshop" / "check.py"]
    sources += sorted((ROOT / "samen_tui" / "kinds").glob("*/model.py"))
    for path in sources:
        source = path.read_text(encoding="utf-8")
        used.update(re.findall(r"""\bt\(\s*["'](workshop\.[\w.]+)["']""", source))
    assert len(used) > 40
    # the loader's in its area of the catalog, the kinds' checks in their texts
    assert used - set(messages.NL) - set(registry.texts("nl")) == set()
    # keys made up at run time
    for prefix in ("workshop.found.", "workshop.expected."):
        assert any(key.startswith(prefix) for key in messages.NL)
    i18n.catalog.cache_clear()
    assert i18n.catalog("nl")["workshop.missing"] == messages.NL["workshop.missing"]


def test_workshop_package_does_not_import_textual() -> None:
    code = (
        "import sys, samen_tui.workshop, samen_tui.workshop.check;"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --------------------------------------------------------------------------- the documentation

DOC = ROOT / "docs" / "workshop-format.md"


def _doc_examples() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_every_toml_example_in_the_documentation_is_valid() -> None:
    examples = _doc_examples()
    kinds_shown: set[str] = set()
    for example in examples:
        if example.startswith("[workshop]"):
            text = example
        elif example.startswith("[[items]]"):
            text = '[workshop]\nid = "doc"\ntitle = "Doc"\n\n' + example
        else:
            assert example.startswith("[[items.steps]]"), example
            text = MINIMAL + "\n" + example
        workshop = parse_workshop(text, "docs/workshop-format.md")
        kinds_shown.update(type(step).KIND for _item, step in workshop.steps())
    assert kinds_shown == set(registry.names())


def test_documentation_names_every_field_of_every_step_kind() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for kind in registry.names():
        assert f"### `{kind}`" in doc
    todo: list[type] = [model.Meta, model.AgendaItem, *registry.step_classes().values()]
    seen: set[type] = set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            key = field.name.removesuffix("_")  # the TOML key (`from` for `from_`)
            assert f"`{key}`" in doc, f"{cls.__name__}.{field.name}"
            for arg in [hints[field.name], *typing.get_args(hints[field.name])]:
                if isinstance(arg, type) and dataclasses.is_dataclass(arg):
                    todo.append(arg)
    assert Phase in seen and Scale in seen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a]\nx = 1\n[a]\n", "3:3: TOML-fout: tabel [a] staat er al eerder"),
        ('[a."b c"]\nx = 1\n["a"."b c"]\n', "3:11: TOML-fout: tabel [a.b c] staat er al eerder"),
        ("a = { b = 1, b = 2 }\n", "1:19: TOML-fout: dubbele sleutel 'b' in inline tabel"),
        (
            'a = "C:\\map"\n',
            "1:10: TOML-fout: losse '\\' in tekst: schrijf '\\\\',"
            " of zet de tekst tussen 'enkele aanhalingstekens'",
        ),
        (
            "a = 'x\ny'\n",
            "1:7: TOML-fout: tekst niet afgesloten op deze regel"
            ' (gebruik """...""" voor meerdere regels)',
        ),
        ('a = "x" b\n', "1:9: TOML-fout: verwacht een nieuwe regel na de waarde"),
        ("[a\n", "1:3: TOML-fout: verwacht ']' aan het eind van de tabelkop"),
        ("[[a]\n", "1:4: TOML-fout: verwacht ']]' aan het eind van de tabelkop"),
        ("a = { b = 1\n", "1:12: TOML-fout: inline tabel niet afgesloten ('}' ontbreekt)"),
        ("a b = 1\n", "1:3: TOML-fout: verwacht '=' na de sleutel"),
        ("= 1\n", "1:1: TOML-fout: ongeldige regel (verwacht 'sleutel = waarde' of [tabel])"),
        (
            'a = "\\uZZZZ"\n',
            "1:8: TOML-fout: ongeldige code na '\\u' of '\\U' in tekst: schrijf een '\\' als"
            " '\\\\', of zet de tekst tussen 'enkele aanhalingstekens'",
        ),
        ("a = 1979-02-30\n", "1:5: TOML-fout: ongeldige datum of tijd"),
        ("# \x01\n", "1:3: TOML-fout: ongeldig teken '\\x01'"),
        ("a = ja\n", "1:5: TOML-fout: ongeldige waarde (zet tekst tussen aanhalingstekens)"),
    ],
)
def test_toml_syntax_messages_are_dutch(text: str, expected: str) -> None:
    assert problems_of(text) == [f"w.toml:{expected}"]


@pytest.mark.parametrize("key", ["M", "é", "!", " ", "10", "ab"])
def test_a_category_key_is_a_digit_or_a_lowercase_letter(key: str) -> None:
    """The sort view binds each of 0-9 and a-z once (static bindings): any other key is
    reported where it stands."""
    text = MINIMAL + (
        '\n[[items.steps]]\nkind = "sort"\nid = "s"\ntitle = "S"\n'
        f'categories = [{{ id = "a", title = "A", key = "{key}" }}]\n'
    )
    column = len('categories = [{ id = "a", title = "A", key = ') + 1
    assert problems_of(text) == [
        f"w.toml:19:{column}: een toets (key) is één cijfer of kleine letter: 0–9 of a–z"
    ]


@pytest.mark.parametrize("key", ["0", "7", "a", "z"])
def test_a_digit_or_lowercase_letter_is_a_good_category_key(key: str) -> None:
    text = MINIMAL + (
        '\n[[items.steps]]\nkind = "sort"\nid = "s"\ntitle = "S"\n'
        f'categories = [{{ id = "a", title = "A", key = "{key}" }}]\n'
    )
    step = parse_workshop(text, "w.toml").step("s")
    assert isinstance(step, SortStep) and step.category_key(0) == key
