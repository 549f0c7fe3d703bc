"""#20 item 1: ``samen check`` says every problem of a file in one run, with hints for
time keys in the wrong place, ``text``/``question`` and ``name``/``title`` mix-ups, and
an example for a table-valued field given as something else."""

from __future__ import annotations

import re
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


# --------------------------------------------------------------------------- scales (#20 item 3)

RATE = 'kind = "rate"\nid = "r"\ntitle = "Gezondheid"\n'


def test_a_scale_may_run_from_0_to_10_and_no_further() -> None:
    items = 'items = [{ id = "a", title = "A" }]\n'
    workshop = parse_workshop(
        HEAD + RATE + "scale = { min = 0, max = 10, labels = [] }\n" + items, "w.toml"
    )
    step = workshop.step("r")
    assert step is not None and list(step.scale.values) == list(range(11))  # type: ignore[attr-defined]
    for scale in ("{ min = 0, max = 11, labels = [] }", "{ min = 1, max = 11, labels = [] }"):
        assert problems_of(HEAD + RATE + f"scale = {scale}\n" + items) == [
            "w.toml:14:26: een schaal heeft hoogstens 10 punten, of loopt van 0 tot en met 10"
        ]  # fmt: skip


def test_groups_are_optional_and_a_step_without_them_has_one() -> None:
    from samen_tui.kinds.rate.model import RateStep

    text = HEAD + RATE + 'items = [{ id = "a", title = "A" }, { id = "b", title = "B" }]\n'
    step = parse_workshop(text, "w.toml").step("r")
    assert isinstance(step, RateStep)
    assert [(g.id, g.title) for g in step.groups] == [("", "Gezondheid")]
    assert not step.grouped
    assert [i.id for i in step.items_of("")] == ["a", "b"]


def test_group_rules_with_and_without_groups() -> None:
    without = HEAD + RATE + 'items = [{ id = "a", title = "A", group = "x" }]\n'
    assert problems_of(without) == [
        "w.toml:14:43: groep 'x' bestaat niet: deze stap heeft geen groepen"
        " (geef groups, of laat group weg)"
    ]
    with_groups = (
        HEAD + RATE + 'groups = [{ id = "x", title = "X" }]\n'
        'items = [{ id = "a", title = "A", group = "x" }, { id = "b", title = "B" }]\n'
    )
    assert problems_of(with_groups) == [
        "w.toml:15:50: item 'b' heeft geen group;"
        " in een stap met groepen hoort elk item bij een groep"
    ]


def test_new_rate_options_are_typed() -> None:
    items = 'items = [{ id = "a", title = "A" }]\n'
    text = HEAD + RATE + 'lower_is_better = "ja"\ntotals = 0\nanonymous = "nee"\n' + items
    assert problems_of(text) == [
        "w.toml:14:19: verwacht true of false, gevonden: tekst",
        "w.toml:15:10: verwacht true of false, gevonden: geheel getal",
        "w.toml:16:13: verwacht true of false, gevonden: tekst",
    ]


def test_anonymous_is_typed_for_brainstorm_and_questions() -> None:
    brainstorm = BRAINSTORM + 'anonymous = 1\nprompts = [{ id = "p", title = "P" }]\n'
    assert problems_of(HEAD + brainstorm) == [
        "w.toml:14:13: verwacht true of false, gevonden: geheel getal"
    ]
    questions = QUESTIONS + 'anonymous = "ja"\nquestions = [{ id = "a", text = "A?" }]\n'
    assert problems_of(HEAD + questions) == [
        "w.toml:14:13: verwacht true of false, gevonden: tekst"
    ]


def test_lower_is_better_turns_weakest_around() -> None:
    from samen_tui.kinds.rate.model import RateItem, RateStep
    from samen_tui.kinds.rate.record import RateRecord, Rating
    from samen_tui.kinds.rate.stats import weakest

    items = tuple(RateItem(id=i, title=i) for i in "abc")
    record = RateRecord(ratings={"a": Rating(group=2), "b": Rating(group=9), "c": Rating(group=5)})
    high_is_good = RateStep(id="r", title="R", items=items, weakest=1)
    low_is_good = RateStep(id="r", title="R", items=items, weakest=1, lower_is_better=True)
    assert [s.item.id for s in weakest(high_is_good, record)] == ["a"]
    assert [s.item.id for s in weakest(low_is_good, record)] == ["b"]


def test_the_verslag_of_a_scale_without_totals_and_lower_is_better() -> None:
    from samen_tui.kinds.rate.model import RateItem, RateStep, Scale
    from samen_tui.kinds.rate.record import RateRecord, Rating
    from samen_tui.kinds.rate.report import section
    from samen_tui.report.blocks import Bars, Bullets, Heading, Paragraph
    from samen_tui.session.model import Session

    items = tuple(RateItem(id=i, title=i.upper()) for i in "ab")
    record = RateRecord(ratings={"a": Rating(group=2), "b": Rating(group=10)})
    scale = Scale(min=0, max=10, labels=())
    plain = RateStep(id="r", title="R", items=items, scale=scale, weakest=1)
    blocks = section(plain, record, Session(workshop="w"))
    assert any(isinstance(b, Bars) for b in blocks)
    step = RateStep(
        id="r", title="R", items=items, scale=scale, weakest=1, lower_is_better=True, totals=False
    )
    blocks = section(step, record, Session(workshop="w"))
    assert not any(isinstance(b, Bars) for b in blocks)
    assert not any(isinstance(b, Heading) for b in blocks)  # no groups: no group heading
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert any("lager beter" in text for text in texts)
    weakest = [b for b in blocks if isinstance(b, Bullets)]
    assert [item.split(":")[0] for item in weakest[-1].items] == ["B"]  # 10 is the weakest


# --------------------------------------------------------------------------- step time (#20 item 4)

CONTENT = 'kind = "content"\nid = "c"\ntitle = "C"\n'


def test_a_step_may_have_minutes_and_rounds() -> None:
    step = parse_workshop(HEAD + CONTENT + "minutes = 12\nrounds = [1, 2, 4, 5]\n", "w.toml").step(
        "c"
    )
    assert step is not None and (step.minutes, step.rounds, step.timebox_minutes) == (
        12,
        (1, 2, 4, 5),
        12,
    )
    step = parse_workshop(HEAD + CONTENT + "rounds = [1, 2]\n", "w.toml").step("c")
    assert step is not None and step.timebox_minutes == 3


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("minutes = 0\n", "14:11: minutes moet een geheel getal van 1 tot en met 600 zijn, niet 0"),
        ('minutes = "5"\n', "14:11: verwacht een geheel getal, gevonden: tekst"),
        (
            "rounds = []\n",
            "14:10: rounds heeft minstens één ronde (in minuten: rounds = [1, 2, 4])",
        ),
        ("rounds = [1, 0]\n", "14:10: een ronde duurt 1 tot en met 600 minuten, niet 0"),
        ("rounds = 5\n", "14:10: verwacht een lijst, gevonden: geheel getal"),
        (
            "minutes = 5\nrounds = [2, 4]\n",
            "15:10: de rondes duren samen 6 minuten, langer dan de 5 minuten van de stap",
        ),
    ],
)
def test_step_time_misuse_has_its_place(lines: str, expected: str) -> None:
    assert problems_of(HEAD + CONTENT + lines) == [f"w.toml:{expected}"]


def test_the_clock_counts_a_timed_step_and_its_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    from samen_tui.kinds.content.model import ContentStep
    from samen_tui.session.model import Session
    from samen_tui.tui.screens.walk import timers
    from samen_tui.workshop.model import AgendaItem

    now = [1000.0]
    step = ContentStep(id="c", title="C", rounds=(1, 2))
    plain = ContentStep(id="d", title="D")
    item = AgendaItem(id="i", title="I", minutes=10, steps=(step, plain))
    session = Session(workshop="w")
    clock = timers.ItemClock(running=True, monotonic=lambda: now[0])
    now[0] += 45
    clock.account(session, item, step)
    assert timers.step_countdown(session, step) == (45, 1, "Ronde 1/2")
    assert timers.next_round(session, step)
    now[0] += 30
    clock.account(session, item, step)
    assert timers.step_countdown(session, step) == (30, 2, "Ronde 2/2")
    assert not timers.next_round(session, step)  # the last round
    now[0] += 10
    clock.account(session, item, plain)  # a step without a timebox keeps no time
    assert timers.step_countdown(session, plain) is None
    assert session.items["i"].seconds == 85
    assert (session.step_times["c"].seconds, session.step_times["c"].round) == (75, 1)
    assert "d" not in session.step_times


# ----------------------------------------------------------------- brainstorm (#20 item 5)


def test_merge_keeps_every_dot_and_moves_actions() -> None:
    from samen_tui.kinds.actions.record import Action
    from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
    from samen_tui.kinds.brainstorm.stats import merge

    record = BrainstormRecord(
        ideas=[
            Idea(id="a", text="A", who="p1", votes={"p1": 1, "p2": 2}),
            Idea(id="b", text="B", who="p2", votes={"p2": 1, "p3": 1}),
        ],
        actions=[Action(id="x", what="B", source="b")],
    )
    merged = merge(record, "a", "b")
    assert merged is not None
    assert (merged.text, merged.votes, merged.who) == ("A / B", {"p1": 1, "p2": 3, "p3": 1}, "")
    assert [i.id for i in record.ideas] == ["a"]
    assert record.actions[0].source == "a"
    assert merge(record, "a", "a") is None and merge(record, "a", "zz") is None


def test_the_verslag_ranks_across_prompts_when_asked() -> None:
    from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt, Voting
    from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
    from samen_tui.kinds.brainstorm.report import section
    from samen_tui.report.blocks import Table
    from samen_tui.session.model import Session

    prompts = (Prompt(id="p", title="P"), Prompt(id="q", title="Q"))
    record = BrainstormRecord(
        ideas=[
            Idea(id="a", prompt="p", text="A", votes={"groep": 1}),
            Idea(id="b", prompt="q", text="B", votes={"groep": 3}),
        ]
    )
    plain = BrainstormStep(id="b", title="B", prompts=prompts, voting=Voting())
    assert len([b for b in section(plain, record, Session()) if isinstance(b, Table)]) == 2
    overall = BrainstormStep(id="b", title="B", prompts=prompts, voting=Voting(), overall=True)
    tables = [b for b in section(overall, record, Session()) if isinstance(b, Table)]
    assert tables[-1].rows == (("1", "B", "Q", "3"), ("2", "A", "P", "1"))


# --------------------------------------------------------------------------- from (#20 item 6)

HMW = (
    'kind = "brainstorm"\nid = "hmw"\ntitle = "HMW"\n'
    'prompts = [{ id = "p", title = "P" }]\n\n[[items.steps]]\n'
)


def test_from_names_an_earlier_step_with_cards() -> None:
    ok = HEAD + HMW + RATE + 'from = "hmw"\ntop = 3\n'
    step = parse_workshop(ok, "w.toml").step("r")
    assert step is not None and (step.from_, step.top) == ("hmw", 3)  # type: ignore[attr-defined]
    assert problems_of(HEAD + HMW + RATE + 'from = "hmx"\n') == [
        "w.toml:20:8: from: er is geen stap 'hmx' in deze workshop"
    ]
    later = HEAD + RATE + 'from = "hmw"\n\n[[items.steps]]\n' + HMW.split("\n\n")[0] + "\n"
    assert problems_of(later) == [
        "w.toml:14:8: from: stap 'hmw' komt later; een stap neemt alleen over van een eerdere"
    ]
    content = HEAD + CONTENT + "\n[[items.steps]]\n" + RATE + 'from = "c"\n'
    assert problems_of(content) == [
        "w.toml:19:8: from: stap 'c' is een content-stap;"
        " overnemen kan van: brainstorm, sort, rate, questions"
    ]


def test_from_with_items_or_a_wrong_category_or_top() -> None:
    text = HEAD + SORT + "\n[[items.steps]]\n" + RATE
    text += 'from = "s"\ncategory = "c"\ntop = -1\nitems = [{ id = "a", title = "A" }]\n'
    assert problems_of(text) == [
        "w.toml:21:12: onbekende categorie 'c' (categorieën: a, b)",
        "w.toml:22:7: top moet 0 (alles) of meer zijn",
        "w.toml:23:9: een stap met from krijgt zijn items van die stap: laat items weg (of from)",
    ]


def test_category_and_top_mean_nothing_without_from_or_a_sort_step() -> None:
    """They choose among the cards a from brings: without one (or with a from to a step
    without categories) they were silently ignored."""
    alone = HEAD + RATE + 'category = "c"\ntop = 2\nitems = [{ id = "a", title = "A" }]\n'
    assert problems_of(alone) == [
        "w.toml:14:12: 'category' werkt alleen samen met from (de stap waar de kaartjes"
        " vandaan komen)",
        "w.toml:15:7: 'top' werkt alleen samen met from (de stap waar de kaartjes vandaan komen)",
    ]
    brainstorm = HEAD + HMW + RATE + 'from = "hmw"\ncategory = "p"\n'
    assert problems_of(brainstorm) == [
        "w.toml:21:12: category kiest de kaartjes van één categorie van een sort-stap;"
        " 'hmw' is een brainstorm-stap"
    ]


def test_a_matrix_without_items_says_it_is_a_matrix_step() -> None:
    step = (
        'kind = "matrix"\nid = "m"\ntitle = "M"\n'
        'x = { title = "Moeite" }\ny = { title = "Impact" }\n'
    )
    [problem] = problems_of(HEAD + step)
    assert "een matrix-stap heeft minstens één item nodig" in problem
    assert "rate" not in problem


# --------------------------------------------------------------------------- radar (#20)

THREE = (
    'items = [{ id = "a", title = "A" }, { id = "b", title = "B" }, { id = "c", title = "C" }]\n'
)


def test_chart_radar_is_an_option_of_a_rate_step() -> None:
    from samen_tui.kinds.rate.model import RateStep

    step = parse_workshop(HEAD + RATE + 'chart = "radar"\n' + THREE, "w.toml").step("r")
    assert isinstance(step, RateStep) and step.chart == "radar" and step.radar
    default = parse_workshop(HEAD + RATE + THREE, "w.toml").step("r")
    assert isinstance(default, RateStep) and default.chart == "bars" and not default.radar


def test_chart_misuse_has_its_place() -> None:
    two = 'items = [{ id = "a", title = "A" }, { id = "b", title = "B" }]\n'
    assert problems_of(HEAD + RATE + 'chart = "radar"\n' + two) == [
        'w.toml:14:9: een radar (chart = "radar") heeft minstens 3 items nodig, deze stap'
        " heeft er 2; geef meer items of laat chart weg (dan balken)"
    ]
    assert problems_of(HEAD + RATE + 'chart = "radr"\n' + THREE) == [
        "w.toml:14:9: ongeldige waarde 'radr' (bedoel je 'radar'?)"
    ]
    assert problems_of(HEAD + RATE + 'chart = "taart"\n' + THREE) == [
        "w.toml:14:9: ongeldige waarde 'taart' (kies uit: bars, radar)"
    ]
    assert problems_of(HEAD + RATE + "chart = true\n" + THREE) == [
        "w.toml:14:9: verwacht tekst, gevonden: true/false"
    ]
    assert problems_of(HEAD + RATE + 'grafiek = "radar"\n' + THREE)[0].startswith(
        "w.toml:14:1: onbekende sleutel 'grafiek'"
    )


def test_a_radar_from_an_earlier_step_needs_top_0_or_3_or_more() -> None:
    earlier = BRAINSTORM + 'prompts = [{ id = "p", title = "P" }]\n\n[[items.steps]]\n'
    rate = RATE.replace('id = "r"', 'id = "r2"') + 'from = "b"\ntop = 2\nchart = "radar"\n'
    problems = problems_of(HEAD + earlier + rate)
    assert len(problems) == 1 and problems[0].endswith(
        'een radar (chart = "radar") heeft minstens 3 items nodig: top = 2 geeft er minder;'
        " geef top = 0 (alles) of 3 of meer"
    )
    assert re.match(r"w\.toml:\d+:7: ", problems[0])
