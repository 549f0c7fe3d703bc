"""Both processes on pseudo-terminals, as on the day: the trainer's app (``samen run``)
and the room (``samen room``) following it.

The trainer types a private note on the first slide, pages to the motive step (a
sort) and types a card (its text, Enter, and the motive's number: the card is made).
The room shows the motive step and then the card, within 1.5 s of the keystroke that
made it (most of that is the trainer's autosave), and never the note: not in
anything it printed. Run with ``-s`` to see the times.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from samen_tui.room import NICE
from tests.reliability.pty_app import PtyApp
from tests.room.helpers import default_workshop

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty"),
]

NOTE = "Privenotitie"
CARD = "Buurtkracht"
WITHIN = 1.5
"""Seconds from the trainer's keystroke to the room showing what it made (#17)."""
STEP = "motieven"
CARD_FIELD = "Typ een kaartje"


def test_the_room_follows_the_trainer_and_never_shows_the_note(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    steps = [step for _item, step in default_workshop().steps()]
    titles = {step.id: step.title for step in steps}
    target = [step.id for step in steps].index(STEP)
    trainer_args = ["--sessions", str(sessions), "run", "samen-ouder-worden", "--title", "Zaal"]
    with PtyApp(trainer_args, columns=100, rows=30) as trainer:
        trainer.wait_for_text(f"›  {titles[steps[0].id]}", 60)
        trainer.type(NOTE)  # the notes field of the first slide has the focus
        trainer.wait_for(lambda: NOTE in _saved(sessions), 10, "the note saved")

        with PtyApp(["--sessions", str(sessions), "room"], columns=80, rows=24) as room:
            room.wait_for_text(titles[steps[0].id], 60)

            since, trainer_since = room.mark(), trainer.mark()
            for _ in range(target):
                trainer.press("pagedown")
            moved = time.monotonic()
            trainer.wait_for_text(CARD_FIELD, 20, trainer_since)  # the sort step's field
            room.wait_for_text(titles[STEP], 10, since)
            step_after = time.monotonic() - moved

            trainer.type(CARD)
            trainer.press("enter")  # the sort step asks: which motive?
            trainer.wait_for_text("Welk motief?", 10)
            since = room.mark()
            trainer.type("1")  # the card is made, in the first column
            typed = time.monotonic()
            room.wait_for(lambda: CARD in room.text(since), 10, f"the card {CARD!r}")
            card_after = time.monotonic() - typed

            print(f"step {step_after:.3f} s, card {card_after:.3f} s")
            assert card_after <= WITHIN, f"the card reached the room after {card_after:.2f} s"
            assert step_after <= WITHIN + 0.5, f"the step reached the room after {step_after:.2f} s"
            assert NOTE in _saved(sessions)  # the note is in the file the room reads ...
            assert NOTE not in room.text()  # ... and never on the room's screen
            assert room.alive and trainer.alive
            if Path(f"/proc/{room.process.pid}/stat").exists():  # Linux: its priority
                assert _nice(room.process.pid) == _nice(trainer.process.pid) + NICE
        trainer.press("ctrl+q")
        assert trainer.wait() == 0


def _nice(pid: int) -> int:
    """A process's nice value (Linux: the 19th field of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[16])


def _saved(sessions: Path) -> str:
    return "".join(path.read_text("utf-8") for path in sessions.glob("*.toml"))
