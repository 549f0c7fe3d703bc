"""#20: ``from`` on a sort step (loader and check, what arrives and what stays),
categories merged in the room, and both in the verslag."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from samen_tui.i18n import set_language
from samen_tui.kinds import flow
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.sort import categories, taken
from samen_tui.kinds.sort.model import UNSORTED, Category, SortStep
from samen_tui.kinds.sort.record import Added, Card, SortRecord
from samen_tui.kinds.sort.report import section
from samen_tui.report.blocks import Heading, Paragraph
from samen_tui.report.build import report_blocks
from samen_tui.report.markdown import to_markdown
from samen_tui.session.model import Participant, Session
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
BRAINSTORM = (
    'kind = "brainstorm"\nid = "hmw"\ntitle = "HMW"\n'
    'prompts = [{ id = "p", title = "P" }]\n\n[[items.steps]]\n'
)
SORT = 'kind = "sort"\nid = "s"\ntitle = "S"\ncategories = [{ id = "a", title = "A" }]\n'
CONTENT = 'kind = "content"\nid = "c"\ntitle = "C"\n\n[[items.steps]]\n'


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def problems_of(text: str) -> list[str]:
    with pytest.raises(WorkshopError) as info:
        parse_workshop(text, "w.toml")
    return [str(problem) for problem in info.value.problems]


# --------------------------------------------------------------------------- the file


def test_a_sort_step_takes_an_earlier_steps_cards_and_has_its_pile() -> None:
    workshop = parse_workshop(HEAD + BRAINSTORM + SORT + 'from = "hmw"\ntop = 5\n', "w.toml")
    step = workshop.step("s")
    assert isinstance(step, SortStep)
    assert (step.from_, step.top, step.unsorted) == ("hmw", 5, True)  # from: a pile


def test_from_on_a_sort_step_names_an_earlier_step_with_cards() -> None:
    assert problems_of(HEAD + BRAINSTORM + SORT + 'from = "hmx"\n') == [
        "w.toml:21:8: from: er is geen stap 'hmx' in deze workshop"
    ]
    later = HEAD + SORT + 'from = "hmw"\n\n[[items.steps]]\n' + BRAINSTORM.split("\n\n")[0]
    assert problems_of(later + "\n") == [
        "w.toml:15:8: from: stap 'hmw' komt later; een stap neemt alleen over van een eerdere"
    ]
    assert problems_of(HEAD + CONTENT + SORT + 'from = "c"\n') == [
        "w.toml:20:8: from: stap 'c' is een content-stap;"
        " overnemen kan van: brainstorm, sort, rate, questions"
    ]


def test_a_sort_steps_category_and_top_are_checked_with_their_place() -> None:
    other = SORT.replace('id = "s"', 'id = "t"') + "\n[[items.steps]]\n"
    text = HEAD + other + SORT + 'from = "t"\ncategory = "b"\ntop = -2\n'
    assert problems_of(text) == [
        "w.toml:22:12: onbekende categorie 'b' (categorieën: a)",
        "w.toml:23:7: top moet 0 (alles) of meer zijn",
    ]
    assert problems_of(HEAD + SORT + "from = 3\n") == [
        "w.toml:15:8: verwacht tekst, gevonden: geheel getal"
    ]


# --------------------------------------------------------------------------- arriving


def test_cards_arrive_once_follow_while_untouched_and_stay_once_sorted() -> None:
    record = SortRecord()
    incoming = [("i1", "Hofje", "p1"), ("i2", "Buurt", ""), ("i3", "Taxi", "")]
    assert taken.pull(record, incoming)
    assert [(c.id, c.category, c.who, c.follows) for c in record.cards] == [
        ("i1", UNSORTED, "p1", "i1"),
        ("i2", UNSORTED, "", "i2"),
        ("i3", UNSORTED, "", "i3"),
    ]
    assert not taken.pull(record, incoming)  # nothing new: nothing changes
    # sorted here (the view clears follows), deleted here
    record.cards[0].category, record.cards[0].follows = "a", ""
    del record.cards[2]
    # there: i1 and i2 get another text, i3 is still there, i4 is new
    now = [("i1", "Hofje!", "p1"), ("i2", "Buurtkamer", ""), ("i3", "Taxi", ""), ("i4", "X", "")]
    assert taken.pull(record, now)
    assert [(c.id, c.text, c.category) for c in record.cards] == [
        ("i1", "Hofje", "a"),  # sorted: its own
        ("i2", "Buurtkamer", UNSORTED),  # untouched: follows
        ("i4", "X", UNSORTED),  # new; i3 was deleted here and does not come back
    ]
    # deleted there: the sorted one stays, the unsorted one leaves
    assert taken.pull(record, [("i4", "X", "")])
    assert [c.id for c in record.cards] == ["i1", "i4"]
    assert record.taken == ["i1", "i2", "i3", "i4"]


def test_who_is_a_participant_or_the_group() -> None:
    session = Session(participants=[Participant(id="p1", name="Anna")])
    session.records["hmw"] = BrainstormRecord(
        ideas=[
            Idea(id="i1", prompt="p", text="A", who="p1"),
            Idea(id="i2", prompt="p", text="B", who="Tafel 2"),  # a breakout group
        ]
    )
    found = [("i1", "A"), ("i2", "B")]
    assert taken.with_who(session, "hmw", found) == [("i1", "A", "p1"), ("i2", "B", "")]


def test_pulled_leaves_the_record_as_it_is() -> None:
    record = SortRecord(cards=[Card(id="k1", text="Eigen", category="a")])
    copy = taken.pulled(record, [("i1", "Hofje", "")])
    assert copy is not None and copy is not record
    assert [c.id for c in copy.cards] == ["k1", "i1"]
    assert [c.id for c in record.cards] == ["k1"] and record.taken == []
    assert taken.pulled(record, []) is record
    assert taken.pulled(None, []) is None


def test_a_later_step_reads_the_sorted_cards_of_a_sort_step_with_from() -> None:
    text = HEAD + BRAINSTORM + SORT + 'from = "hmw"\n\n[[items.steps]]\n'
    text += 'kind = "rate"\nid = "r"\ntitle = "R"\nfrom = "s"\n'
    workshop = parse_workshop(text, "w.toml")
    session = Session()
    session.records["hmw"] = BrainstormRecord(ideas=[Idea(id="i1", prompt="p", text="Hofje")])
    # the sort step was never shown: its pile still holds the brainstorm's card
    assert flow.cards_from(session, workshop, "s", 0, "") == [("i1", "Hofje")]
    assert flow.cards_from(session, workshop, "s", 0, "a") == []
    assert "s" not in session.records


# --------------------------------------------------------------------------- merging


def open_step() -> SortStep:
    return SortStep(
        id="s",
        title="S",
        open=True,
        categories=(
            Category(id="wonen", title="Wonen", key="n"),
            Category(id="zorg", title="Zorg"),
        ),
    )


def test_merging_moves_the_cards_hides_the_category_and_keeps_every_key() -> None:
    step = open_step()
    record = SortRecord(
        added=[Added(id="c1", title="Ontmoeten"), Added(id="c2", title="Vervoer")],
        cards=[
            Card(id="k1", text="Hofje", category="zorg"),
            Card(id="k2", text="Taxi", category="c2"),
            Card(id="k3", text="Koffie", category="c1"),
        ],
    )
    before = {c.id: c.key for c in categories.resolve(step, record).categories}
    assert categories.merge(record, "c1", "zorg") == 1
    assert categories.merge(record, "zorg", "wonen") == 2
    after = categories.resolve(step, record)
    assert [c.id for c in after.categories] == ["wonen", "c2"]
    assert {c.id: c.key for c in after.categories} == {"wonen": "n", "c2": before["c2"]}
    assert [c.category for c in record.cards] == ["wonen", "c2", "wonen"]
    # a category merged into one merged later: named with where its cards are now
    assert categories.merges(step, record) == [("Ontmoeten", "Wonen"), ("Zorg", "Wonen")]
    with pytest.raises(ValueError):
        categories.merge(record, UNSORTED, "wonen")
    assert [c.id for c in categories.mergeable(categories.resolve(open_step(), None))] == [
        "wonen",
        "zorg",
    ]


def test_the_verslag_shows_the_merged_result() -> None:
    step = open_step()
    record = SortRecord(
        cards=[
            Card(id="k1", text="Hofje", category="wonen"),
            Card(id="k2", text="Buurtzorg", category="zorg"),
        ]
    )
    categories.merge(record, "zorg", "wonen")
    blocks = section(step, record, Session())
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert "Wonen (2)" in headings and not any(h.startswith("Zorg") for h in headings)
    notes = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert notes == ["Samengevoegd in de zaal: Zorg in Wonen."]


def test_the_verslag_has_the_earlier_cards_of_a_sort_step_never_shown() -> None:
    from samen_tui.workshop.loader import load_workshop

    workshop = load_workshop("workshops/examples/design-thinking.toml")
    session = Session()
    session.records["ideeen"] = BrainstormRecord(
        ideas=[Idea(id="i1", prompt="snel", text="Koffieochtend in het buurthuis")]
    )
    text = to_markdown(report_blocks(workshop, session))
    part = text.split("### Affinity sort")[1].split("\n### ")[0]
    assert "Nog niet in een groep (1)" in part and "Koffieochtend in het buurthuis" in part
    assert "affinity" not in session.records  # the verslag changes nothing
