"""Comparing sessions of one workshop, and taking over open actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from samen_tui import paths, report
from samen_tui.i18n import set_language
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.conversation.record import ConversationRecord, Decision
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session import compare
from samen_tui.session.model import Participant, Session
from tests.fixtures import report_fixture as fx


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def later_session() -> Session:
    """A second session of the same workshop: other ratings, other cards, the pilot
    action taken over and done, a new decision."""
    s = Session(
        workshop="proef",
        title="Terugkomdag",
        started=dt.datetime(2025, 6, 1, 13, 0, tzinfo=fx.TZ),
        participants=[
            Participant(id="x1", name="anna jansen", organisation="Gemeente"),
            Participant(id="x2", name="Eva", organisation="Welzijn"),
        ],
    )
    s.records = {
        "motieven": SortRecord(
            cards=[
                Card(id="1", text="Samen", category="affectief", who="x1"),
                Card(id="2", text="Geld", category="instrumenteel", who="x2"),
                Card(id="3", text="Meer geld", category="instrumenteel", who="x2"),
                Card(id="4", text="Oud", category="verdwenen", who="x2"),
            ]
        ),
        "check": RateRecord(
            ratings={
                "doel": Rating(group=4),
                "vertrouwen": Rating(by={"x1": 3, "x2": 5}),
                "humor": Rating(group=5),
            }
        ),
        "gesprek": ConversationRecord(
            decisions=[
                Decision(id="d1", text="We  starten een pilot in wijk Noord."),  # same, spaced
                Decision(id="d9", text="De pilot wordt verlengd."),
            ]
        ),
        "acties": ActionsRecord(
            actions=[
                Action(
                    id="n1",
                    who="x1",  # Anna, by name in the first session's id p1
                    what="plan de pilot",
                    when=dt.date(2025, 5, 1),
                    status="done",
                    origin="eerste",
                ),
                Action(id="n2", who="x2", what="Evaluatie schrijven", when=dt.date(2025, 7, 1)),
            ]
        ),
    }
    return s


# --------------------------------------------------------------------------- refusals


def test_refuses_sessions_of_different_workshops() -> None:
    other = later_session()
    other.workshop = "iets-anders"
    with pytest.raises(compare.CompareError) as info:
        compare.compare_ratings(fx.workshop(), [fx.session(), other])
    message = str(info.value)
    assert "proef" in message and "iets-anders" in message
    assert "verschillende workshops" in message
    for fn in (compare.compare_motives, compare.compare_actions, compare.compare_blocks):
        with pytest.raises(compare.CompareError):
            fn(fx.workshop(), [fx.session(), other])


def test_refuses_sessions_of_another_workshop_than_given() -> None:
    a, b = fx.session(), later_session()
    a.workshop = b.workshop = "iets-anders"
    with pytest.raises(compare.CompareError, match="hoort bij workshop 'iets-anders'"):
        compare.compare_ratings(fx.workshop(), [a, b])


def test_refuses_fewer_than_two_sessions() -> None:
    with pytest.raises(compare.CompareError, match="minstens twee"):
        compare.compare_motives(fx.workshop(), [fx.session()])
    set_language("en")
    with pytest.raises(compare.CompareError, match="at least two"):
        compare.compare_motives(fx.workshop(), [])


# --------------------------------------------------------------------------- ratings


def test_compare_ratings_per_group_and_item() -> None:
    rows = compare.compare_ratings(fx.workshop(), [fx.session(), later_session()])
    assert [(r.group_id, r.item_id) for r in rows] == [
        ("ambitie", None),
        ("ambitie", "doel"),
        ("ambitie", "belang"),
        ("relatie", None),
        ("relatie", "vertrouwen"),
        ("relatie", "respect"),
        ("relatie", "humor"),
    ]
    by = {(r.group_id, r.item_id): r for r in rows}
    assert by[("ambitie", "doel")].means == (2.0, 4.0)
    assert by[("ambitie", "belang")].means == (4.0, None)
    assert by[("ambitie", None)].means == (3.0, 4.0)
    assert by[("ambitie", None)].is_group and by[("ambitie", None)].title == "Ambitie en Belangen"
    assert by[("relatie", "vertrouwen")].means == (2.0, 4.0)
    assert by[("relatie", "humor")].means == (None, 5.0)
    assert by[("relatie", None)].means == pytest.approx((2.75, 4.5))
    assert all(r.step_id == "check" for r in rows)


# --------------------------------------------------------------------------- motives


def test_compare_motives_counts_per_category() -> None:
    rows = compare.compare_motives(
        fx.workshop(), [fx.session(), later_session(), Session(workshop="proef")]
    )
    assert [(r.category_id, r.counts) for r in rows] == [
        ("affectief", (2, 1, 0)),
        ("moreel", (2, 0, 0)),
        ("instrumenteel", (2, 2, 0)),
        ("verdwenen", (0, 1, 0)),
    ]
    assert rows[0].title == "Affectieve motieven"
    assert rows[-1].title == "verdwenen"


# --------------------------------------------------------------------------- actions


def test_compare_actions_matches_the_same_action_across_sessions() -> None:
    rows = compare.compare_actions(fx.workshop(), [fx.session(), later_session()])
    decisions = [r for r in rows if r.kind == "decision"]
    actions = [r for r in rows if r.kind == "action"]
    assert rows == decisions + actions  # decisions first
    assert [(d.text, d.present) for d in decisions] == [
        ("We starten een pilot in wijk Noord.", (True, True)),
        ("*Niet* vet [b]ook niet[/b]", (True, False)),
        ("De pilot wordt verlengd.", (False, True)),
    ]
    by_what = {a.text.casefold(): a for a in actions}
    pilot = by_what["plan de pilot"]
    assert pilot.who == "Anna Jansen"
    assert pilot.statuses == ("open", "done")
    assert pilot.present == (True, True)
    assert pilot.when == dt.date(2025, 5, 1)  # the latest session's date
    assert by_what["verslag rondsturen"].statuses == ("done", None)
    assert by_what["evaluatie schrijven"].statuses == (None, "open")
    assert by_what["evaluatie schrijven"].who == "Eva"
    assert len(actions) == 5


def test_open_actions() -> None:
    opened = compare.open_actions(fx.session())
    assert [a.what for a in opened] == ["Plan de pilot", "Budget vragen", fx.INJECT_PIPE]
    assert all(a.status == "open" for a in opened)
    assert compare.open_actions(Session()) == []


def test_take_over_copies_open_actions_once() -> None:
    earlier = fx.session()
    into = later_session()
    before = {a.id for _s, a in earlier.all_actions()}
    copied = compare.take_over_actions(earlier, "2025-03-12 Gemeente Voorbeeld", into, "acties")
    assert copied == 3
    record = into.records["acties"]
    assert isinstance(record, ActionsRecord)
    new = record.actions[2:]
    assert [a.what for a in new] == ["Plan de pilot", "Budget vragen", fx.INJECT_PIPE]
    assert all(a.status == "open" for a in new)
    assert all(a.origin == "2025-03-12 Gemeente Voorbeeld" for a in new)
    assert len({a.id for a in new}) == 3 and not ({a.id for a in new} & before)
    assert all(a.id for a in new)
    # a participant of the earlier session is the participant of the same name here
    assert new[0].who == "x1"
    assert new[0].when == dt.date(2025, 4, 15)
    assert new[1].who == "Wethouder"  # free text stays as typed
    assert new[2].who == "Anna Jansen"
    # not twice, and the source is untouched
    assert compare.take_over_actions(earlier, "2025-03-12 Gemeente Voorbeeld", into, "acties") == 0
    assert len(record.actions) == 5
    assert [a.status for _s, a in earlier.all_actions()].count("open") == 3
    # a changed action (new date) is new
    earlier_actions = earlier.records["gesprek"]
    assert isinstance(earlier_actions, ConversationRecord)
    earlier_actions.actions[0].when = dt.date(2025, 4, 20)
    assert compare.take_over_actions(earlier, "2025-03-12 Gemeente Voorbeeld", into, "acties") == 1


def test_take_over_keeps_a_participant_name_without_a_match() -> None:
    earlier = fx.session()
    into = Session(workshop="proef")
    assert compare.take_over_actions(earlier, "eerste", into, "acties") == 3
    record = into.records["acties"]
    assert isinstance(record, ActionsRecord)
    assert record.actions[0].who == "Anna Jansen"
    assert compare.take_over_actions(earlier, "eerste", into, "acties") == 0
    # another origin is another take-over
    assert compare.take_over_actions(earlier, "tweede", into, "acties") == 3


def test_take_over_refuses_a_step_that_is_not_an_action_list() -> None:
    into = Session(workshop="proef", records={"titel": ContentRecord(notes="bewaren")})
    with pytest.raises(compare.CompareError, match="titel"):
        compare.take_over_actions(fx.session(), "eerste", into, "titel")
    record = into.records["titel"]
    assert isinstance(record, ContentRecord) and record.notes == "bewaren"


# --------------------------------------------------------------------------- blocks


def test_compare_blocks_render_side_by_side() -> None:
    blocks = compare.compare_blocks(fx.workshop(), [fx.session(), later_session()])
    md = report.to_markdown(blocks)
    assert "# Vergelijking: Proefworkshop" in md
    assert "| Onderdeel | Gemeente Voorbeeld (2025-03-12) | Terugkomdag (2025-06-01) |" in md
    assert "| Ambitie en Belangen (gemiddeld) | 3,0 | 4,0 |" in md
    assert "| Humor | – | 5,0 |" in md
    assert "| Instrumentele motieven | 2 | 2 |" in md
    assert "| actie | Plan de pilot | Anna Jansen | 2025-05-01 | open | afgerond |" in md
    assert "| besluit | De pilot wordt verlengd. |  |  | – | ja |" in md
    assert "| besluit | \\*Niet\\* vet \\[b\\]ook niet\\[/b\\] |" in md
    html = report.render_html(blocks)
    assert "*Niet* vet [b]ook" in html and "niet[/b]" in html  # wrapped in its cell
    set_language("en")
    md_en = report.to_markdown(
        compare.compare_blocks(fx.workshop(), [fx.session(), later_session()], ["A", "B"])
    )
    assert "# Comparison: Proefworkshop" in md_en
    assert "| action | Plan de pilot | Anna Jansen | 2025-05-01 | open | done |" in md_en
    assert "| Ambitie en Belangen (mean) | 3.0 | 4.0 |" in md_en


def test_categories_added_in_the_app_are_compared_by_their_name() -> None:
    """A category added in the room (an open sort step) was listed by its id."""
    from samen_tui.kinds.sort.record import Added
    from samen_tui.workshop.catalog import resolve_workshop

    example = paths.PACKAGE_WORKSHOPS / "examples" / "design-thinking.toml"
    workshop = resolve_workshop(str(example), [])
    sessions = []
    for title, text in (("A", "Eén"), ("B", "Twee")):
        record = SortRecord(
            cards=[Card(id="k1", text=text, category="c-nieuw")],
            added=[Added(id="c-nieuw", title="Nieuw thema")],
        )
        sessions.append(
            Session(
                workshop=workshop.id,
                title=title,
                steps=workshop.step_ids(),
                records={"affinity": record},
            )
        )
    rows = [r for r in compare.compare_motives(workshop, sessions) if r.category_id == "c-nieuw"]
    assert [(r.title, r.counts) for r in rows] == [("Nieuw thema", (1, 1))]
