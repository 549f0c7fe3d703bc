"""Statistics over captured records: ratings, motive counts, dot votes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samen_tui.i18n import set_language
from samen_tui.kinds.brainstorm import stats as brainstorm_stats
from samen_tui.kinds.brainstorm.model import BrainstormStep, Prompt, Voting
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.rate import stats as rate_stats
from samen_tui.kinds.rate.model import Group, RateItem, RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort import stats as sort_stats
from samen_tui.kinds.sort.model import Category, SortStep
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import Participant, Session


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def rate_step(weakest: int = 3) -> RateStep:
    return RateStep(
        id="check",
        title="Checklist",
        groups=(Group(id="a", title="A"), Group(id="b", title="B"), Group(id="c", title="C")),
        items=(
            RateItem(id="a1", title="A1", group="a"),
            RateItem(id="a2", title="A2", group="a"),
            RateItem(id="b1", title="B1", group="b"),
            RateItem(id="b2", title="B2", group="b"),
            RateItem(id="b3", title="B3", group="b"),
            RateItem(id="c1", title="C1", group="c"),
        ),
        weakest=weakest,
    )


# --------------------------------------------------------------------------- rate


def test_item_mean_uses_participants_when_they_rated() -> None:
    rec = RateRecord(ratings={"a1": Rating(group=5, by={"p1": 1, "p2": 2, "p3": 4})})
    stat = rate_stats.item_ratings(rate_step(), rec)[0]
    assert stat.item.id == "a1"
    assert stat.values == (1, 2, 4)
    assert stat.mean == pytest.approx(7 / 3)
    assert stat.spread == 3
    assert stat.n == 3
    assert stat.group == 5  # kept beside, not averaged in
    assert stat.from_participants


def test_item_mean_falls_back_to_group_rating() -> None:
    rec = RateRecord(ratings={"a2": Rating(group=4, note="kort")})
    stat = {s.item.id: s for s in rate_stats.item_ratings(rate_step(), rec)}["a2"]
    assert stat.values == (4,)
    assert stat.mean == 4.0
    assert stat.spread == 0
    assert stat.n == 1
    assert stat.note == "kort"
    assert not stat.from_participants


def test_unrated_items_have_no_mean() -> None:
    rec = RateRecord(ratings={"b1": Rating(note="alleen een notitie")})
    by_id = {s.item.id: s for s in rate_stats.item_ratings(rate_step(), rec)}
    assert [s.item.id for s in rate_stats.item_ratings(rate_step(), rec)] == [
        "a1",
        "a2",
        "b1",
        "b2",
        "b3",
        "c1",
    ]
    for item_id in ("a1", "b1", "c1"):
        assert by_id[item_id].mean is None
        assert by_id[item_id].spread is None
        assert by_id[item_id].n == 0
        assert not by_id[item_id].rated
    assert rate_stats.item_ratings(rate_step(), None)[0].mean is None


def test_group_means_weigh_items_equally_and_skip_unrated() -> None:
    rec = RateRecord(
        ratings={
            "a1": Rating(by={"p1": 1, "p2": 1, "p3": 1, "p4": 1}),  # 1.0 from four people
            "a2": Rating(group=5),  # 5.0 from the group
            "b2": Rating(group=2),
        }
    )
    means = rate_stats.group_means(rate_step(), rec)
    assert list(means) == ["a", "b", "c"]
    assert means["a"] == pytest.approx(3.0)
    assert means["b"] == pytest.approx(2.0)
    assert means["c"] is None


def test_weakest_lowest_mean_first_ties_by_widest_spread() -> None:
    rec = RateRecord(
        ratings={
            "a1": Rating(by={"p1": 2, "p2": 2}),  # 2.0 spread 0
            "a2": Rating(by={"p1": 1, "p2": 3}),  # 2.0 spread 2
            "b1": Rating(group=4),  # 4.0
            "b2": Rating(by={"p1": 1, "p2": 2}),  # 1.5 spread 1
            "b3": Rating(group=2),  # 2.0 spread 0 (after a1 in the step's order)
            # c1 unrated
        }
    )
    step = rate_step(weakest=3)
    assert [s.item.id for s in rate_stats.weakest(step, rec)] == ["b2", "a2", "a1"]
    assert [s.item.id for s in rate_stats.weakest(step, rec, n=4)] == ["b2", "a2", "a1", "b3"]
    everything = rate_stats.weakest(step, rec, n=99)
    assert [s.item.id for s in everything] == ["b2", "a2", "a1", "b3", "b1"]  # no c1
    assert rate_stats.weakest(step, rec, n=0) == []
    assert rate_stats.weakest(rate_step(weakest=0), rec) == []
    assert rate_stats.weakest(step, RateRecord()) == []


@given(
    st.dictionaries(
        st.sampled_from(["a1", "a2", "b1", "b2", "b3", "c1"]),
        st.tuples(
            st.none() | st.integers(1, 5),
            st.dictionaries(st.sampled_from(["p1", "p2", "p3"]), st.integers(1, 5)),
        ),
    ),
    st.integers(0, 7),
)
def test_rating_properties(raw: dict[str, tuple[int | None, dict[str, int]]], n: int) -> None:
    rec = RateRecord(ratings={k: Rating(group=g, by=by) for k, (g, by) in raw.items()})
    step = rate_step()
    item_stats = rate_stats.item_ratings(step, rec)
    for s in item_stats:
        if s.mean is None:
            assert s.n == 0
            continue
        assert min(s.values) <= s.mean <= max(s.values)
        assert s.spread == max(s.values) - min(s.values)
    weak = rate_stats.weakest(step, rec, n=n)
    rated = [s for s in item_stats if s.mean is not None]
    assert len(weak) == min(n, len(rated))
    keys = [(s.mean, -(s.spread or 0)) for s in weak]
    assert keys == sorted(keys)
    if weak:  # nothing left out is weaker than the last one kept
        worst_kept = keys[-1]
        for s in rated:
            if s not in weak:
                assert (s.mean, -(s.spread or 0)) >= worst_kept
    for group_id, mean in rate_stats.group_means(step, rec).items():
        members = [s.mean for s in rated if s.item.group == group_id and s.mean is not None]
        assert (mean is None) == (not members)
        if mean is not None:
            assert min(members) <= mean <= max(members)


# --------------------------------------------------------------------------- sort


def sort_step() -> SortStep:
    return SortStep(
        id="motieven",
        title="Motieven",
        categories=(
            Category(id="aff", title="Affectief"),
            Category(id="mor", title="Moreel"),
            Category(id="ins", title="Instrumenteel"),
        ),
    )


def sort_session() -> tuple[Session, SortRecord]:
    session = Session(
        participants=[
            Participant(id="p1", name="Anna", organisation="Zorg"),
            Participant(id="p2", name="Bram", organisation="Gemeente"),
            Participant(id="p3", name="Cem", organisation=" Zorg "),
            Participant(id="p4", name="Dirk"),
        ]
    )
    rec = SortRecord(
        cards=[
            Card(id="1", text="x", category="aff", who="p2"),
            Card(id="2", text="x", category="aff", who="p1"),
            Card(id="3", text="x", category="ins", who="p3"),
            Card(id="4", text="x", category="aff", who=""),
            Card(id="5", text="x", category="weg", who="p4"),
            Card(id="6", text="x", category="ins", who="gone"),
        ]
    )
    return session, rec


def test_category_counts_every_category_then_unknown_ones() -> None:
    _session, rec = sort_session()
    counts = sort_stats.category_counts(sort_step(), rec)
    assert counts == {"aff": 3, "mor": 0, "ins": 2, "weg": 1}
    assert list(counts) == ["aff", "mor", "ins", "weg"]
    assert sort_stats.category_counts(sort_step(), None) == {"aff": 0, "mor": 0, "ins": 0}


def test_organisation_counts_group_and_unknown_rows() -> None:
    session, rec = sort_session()
    counts = sort_stats.organisation_counts(session, rec)
    # participants' order (Zorg before Gemeente), then the group, then "no organisation"
    assert list(counts) == ["Zorg", "Gemeente", "groep", "zonder organisatie"]
    assert counts["Zorg"] == {"aff": 1, "ins": 1}
    assert counts["Gemeente"] == {"aff": 1}
    assert counts["groep"] == {"aff": 1}
    # Dirk has no organisation; "gone" is no longer a participant
    assert counts["zonder organisatie"] == {"weg": 1, "ins": 1}
    with_step = sort_stats.organisation_counts(session, rec, sort_step())
    assert with_step["Gemeente"] == {"aff": 1, "mor": 0, "ins": 0}
    assert sum(sum(row.values()) for row in with_step.values()) == len(rec.cards)


def test_organisation_counts_labels_follow_the_language() -> None:
    session, rec = sort_session()
    set_language("en")
    counts = sort_stats.organisation_counts(session, rec)
    assert "group" in counts and "no organisation" in counts
    assert "groep" not in counts


# --------------------------------------------------------------------------- brainstorm


THREE_DOTS = Voting(budget=3)


def brainstorm(voting: Voting | None = THREE_DOTS) -> BrainstormStep:
    return BrainstormStep(
        id="helpt",
        title="Wat helpt",
        prompts=(Prompt(id="k", title="Killers"), Prompt(id="r", title="Randvoorwaarden")),
        voting=voting,
    )


def ideas() -> BrainstormRecord:
    return BrainstormRecord(
        ideas=[
            Idea(id="1", prompt="k", text="een", votes={"p1": 1}),
            Idea(id="2", prompt="r", text="twee", votes={"p1": 1, "p2": 3}),
            Idea(id="3", prompt="k", text="drie", votes={"p2": 2}),
            Idea(id="4", prompt="k", text="vier", votes={}),
            Idea(id="5", prompt="k", text="vijf", votes={"groep": 1}),
        ]
    )


def test_ranked_by_votes_then_entry_order() -> None:
    rec = ideas()
    assert [i.id for i in brainstorm_stats.ranked(brainstorm(), rec, "k")] == ["3", "1", "5", "4"]
    assert [i.id for i in brainstorm_stats.ranked(brainstorm(), rec)] == ["2", "3", "1", "5", "4"]
    assert brainstorm_stats.ranked(brainstorm(), rec, "nope") == []
    assert brainstorm_stats.ranked(brainstorm(), None) == []
    ranked = brainstorm_stats.ranked(brainstorm(), rec, "k")
    assert brainstorm_stats.ranks(ranked) == [1, 2, 2, 4]


def test_votes_used_and_left_respect_the_budget() -> None:
    step, rec = brainstorm(Voting(budget=4)), ideas()
    assert brainstorm_stats.votes_used(rec, "p1") == 2
    assert brainstorm_stats.votes_used(rec, "p2") == 5
    assert brainstorm_stats.votes_used(rec, "p9") == 0
    assert brainstorm_stats.votes_left(step, rec, "p1") == 2
    assert brainstorm_stats.votes_left(step, rec, "p2") == 0  # over budget is never negative
    assert brainstorm_stats.votes_left(step, rec, "p9") == 4
    assert brainstorm_stats.votes_left(step, None, "p1") == 4
    assert brainstorm_stats.votes_left(brainstorm(None), rec, "p9") == 0  # no voting, no dots
    rec.ideas[0].votes["p1"] += 1
    assert brainstorm_stats.votes_left(step, rec, "p1") == 1


def test_voters() -> None:
    session = Session(participants=[Participant(id="p1"), Participant(id="p2")])
    assert brainstorm_stats.voters(brainstorm(), session) == ["p1", "p2"]
    assert brainstorm_stats.voters(brainstorm(Voting(per="group")), session) == [
        brainstorm_stats.GROUP_VOTER
    ]
    assert brainstorm_stats.voters(brainstorm(), Session()) == [brainstorm_stats.GROUP_VOTER]
    assert brainstorm_stats.voters(brainstorm(None), session) == []
    assert brainstorm_stats.votes_used(ideas(), brainstorm_stats.GROUP_VOTER) == 1
