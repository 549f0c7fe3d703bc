"""The session: what one run of a workshop captured.

One TOML file per session (see ``store``). Records are keyed by step id, one
record class per step kind (``RECORD_CLASSES``), each carrying its ``kind`` so a
record can be read without the workshop. Every field has a default: empty values
are left out of the file and read back as the default.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from samen_tui.session.codec import DecodeError, decode, encode, encoded_fields, is_empty
from samen_tui.values import Values

SCHEMA = 1
"""The session file format this version writes. A file with a higher schema is refused."""

GROUP = ""
"""``who`` value meaning "the group" (not one participant)."""


def new_id(prefix: str = "") -> str:
    """A short random id for a card, participant or action (stable once made)."""
    return f"{prefix}{secrets.token_hex(4)}"


def now() -> dt.datetime:
    """The local time, whole seconds, with its UTC offset."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


# --------------------------------------------------------------------------- parts


@dataclass(kw_only=True, eq=False, repr=False)
class Participant(Values):
    id: str = ""
    name: str = ""
    organisation: str = ""
    role: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class Card(Values):
    """A card on the motive map (sort step)."""

    id: str = ""
    text: str = ""
    category: str = ""
    who: str = GROUP
    """Participant id, or "" for the group."""


@dataclass(kw_only=True, eq=False, repr=False)
class Rating(Values):
    group: int | None = None
    """The group's rating."""
    by: dict[str, int] = field(default_factory=dict)
    """Ratings per participant id."""
    note: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class Idea(Values):
    """A brainstorm card."""

    id: str = ""
    prompt: str = ""
    text: str = ""
    who: str = GROUP
    votes: dict[str, int] = field(default_factory=dict)
    """Dots per voter: participant id, or "groep" for the group."""

    @property
    def total_votes(self) -> int:
        return sum(self.votes.values())


ActionStatus = Literal["open", "done"]


@dataclass(kw_only=True, eq=False, repr=False)
class Action(Values):
    """Wie doet wat wanneer."""

    id: str = ""
    who: str = ""
    what: str = ""
    when: dt.date | None = None
    status: ActionStatus = "open"
    origin: str = ""
    """Where it came from: a session file name when taken over from an earlier session."""


@dataclass(kw_only=True, eq=False, repr=False)
class Decision(Values):
    id: str = ""
    text: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class Mandate(Values):
    """Achterbanraadpleging: what a partner takes back, who holds the mandate, by when."""

    id: str = ""
    partner: str = ""
    take_back: str = ""
    holder: str = ""
    by: dt.date | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Answer(Values):
    id: str = ""
    question: str = ""
    text: str = ""
    who: str = GROUP


# --------------------------------------------------------------------------- records


@dataclass(kw_only=True, eq=False, repr=False)
class Record(Values):
    """Base of every record. ``kind`` names the step kind."""

    KIND: ClassVar[str] = ""
    kind: str = ""

    def __post_init__(self) -> None:
        self.kind = self.KIND

    def is_empty(self) -> bool:
        return not {k: v for k, v in encode(self).items() if k != "kind"}


@dataclass(kw_only=True, eq=False, repr=False)
class ContentRecord(Record):
    KIND: ClassVar[str] = "content"
    notes: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class ParticipantsRecord(Record):
    """The participants themselves live in ``Session.participants``; this keeps notes."""

    KIND: ClassVar[str] = "participants"
    notes: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class SortRecord(Record):
    KIND: ClassVar[str] = "sort"
    cards: list[Card] = field(default_factory=list)
    notes: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class RateRecord(Record):
    KIND: ClassVar[str] = "rate"
    ratings: dict[str, Rating] = field(default_factory=dict)
    notes: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class BrainstormRecord(Record):
    KIND: ClassVar[str] = "brainstorm"
    ideas: list[Idea] = field(default_factory=list)
    notes: str = ""


@dataclass(kw_only=True, eq=False, repr=False)
class ConversationRecord(Record):
    KIND: ClassVar[str] = "conversation"
    flow: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    """Notes per phase id."""
    mandates: list[Mandate] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class QuestionsRecord(Record):
    KIND: ClassVar[str] = "questions"
    answers: list[Answer] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class ActionsRecord(Record):
    KIND: ClassVar[str] = "actions"
    actions: list[Action] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class ReferencesRecord(Record):
    KIND: ClassVar[str] = "references"
    notes: str = ""


RECORD_CLASSES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        ContentRecord,
        ParticipantsRecord,
        SortRecord,
        RateRecord,
        BrainstormRecord,
        ConversationRecord,
        QuestionsRecord,
        ActionsRecord,
        ReferencesRecord,
    )
}


# --------------------------------------------------------------------------- session


@dataclass(kw_only=True, eq=False, repr=False)
class ItemTime(Values):
    """Time actually spent on an agenda item."""

    seconds: int = 0


@dataclass(kw_only=True, eq=False, repr=False)
class Session(Values):
    schema: int = SCHEMA
    workshop: str = ""
    """The workshop id."""
    fingerprint: str = ""
    """``sha256:<hex>`` of the workshop file this session ran."""
    title: str = ""
    place: str = ""
    trainer: str = ""
    language: str = ""
    started: dt.datetime | None = None
    ended: dt.datetime | None = None
    current: str = ""
    """The step the trainer is on."""
    paused: bool = False
    """Whether the item timer was paused when last saved."""
    participants: list[Participant] = field(default_factory=list)
    items: dict[str, ItemTime] = field(default_factory=dict)
    """Actual time per agenda item id."""
    records: dict[str, Record] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    """The step ids of the workshop file as this session last ran it (to tell, after
    the file changed, which steps were added and removed)."""
    removed_steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Records of steps no longer in the workshop file, kept as they were: never
    dropped, and put back if the step returns."""

    @property
    def complete(self) -> bool:
        return self.ended is not None

    def participant(self, pid: str) -> Participant | None:
        for p in self.participants:
            if p.id == pid:
                return p
        return None

    def who_name(self, pid: str, group: str = "groep") -> str:
        p = self.participant(pid) if pid else None
        return p.name if p else (pid if pid else group)

    def record(self, step_id: str, kind: str) -> Record:
        """The record of a step, made empty if it does not exist yet."""
        rec = self.records.get(step_id)
        if rec is None or kind != rec.KIND:
            rec = RECORD_CLASSES[kind]()
            self.records[step_id] = rec
        return rec

    def all_actions(self) -> list[tuple[str, Action]]:
        """Every action in the session, with the id of the step it lives in."""
        out: list[tuple[str, Action]] = []
        for step_id, rec in self.records.items():
            if isinstance(rec, (ConversationRecord, ActionsRecord)):
                out.extend((step_id, a) for a in rec.actions)
        return out

    def all_decisions(self) -> list[tuple[str, Decision]]:
        out: list[tuple[str, Decision]] = []
        for step_id, rec in self.records.items():
            if isinstance(rec, ConversationRecord):
                out.extend((step_id, d) for d in rec.decisions)
        return out

    # ------------------------------------------------------------------ (de)serialise

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in encoded_fields(Session):
            if name == "records":
                # each record encoded once; one holding nothing but its kind is left out
                encoded = {step_id: encode(rec) for step_id, rec in self.records.items()}
                value: Any = {k: rec for k, rec in encoded.items() if len(rec) > 1}
            else:
                value = encode(getattr(self, name))
            if not is_empty(value):
                data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """Build a session from parsed TOML; raise :class:`SessionFormatError`."""
        schema = data.get("schema")
        if not isinstance(schema, int) or isinstance(schema, bool):
            raise SessionFormatError("schema: missing or not a whole number")
        if schema > SCHEMA:
            raise NewerSchemaError(
                f"schema {schema} is newer than this version of samen understands"
                f" ({SCHEMA}); update samen-tui to open it"
            )
        raw_records = data.get("records", {})
        if not isinstance(raw_records, dict):
            raise SessionFormatError("records: expected a table")
        rest = {k: v for k, v in data.items() if k != "records"}
        try:
            session = decode(cls, rest)
            records: dict[str, Record] = {}
            for step_id, raw in raw_records.items():
                if not isinstance(raw, dict):
                    raise DecodeError(f"records.{step_id}", "expected a table")
                kind = raw.get("kind")
                if kind not in RECORD_CLASSES:
                    raise DecodeError(f"records.{step_id}.kind", f"unknown kind {kind!r}")
                records[step_id] = decode(RECORD_CLASSES[kind], raw, f"records.{step_id}")
        except DecodeError as exc:
            raise SessionFormatError(str(exc)) from None
        session.records = records
        return session


class SessionFormatError(ValueError):
    """A session file that parses as TOML but is not a valid session."""


class NewerSchemaError(SessionFormatError):
    """A session file written by a newer version."""
