"""The join desk: what participants' phones may do to the session, checked.

The desk holds no session of its own. It reaches the one the trainer's app edits
through a :class:`Host` (in the app: the walk screen's capture), and makes every
change inside ``host.change()``: the same undo snapshot and autosave as a key the
trainer presses. After a change it tells the host which step changed
(``host.contributed``), so that the trainer's view shows it at once.

Every contribution is checked before anything changes, and refused with a
:class:`Refused` (an HTTP status and a catalog key) when it is not allowed: a step
that is not the current one or is closed, an unknown category, item, prompt, idea or
question, a value off the scale, a text that is empty or too long, dots over the
budget, a device over its rate (``RATE`` a minute) or beyond the cap (``DEVICE_CAP``).

Plain Python: no textual, no aiohttp. Nothing here logs what participants type.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from samen_tui.i18n import t
from samen_tui.kinds import flow
from samen_tui.kinds.brainstorm import stats as brainstorm_stats
from samen_tui.kinds.brainstorm.model import BrainstormStep
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.participants import anonymous
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort import categories
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.codec import MAX_ITEMS
from samen_tui.session.model import GROUP, Participant, Session, new_id
from samen_tui.workshop.model import Step, Workshop

RATE = 30
"""Contributions (and joins) one device may send in ``RATE_WINDOW`` seconds."""
RATE_WINDOW = 60.0
DEVICE_CAP = 200
"""Devices that may join one session's server."""

NAME_LIMIT = 200
CARD_LIMIT = 500
IDEA_LIMIT = 300
ANSWER_LIMIT = 500
"""The same text limits as the trainer's fields (participants, sort, brainstorm,
questions views)."""

WRITABLE = ("sort", "rate", "brainstorm", "questions")
"""The step kinds a phone can add to; every other kind is shown read-only."""


T = TypeVar("T")


class Host(Protocol):
    """What the desk needs of the trainer's app."""

    @property
    def session(self) -> Session: ...

    @property
    def workshop(self) -> Workshop: ...

    def change(self) -> contextlib.AbstractContextManager[None]:
        """Wrap a change: undo snapshot before, autosave after (the step views' own)."""
        ...

    def contributed(self, step_id: str) -> None:
        """A phone changed a step's record (or the participants: ``""``)."""
        ...


class Refused(Exception):
    """A request that changes nothing: ``status`` (4xx) and a catalog ``key``."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values

    @property
    def message(self) -> str:
        return t(self.key, **self.values)


@dataclass
class Device:
    """One phone: its random id (its cookie), and who it speaks for once joined."""

    id: str
    participant: str = ""
    sent: deque[float] = field(default_factory=deque)
    """When its last requests that change something came (within the window)."""


def clean_text(value: str, limit: int) -> str:
    """A participant's text as the app keeps it: one line, no control characters,
    trimmed; :class:`Refused` when empty or longer than ``limit``."""
    text = "".join(ch if ch.isprintable() else " " for ch in value).strip()
    text = " ".join(text.split())
    if not text:
        raise Refused(400, "join.error.empty")
    if len(text) > limit:
        raise Refused(400, "join.error.too_long", limit=limit)
    return text


class Desk:
    """The phones of one server and what they may do to the host's session."""

    def __init__(
        self,
        host: Host,
        *,
        clock: Callable[[], float] = time.monotonic,
        rate: int = RATE,
        window: float = RATE_WINDOW,
        cap: int = DEVICE_CAP,
    ) -> None:
        self.host = host
        self.clock = clock
        self.rate_limit = rate
        self.window = window
        self.cap = cap
        self.devices: dict[str, Device] = {}
        self.slots: dict[tuple[str, str], str] = {}
        """(step, participant) → the numbered slot a participant's ratings or dots are
        kept under on an anonymous step (in memory only: the file holds the slot)."""
        self.closed: set[str] = set()
        """Steps the trainer closed for input."""
        self.contributions = 0
        """Changes made from phones since the server started."""
        self.version = 0
        """Goes up with every change from a phone (the pages' poll)."""
        self.stopped = False
        """The trainer stopped the input (or the session ended): every change refused."""

    # ------------------------------------------------------------------ state

    @property
    def session(self) -> Session:
        return self.host.session

    def current_step(self) -> Step | None:
        """The trainer's step; one fed by an earlier step (``from``) with what that
        step passes on now (its items, its prompts)."""
        step = self.host.workshop.step(self.session.current)
        if isinstance(step, SortStep):  # the categories of this session: added, renamed,
            # merged in the app (phones were offered the file's, and a card sent to a
            # merged category was in none the trainer saw)
            record = self.session.records.get(step.id)
            return categories.resolve(step, record if isinstance(record, SortRecord) else None)
        return None if step is None else flow.resolve(step, self.session, self.host.workshop)

    def is_open(self, step_id: str) -> bool:
        return step_id not in self.closed

    def set_open(self, step_id: str, open_: bool) -> None:
        if open_:
            self.closed.discard(step_id)
        else:
            self.closed.add(step_id)
        self.version += 1

    def participant_of(self, device_id: str) -> Participant | None:
        """Who a device speaks for (None: not joined, or the participant was removed)."""
        device = self.devices.get(device_id)
        if device is None or not device.participant:
            return None
        return self.session.participant(device.participant)

    # ------------------------------------------------------------------ limits

    def admit(self, device_id: str) -> Device:
        """The device for a request that changes something: counted against its rate
        (429 over it) and, when new, against the cap (403 beyond it); 409 once the
        input is stopped."""
        if self.stopped:
            raise Refused(409, "join.error.stopped")
        device = self.devices.get(device_id)
        if device is None:
            if len(self.devices) >= self.cap:
                raise Refused(403, "join.error.full", cap=self.cap)
            device = Device(device_id)
            self.devices[device_id] = device
        moment = self.clock()
        while device.sent and moment - device.sent[0] >= self.window:
            device.sent.popleft()
        if len(device.sent) >= self.rate_limit:
            raise Refused(429, "join.error.rate", rate=self.rate_limit)
        device.sent.append(moment)
        return device

    def _who(self, device_id: str) -> Participant:
        who = self.participant_of(device_id)
        if who is None:
            raise Refused(403, "join.error.not_joined")
        return who

    def _step(self, step_id: str, kind: type[Step]) -> Step:
        """The current step, if it is ``step_id``, of ``kind``, and open."""
        step = self.current_step()
        if step is None or step.id != step_id:
            raise Refused(409, "join.error.moved_on")
        if not isinstance(step, kind):
            raise Refused(400, "join.error.wrong_kind")
        if not self.is_open(step_id):
            raise Refused(409, "join.error.closed")
        return step

    def _changed(self, step_id: str) -> None:
        self.contributions += 1
        self.version += 1
        self.host.contributed(step_id)

    # ------------------------------------------------------------------ joining

    def join(self, device_id: str, *, participant: str = "", name: str = "") -> Participant:
        """Speak for a listed participant (``participant``: their id) or for a new one
        by ``name`` (an existing name, ignoring case, is that participant)."""
        if participant:
            found = self.session.participant(participant)
            if found is None:
                raise Refused(400, "join.error.unknown_participant")
            self.admit(device_id).participant = found.id
            self.version += 1
            return found
        text = clean_text(name, NAME_LIMIT)
        same = next(
            (p for p in self.session.participants if p.name.casefold() == text.casefold()), None
        )
        if same is None and len(self.session.participants) >= MAX_ITEMS:
            raise Refused(409, "join.error.too_many")
        device = self.admit(device_id)
        if same is None:
            same = Participant(id=new_id("p"), name=text, role=t("join.via_phone"))
            with self.host.change():
                self.session.participants.append(same)
            self._changed("")
        device.participant = same.id
        self.version += 1
        return same

    # ------------------------------------------------------------------ steps

    def _append(
        self,
        device_id: str,
        step: Step,
        items: list[T],
        item: T,
        also: Callable[[], None] | None = None,
    ) -> T:
        """Add a card, idea or answer to a step's list: within the file's limit and the
        device's rate, as one change of the host (undo, autosave), with ``also``."""
        if len(items) >= MAX_ITEMS:
            raise Refused(409, "join.error.too_many")
        self.admit(device_id)
        with self.host.change():
            items.append(item)
            if also is not None:
                also()
        self._changed(step.id)
        return item

    def voter(self, step: Step, who: Participant, *, assign: bool = False) -> str:
        """Whose rating or dot it is in the file: the participant's id, or on a step
        with ``anonymous = true`` a numbered slot that names nobody (a new one the
        first time, with ``assign``; "" before that)."""
        if not getattr(step, "anonymous", False):
            return who.id
        key = (step.id, who.id)
        found = self.slots.get(key, "")
        if not found and assign:
            used = set(self._voters(step))
            used.update(slot for (sid, _), slot in self.slots.items() if sid == step.id)
            found = anonymous.slots(used)[-1]
            self.slots[key] = found
        return found

    def _voters(self, step: Step) -> list[str]:
        record = self.session.records.get(step.id)
        if isinstance(record, RateRecord):
            return [who for rating in record.ratings.values() for who in rating.by]
        if isinstance(record, BrainstormRecord):
            return [who for idea in record.ideas for who in idea.votes]
        return []

    def add_card(self, device_id: str, step_id: str, text: str, category: str) -> Card:
        """Sort: a card under a category, from the device's participant."""
        who = self._who(device_id)
        step = self._step(step_id, SortStep)
        assert isinstance(step, SortStep)
        record = self.session.record(step.id, step.KIND)
        assert isinstance(record, SortRecord)
        # a page from before a merge: the card goes where that category's cards went
        category = categories.merged_into(record, category)
        if category not in {c.id for c in step.categories}:
            raise Refused(400, "join.error.unknown_category")
        clean = clean_text(text, CARD_LIMIT)
        card = Card(id=new_id("k"), text=clean, category=category, who=who.id)
        return self._append(device_id, step, record.cards, card)

    def rate(self, device_id: str, step_id: str, item: str, value: int) -> None:
        """Rate: the participant's own rating of an item."""
        who = self._who(device_id)
        step = self._step(step_id, RateStep)
        assert isinstance(step, RateStep)
        if not step.per_participant:
            raise Refused(409, "join.error.group_only")
        if item not in {i.id for i in step.items}:
            raise Refused(400, "join.error.unknown_item")
        if value not in step.scale.values:
            raise Refused(400, "join.error.off_scale")
        record = self.session.record(step.id, step.KIND)
        assert isinstance(record, RateRecord)
        self.admit(device_id)
        with self.host.change():
            rating = record.ratings.setdefault(item, Rating())
            rating.by[self.voter(step, who, assign=True)] = value
        self._changed(step.id)

    def add_idea(self, device_id: str, step_id: str, prompt: str, text: str) -> Idea:
        """Brainstorm: a card under a prompt."""
        who = self._who(device_id)
        step = self._step(step_id, BrainstormStep)
        assert isinstance(step, BrainstormStep)
        if prompt not in {p.id for p in step.prompts}:
            raise Refused(400, "join.error.unknown_prompt")
        clean = clean_text(text, IDEA_LIMIT)
        record = self.session.record(step.id, step.KIND)
        assert isinstance(record, BrainstormRecord)
        idea = Idea(
            id=new_id("i"), prompt=prompt, text=clean, who=GROUP if step.anonymous else who.id
        )
        title = next(p.title for p in step.prompts if p.id == prompt)

        def keep_title() -> None:  # the column's title, should its card go (as the app)
            record.prompts[prompt] = title

        return self._append(device_id, step, record.ideas, idea, keep_title if step.from_ else None)

    def votes_left(self, step: BrainstormStep, participant: str) -> int:
        record = self.session.records.get(step.id)
        held = record if isinstance(record, BrainstormRecord) else None
        return brainstorm_stats.votes_left(step, held, participant)

    def vote(self, device_id: str, step_id: str, idea_id: str, delta: int) -> None:
        """Brainstorm: spend a dot on an idea (``delta`` 1) or take one back (-1),
        within the step's budget per participant."""
        who = self._who(device_id)
        step = self._step(step_id, BrainstormStep)
        assert isinstance(step, BrainstormStep)
        if step.voting is None:
            raise Refused(409, "join.error.no_voting")
        if step.voting.per == "group":
            raise Refused(409, "join.error.group_only")
        if delta not in (1, -1):
            raise Refused(400, "join.error.bad_value")
        record = self.session.records.get(step.id)
        idea = None
        if isinstance(record, BrainstormRecord):
            idea = next((i for i in record.ideas if i.id == idea_id), None)
        if idea is None:
            raise Refused(400, "join.error.unknown_idea")
        key = self.voter(step, who, assign=delta > 0)
        mine = idea.votes.get(key, 0) if key else 0
        if delta > 0 and self.votes_left(step, key) <= 0:
            raise Refused(409, "join.error.budget", budget=step.voting.budget)
        if delta < 0 and mine <= 0:
            raise Refused(409, "join.error.no_dot")
        self.admit(device_id)
        with self.host.change():
            if mine + delta > 0:
                idea.votes[key] = mine + delta
            else:
                idea.votes.pop(key, None)
        self._changed(step.id)

    def answer(self, device_id: str, step_id: str, question: str, text: str) -> Answer:
        """Questions: an answer (the participant's, unless the step is not attributed)."""
        who = self._who(device_id)
        step = self._step(step_id, QuestionsStep)
        assert isinstance(step, QuestionsStep)
        if question not in {q.id for q in step.questions}:
            raise Refused(400, "join.error.unknown_question")
        clean = clean_text(text, ANSWER_LIMIT)
        record = self.session.record(step.id, step.KIND)
        assert isinstance(record, QuestionsRecord)
        answer = Answer(
            id=new_id("a"),
            question=question,
            text=clean,
            who=who.id if step.attributed and not step.anonymous else GROUP,
        )
        return self._append(device_id, step, record.answers, answer)
