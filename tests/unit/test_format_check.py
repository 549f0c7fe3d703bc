"""#20 item 1: ``samen check`` says every problem of a file in one run, with hints for
time keys in the wrong place, ``text``/``question`` and ``name``/``title`` mix-ups, and
an example for a table-valued field given as something else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from samen_tui.i18n import set_language
from samen_tui.workshop.hints import inline_table
from samen_tui.workshop.loader import WorkshopError, parse_workshop

HEAD = """\
[workshop]
id = "proef"
title = "Proef"

[[items]]
id = "welkom"
title = "Welkom"
minutes = 10

[[items.steps]]
"""


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def problems_of(text: str) -> list[str]:
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, "w.toml")
    return [str(problem) for problem in info.value.problems]


def test_a_type_error_does_not_hide_the_steps_other_problems() -> None:
    step = (
        'kind = "rate"\nid = "c"\ntitle = "C"\nweakest = "drie"\n'
        'groups = [{ id = "a", title = "A" }]\n'
        'items = [{ id = "i", title = "I", group = "b" }]\n'
    )
    assert problems_of(HEAD + step) == [
        "w.toml:14:11: verwacht een geheel getal, gevonden: tekst",
        "w.toml:15:18: groep 'a' heeft geen items",
        "w.toml:16:43: onbekende groep 'b' (groepen: a)",
    ]


def test_a_wrong_field_is_not_reported_twice_by_the_steps_rules() -> None:
    # weakest = -1 would be a rule's problem; given as text it is only the type's.
    step = (
        'kind = "rate"\nid = "c"\ntitle = "C"\nweakest = "-1"\n'
        'groups = [{ id = "a", title = "A" }]\n'
        'items = [{ id = "i", title = "I", group = "a" }]\n'
    )
    assert problems_of(HEAD + step) == ["w.toml:14:11: verwacht een geheel getal, gevonden: tekst"]


def test_time_keys_say_where_time_belongs() -> None:
    step = 'kind = "content"\nid = "c"\ntitle = "C"\n'
    text = HEAD.replace('title = "Proef"\n', 'title = "Proef"\nduration = 90\n') + step
    text = text.replace("minutes = 10", "tijd = 10")
    problems = problems_of(text)
    assert problems[0].startswith("w.toml:4:1: onbekende sleutel 'duration'; de tijd staat bij")
    assert "[[items.steps]]: minutes = 5" in problems[0]
    assert problems[1] == (
        "w.toml:9:1: onbekende sleutel 'tijd' (bedoel je 'minutes'?);"
        " de tijd heet 'minutes', in hele minuten (minutes = 10)"
    )
    assert len(problems) == 2  # 'minutes' is not also said to be missing


QUESTIONS = 'kind = "questions"\nid = "v"\ntitle = "V"\n'
BRAINSTORM = 'kind = "brainstorm"\nid = "b"\ntitle = "B"\n'


@pytest.mark.parametrize(
    ("step", "col", "wrote", "meant"),
    [
        (QUESTIONS + 'questions = [{ id = "a", question = "Wie?" }]\n', 26, "question", "text"),
        (QUESTIONS + 'questions = [{ id = "a", title = "Wie?" }]\n', 26, "title", "text"),
        (
            BRAINSTORM + 'prompts = [{ id = "p", title = "P", text = "Wat?" }]\n',
            37,
            "text",
            "question",
        ),
    ],
)
def test_mix_ups_name_the_key_meant(step: str, col: int, wrote: str, meant: str) -> None:
    problems = problems_of(HEAD + step)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"w.toml:14:{col}: onbekende sleutel '{wrote}' (bedoel je '{meant}'?); "
    )


def test_name_for_title_is_a_mix_up_and_title_not_also_missing() -> None:
    step = 'kind = "content"\nid = "c"\nname = "C"\n'
    assert problems_of(HEAD + step) == [
        "w.toml:13:1: onbekende sleutel 'name' (bedoel je 'title'?);"
        " de naam die de app toont heet 'title'"
    ]


def test_a_table_field_given_as_text_gets_an_example() -> None:
    step = (
        'kind = "rate"\nid = "c"\ntitle = "C"\nscale = "1-5"\ngroups = ["a"]\n'
        'items = [{ id = "i", title = "I", group = "a" }]\n'
    )
    assert problems_of(HEAD + step) == [
        "w.toml:14:9: verwacht een tabel, gevonden: tekst;"
        " bijvoorbeeld: scale = { min = 1, max = 5 }",
        "w.toml:15:11: verwacht een tabel, gevonden: tekst;"
        ' elk element is een tabel, bijvoorbeeld: { id = "…", title = "…" }',
    ]


def test_examples_in_english() -> None:
    set_language("en")
    step = BRAINSTORM + 'voting = 3\nprompts = { id = "p", title = "P" }\n'
    assert problems_of(HEAD + step) == [
        "w.toml:14:10: expected a table, found: whole number;"
        ' for example: voting = { budget = 3, per = "participant" }',
        "w.toml:15:11: expected an array of tables (write [[items.steps.prompts]]), found: table;"
        ' for example: prompts = [{ id = "…", title = "…" }]',
    ]


def test_every_example_is_valid_toml_for_its_class() -> None:
    import tomllib

    from samen_tui.kinds.brainstorm.model import Voting
    from samen_tui.kinds.rate.model import Group, Scale

    for cls in (Scale, Voting, Group):
        tomllib.loads("x = " + inline_table(cls).replace("…", "a"))


# --------------------------------------------------------------------------- words (#20 item 2)


SORT = (
    'kind = "sort"\nid = "s"\ntitle = "S"\n'
    'categories = [{ id = "a", title = "A" }, { id = "b", title = "B" }]\n'
)


def test_words_are_checked_with_their_place() -> None:
    step = SORT + 'words = { placholder = "x", pick = 3 }\nhelp = ["a"]\n'
    assert problems_of(HEAD + step) == [
        "w.toml:15:11: onbekende sleutel 'placholder' (bedoel je 'placeholder'?)",
        "w.toml:15:36: verwacht tekst, gevonden: geheel getal",
        "w.toml:16:8: verwacht tekst, gevonden: lijst",
    ]


def test_words_fill_in_only_their_own_placeholders() -> None:
    from samen_tui.kinds.sort.model import SortStep

    step = SortStep(id="s", title="S", categories=())
    assert step.words.get("pick") == "Welk motief?"  # the default workshop's
    assert step.words.get("total", n=4) == "4 kaartjes"
    words = type(step.words)(total="{n} stickies {0.__class__} {", pick="Welk gevoel?")
    assert words.get("total", n=4) == "4 stickies {0.__class__} {"
    assert words.get("pick") == "Welk gevoel?"


def test_the_verslag_uses_the_files_words() -> None:
    from samen_tui.kinds.sort.model import Category, SortStep, SortWords
    from samen_tui.kinds.sort.record import Card, SortRecord
    from samen_tui.kinds.sort.report import section
    from samen_tui.report.blocks import BarChart, Heading, Table
    from samen_tui.session.model import Session

    step = SortStep(
        id="s",
        title="S",
        categories=(Category(id="mad", title="Mad"),),
        words=SortWords(report_counts="Kaartjes per gevoel", report_per_organisation="Per team"),
    )
    record = SortRecord(cards=[Card(id="c1", text="Te veel meetings", category="mad")])
    blocks = section(step, record, Session(workshop="retro"))
    assert next(b.caption for b in blocks if isinstance(b, Table)) == "Kaartjes per gevoel"
    assert [b.title for b in blocks if isinstance(b, BarChart)] == ["Kaartjes per gevoel"]
    assert "Per team" in [b.text for b in blocks if isinstance(b, Heading)]
