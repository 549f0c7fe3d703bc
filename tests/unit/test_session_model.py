"""Any session survives TOML text and back: every text, date, rating, vote and key."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.conversation.record import ConversationRecord, Decision, Mandate
from samen_tui.kinds.participants.record import ParticipantsRecord
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.references.record import ReferencesRecord
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import SCHEMA, ItemTime, Participant, Record, RoomState, Session
from samen_tui.session.store import SessionReadError, dumps_session, loads_session

# --------------------------------------------------------------------------- strategies

NASTY = [
    "",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "regel een\r\nregel twee\r\n",
    '"""',
    "'''",
    'eind met aanhalingsteken"',
    "eind met backslash\\",
    "backslash op regelend\\\nvolgende",
    "\\n is geen nieuwe regel",
    "\t tab \x00 nul \x1b[31m \x7f del \x85 nel \u2028 \u2029",
    "\ufeffbom vooraan",
    "[b]vet[/b] [red]rood[/] [@click=quit]klik[/]",
    "Geïnteresseerd in coöperatie: één café, Zeeuws-Vlaanderen, ëéïöü ÄÖÜ ß",
    "emoji 👩‍👩‍👧 en 𝄞 buiten het BMP",
    "key = 'waarde'\n[tabel]\n# geen commentaar",
    '"""\n"""',
]

any_char = st.characters(codec="utf-8")  # every code point except surrogates
short_text = st.one_of(
    st.text(any_char, max_size=30),
    st.text(st.sampled_from("\n\r\t\"'\\\x00\x7f\x1b[]#=.ëéï"), max_size=20),
    st.sampled_from(NASTY),
)
long_text = st.builds(
    lambda piece, times: (piece * times)[:10_000],
    st.text(any_char, min_size=1, max_size=40),
    st.integers(min_value=1, max_value=10_000),
)
text = st.one_of(short_text, short_text, short_text, short_text, short_text, long_text)
"""Any text, sometimes up to 10,000 characters."""
filled = text.filter(bool)
"""Text values inside tables must not be empty: empty values are left out of the file."""
key = short_text
"""Table keys (step ids, participant ids, item ids): any text, even empty."""

offsets = st.one_of(
    st.timedeltas(
        min_value=dt.timedelta(hours=-23, minutes=-59), max_value=dt.timedelta(hours=23, minutes=59)
    ).map(lambda d: dt.timedelta(minutes=d // dt.timedelta(minutes=1))),
    # historic zones have offsets in seconds; TOML has whole minutes only
    st.integers(min_value=-23 * 3600, max_value=23 * 3600).map(lambda s: dt.timedelta(seconds=s)),
)
zones = st.one_of(st.none(), st.just(dt.UTC), offsets.map(dt.timezone))
# the years a session may hold (codec.YEARS): outside them a date is refused
datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1),
    max_value=dt.datetime(2200, 12, 31),
    timezones=zones,  # type: ignore[arg-type]
).map(lambda d: d.replace(microsecond=0))
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)


participants = st.builds(Participant, id=text, name=text, organisation=text, role=text)
cards = st.builds(Card, id=text, text=text, category=text, who=text)
ratings = st.builds(
    Rating,
    group=st.one_of(st.none(), ints),
    by=st.dictionaries(key, ints, max_size=3),
    note=text,
)
ideas = st.builds(
    Idea,
    id=text,
    prompt=text,
    text=text,
    who=text,
    votes=st.dictionaries(key, ints, max_size=3),
)
actions = st.builds(
    Action,
    id=text,
    who=text,
    what=text,
    when=st.one_of(st.none(), dates),
    status=st.sampled_from(["open", "done"]),
    origin=text,
)
decisions = st.builds(Decision, id=text, text=text)
mandates = st.builds(
    Mandate, id=text, partner=text, take_back=text, holder=text, by=st.one_of(st.none(), dates)
)
answers = st.builds(Answer, id=text, question=text, text=text, who=text)


records: st.SearchStrategy[Record] = st.one_of(
    st.builds(ContentRecord, notes=text),
    st.builds(ParticipantsRecord, notes=text),
    st.builds(SortRecord, cards=st.lists(cards, max_size=3), notes=text),
    st.builds(
        RateRecord,
        # a rating with nothing in it is left out of the file, like any empty value
        ratings=st.dictionaries(
            key, ratings.filter(lambda r: r.group is not None or r.by or r.note), max_size=3
        ),
        notes=text,
    ),
    st.builds(BrainstormRecord, ideas=st.lists(ideas, max_size=3), notes=text),
    st.builds(
        ConversationRecord,
        flow=text,
        notes=st.dictionaries(key, filled, max_size=3),
        mandates=st.lists(mandates, max_size=3),
        decisions=st.lists(decisions, max_size=3),
        actions=st.lists(actions, max_size=3),
    ),
    st.builds(QuestionsRecord, answers=st.lists(answers, max_size=3)),
    st.builds(ActionsRecord, actions=st.lists(actions, max_size=3)),
    st.builds(ReferencesRecord, notes=text),
).filter(lambda r: not r.is_empty())

toml_values = st.one_of(
    filled,
    ints,
    st.booleans(),
    dates,
    datetimes,
    st.lists(st.one_of(text, ints), min_size=1, max_size=3),
)
removed = st.dictionaries(
    key,
    st.dictionaries(key, toml_values, min_size=1, max_size=3),
    max_size=2,
)

sessions = st.builds(
    Session,
    schema=st.just(SCHEMA),
    workshop=text,
    fingerprint=text,
    title=text,
    place=text,
    trainer=text,
    language=text,
    started=st.one_of(st.none(), datetimes),
    ended=st.one_of(st.none(), datetimes),
    current=text,
    paused=st.booleans(),
    room=st.builds(RoomState, blank=st.booleans(), revealed=st.lists(text, max_size=3)),
    participants=st.lists(participants, max_size=3),
    items=st.dictionaries(key, st.builds(ItemTime, seconds=ints.filter(bool)), max_size=3),
    records=st.dictionaries(key, records, max_size=4),
    steps=st.lists(text, max_size=4),
    removed_steps=removed,
)


# --------------------------------------------------------------------------- properties


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@pytest.mark.slow
@given(sessions)
def test_any_session_survives_text_and_back(session: Session) -> None:
    text_ = dumps_session(session)
    assert loads_session(text_) == session
    # and the text is stable: writing what was read gives the same text
    assert dumps_session(loads_session(text_)) == text_


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(key, filled, min_size=1, max_size=4), text)
def test_any_keys_and_texts_survive(notes: dict[str, str], title: str) -> None:
    session = Session(title=title, records={"gesprek": ConversationRecord(notes=notes)})
    assert loads_session(dumps_session(session)) == session


# --------------------------------------------------------------------------- explicit cases


def _full_session() -> Session:
    return Session(
        workshop="samen-ouder-worden",
        fingerprint="sha256:00ff",
        title="Gemeente Ütrecht — coöperatie ‘één’",
        place="Café De Zoete Inval, ’s-Hertogenbosch",
        trainer="Inés",
        started=dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ended=dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        current="wat-helpt",
        participants=[
            Participant(id="p1", name="Zoë", organisation="GGD [regio]", role="beleid"),
            Participant(id="p2", name="Anaïs", organisation="Welzijn \\ Zorg"),
        ],
        items={"welkom": ItemTime(seconds=610)},
        records={
            "motieven": SortRecord(
                cards=[
                    Card(id="c1", text="[b]Solidariteit[/b]\nmet iedereen", category="affectief"),
                    Card(id="c2", text="Visie", category="moreel", who="p2"),
                ]
            ),
            "checklist": RateRecord(
                ratings={"vertrouwen": Rating(group=4, by={"p1": 5, "p2": 3}, note="ïs goed")}
            ),
            "killers": BrainstormRecord(
                ideas=[Idea(id="i1", prompt="killers", text="Tijdgebrek", votes={"p1": 2})]
            ),
            "bob": ConversationRecord(
                flow="bob",
                notes={"beeldvorming": "regel 1\r\nregel 2", "oordeelsvorming": "é\x7f"},
                decisions=[Decision(id="d1", text="We gaan door")],
                actions=[Action(id="a1", who="Zoë", what="Agenda", when=dt.date(2026, 12, 5))],
                mandates=[Mandate(id="m1", partner="GGD", by=dt.date(2027, 1, 1))],
            ),
            "startvragen": QuestionsRecord(answers=[Answer(id="q1", question="1", text="Ja")]),
        },
    )


def test_dutch_text_and_markup_survive() -> None:
    session = _full_session()
    text_ = dumps_session(session)
    assert "Zoë" in text_ and "[b]Solidariteit[/b]" in text_  # readable, not escaped
    assert loads_session(text_) == session


@pytest.mark.parametrize("value", NASTY)
def test_each_nasty_text_survives_in_every_place(value: str) -> None:
    session = _full_session()
    session.title = value
    session.participants[0].name = value
    session.records["extra"] = ContentRecord(notes=value or "x")
    bob = session.records["bob"]
    assert isinstance(bob, ConversationRecord)
    bob.notes[value] = value or "x"
    assert loads_session(dumps_session(session)) == session


def test_multiline_text_is_written_readably() -> None:
    session = Session(title="t", records={"n": ContentRecord(notes="regel een\nregel twee")})
    text_ = dumps_session(session)
    assert 'notes = """\nregel een\nregel twee"""' in text_


def test_crlf_is_kept_exactly() -> None:
    session = Session(records={"n": ContentRecord(notes="a\r\nb\nc\rd")})
    back = loads_session(dumps_session(session))
    assert back.records["n"] == ContentRecord(notes="a\r\nb\nc\rd")


def test_offset_in_seconds_is_written_as_valid_toml() -> None:
    odd = dt.timezone(dt.timedelta(minutes=19, seconds=32))  # Amsterdam before 1937
    session = Session(started=dt.datetime(1930, 5, 1, 12, 0, tzinfo=odd))
    text_ = dumps_session(session)
    tomllib.loads(text_)  # valid TOML
    back = loads_session(text_)
    assert back.started == session.started  # the same moment


def test_key_order_is_stable_for_diffs() -> None:
    text_ = dumps_session(_full_session())
    assert text_.index("schema") < text_.index("workshop") < text_.index("title")
    assert text_.index("[records.motieven]") < text_.index("[records.checklist]")


def test_the_room_is_left_out_until_the_trainer_sets_it() -> None:
    """A room as it starts (not blank, nothing revealed) is not written: a session that
    never had a room reads, and is written, as before; what the trainer set comes back."""
    plain = dumps_session(_full_session())
    assert "[room]" not in plain and "blank" not in plain
    assert loads_session(plain).room == RoomState()
    session = _full_session()
    session.room.blank = True
    session.room.revealed.append("wat-helpt")
    text_ = dumps_session(session)
    assert '[room]\nblank = true\nrevealed = [\n    "wat-helpt",\n]\n' in text_
    back = loads_session(text_)
    assert back.room.blank and back.room.revealed == ["wat-helpt"]
    session.room.blank = False
    assert "blank" not in dumps_session(session)
    with pytest.raises(SessionReadError) as info:
        loads_session(plain + "\n[room]\nblank = 1\n")
    assert "room.blank" in info.value.reason


def test_wrong_types_are_reported_not_raised() -> None:
    with pytest.raises(SessionReadError) as info:
        loads_session("schema = 1\ntitle = 5\n")
    assert "title" in info.value.reason
    assert "geen geldige sessie" in info.value.reason
