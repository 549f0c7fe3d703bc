"""A full session of the default workshop, every exercise filled, and its save timed.

:func:`full_session` is what a busy day leaves: 12 participants from 8
organisations, trainer notes on every slide, 36 motive cards over the three
categories, all 16 ingredients rated by the group *and* by every participant with a
note on some, 18 brainstorm cards over the three prompts with every participant's 3
dots spent, a BARB conversation with notes in every phase, mandates, decisions and
actions, answers to every question, and 12 actions. Deterministic (fixed dates,
fixed random seed), so every run saves the same bytes.

:func:`time_autosave` times the two halves of an autosave (see
``samen_tui/session/autosave.py``): ``Session.to_dict()`` (on the UI thread, in
``WalkCapture.autosave``) and ``save_session`` (TOML text, atomic write with
fsync, backup, rename: on the writer thread), plus, as a floor for comparison, a
plain write of the same bytes to a temporary file with fsync and a rename.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from samen_tui import paths
from samen_tui.kinds.actions.model import ActionsStep
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.brainstorm.model import BrainstormStep
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.content.model import ContentStep
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.conversation.model import ConversationStep
from samen_tui.kinds.conversation.record import ConversationRecord, Decision, Mandate
from samen_tui.kinds.participants.model import ParticipantsStep
from samen_tui.kinds.participants.record import ParticipantsRecord
from samen_tui.kinds.questions.model import QuestionsStep
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.kinds.rate.model import RateStep
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.sort.model import SortStep
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import ItemTime, Participant, Session
from samen_tui.workshop.loader import load_workshop

TZ = dt.timezone(dt.timedelta(hours=1))
PEOPLE = (
    ("Anna de Boer", "Gemeente Zeist", "beleidsadviseur"),
    ("Bram Yilmaz", "Wijkteam Zeist-Noord", "wijkcoach"),
    ("Chloë van Dijk", "Zorggroep Midden", "wijkverpleegkundige"),
    ("Daan Visser", "Welzijn Plus", "coördinator"),
    ("Esther Meijer", "Woningcorporatie Thuis", "consulent"),
    ("Fatima El Amrani", "Huisartsenpraktijk De Linde", "praktijkondersteuner"),
    ("Gerrit Bos", "Seniorenraad", "voorzitter"),
    ("Hanneke de Groot", "Bibliotheek", "programmamaker"),
    ("Ilse Hendriks", "Vrijwilligerscentrale", "vrijwilliger"),
    ("Joost van Leeuwen", "Gemeente Zeist", "wethouder"),
    ("Karin Dekker", "Zorggroep Midden", "teamleider"),
    ("Mohamed Brouwer", "Welzijn Plus", "ouderenadviseur"),
)
MOTIVES = {
    "affectief": ("Ik ken de mensen hier al jaren", "Samen sterker", "Goede buren zijn"),
    "moreel": ("Ouderen verdienen beter", "Echte impact in de wijk", "Het moet anders"),
    "instrumenteel": ("Budget delen", "Ons netwerk vergroten", "Doelen sneller halen"),
}
IDEAS = {
    "randvoorwaarden": (
        "Een vaste trekker met tijd",
        "Mandaat van de besturen",
        "Eén gezamenlijke agenda",
        "Geld voor twee jaar",
        "Een plek om samen te werken",
        "Heldere spelregels",
    ),
    "werkwijzen": (
        "Kort cyclisch werken",
        "Samen op huisbezoek",
        "Elke maand evalueren",
        "Casusoverleg per wijk",
        "Eén aanmeldpunt",
        "Leren van wat misgaat",
    ),
    "killers": (
        "Geen tijd",
        "Wantrouwen",
        "Eigen belang eerst",
        "Te veel overleg",
        "Wisselende gezichten aan tafel",
        "Geen besluiten nemen",
    ),
}
NOTE = (
    "De groep herkent dit sterk; vooral de huisartsen missen nog aan tafel.\n"
    "Afgesproken om hier de volgende keer op terug te komen."
)


def _pid(number: int) -> str:
    return f"p{number + 1:02d}"


def full_session(seed: int = 7) -> Session:
    """The default workshop with every exercise filled (see the module doc)."""
    workshop = load_workshop(paths.PACKAGE_WORKSHOPS / "samen-ouder-worden.toml")
    rng = random.Random(seed)
    pids = [_pid(n) for n in range(len(PEOPLE))]
    started = dt.datetime(2026, 3, 12, 9, 30, tzinfo=TZ)
    session = Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title="Samen Ouder Worden — Gemeente Zeist",
        place="Zeist, Het Klooster",
        trainer="Petra Bakker",
        language=workshop.meta.language,
        started=started,
        current=workshop.step_ids()[-1],
        participants=[
            Participant(id=pid, name=name, organisation=org, role=role)
            for pid, (name, org, role) in zip(pids, PEOPLE, strict=True)
        ],
        items={item.id: ItemTime(seconds=item.minutes * 60 + 95) for item in workshop.items},
    )
    serial = 0

    def ident(prefix: str) -> str:
        nonlocal serial
        serial += 1
        return f"{prefix}{serial:04x}"

    when = dt.date(2026, 4, 1)
    for _item, step in workshop.steps():
        if isinstance(step, ContentStep):
            session.records[step.id] = ContentRecord(notes=NOTE)
        elif isinstance(step, ParticipantsStep):
            session.records[step.id] = ParticipantsRecord(notes="Joost kwam om 10 uur.")
        elif isinstance(step, SortStep):
            cards = [
                Card(
                    id=ident("c"),
                    text=rng.choice(MOTIVES.get(category.id, ("Samen",))),
                    category=category.id,
                    who=pid,
                )
                for pid in pids
                for category in step.categories
            ]
            session.records[step.id] = SortRecord(cards=cards, notes=NOTE)
        elif isinstance(step, RateStep):
            low, high = step.scale.min, step.scale.max
            session.records[step.id] = RateRecord(
                ratings={
                    item.id: Rating(
                        group=rng.randint(low, high),
                        by={pid: rng.randint(low, high) for pid in pids},
                        note=NOTE if number % 4 == 0 else "",
                    )
                    for number, item in enumerate(step.items)
                },
                notes=NOTE,
            )
        elif isinstance(step, BrainstormStep):
            ideas = [
                Idea(id=ident("i"), prompt=prompt.id, text=text, who=rng.choice(pids))
                for prompt in step.prompts
                for text in IDEAS.get(prompt.id, ("Samen eten",))
            ]
            budget = step.voting.budget if step.voting else 3
            for pid in pids:
                for idea in rng.sample(ideas, budget):
                    idea.votes[pid] = idea.votes.get(pid, 0) + 1
            session.records[step.id] = BrainstormRecord(ideas=ideas, notes=NOTE)
        elif isinstance(step, ConversationStep):
            flow = step.flows[-1]
            session.records[step.id] = ConversationRecord(
                flow=flow.id,
                notes={phase.id: NOTE for phase in flow.phases},
                mandates=[
                    Mandate(
                        id=ident("m"),
                        partner=org,
                        take_back="Inzet van twee uur per week voor de pilot",
                        holder=pid,
                        by=when + dt.timedelta(days=14),
                    )
                    for pid, (_name, org, _role) in list(zip(pids, PEOPLE, strict=True))[:6]
                ],
                decisions=[
                    Decision(id=ident("d"), text=text)
                    for text in (
                        "We starten in september een pilot in Zeist-Noord.",
                        "Elke maand een gezamenlijk casusoverleg.",
                        "De gemeente is het eerste jaar trekker.",
                    )
                ],
                actions=[
                    Action(
                        id=ident("a"),
                        who=pids[n],
                        what=f"Uitwerken van besluit {n + 1} voor het bestuur",
                        when=when + dt.timedelta(days=7 * n),
                    )
                    for n in range(4)
                ],
            )
        elif isinstance(step, QuestionsStep):
            session.records[step.id] = QuestionsRecord(
                answers=[
                    Answer(
                        id=ident("q"),
                        question=question.id,
                        text=f"Antwoord {n + 1}: wat ieder van ons wil bereiken, en waarom.",
                        who=pids[(n * 5) % len(pids)],
                    )
                    for question in step.questions
                    for n in range(4)
                ]
            )
        elif isinstance(step, ActionsStep):
            session.records[step.id] = ActionsRecord(
                actions=[
                    Action(
                        id=ident("a"),
                        who=pids[n],
                        what=f"Actie {n + 1}: plan de volgende stap met de partners",
                        when=when + dt.timedelta(days=3 * n),
                        status="done" if n % 3 == 0 else "open",
                    )
                    for n in range(len(pids))
                ]
            )
    return session


@dataclass(frozen=True)
class SaveTimes:
    to_dict: list[float]
    save: list[float]
    raw_write: list[float]
    size: int
    """Bytes of the saved file."""


def _raw_write(folder: Path, data: bytes) -> None:
    temp = folder / ".raw.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, folder / "raw.toml")


def time_autosave(count: int, directory: str | None = None) -> SaveTimes:
    """``count`` interleaved timings of to_dict, save_session and a raw fsync'd write."""
    from samen_tui.session.store import dumps_session, save_session

    session = full_session()
    data = dumps_session(session).encode("utf-8")
    to_dict: list[float] = []
    saves: list[float] = []
    raws: list[float] = []
    with tempfile.TemporaryDirectory(prefix="samen-bench-save-", dir=directory) as tmp:
        folder = Path(tmp)
        path = folder / "2026-03-12-samen-ouder-worden-gemeente-zeist.toml"
        save_session(session, path)  # the first save creates the file; not timed
        _raw_write(folder, data)
        for _ in range(count):
            start = time.perf_counter()
            session.to_dict()
            to_dict.append(time.perf_counter() - start)
            start = time.perf_counter()
            save_session(session, path)
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            _raw_write(folder, data)
            raws.append(time.perf_counter() - start)
        size = path.stat().st_size
    return SaveTimes(to_dict, saves, raws, size)


def write_full_session(directory: Path) -> Path:
    """Save the full session into ``directory`` (for the keypress walk); its path."""
    from samen_tui.session.store import save_session

    path = directory / "2026-03-12-samen-ouder-worden-gemeente-zeist.toml"
    save_session(full_session(), path)
    return path


if __name__ == "__main__":
    times = time_autosave(20)
    print(
        f"{times.size} bytes; to_dict {statistics.median(times.to_dict) * 1000:.2f} ms, "
        f"save {statistics.median(times.save) * 1000:.2f} ms, "
        f"raw {statistics.median(times.raw_write) * 1000:.2f} ms"
    )
