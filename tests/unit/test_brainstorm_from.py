"""#20 flow: a brainstorm step takes its prompts from an earlier step (``from``): the
winning How-Might-We of a voted brainstorm becomes the ideation's column. The loader's
checks, what the prompts are worked out to, and the verslag's section."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from samen_tui.i18n import set_language
from samen_tui.kinds.brainstorm import stats
from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt, Voting
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.brainstorm.report import section
from samen_tui.kinds.flow import cards_from, resolve
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.report.blocks import Heading, Table
from samen_tui.report.helpers import using_workshop
from samen_tui.session.model import Session
from samen_tui.workshop.loader import WorkshopError, parse_workshop
from samen_tui.workshop.model import Workshop

HEAD = """\
[workshop]
id = "dt"
title = "Design thinking"

[[items]]
id = "ideeen"
title = "Ideeën"
minutes = 30

[[items.steps]]
"""
HMW = """\
kind = "brainstorm"
id = "hmw"
title = "Hoe zouden we"
voting = { budget = 3, per = "group" }
prompts = [{ id = "p", title = "Hoe zouden we ...?" }]

[[items.steps]]
"""
IDEATE = 'kind = "brainstorm"\nid = "ideate"\ntitle = "Ideeën"\n'


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def problems_of(text: str) -> list[str]:
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, "w.toml")
    return [str(problem) for problem in info.value.problems]


def test_a_brainstorm_without_prompts_takes_them_from_an_earlier_step() -> None:
    workshop = parse_workshop(HEAD + HMW + IDEATE + 'from = "hmw"\ntop = 1\n', "w.toml")
    step = workshop.step("ideate")
    assert isinstance(step, BrainstormStep)
    assert (step.from_, step.top, step.prompts) == ("hmw", 1, ())


def test_from_on_a_brainstorm_is_checked_like_on_rate() -> None:
    assert problems_of(HEAD + HMW + IDEATE + 'from = "hmx"\n') == [
        "w.toml:21:8: from: er is geen stap 'hmx' in deze workshop"
    ]
    later = HEAD + IDEATE + 'from = "hmw"\n\n[[items.steps]]\n' + HMW.split("\n\n")[0] + "\n"
    assert problems_of(later) == [
        "w.toml:14:8: from: stap 'hmw' komt later; een stap neemt alleen over van een eerdere"
    ]
    content = 'kind = "content"\nid = "c"\ntitle = "C"\n\n[[items.steps]]\n'
    assert problems_of(HEAD + content + IDEATE + 'from = "c"\n') == [
        "w.toml:19:8: from: stap 'c' is een content-stap;"
        " overnemen kan van: brainstorm, sort, rate, questions"
    ]


def test_prompts_and_from_together_or_neither_or_a_negative_top() -> None:
    both = HEAD + HMW + IDEATE + 'from = "hmw"\ntop = -1\nprompts = [{ id = "a", title = "A" }]\n'
    assert problems_of(both) == [
        "w.toml:22:7: top moet 0 (alles) of meer zijn",
        "w.toml:23:11: een brainstorm met from krijgt zijn vragen van die stap:"
        " laat prompts weg (of from)",
    ]
    assert problems_of(HEAD + IDEATE) == [
        "w.toml:10:1: een brainstorm-stap heeft minstens één prompt nodig"
    ]
    set_language("en")
    assert problems_of(both)[1] == (
        "w.toml:23:11: a brainstorm with from takes its questions from that step:"
        " leave prompts out (or from)"
    )


def test_a_category_of_a_sort_step_is_one_it_has() -> None:
    sort = (
        'kind = "sort"\nid = "s"\ntitle = "S"\n'
        'categories = [{ id = "a", title = "A", key = "a" }]\n\n[[items.steps]]\n'
    )
    assert problems_of(HEAD + sort + IDEATE + 'from = "s"\ncategory = "b"\n') == [
        "w.toml:21:12: onbekende categorie 'b' (categorieën: a)"
    ]


# --------------------------------------------------------------------------- resolve


def flow_workshop(top: int = 1) -> Workshop:
    return parse_workshop(HEAD + HMW + IDEATE + f'from = "hmw"\ntop = {top}\n', "w.toml")


def hmw_session() -> Session:
    session = Session()
    session.records["hmw"] = BrainstormRecord(
        ideas=[
            Idea(id="i1", prompt="p", text="HZW eenzaamheid zien?", votes={"groep": 1}),
            Idea(id="i2", prompt="p", text="HZW buren laten helpen?", votes={"groep": 2}),
        ]
    )
    return session


def ideate(workshop: Workshop) -> BrainstormStep:
    step = workshop.step("ideate")
    assert isinstance(step, BrainstormStep)
    return step


def titles(step: BrainstormStep) -> list[tuple[str, str]]:
    return [(p.id, p.title) for p in step.prompts]


def test_the_prompts_are_the_top_cards_by_votes_with_their_ids() -> None:
    workshop = flow_workshop(top=1)
    session = hmw_session()
    assert titles(resolve(ideate(workshop), session, workshop)) == [
        ("i2", "HZW buren laten helpen?")
    ]
    everything = flow_workshop(top=0)
    assert titles(resolve(ideate(everything), session, everything)) == [
        ("i2", "HZW buren laten helpen?"),
        ("i1", "HZW eenzaamheid zien?"),
    ]
    assert resolve(ideate(workshop), Session(), workshop).prompts == ()  # nothing voted yet


def test_ideas_stay_with_their_prompt_when_the_vote_changes_or_the_card_goes() -> None:
    workshop = flow_workshop(top=1)
    session = hmw_session()
    session.records["ideate"] = BrainstormRecord(
        ideas=[Idea(id="x", prompt="i2", text="Burenbank")],
        prompts={"i2": "HZW buren laten helpen?"},
    )
    hmw = session.records["hmw"]
    assert isinstance(hmw, BrainstormRecord)
    hmw.ideas[0].votes["groep"] = 3  # the other question wins now
    step = resolve(ideate(workshop), session, workshop)
    assert titles(step) == [("i1", "HZW eenzaamheid zien?"), ("i2", "HZW buren laten helpen?")]
    assert step.prompts[0].question == ""
    assert step.prompts[1].question == (
        "Niet meer bij wat 'Hoe zouden we' nu doorgeeft; de ideeën blijven."
    )
    hmw.ideas[1].text = "HZW buren samen laten helpen?"  # edited: the card's text now
    assert resolve(ideate(workshop), session, workshop).prompts[1].title == (
        "HZW buren samen laten helpen?"
    )
    del hmw.ideas[1]  # gone: the text it had when the idea was added
    assert titles(resolve(ideate(workshop), session, workshop))[1] == (
        "i2",
        "HZW buren laten helpen?",
    )


def test_the_verslag_shows_the_prompt_texts_and_their_ideas() -> None:
    workshop = flow_workshop(top=1)
    session = hmw_session()
    session.records["ideate"] = BrainstormRecord(
        ideas=[Idea(id="x", prompt="i2", text="Burenbank", votes={"groep": 1})]
    )
    step = ideate(workshop)
    with using_workshop(workshop):
        blocks = section(step, session.records["ideate"], session)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["HZW buren laten helpen?"]
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == (("1", "Burenbank", "1", "groep"),)


def test_a_brainstorm_of_its_own_prompts_is_unchanged() -> None:
    step = BrainstormStep(id="b", title="B", prompts=(Prompt(id="p", title="P"),), voting=Voting())
    assert resolve(step, hmw_session(), flow_workshop()) is step


def test_without_its_workshop_the_verslag_titles_a_prompt_by_the_text_it_had() -> None:
    from samen_tui.kinds.brainstorm.report import stand_in

    record = BrainstormRecord(
        ideas=[Idea(id="x", prompt="i2", text="Burenbank")],
        prompts={"i2": "HZW buren laten helpen?"},
    )
    step = stand_in("ideate", record)
    assert isinstance(step, BrainstormStep)
    assert titles(step) == [("i2", "HZW buren laten helpen?")]


# --------------------------------------------------------------------------- what from takes

RATE = """\
kind = "rate"
id = "r"
title = "Gezondheid"
weakest = 2
items = [
  { id = "a", title = "Slapen" },
  { id = "b", title = "Bewegen" },
  { id = "c", title = "Eten" },
  { id = "d", title = "Buren" },
]

[[items.steps]]
"""


def rated() -> Session:
    session = Session()
    scores = {"a": 4, "b": 1, "c": 3, "d": 2}  # weakest first: b, d, c, a
    session.records["r"] = RateRecord(ratings={k: Rating(group=v) for k, v in scores.items()})
    return session


def test_a_rate_step_passes_on_its_weakest_by_top_or_its_own_weakest() -> None:
    workshop = parse_workshop(HEAD + RATE + IDEATE + 'from = "r"\n', "w.toml")
    session = rated()
    taken = [
        [card for card, _ in cards_from(session, workshop, "r", top, "")] for top in (0, 1, 3, 9)
    ]
    assert taken == [["b", "d"], ["b"], ["b", "d", "c"], ["b", "d", "c", "a"]]
    assert cards_from(session, workshop, "r", 0, "")[0] == ("b", "Bewegen")
    assert cards_from(Session(), workshop, "r", 0, "") == []
    assert cards_from(None, workshop, "r", 0, "") == []


def test_a_prompt_that_dropped_out_of_a_rate_steps_top_keeps_the_items_title() -> None:
    workshop = parse_workshop(HEAD + RATE + IDEATE + 'from = "r"\ntop = 1\n', "w.toml")
    session = rated()
    session.records["ideate"] = BrainstormRecord(ideas=[Idea(id="x", prompt="d", text="Bankje")])
    step = resolve(ideate(workshop), session, workshop)
    assert titles(step) == [("b", "Bewegen"), ("d", "Buren")]
    assert [bool(p.question) for p in step.prompts] == [False, True]


def test_the_earlier_step_is_read_once_when_a_prompt_dropped_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workshop = flow_workshop(top=1)
    session = hmw_session()
    session.records["ideate"] = BrainstormRecord(ideas=[Idea(id="x", prompt="i1", text="Bank")])
    calls: list[object] = []
    ranked = stats.ranked

    def counted(*args: object) -> object:
        calls.append(args)
        return ranked(*args)

    monkeypatch.setattr(stats, "ranked", counted)
    step = resolve(ideate(workshop), session, workshop)
    assert titles(step) == [("i2", "HZW buren laten helpen?"), ("i1", "HZW eenzaamheid zien?")]
    assert len(calls) == 1
