"""A session of the default workshop with something captured at every step, for the
room's tests: written by value (``save_session``), its file's time fixed, so that the
room's clock (given a fixed "now") reads the same on every run.

Every note that is the trainer's own (``docs/verslag.md``) holds :data:`SECRET`: the
room must never show it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from samen_tui import paths
from samen_tui.kinds.actions.record import Action, ActionsRecord
from samen_tui.kinds.brainstorm.record import BrainstormRecord, Idea
from samen_tui.kinds.content.record import ContentRecord
from samen_tui.kinds.conversation.record import ConversationRecord, Decision, Mandate
from samen_tui.kinds.participants.record import ParticipantsRecord
from samen_tui.kinds.questions.record import Answer, QuestionsRecord
from samen_tui.kinds.rate.record import RateRecord, Rating
from samen_tui.kinds.references.record import ReferencesRecord
from samen_tui.kinds.sort.record import Card, SortRecord
from samen_tui.session.model import ItemTime, Participant, Session
from samen_tui.session.saving import save_session
from samen_tui.workshop.loader import load_workshop
from samen_tui.workshop.model import Workshop

SECRET = "GEHEIM-van-de-trainer"
"""In every note that is the trainer's own."""
WRITTEN = 1_800_000_000.0
"""When the test's session file was written (its modification time, POSIX)."""
NOW = WRITTEN + 42
"""The room's "now" in tests: 42 seconds after the file was written."""
TZ = dt.timezone(dt.timedelta(hours=1))

STEP_OF_KIND = {
    "content": "vijf-s",
    "participants": "wie-is-er",
    "sort": "motieven",
    "questions": "startvragen",
    "rate": "ingredienten",
    "brainstorm": "wat-helpt",
    "conversation": "gesprekken",
    "actions": "afspraken",
    "references": "inspiratie",
}
"""A step of each kind in the default workshop."""


def default_workshop() -> Workshop:
    return load_workshop(paths.PACKAGE_WORKSHOPS / "samen-ouder-worden.toml")


def full_session(current: str = "motieven", workshop: Workshop | None = None) -> Session:
    """Something captured at every step (markup characters in participant text)."""
    workshop = workshop or default_workshop()
    people = [
        Participant(id="p1", name="Anna de Vries", organisation="Gemeente Zeist", role="beleid"),
        Participant(id="p2", name="Bert [b]Jansen[/b]", organisation="Welzijn Zeist"),
        Participant(id="p3", name="Chloë Bakker", organisation="Seniorenraad", role="voorzitter"),
        Participant(id="p4", name="Dirk Smit", organisation="Gemeente Zeist"),
        Participant(id="p5", name="Eva Mol"),
    ]
    rate = workshop.step("ingredienten")
    rate_items = [item.id for item in getattr(rate, "items", ())]
    ratings = {
        item: Rating(group=(n % 5) + 1, by={"p1": (n % 4) + 1, "p2": ((n * 3) % 5) + 1}, note="")
        for n, item in enumerate(rate_items)
    }
    records = {
        "titel": ContentRecord(notes=f"{SECRET} titel"),
        "vijf-s": ContentRecord(notes=f"{SECRET} vijf-s"),
        "wie-is-er": ParticipantsRecord(notes=f"{SECRET} wie"),
        "motieven": SortRecord(
            cards=[
                Card(id="c1", text="Omdat ik [b]samen[/b] sterker ben", category="affectief"),
                Card(id="c2", text="Solidariteit met de buurt", category="affectief", who="p1"),
                Card(id="c3", text="Meer impact op de wijk", category="moreel", who="p2"),
                Card(id="c4", text="Subsidie binnenhalen", category="instrumenteel", who="p3"),
                Card(id="c5", text="Reputatie van de gemeente", category="instrumenteel"),
            ],
            notes=f"{SECRET} motieven",
        ),
        "casus": QuestionsRecord(
            answers=[Answer(id="a1", question="in-ieder-geval", text="Wonen en zorg", who="p1")]
        ),
        "ingredienten": RateRecord(ratings=ratings, notes=f"{SECRET} ingredienten"),
        "wat-helpt": BrainstormRecord(
            ideas=[
                Idea(id="i1", prompt="randvoorwaarden", text="Tijd en geld", votes={"p1": 1}),
                Idea(
                    id="i2",
                    prompt="randvoorwaarden",
                    text="Een trekker met mandaat",
                    votes={"p1": 2, "p2": 1},
                ),
                Idea(id="i3", prompt="werkwijzen", text="Korte lijnen", votes={"p3": 1}),
                Idea(id="i4", prompt="killers", text="Wantrouwen [i]x[/i]", votes={}),
            ],
            notes=f"{SECRET} wat-helpt",
        ),
        "gesprekken": ConversationRecord(
            flow="bob",
            notes={
                "beeldvorming": "Iedereen wil meer samen doen.",
                "oordeelsvorming": "Een pilot in de wijk is haalbaar.",
            },
            decisions=[Decision(id="d1", text="We starten een pilot")],
            actions=[
                Action(id="x1", who="p2", what="Flyer maken", when=dt.date(2027, 1, 15)),
            ],
            mandates=[Mandate(id="m1", partner="GGD", take_back="Budget", holder="p1")],
        ),
        "startvragen": QuestionsRecord(
            answers=[
                Answer(id="s1", question="core-business", text="Goed ouder worden", who="p3"),
                Answer(id="s2", question="nooit-los", text="Eigen regie [i]altijd[/i]"),
            ]
        ),
        "afspraken": ActionsRecord(
            actions=[
                Action(id="x2", who="Chloë Bakker", what="Verslag rondsturen"),
                Action(
                    id="x3",
                    who="p1",
                    what="Budget regelen",
                    when=dt.date(2026, 12, 5),
                    status="done",
                ),
            ]
        ),
        "inspiratie": ReferencesRecord(notes=f"{SECRET} inspiratie"),
    }
    return Session(
        workshop=workshop.id,
        fingerprint=workshop.fingerprint,
        title="Gemeente Zeist",
        place="Zeist",
        trainer="Inés",
        language="nl",
        started=dt.datetime(2026, 11, 28, 9, 30, tzinfo=TZ),
        current=current,
        participants=people,
        items={"welkom": ItemTime(seconds=900), "waarom": ItemTime(seconds=1200)},
        records=records,
        steps=workshop.step_ids(),
    )


def write(session: Session, folder: Path, name: str = "2026-11-28-zeist.toml") -> Path:
    """Save the session in ``folder`` (made if need be), its file time :data:`WRITTEN`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    save_session(session, path)
    stamp = int(WRITTEN * 1e9)
    os.utime(path, ns=(stamp, stamp))
    return path
