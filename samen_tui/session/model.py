"""The session: what one run of a workshop captured.

One TOML file per session (see ``store``). Records are keyed by step id, one
record class per step kind (``samen_tui/kinds/<kind>/record.py``, found through
:func:`samen_tui.kinds.record_class`), each carrying its ``kind`` so a record can be
read without the workshop. Every field has a default: empty values
are left out of the file and read back as the default.

This module never imports textual.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from samen_tui import kinds
from samen_tui.session.codec import DecodeError, decode, encode, encoded_fields, is_empty
from samen_tui.values import Values

if TYPE_CHECKING:
    from samen_tui.kinds.actions.record import Action
    from samen_tui.kinds.conversation.record import Decision

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

    def held_actions(self) -> Sequence[Action]:
        """The actions this record holds (wie / wat / wanneer), for the session's list."""
        return ()

    def held_decisions(self) -> Sequence[Decision]:
        """The decisions this record holds, for the session's list."""
        return ()


def record_class(kind: str) -> type[Record]:
    """The record class of a kind; :class:`KeyError` for an unknown kind."""
    cls = kinds.record_class(kind)
    if cls is None:
        raise KeyError(kind)
    return cls


# --------------------------------------------------------------------------- session


@dataclass(kw_only=True, eq=False, repr=False)
class ItemTime(Values):
    """Time actually spent on an agenda item."""

    seconds: int = 0


@dataclass(kw_only=True, eq=False, repr=False)
class RoomState(Values):
    """What the trainer lets the room see (``samen room``, the beamer): presentation,
    not capture, so undo leaves it as it is."""

    blank: bool = False
    """The room shows nothing but a calm blank (a presenter's "B")."""
    revealed: list[str] = field(default_factory=list)
    """The steps whose results (ratings, dot votes) the room may show; those of any
    other step stay hidden while the group is still at work."""


@dataclass(kw_only=True, eq=False, repr=False)
class StepTime(Values):
    """Time spent on a step that has its own timebox (``minutes`` or ``rounds``)."""

    seconds: int = 0
    round: int = 0
    """The round the step is in (0: the first), for a step with rounds."""
    round_started: int = 0
    """``seconds`` when that round began."""


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
    room: RoomState = field(default_factory=RoomState)
    """What the room's screen shows (left out of the file while it is the default)."""
    participants: list[Participant] = field(default_factory=list)
    items: dict[str, ItemTime] = field(default_factory=dict)
    """Actual time per agenda item id."""
    records: dict[str, Record] = field(default_factory=dict)
    step_times: dict[str, StepTime] = field(default_factory=dict)
    """Actual time per step id, for steps with their own timebox (#20)."""
    steps: list[str] = field(default_factory=list)
    """The step ids of the workshop file as this session last ran it (to tell, after
    the file changed, which steps were added and removed)."""
    seen: list[str] = field(default_factory=list)
    """The steps the trainer stayed on long enough to count as done without anything
    captured (a slide talked through): the agenda's ✓."""
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
            rec = record_class(kind)()
            self.records[step_id] = rec
        return rec

    def all_actions(self) -> list[tuple[str, Action]]:
        """Every action in the session, with the id of the step it lives in."""
        out: list[tuple[str, Action]] = []
        for step_id, rec in self.records.items():
            out.extend((step_id, a) for a in rec.held_actions())
        return out

    def all_decisions(self) -> list[tuple[str, Decision]]:
        out: list[tuple[str, Decision]] = []
        for step_id, rec in self.records.items():
            out.extend((step_id, d) for d in rec.held_decisions())
        return out

    # ------------------------------------------------------------------ (de)serialise

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in encoded_fields(Session):
            if name == "records":
                # each record encoded once; one holding nothing but its kind is left out
                encoded = {step_id: encode(rec) for step_id, rec in self.records.items()}
                value: Any = {k: rec for k, rec in encoded.items() if len(rec) > 1}
            elif name == "room":
                # "not blank" is how a room starts: left out, so that a session that
                # never had a room reads as before
                value = {k: v for k, v in encode(self.room).items() if v is not False}
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
                record = kinds.record_class(kind) if isinstance(kind, str) else None
                if record is None:
                    raise DecodeError(f"records.{step_id}.kind", f"unknown kind {kind!r}")
                records[step_id] = decode(record, raw, f"records.{step_id}")
        except DecodeError as exc:
            raise SessionFormatError(str(exc), key=exc.path) from None
        session.records = records
        return session


class SessionFormatError(ValueError):
    """A session file that parses as TOML but is not a valid session; ``key`` is the
    key path of what is wrong (``records.acties.actions[0].when``), when known."""

    def __init__(self, message: str, *, key: str = "") -> None:
        super().__init__(message)
        self.key = key


class NewerSchemaError(SessionFormatError):
    """A session file written by a newer version."""
